// The console: who is at this desk and their day on the left; the waiting queue, oldest first.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

Item {
    id: screen
    required property QtObject desk

    function clock(seconds) {
        return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0")
    }

    RowLayout {
        anchors { fill: parent; margins: Theme.margin }
        spacing: Theme.margin

        ColumnLayout {
            Layout.preferredWidth: Theme.sidebarWidth
            Layout.maximumWidth: Theme.sidebarWidth
            Layout.fillHeight: true
            spacing: Theme.margin

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: me.implicitHeight + 2 * Theme.margin
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                ColumnLayout {
                    id: me
                    anchors { fill: parent; margins: Theme.margin }
                    spacing: Theme.spacing / 2
                    Text {
                        objectName: "iAm"
                        Layout.fillWidth: true
                        text: qsTr("I am: %1").arg(screen.desk.receptionistName || "…")
                        font.pixelSize: Theme.bodySize + 3
                        font.weight: Font.Bold
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    DeskButton {
                        objectName: "changeReceptionist"
                        text: qsTr("Not me? Change")
                        onClicked: screen.desk.changeReceptionist()
                    }
                }
            }

            YourDayPanel {
                Layout.fillWidth: true
                desk: screen.desk
            }

            Text {
                objectName: "targets"
                Layout.fillWidth: true
                text: qsTr("Targets: answer within %1, welcome within %2.")
                      .arg(screen.clock(screen.desk.acknowledgeTarget))
                      .arg(screen.clock(screen.desk.welcomeTarget))
                font.pixelSize: Theme.smallSize
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
            Item { Layout.fillHeight: true }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Text {
                objectName: "queueTitle"
                Layout.fillWidth: true
                text: screen.desk.waitingCount === 0 ? qsTr("Nobody is waiting")
                      : screen.desk.unansweredCount === 0
                        ? qsTr("Waiting: %1 — everyone has someone on the way")
                              .arg(screen.desk.waitingCount)
                        : qsTr("Waiting: %1 — not answered yet: %2")
                              .arg(screen.desk.waitingCount).arg(screen.desk.unansweredCount)
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                color: Theme.text
                wrapMode: Text.Wrap
            }

            ListView {
                id: list
                objectName: "queueList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.spacing
                model: screen.desk.queue
                boundsBehavior: Flickable.StopAtBounds
                // Always shown when the queue is longer than the window: more people are waiting.
                ScrollBar.vertical: ScrollBar {
                    policy: list.contentHeight > list.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                    width: 14
                }
                // The last card at least partly in view (the bottom edge may fall between cards).
                // (contentHeight is named so that the binding is re-read as cards come and go.)
                readonly property int lastSeen: contentHeight < 0 ? -1
                    : Math.max(indexAt(20, contentY + height - 1),
                               indexAt(20, contentY + height - 1 - spacing))
                readonly property int below: lastSeen < 0 ? 0 : count - 1 - lastSeen
                delegate: VisitCard {
                    width: ListView.view.width - 18
                    desk: screen.desk
                }

                Rectangle {
                    objectName: "moreBelow"
                    visible: list.below > 0
                    anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.spacing }
                    implicitWidth: moreText.implicitWidth + 2 * Theme.margin
                    implicitHeight: moreText.implicitHeight + Theme.spacing
                    radius: height / 2
                    color: Theme.header
                    z: 5
                    Text {
                        id: moreText
                        anchors.centerIn: parent
                        text: qsTr("More waiting below: %1 ↓").arg(list.below)
                        color: Theme.textOnHeader
                        font.pixelSize: Theme.bodySize
                        font.weight: Font.DemiBold
                    }
                    TapHandler { onTapped: list.positionViewAtIndex(list.lastSeen + 1, ListView.Beginning) }
                }

                Text {
                    objectName: "emptyQueue"
                    visible: list.count === 0
                    anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: Theme.margin }
                    text: qsTr("New arrivals appear here, with a chime, the moment they check in.")
                    font.pixelSize: Theme.bodySize
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
