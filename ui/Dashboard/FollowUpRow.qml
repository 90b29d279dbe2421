// One visitor to follow up: who they are and how to reach them, how long they waited, whom
// they came for; then "Followed up" with a short note, or the note already made.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: row
    required property DashboardFollowUps page
    required property int visitId
    required property string name
    required property string contact
    required property string host
    required property string checkedIn
    required property string wait
    required property bool leftUnseen
    required property string welcomedBy
    required property bool followedUp
    required property string followUp

    objectName: "followUp_" + visitId
    implicitHeight: layout.implicitHeight + 2 * Theme.padding
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    GridLayout {
        id: layout
        anchors { fill: parent; margins: Theme.padding }
        columns: row.width >= 1100 ? 3 : 2
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.preferredWidth: 320
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 2
            Text {
                objectName: "visitorName"
                // In the column, whichever way the name is written.
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: row.name
                color: Theme.text
                font.pixelSize: Theme.nameSize
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Text {
                objectName: "visitorContact"
                // In the column, whichever way the name is written.
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: row.contact
                color: Theme.text
                font.pixelSize: Theme.bodySize
                elide: Text.ElideRight
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 320
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 2
            Text {
                objectName: "waitLine"
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: row.wait
                color: Theme.worse
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: row.host !== "" ? qsTr("%1 · to see %2").arg(row.checkedIn).arg(row.host) : row.checkedIn
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
            Text {
                visible: row.welcomedBy !== ""
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: row.welcomedBy
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
        }
        ColumnLayout {
            Layout.columnSpan: layout.columns === 3 ? 1 : 2
            Layout.preferredWidth: 420
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 4
            Text {
                objectName: "followedUpLine"
                visible: row.followedUp
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: row.followUp
                color: Theme.better
                font.pixelSize: Theme.bodySize
                wrapMode: Text.Wrap
            }
            RowLayout {
                visible: !row.followedUp
                Layout.fillWidth: true
                spacing: Theme.spacing
                Field {
                    id: note
                    objectName: "followUpNote"
                    Layout.fillWidth: true
                    placeholderText: qsTr("What was done (optional)")
                    onAccepted: row.page.markFollowedUp(row.visitId, note.text)
                }
                DashButton {
                    objectName: "markFollowedUp"
                    primary: true
                    text: row.page.saving === row.visitId ? qsTr("Saving…") : qsTr("Followed up")
                    enabled: row.page.saving === 0
                    onClicked: row.page.markFollowedUp(row.visitId, note.text)
                }
            }
            Text {
                objectName: "noteError"
                visible: !row.followedUp && row.page.noteErrorVisit === row.visitId && row.page.noteError !== ""
                Layout.fillWidth: true
                textFormat: Text.PlainText
                text: row.page.noteError
                color: Theme.error
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
        }
    }
}
