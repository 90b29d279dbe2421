// A sentence from the hub the receptionist should read (e.g. someone else is already on the way).
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: bar
    required property string message
    signal dismissed()

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
            text: bar.message
            color: Theme.textOnHeader
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }
        DeskButton {
            objectName: "dismissMessage"
            text: qsTr("OK")
            onClicked: bar.dismissed()
        }
    }
}
