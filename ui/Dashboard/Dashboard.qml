// The manager's dashboard window: a header, the "hub is not running" banner, the pages.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Window {
    id: root
    required property DashboardViewModel dashboard
    required property PairingViewModel pairing

    visible: false
    color: Theme.background
    title: qsTr("Dashboard — %1").arg(root.dashboard.siteName)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: headerRow.implicitHeight + 2 * Theme.spacing
            color: Theme.header
            RowLayout {
                id: headerRow
                anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin }
                spacing: Theme.margin
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("%1 — how the front desk is doing").arg(root.dashboard.siteName)
                    color: Theme.textOnHeader
                    font.pixelSize: Theme.bodySize + 3
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "updating"
                    textFormat: Text.PlainText
                    visible: root.dashboard.updating && root.dashboard.connected
                    text: qsTr("Updating…")
                    color: Theme.textOnHeader
                    font.pixelSize: Theme.smallSize
                }
                Text {
                    objectName: "connectionState"
                    textFormat: Text.PlainText
                    text: root.dashboard.connected ? qsTr("● Connected") : qsTr("○ Not connected")
                    color: Theme.textOnHeader
                    font.pixelSize: Theme.smallSize
                }
            }
        }

        Banner {
            visible: root.dashboard.offline
            Layout.fillWidth: true
            text: root.dashboard.offlineText
        }

        Loader {
            objectName: "screenLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: root.dashboard.screen === "pairing" ? pairingScreen : pagesScreen
        }
    }

    MessageBar {
        visible: root.dashboard.message !== ""
        dashboard: root.dashboard
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        z: 10
    }

    Component { id: pairingScreen; PairingScreen { pairing: root.pairing } }
    Component { id: pagesScreen; Pages { dashboard: root.dashboard } }
}
