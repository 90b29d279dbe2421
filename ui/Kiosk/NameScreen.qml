// Your name: one large field and Next, always above the on-screen keyboard.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk
    property bool checkingOut: false

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            KioskButton {
                objectName: "backButton"
                text: qsTr("Back")
                onClicked: screen.kiosk.back()
            }
            ScreenTitle {
                objectName: "title"
                Layout.fillWidth: true
                text: screen.checkingOut ? qsTr("Checking out? Type your name.")
                                         : qsTr("What is your name?")
            }
        }
        RowLayout {
            spacing: Theme.spacing
            EntryField {
                id: field
                objectName: "nameField"
                Layout.fillWidth: true
                label: qsTr("First and last name")
                text: screen.kiosk.name
                focus: true
                onTextEdited: screen.kiosk.setName(text)
                onAccepted: screen.kiosk.submitName()
                Component.onCompleted: forceActiveFocus()
            }
            KioskButton {
                objectName: "nameNext"
                primary: true
                text: qsTr("Next")
                enabled: !screen.kiosk.busy && field.text.trim().length > 0
                         && screen.kiosk.nameError === ""
                onClicked: screen.kiosk.submitName()
            }
        }
        BodyText {
            objectName: "privacyNotice"
            Layout.fillWidth: true
            visible: !screen.checkingOut
            color: Theme.textMuted
            text: screen.kiosk.checkIn.privacyNotice !== "" ? screen.kiosk.checkIn.privacyNotice
                  : qsTr("Only reception sees your name. It is erased after %1 days.")
                        .arg(screen.kiosk.checkIn.retentionDays)
        }
        Text {
            objectName: "nameError"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: text !== ""
            text: screen.kiosk.nameError
            color: Theme.error
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Text {
            objectName: "message"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: text !== ""
            text: screen.kiosk.message
            color: Theme.error
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
