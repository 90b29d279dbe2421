// Every visitor who waited past the welcome target or left unseen in the days chosen, newest
// first, each with a way to note that someone followed up with them.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property DashboardFollowUps page

    objectName: "followUpsPage"

    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: Theme.spacing }
        spacing: Theme.spacing

        Text {
            objectName: "followUpsSummary"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: screen.page.summary
            color: Theme.text
            font.pixelSize: Theme.bodySize + 2
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "followUpsMore"
            visible: screen.page.more
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: qsTr("Showing the newest 500. Choose fewer days to see the others.")
            color: Theme.textMuted
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            objectName: "followUpsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: screen.page.rows
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            delegate: FollowUpRow {
                width: list.width - 16
                page: screen.page
            }
            footer: Item { height: Theme.margin }
        }
    }
}
