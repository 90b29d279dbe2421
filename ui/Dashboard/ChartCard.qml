// A chart on a card: its title, a line saying what it shows, a key to its colours, the chart.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: card
    property string title
    property string subtitle
    // [{ label, colour }] for the key under the title.
    property var key: []
    default property alias content: holder.data

    implicitHeight: Theme.chartHeight
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors { fill: parent; margins: Theme.padding }
        spacing: 4
        Text {
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: card.title
            color: Theme.text
            font.pixelSize: Theme.bodySize + 1
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                visible: card.subtitle !== ""
                text: card.subtitle
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
            }
            Repeater {
                model: card.key
                Row {
                    id: entry
                    required property var modelData
                    spacing: 6
                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        width: 14; height: 14; radius: 3
                        color: entry.modelData.colour
                    }
                    Text {
                        textFormat: Text.PlainText
                        text: entry.modelData.label
                        color: Theme.textMuted
                        font.pixelSize: Theme.smallSize
                    }
                }
            }
        }
        Item {
            id: holder
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
