// Scan your invitation: the camera's view, where to hold the code, and Back. The camera is on
// only while this screen shows; a code it reads checks the visitor in as a scanner's would.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk
    readonly property bool portrait: height > width

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "backButton"
                text: qsTr("Back")
                onClicked: screen.kiosk.back()
            }
            ScreenTitle {
                objectName: "title"
                Layout.fillWidth: true
                text: qsTr("Scan your invitation")
            }
        }
        BodyText {
            objectName: "cameraHint"
            Layout.fillWidth: true
            text: screen.kiosk.scanFlow.reading
                  ? qsTr("Reading your code…")
                  : screen.kiosk.scanFlow.cameraAvailable
                    ? qsTr("Hold the QR code on your invitation inside the square, about a hand's width from the camera.")
                    : qsTr("The camera is not available. Please check in with your name instead.")
        }
        Rectangle {
            objectName: "viewfinderArea"
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.text
            radius: Theme.radius
            clip: true
            visible: screen.kiosk.scanFlow.cameraAvailable
            Loader {
                objectName: "viewfinderLoader"
                anchors.fill: parent
                // Loaded only with a camera, so a kiosk without one never loads the multimedia
                // libraries.
                Component.onCompleted: {
                    if (screen.kiosk.scanFlow.cameraAvailable)
                        setSource(Qt.resolvedUrl("Viewfinder.qml"), { scan: screen.kiosk.scanFlow })
                }
            }
        }
        Item {
            Layout.fillHeight: true
            visible: !screen.kiosk.scanFlow.cameraAvailable
        }
        KioskButton {
            objectName: "cameraNameInstead"
            Layout.alignment: Qt.AlignHCenter
            primary: !screen.kiosk.scanFlow.cameraAvailable
            text: qsTr("Type my name instead")
            onClicked: screen.kiosk.startCheckIn()
        }
    }
}
