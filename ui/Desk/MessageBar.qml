// A sentence the receptionist should read (someone else is already on the way, a visitor
// says they are leaving), and at most one thing to do about it, such as "Undo".
import QtQuick
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: bar
    required property DeskNote note

    objectName: "messageBar"
    implicitHeight: row.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.header

    RowLayout {
        id: row
        anchors { fill: parent; margins: Theme.spacing }
        spacing: Theme.spacing
        Text {
            objectName: "messageText"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: bar.note.text
            color: Theme.textOnHeader
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }
        DeskButton {
            objectName: "noteAction"
            visible: bar.note.action !== ""
            primary: true
            text: bar.note.action
            onClicked: bar.note.act()
        }
        DeskButton {
            objectName: "dismissMessage"
            text: qsTr("OK")
            onClicked: bar.note.dismiss()
        }
    }
}
