// Welcome back: a known visitor, offered last time's host.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
        spacing: Theme.spacing * 1.5

        KioskButton {
            objectName: "backButton"
            text: qsTr("Back")
            onClicked: screen.kiosk.back()
        }
        Text {
            objectName: "welcomeBack"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Welcome back, %1!").arg(screen.kiosk.greetingName)
            font.pixelSize: Theme.displaySize
            font.weight: Font.Bold
            color: Theme.text
            wrapMode: Text.Wrap
        }
        BodyText {
            Layout.fillWidth: true
            visible: screen.kiosk.checkIn.lastHostName !== ""
            text: qsTr("Last time you visited %1.").arg(screen.kiosk.checkIn.lastHostName)
        }
        KioskButton {
            objectName: "sameHost"
            Layout.fillWidth: true
            Layout.maximumWidth: 1100
            visible: screen.kiosk.checkIn.lastHostName !== ""
            primary: true
            text: qsTr("I'm visiting %1 again").arg(screen.kiosk.checkIn.lastHostName)
            onClicked: screen.kiosk.checkIn.sameHostAgain()
        }
        KioskButton {
            objectName: "someoneElse"
            Layout.fillWidth: true
            Layout.maximumWidth: 1100
            primary: screen.kiosk.checkIn.lastHostName === ""
            text: screen.kiosk.checkIn.lastHostName !== "" ? qsTr("I'm visiting someone else")
                                                   : qsTr("Continue")
            onClicked: screen.kiosk.checkIn.someoneElse()
        }
        KioskButton {
            objectName: "notMe"
            Layout.fillWidth: true
            Layout.maximumWidth: 1100
            text: qsTr("That's not me")
            onClicked: screen.kiosk.checkIn.notMe()
        }
    }
}
