// E-mail or phone: optional, asked of every visitor the same way, so the screen tells nobody
// whether a name is known. Checking in, it makes the next visit faster; checking out, it proves
// the visit is yours.
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
                text: screen.checkingOut ? qsTr("The e-mail or phone you gave when you arrived")
                                         : qsTr("Your e-mail or phone (optional)")
            }
        }
        BodyText {
            objectName: "contactWhy"
            Layout.fillWidth: true
            text: screen.checkingOut
                  ? qsTr("So that only you can check yourself out.")
                  : qsTr("For a faster check-in next time. Only reception sees it.")
        }
        // The field has the whole width, so a long address stays readable as it is typed;
        // Next and Skip sit under it, still above the keyboard.
        EntryField {
            id: field
            objectName: "contactField"
            Layout.fillWidth: true
            label: qsTr("E-mail or phone")
            text: screen.kiosk.contact
            maximumLength: screen.kiosk.maxContactLength
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            focus: true
            onTextEdited: screen.kiosk.setContact(text)
            onAccepted: screen.kiosk.submitContact()
            Component.onCompleted: forceActiveFocus()
        }
        RowLayout {
            spacing: Theme.spacing
            KioskButton {
                objectName: "contactNext"
                primary: true
                text: qsTr("Next")
                enabled: !screen.kiosk.busy && field.text.trim().length > 0
                onClicked: screen.kiosk.submitContact()
            }
            KioskButton {
                objectName: "contactSkip"
                text: qsTr("Skip")
                enabled: !screen.kiosk.busy
                onClicked: screen.kiosk.skipContact()
            }
        }
        Text {
            objectName: "message"
            Layout.fillWidth: true
            visible: text !== ""
            text: screen.kiosk.message
            textFormat: Text.PlainText
            color: Theme.error
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
