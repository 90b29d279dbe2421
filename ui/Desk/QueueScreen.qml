// The console: who is at this desk and their day on the left (above, in a narrow window); the
// waiting queue, oldest first.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property DeskViewModel desk

    // Beside other work the console may be a narrow window: the panels then sit above the queue,
    // so that the cards keep the whole width.
    readonly property bool narrow: width < Theme.sidebarWidth + Theme.narrowCard + 4 * Theme.margin
    // "onSite", "expected" or "": the view open beside the queue, never instead of it. In a
    // narrow window it sits above the queue, which keeps the lower two thirds.
    property string view: ""
    readonly property bool stacked: width < 900

    function toggle(view) {
        screen.view = screen.view === view ? "" : view
    }

    function clock(seconds) {
        return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0")
    }

    // Who is at this desk, their day, and the targets: a column beside the queue, or in a
    // narrow window the top of the queue's list, scrolling away to leave the cards the height.
    Component {
        id: panels
        ColumnLayout {
            spacing: screen.narrow ? Theme.spacing : Theme.margin

            Rectangle {
                readonly property int padding: screen.narrow ? Theme.spacing : Theme.margin
                Layout.fillWidth: true
                implicitHeight: me.implicitHeight + 2 * padding
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                GridLayout {
                    id: me
                    anchors { fill: parent; margins: parent.padding }
                    columns: screen.narrow ? 2 : 1
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing / 2
                    Text {
                        objectName: "iAm"
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: qsTr("I am: %1").arg(screen.desk.who.name || "…")
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
                compact: screen.narrow
            }

            Text {
                objectName: "targets"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Targets: answer within %1, welcome within %2.")
                      .arg(screen.clock(screen.desk.acknowledgeTarget))
                      .arg(screen.clock(screen.desk.welcomeTarget))
                font.pixelSize: Theme.smallSize
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }
        }
    }

    Component {
        id: onSiteView
        OnSitePanel { onSite: screen.desk.panels.onSite }
    }

    Component {
        id: expectedView
        ExpectedPanel {
            expected: screen.desk.panels.expectedToday
            who: screen.desk.who
        }
    }

    RowLayout {
        anchors { fill: parent; margins: screen.narrow ? Theme.spacing : Theme.margin }
        spacing: Theme.margin

        ColumnLayout {
            visible: !screen.narrow && screen.view === ""
            Layout.preferredWidth: Theme.sidebarWidth
            Layout.maximumWidth: Theme.sidebarWidth
            Layout.fillHeight: true
            Loader {
                Layout.fillWidth: true
                sourceComponent: screen.narrow ? null : panels
            }
            Item { Layout.fillHeight: true }
        }

        Loader {
            objectName: "besideQueue"
            active: screen.view !== "" && !screen.stacked
            visible: active
            Layout.preferredWidth: Math.min(screen.width * 0.4, 760)
            Layout.fillHeight: true
            sourceComponent: screen.view === "onSite" ? onSiteView : expectedView
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Flow {
                objectName: "views"
                Layout.fillWidth: true
                spacing: Theme.spacing
                DeskButton {
                    objectName: "showOnSite"
                    primary: screen.view === "onSite"
                    text: screen.view === "onSite" ? qsTr("Close on site") : qsTr("On site")
                    onClicked: screen.toggle("onSite")
                }
                DeskButton {
                    objectName: "showExpected"
                    primary: screen.view === "expected"
                    text: screen.view === "expected" ? qsTr("Close expected") : qsTr("Expected today")
                    onClicked: screen.toggle("expected")
                }
            }

            Loader {
                objectName: "aboveQueue"
                active: screen.view !== "" && screen.stacked
                visible: active
                Layout.fillWidth: true
                Layout.preferredHeight: Math.round(screen.height * 0.36)
                Layout.minimumHeight: Layout.preferredHeight
                Layout.maximumHeight: Layout.preferredHeight
                sourceComponent: screen.view === "onSite" ? onSiteView : expectedView
            }

            Text {
                objectName: "queueTitle"
                textFormat: Text.PlainText
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
                header: screen.narrow ? panelsAbove : null
                delegate: VisitCard {
                    width: ListView.view.width - 18
                    desk: screen.desk
                }

                Component {
                    id: panelsAbove
                    Item {
                        width: list.width - 18
                        height: above.implicitHeight + Theme.margin
                        Loader {
                            id: above
                            width: parent.width
                            sourceComponent: panels
                        }
                    }
                }

                Text {
                    objectName: "emptyQueue"
                    textFormat: Text.PlainText
                    visible: list.count === 0
                    anchors {
                        left: parent.left; right: parent.right; top: parent.top
                        // (A header made while the window was narrow may linger, unshown.)
                        topMargin: (screen.narrow && list.headerItem ? list.headerItem.height : 0)
                                   + Theme.margin
                    }
                    text: qsTr("New arrivals appear here, with a chime, the moment they check in.")
                    font.pixelSize: Theme.bodySize
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                }
            }

            // Under the list, not over it: it must never cover a card's buttons. Its room is
            // kept while the cards overflow the list, so that showing it never changes the
            // list's height (which could change whether anyone is below, again and again).
            Item {
                visible: list.contentHeight > list.height
                Layout.fillWidth: true
                implicitHeight: moreBelow.implicitHeight
            Rectangle {
                id: moreBelow
                objectName: "moreBelow"
                visible: list.below > 0
                anchors.horizontalCenter: parent.horizontalCenter
                implicitWidth: moreText.implicitWidth + 2 * Theme.margin
                implicitHeight: Math.max(Theme.controlHeight, moreText.implicitHeight + Theme.spacing)
                radius: height / 2
                color: Theme.header
                Text {
                    id: moreText
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: qsTr("More waiting below: %1 ↓").arg(list.below)
                    color: Theme.textOnHeader
                    font.pixelSize: Theme.bodySize
                    font.weight: Font.DemiBold
                }
                TapHandler { onTapped: list.positionViewAtIndex(list.lastSeen + 1, ListView.Beginning) }
            }
            }
        }
    }
}
