// "Your day": how many visitors this receptionist welcomed today, and how long they waited.
import QtQuick
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: panel
    required property DeskViewModel desk
    // In a narrow console: the title beside the count, and less room around them.
    property bool compact: false

    function duration(seconds) {
        const s = Math.round(seconds)
        if (s < 60)
            return qsTr("%1 s").arg(s)
        return qsTr("%1 min %2 s").arg(Math.floor(s / 60)).arg(s % 60)
    }

    objectName: "yourDay"
    implicitHeight: column.implicitHeight + 2 * column.anchors.margins
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    GridLayout {
        id: column
        anchors { fill: parent; margins: panel.compact ? Theme.spacing : Theme.margin }
        columns: panel.compact ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing / 2
        Text {
            textFormat: Text.PlainText
            text: qsTr("Your day")
            font.pixelSize: Theme.bodySize + 3
            font.weight: Font.Bold
            color: Theme.text
        }
        Text {
            objectName: "welcomedToday"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: panel.desk.who.welcomedToday === 0 ? qsTr("Nobody welcomed yet today")
                  : panel.desk.who.welcomedToday === 1 ? qsTr("You welcomed 1 visitor")
                  : qsTr("You welcomed %1 visitors").arg(panel.desk.who.welcomedToday)
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "medianWait"
            textFormat: Text.PlainText
            visible: panel.desk.who.medianWaitSeconds >= 0
            Layout.fillWidth: true
            Layout.columnSpan: column.columns
            text: qsTr("Median wait: %1").arg(panel.duration(panel.desk.who.medianWaitSeconds))
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
    }
}
