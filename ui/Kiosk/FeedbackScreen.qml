// The one question at check-out: how was your welcome? Five large faces.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk
    readonly property var faceNames: [qsTr("Very bad"), qsTr("Bad"), qsTr("All right"),
                                      qsTr("Good"), qsTr("Very good")]

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2

        ScreenTitle {
            objectName: "feedbackQuestion"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("You're checked out. How was your welcome?")
        }
        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            columns: screen.width > screen.height ? 5 : 3
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Repeater {
                model: 5
                KioskButton {
                    id: face
                    required property int index
                    objectName: "face_" + (index + 1)
                    implicitWidth: 260
                    implicitHeight: 300
                    text: screen.faceNames[index]
                    font.pixelSize: Theme.smallSize
                    Accessible.name: screen.faceNames[index]
                    onClicked: screen.kiosk.checkOut.rate(index + 1)
                    contentItem: ColumnLayout {
                        spacing: 8
                        Image {
                            Layout.alignment: Qt.AlignHCenter
                            source: Qt.resolvedUrl("../../assets/face_" + (face.index + 1) + ".svg")
                            sourceSize: Qt.size(180, 180)
                        }
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: screen.faceNames[face.index]
                            font.pixelSize: Theme.smallSize
                            color: Theme.textOnSecondary
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
        KioskButton {
            objectName: "skipFeedback"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Skip")
            onClicked: screen.kiosk.checkOut.rate(0)
        }
    }
}
