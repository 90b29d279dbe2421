// A sentence for the manager: where a file went, why printing failed, what the hub refused.
import QtQuick
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: bar
    required property DashboardViewModel dashboard

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
            text: bar.dashboard.message
            color: Theme.textOnHeader
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }
        DashButton {
            objectName: "dismissMessage"
            text: qsTr("OK")
            onClicked: bar.dashboard.dismissMessage()
        }
    }
}
