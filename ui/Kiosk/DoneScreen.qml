// Done: the visitor greeted by name; reception's "on my way" shown the moment it comes.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2

        Text {
            objectName: "doneGreeting"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Welcome, %1!").arg(screen.kiosk.greetingName)
            font.pixelSize: Theme.displaySize * 1.5
            font.weight: Font.Bold
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "doneStatus"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: screen.kiosk.checkIn.acknowledgedBy !== ""
                  ? qsTr("%1 is on the way.").arg(screen.kiosk.checkIn.acknowledgedBy)
                  : screen.kiosk.checkIn.receptionListening
                    ? qsTr("Reception knows you're here and is coming to greet you.")
                    : screen.kiosk.checkIn.noDeskMessage !== ""
                      ? screen.kiosk.checkIn.noDeskMessage
                      : qsTr("Please take a seat. If nobody comes to greet you in a few minutes, please ask at the front desk.")
            font.pixelSize: Theme.titleSize
            color: screen.kiosk.checkIn.acknowledgedBy !== "" ? Theme.primary : Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        BodyText {
            Layout.fillWidth: true
            visible: screen.kiosk.checkIn.receptionListening || screen.kiosk.checkIn.acknowledgedBy !== ""
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            text: qsTr("Please take a seat.")
        }
        BodyText {
            objectName: "doneBadge"
            Layout.fillWidth: true
            visible: screen.kiosk.checkIn.badgePrinting
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Your visitor badge is printing: please take it from the printer, and wear it while you are here.")
        }
        KioskButton {
            objectName: "doneButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Finish")
            onClicked: screen.kiosk.reset()
        }
    }
}
