// Someone on site: their name, whom they came for and since when; in a roll call, a button to
// mark them accounted for, or the word that they are.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: row
    required property DashboardOnSite page
    required property int visitId
    required property string name
    required property string host
    required property string since
    required property string status
    required property bool accounted

    objectName: "onSite_" + visitId
    implicitHeight: Math.max(Theme.controlHeight, layout.implicitHeight) + 2 * Theme.spacing
    radius: Theme.radius
    color: row.page.rollCall && row.accounted ? Theme.accounted : Theme.surface
    border.color: Theme.border

    RowLayout {
        id: layout
        anchors { fill: parent; leftMargin: Theme.padding; rightMargin: Theme.padding; topMargin: Theme.spacing; bottomMargin: Theme.spacing }
        spacing: Theme.margin
        Text {
            objectName: "personName"
            // In the column, whichever way the name is written.
            horizontalAlignment: Text.AlignLeft
            Layout.fillWidth: true
            Layout.preferredWidth: 3
            textFormat: Text.PlainText
            text: row.name
            color: Theme.text
            font.pixelSize: Theme.nameSize
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Text {
            objectName: "personHost"
            // In the column, whichever way the name is written.
            horizontalAlignment: Text.AlignLeft
            Layout.fillWidth: true
            Layout.preferredWidth: 3
            textFormat: Text.PlainText
            text: qsTr("to see %1").arg(row.host)
            color: Theme.text
            font.pixelSize: Theme.bodySize
            elide: Text.ElideRight
        }
        Text {
            objectName: "personSince"
            Layout.preferredWidth: 140
            textFormat: Text.PlainText
            text: qsTr("in since %1").arg(row.since)
            color: Theme.textMuted
            font.pixelSize: Theme.bodySize
        }
        Text {
            Layout.preferredWidth: 190
            textFormat: Text.PlainText
            text: row.status
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            elide: Text.ElideRight
        }
        DashButton {
            objectName: "markAccounted"
            visible: row.page.rollCall && !row.accounted
            primary: true
            text: qsTr("Accounted for")
            onClicked: row.page.markAccounted(row.visitId)
        }
        Text {
            objectName: "accountedMark"
            visible: row.page.rollCall && row.accounted
            Layout.preferredWidth: 180
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
            text: qsTr("✓ Accounted for")
            color: Theme.textOnAccounted
            font.pixelSize: Theme.bodySize
            font.weight: Font.Bold
        }
    }
}
