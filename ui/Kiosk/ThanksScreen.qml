// Goodbye after check-out; returns to Welcome by itself.
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
            objectName: "thanks"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Thank you for visiting!")
            font.pixelSize: Theme.displaySize
            font.weight: Font.Bold
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        BodyText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            text: qsTr("Have a good day.")
        }
        KioskButton {
            objectName: "doneButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Finish")
            onClicked: screen.kiosk.reset()
        }
    }
}
