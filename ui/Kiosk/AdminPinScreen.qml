// Staff only: the admin PIN, typed on a keypad; wrong tries make the next one wait longer.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk
    readonly property bool waiting: kiosk.adminPanel.pinWaitSeconds > 0

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        spacing: Theme.spacing

        ScreenTitle {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Staff only: enter the admin PIN")
        }
        Text {
            objectName: "pinDots"
            textFormat: Text.PlainText
            Layout.alignment: Qt.AlignHCenter
            text: "●".repeat(screen.kiosk.adminPanel.pinLength) || " "
            font.pixelSize: Theme.titleSize
            color: Theme.text
            Accessible.name: qsTr("%n digits typed", "", screen.kiosk.adminPanel.pinLength)
        }
        Text {
            objectName: "pinMessage"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: text !== ""
            text: screen.waiting
                  ? qsTr("Wrong PIN. Try again in %n second(s).", "", screen.kiosk.adminPanel.pinWaitSeconds)
                  : screen.kiosk.adminPanel.pinMessage
            color: Theme.error
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }
        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            columns: 3
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 2
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                KioskButton {
                    required property string modelData
                    objectName: "pin_" + modelData
                    implicitWidth: 180
                    text: modelData
                    enabled: !screen.waiting
                    onClicked: screen.kiosk.adminPanel.pinDigit(modelData)
                }
            }
            KioskButton {
                objectName: "pinErase"
                implicitWidth: 180
                text: qsTr("Erase")
                onClicked: screen.kiosk.adminPanel.pinErase()
            }
            KioskButton {
                objectName: "pin_0"
                implicitWidth: 180
                text: "0"
                enabled: !screen.waiting
                onClicked: screen.kiosk.adminPanel.pinDigit("0")
            }
            KioskButton {
                objectName: "pinOk"
                implicitWidth: 180
                primary: true
                text: qsTr("OK")
                enabled: !screen.waiting && screen.kiosk.adminPanel.pinLength > 0
                onClicked: screen.kiosk.adminPanel.pinSubmit()
            }
        }
        KioskButton {
            objectName: "pinCancel"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Cancel")
            onClicked: screen.kiosk.reset()
        }
    }
}
