// Say my name (optional): a phonetic spelling the kiosk can speak back; then the final Check in.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk

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
                Layout.fillWidth: true
                text: qsTr("How should we say your name?")
            }
        }
        BodyText {
            objectName: "visiting"
            Layout.fillWidth: true
            color: Theme.textMuted
            text: (screen.kiosk.checkIn.hostName !== ""
                   ? qsTr("You're visiting %1.").arg(screen.kiosk.checkIn.hostName)
                   : qsTr("Reception will help you."))
                  + " " + qsTr("Optional: spell your name the way it sounds, for example “shi-VAWN”.")
        }
        RowLayout {
            spacing: Theme.spacing
            EntryField {
                id: field
                objectName: "pronunciationField"
                Layout.fillWidth: true
                label: qsTr("How your name sounds")
                text: screen.kiosk.checkIn.pronunciation
                maximumLength: 120
                onTextEdited: screen.kiosk.checkIn.setPronunciation(text)
            }
            KioskButton {
                objectName: "hearIt"
                text: qsTr("Hear it")
                enabled: screen.kiosk.adminPanel.speechOn
                onClicked: screen.kiosk.checkIn.hearIt()
            }
        }
        KioskButton {
            objectName: "checkInButton"
            Layout.fillWidth: true
            Layout.maximumWidth: 900
            primary: true
            text: screen.kiosk.busy ? qsTr("Checking you in…") : qsTr("Check in")
            enabled: !screen.kiosk.busy
            onClicked: screen.kiosk.checkIn.checkIn()
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
