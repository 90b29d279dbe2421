// The desk console window: a header, the "can't reach the hub" banner, and the current screen.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Window {
    id: root
    required property DeskViewModel desk
    required property PairingViewModel pairing

    visible: false
    color: Theme.background
    title: root.desk.waitingCount > 0
           ? qsTr("(%1) Desk console — %2").arg(root.desk.waitingCount).arg(root.desk.siteName)
           : qsTr("Desk console — %1").arg(root.desk.siteName)
    // With a tray icon, closing only hides the window: the desk keeps listening and chiming.
    onClosing: close => {
        if (root.desk.hideToTray) {
            close.accepted = false
            root.hide()
        }
    }

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
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("%1 — reception").arg(root.desk.siteName)
                    color: Theme.textOnHeader
                    font.pixelSize: Theme.bodySize + 3
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "connectionState"
                    textFormat: Text.PlainText
                    text: root.desk.connected ? qsTr("● Connected") : qsTr("○ Not connected")
                    color: Theme.textOnHeader
                    font.pixelSize: Theme.smallSize
                }
            }
        }

        OfflineBanner {
            visible: root.desk.offline
            Layout.fillWidth: true
        }

        OfflineBanner {
            objectName: "hostProblemBanner"
            visible: root.desk.panels.hostProblem !== "" && root.desk.screen === "console"
            Layout.fillWidth: true
            text: root.desk.panels.hostProblem
        }

        OfflineBanner {
            objectName: "kioskProblemBanner"
            visible: root.desk.panels.kioskProblem !== "" && root.desk.screen === "console"
            Layout.fillWidth: true
            text: root.desk.panels.kioskProblem
        }

        OfflineBanner {
            objectName: "noSoundBanner"
            visible: !root.desk.soundAvailable && root.desk.screen !== "pairing"
            Layout.fillWidth: true
            text: qsTr("This computer has no sound output: you won't hear visitors arrive, and kiosks won't tell them reception knows. Plug in speakers or headphones.")
        }

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: root.desk.screen === "pairing" ? pairingScreen
                             : root.desk.screen === "who" ? whoScreen : queueScreen
        }
    }

    MessageBar {
        visible: root.desk.message.text !== ""
        note: root.desk.message
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        z: 10
    }

    Component { id: pairingScreen; PairingScreen { pairing: root.pairing } }
    Component { id: whoScreen; WhoScreen { desk: root.desk } }
    Component { id: queueScreen; QueueScreen { desk: root.desk } }
}
