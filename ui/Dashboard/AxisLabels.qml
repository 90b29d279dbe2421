// The category labels under a bar chart, as many as fit without touching: every other one, or
// every fifth, when the bars are narrow.
pragma ComponentBehavior: Bound
import QtQuick
import QtGraphs

Item {
    id: labels
    required property GraphsView graph
    required property var texts   // one label per bar

    readonly property int count: labels.texts.length
    readonly property real slot: labels.graph.plotArea.width / Math.max(1, labels.count)
    readonly property string longest: {
        let found = ""
        for (const text of labels.texts)
            if (text.length > found.length)
                found = text
        return found
    }
    readonly property int every: Math.max(1, Math.ceil((metrics.advanceWidth + 12) / Math.max(1, labels.slot)))

    // Under the plot, where the chart keeps room for the labels it does not draw itself.
    x: labels.graph.x
    y: labels.graph.y + labels.graph.plotArea.y + labels.graph.plotArea.height + 6
    width: labels.graph.width
    height: metrics.height

    TextMetrics {
        id: metrics
        font.pixelSize: Theme.smallSize
        text: labels.longest
    }
    // One label a bar, kept while the bars are as many: new days change their texts only.
    Repeater {
        model: labels.count
        Text {
            required property int index
            visible: index % labels.every === 0
            x: labels.graph.plotArea.x + (index + 0.5) * labels.slot - width / 2
            textFormat: Text.PlainText
            text: labels.texts[index] ?? ""
            color: Theme.text
            font.pixelSize: Theme.smallSize
        }
    }
}
