// One headline figure: what it is, its value, the days before, and whether it got better.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: tile
    required property string key
    required property string label
    required property string value
    required property string before
    required property string change
    required property string tone

    objectName: "tile_" + key
    implicitWidth: Theme.tileWidth
    implicitHeight: column.implicitHeight + 2 * Theme.padding
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors { fill: parent; margins: Theme.padding }
        spacing: 4
        Text {
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: tile.label
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "tileValue"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: tile.value
            color: Theme.text
            font.pixelSize: Theme.figureSize
            font.weight: Font.Bold
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.nameSize
        }
        Text {
            objectName: "tileBefore"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: tile.before
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "tileChange"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: tile.change
            visible: tile.change !== ""
            color: tile.tone === "better" ? Theme.better
                 : tile.tone === "worse" ? Theme.worse : Theme.same
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }
    }
}
