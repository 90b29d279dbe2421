// Already checked in: said only to a visitor who proved who they are (name and contact), so a
// stranger typing someone's name learns nothing; then back to Welcome by itself.
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
            objectName: "alreadyTitle"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("You're already checked in, %1.").arg(screen.kiosk.greetingName)
            font.pixelSize: Theme.displaySize
            font.weight: Font.Bold
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        BodyText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Please take a seat. If you have been waiting a while, please ask at the front desk.")
        }
        KioskButton {
            objectName: "doneButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Finish")
            onClicked: screen.kiosk.reset()
        }
    }
}
