// The camera's live view, with a square to hold the code in; its frames go to the code reader.
import QtQuick
import QtMultimedia
import ViewModels

Item {
    id: finder
    required property ScanFlow scan

    CaptureSession {
        camera: Camera { active: true }
        videoOutput: output
    }
    VideoOutput {
        id: output
        objectName: "viewfinder"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectCrop
    }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height) * 0.7
        height: width
        color: "transparent"
        radius: Theme.radius
        border.width: 8
        border.color: Theme.textOnPrimary
    }
    Component.onCompleted: finder.scan.watch(output.videoSink)
}
