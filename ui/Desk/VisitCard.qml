// One visitor in the queue: who, how to say it, whom for, what happened last time, and the
// answers. A new visitor's card is amber until someone is on the way; an escalated one is red.
import QtQuick
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: card
    required property DeskViewModel desk
    required property int index
    required property int visitId
    required property string name
    required property string firstName
    required property string pronunciation
    required property string host
    required property string purpose
    required property string visitState
    required property string acknowledgedBy
    required property double checkedInAt
    required property int previousVisits
    required property double lastVisitAt
    required property int lastWaitMinutes
    required property bool lastWaitOverTarget
    required property int waitSeconds
    required property int targetSeconds
    required property string timerLevel
    required property bool escalated
    required property double checkedInAgainAt
    required property double saysLeavingAt
    required property int possiblyWaitedMinutes
    required property double possiblyVisitedAt
    required property double followedUpAt
    required property double expectedAt
    required property string arrivalKind
    required property int arrivalMinutes
    required property string note

    readonly property bool waiting: visitState === "waiting"
    readonly property bool confirmingLeft: desk.confirmingLeft === visitId
    // Beside other work a console may be a narrow window: the timer then goes under the
    // details, and every button stays on the card, wrapping to a new line if need be.
    readonly property bool narrow: width < Theme.narrowCard
    // Name, pronunciation and state side by side only with room for all three; else stacked,
    // so that a long pronunciation or state never squeezes the name away.
    readonly property bool roomy: width >= Theme.narrowCard + 200
    readonly property color accent: escalated ? Theme.escalatedAccent
                                    : waiting ? Theme.newAccent : Theme.onTheWayAccent
    readonly property color timerColour: timerLevel === "over" ? Theme.over
                                         : timerLevel === "near" ? Theme.near : Theme.within

    function clock(seconds) {
        const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60
        const mm = h > 0 ? String(m).padStart(2, "0") : String(m)
        return (h > 0 ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0")
    }

    objectName: "card_" + visitId
    implicitHeight: body.implicitHeight + 2 * Theme.cardPadding
    radius: Theme.radius
    color: escalated ? Theme.escalatedCard : waiting ? Theme.newCard : Theme.surface
    border.width: escalated ? 3 : 1
    border.color: escalated ? Theme.escalatedAccent : Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: name

    Rectangle {  // the state at a glance, even from across the room
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: 10
        radius: Theme.radius
        color: card.accent
    }

    GridLayout {
        id: body
        anchors { fill: parent; margins: Theme.cardPadding; leftMargin: Theme.cardPadding + 10 }
        columns: card.narrow ? 1 : 2
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing / 2

            GridLayout {
                Layout.fillWidth: true
                columns: card.roomy ? 3 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2
                Text {
                    objectName: "visitorName"
                    // As typed at the kiosk: "<img src=…>" is a name here, not an image to fetch.
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: card.name
                    // Names in right-to-left scripts stay at the card's start, by the rest.
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: Theme.nameSize
                    font.weight: Font.Bold
                    color: Theme.text
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "pronunciation"
                    textFormat: Text.PlainText
                    visible: card.pronunciation !== ""
                    Layout.alignment: card.roomy ? Qt.AlignBaseline : Qt.AlignLeft
                    Layout.fillWidth: !card.roomy
                    Layout.maximumWidth: card.roomy ? 240 : Number.POSITIVE_INFINITY
                    text: qsTr("say it: %1").arg(card.pronunciation)
                    font.pixelSize: Theme.bodySize + 1
                    font.italic: true
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Rectangle {
                    objectName: "stateChip"
                    Layout.alignment: Qt.AlignTop | Qt.AlignLeft
                    Layout.topMargin: card.roomy ? 4 : 0
                    implicitWidth: Math.min(chipText.implicitWidth, 300) + 2 * Theme.spacing
                    implicitHeight: chipText.implicitHeight + Theme.spacing / 2
                    radius: height / 2
                    color: card.accent
                    Text {
                        id: chipText
                        objectName: "stateText"
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        width: Math.min(implicitWidth, 300)
                        elide: Text.ElideRight
                        text: card.escalated
                              ? (card.waiting ? qsTr("Over target — nobody has answered")
                                              : qsTr("Over target — not welcomed yet"))
                              : card.waiting ? qsTr("New — please answer")
                              : card.acknowledgedBy ? qsTr("%1 is on the way").arg(card.acknowledgedBy)
                              : qsTr("Someone is on the way")
                        color: Theme.textOnAccent
                        font.pixelSize: Theme.smallSize
                        font.weight: Font.DemiBold
                    }
                }
            }

            Text {
                objectName: "visiting"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.host ? qsTr("Visiting %1").arg(card.host)
                      : card.purpose === "delivery" ? qsTr("Delivery")
                      : card.purpose === "interview" ? qsTr("Interview")
                      : qsTr("Not sure whom to see")
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Text {
                objectName: "returningNotes"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.previousVisits === 0
                      ? qsTr("First visit")
                      : qsTr("Returning visitor — visits before: %1, the last on %2")
                            .arg(card.previousVisits)
                            .arg(new Date(card.lastVisitAt).toLocaleDateString(Qt.locale(), "d MMM yyyy"))
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            Text {
                objectName: "expectedLine"
                textFormat: Text.PlainText
                visible: card.expectedAt > 0
                Layout.fillWidth: true
                text: qsTr("Expected at %1 — %2")
                      .arg(new Date(card.expectedAt).toLocaleTimeString(Qt.locale(), "HH:mm"))
                      .arg(card.arrivalKind === "early"
                           ? (card.arrivalMinutes === 1 ? qsTr("1 minute early")
                              : qsTr("%1 minutes early").arg(card.arrivalMinutes))
                           : card.arrivalKind === "late"
                             ? (card.arrivalMinutes === 1 ? qsTr("1 minute late")
                                : qsTr("%1 minutes late").arg(card.arrivalMinutes))
                             : qsTr("on time"))
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Text {
                objectName: "inviteNote"
                // Typed by whoever sent the invitation: plain text, never markup.
                textFormat: Text.PlainText
                visible: card.note !== ""
                Layout.fillWidth: true
                text: qsTr("Note: %1").arg(card.note)
                font.pixelSize: Theme.bodySize
                font.italic: true
                color: Theme.text
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }

            Text {
                objectName: "followedUpLine"
                textFormat: Text.PlainText
                visible: card.followedUpAt > 0
                Layout.fillWidth: true
                text: qsTr("We called %1 after their long wait on %2")
                      .arg(card.firstName || card.name)
                      .arg(new Date(card.lastVisitAt).toLocaleDateString(Qt.locale(), "d MMMM"))
                font.pixelSize: Theme.bodySize
                color: Theme.textMuted
                wrapMode: Text.Wrap
            }

            Text {
                objectName: "possiblyLine"
                textFormat: Text.PlainText
                visible: card.possiblyWaitedMinutes > 0
                Layout.fillWidth: true
                text: qsTr("Possibly the %1 who waited %2 min on %3 — not confirmed")
                      .arg(card.name).arg(card.possiblyWaitedMinutes)
                      .arg(new Date(card.possiblyVisitedAt).toLocaleDateString(Qt.locale(), "d MMMM"))
                font.pixelSize: Theme.bodySize
                color: Theme.over
                wrapMode: Text.Wrap
            }

            Text {
                objectName: "againLine"
                textFormat: Text.PlainText
                visible: card.checkedInAgainAt > 0 || card.saysLeavingAt > 0
                Layout.fillWidth: true
                text: card.saysLeavingAt > 0
                      ? qsTr("Says they are leaving (at %1) — not confirmed: check before ending the visit")
                            .arg(new Date(card.saysLeavingAt).toLocaleTimeString(Qt.locale(), "HH:mm"))
                      : qsTr("Checked in again at %1")
                            .arg(new Date(card.checkedInAgainAt).toLocaleTimeString(Qt.locale(), "HH:mm"))
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }

            Text {
                objectName: "lastWaitLine"
                textFormat: Text.PlainText
                visible: card.lastWaitOverTarget
                Layout.fillWidth: true
                text: card.lastWaitMinutes === 1
                      ? qsTr("Last time %1 waited 1 minute — make it right").arg(card.firstName)
                      : qsTr("Last time %1 waited %2 minutes — make it right")
                            .arg(card.firstName).arg(card.lastWaitMinutes)
                font.pixelSize: Theme.bodySize
                font.weight: Font.Bold
                color: Theme.over
                wrapMode: Text.Wrap
            }

            Flow {
                objectName: "answers"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing / 2
                spacing: Theme.spacing
                DeskButton {
                    objectName: "onMyWay"
                    visible: card.waiting && !card.confirmingLeft
                    primary: true
                    text: qsTr("On my way")
                    onClicked: card.desk.acknowledge(card.visitId)
                }
                DeskButton {
                    objectName: "welcomed"
                    visible: !card.confirmingLeft
                    primary: !card.waiting
                    text: qsTr("Welcomed")
                    onClicked: card.desk.welcome(card.visitId)
                }
                DeskButton {
                    objectName: "leftUnseen"
                    visible: !card.confirmingLeft
                    text: qsTr("Left without being seen")
                    onClicked: card.desk.markLeftUnseen(card.visitId)
                }
                DeskButton {
                    objectName: "confirmLeft"
                    visible: card.confirmingLeft
                    text: qsTr("Yes, %1 left").arg(card.firstName || qsTr("they"))
                    onClicked: card.desk.confirmLeftUnseen(true)
                }
                DeskButton {
                    objectName: "keepWaiting"
                    visible: card.confirmingLeft
                    primary: true
                    text: qsTr("No, still here")
                    onClicked: card.desk.confirmLeftUnseen(false)
                }
            }
        }

        // How long they have waited: a column at the card's end, or a row under the details.
        GridLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: card.narrow
            Layout.fillHeight: !card.narrow
            Layout.preferredWidth: card.narrow ? -1 : 190
            Layout.maximumWidth: card.narrow ? Number.POSITIVE_INFINITY : 190
            columns: card.narrow ? 4 : 1
            columnSpacing: Theme.spacing
            rowSpacing: 2
            Text {
                objectName: "waitTimer"
                textFormat: Text.PlainText
                Layout.alignment: card.narrow ? Qt.AlignVCenter : Qt.AlignRight
                text: card.clock(card.waitSeconds)
                font.pixelSize: Theme.timerSize
                font.weight: Font.Bold
                font.features: { "tnum": 1 }
                color: card.timerColour
            }
            ColumnLayout {
                Layout.alignment: card.narrow ? Qt.AlignVCenter : Qt.AlignRight
                spacing: 2
                Text {
                    objectName: "timerLevel"
                    textFormat: Text.PlainText
                    Layout.alignment: card.narrow ? Qt.AlignLeft : Qt.AlignRight
                    text: card.timerLevel === "over" ? qsTr("over target")
                          : card.timerLevel === "near" ? qsTr("near target") : qsTr("within target")
                    font.pixelSize: Theme.smallSize
                    font.weight: Font.DemiBold
                    color: card.timerColour
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.alignment: card.narrow ? Qt.AlignLeft : Qt.AlignRight
                    text: qsTr("arrived %1").arg(new Date(card.checkedInAt).toLocaleTimeString(Qt.locale(), "HH:mm"))
                    font.pixelSize: Theme.smallSize
                    color: Theme.textMuted
                }
            }
            Item { Layout.fillHeight: !card.narrow; Layout.fillWidth: card.narrow }
            DeskButton {
                objectName: "sayName"
                Layout.alignment: card.narrow ? Qt.AlignVCenter : Qt.AlignRight
                text: qsTr("Hear the name")
                Accessible.description: qsTr("Speaks the visitor's name aloud")
                onClicked: card.desk.sayName(card.visitId)
            }
        }
    }
}
