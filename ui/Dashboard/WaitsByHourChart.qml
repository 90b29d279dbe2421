// Median and 90th-percentile wait by hour of check-in, with the welcome target drawn across.
pragma ComponentBehavior: Bound
import QtQuick
import QtGraphs
import ViewModels

ChartCard {
    id: card
    required property HourChart chart
    required property string target   // "within 3 min"

    objectName: "waitsByHourChart"
    title: qsTr("Waits by hour of check-in")
    subtitle: card.chart.unit === "min" ? qsTr("minutes:") : qsTr("seconds:")
    key: [
        { label: qsTr("median"), colour: Theme.median },
        { label: qsTr("9 in 10 welcomed within"), colour: Theme.p90 },
        { label: qsTr("target: welcomed %1").arg(card.target), colour: Theme.targetLine }
    ]

    Item {
        anchors.fill: parent
        GraphsView {
            id: graph
            anchors.fill: parent
            marginLeft: 4; marginRight: 8; marginTop: 8; marginBottom: 0
            theme: ChartTheme {}
            axisX: BarCategoryAxis {
                categories: card.chart.hours
                labelsVisible: false
                gridVisible: false
            }
            axisY: ValueAxis {
                max: card.chart.top
                tickInterval: card.chart.tick
                labelDecimals: card.chart.tick < 1 ? 1 : 0
                subTickCount: 0
            }
            BarSeries {
                barWidth: 0.8
                BarSet { label: qsTr("median"); values: card.chart.median; color: Theme.median; borderWidth: 0 }
                BarSet { label: qsTr("9 in 10"); values: card.chart.p90; color: Theme.p90; borderWidth: 0 }
            }
        }
        Rectangle {
            objectName: "targetLine"
            visible: card.chart.top > 0 && card.chart.hours.length > 0
            x: graph.plotArea.x
            y: graph.plotArea.y + graph.plotArea.height * (1 - card.chart.target / card.chart.top) - 1
            width: graph.plotArea.width
            height: 2
            color: Theme.targetLine
        }
        AxisLabels {
            graph: graph
            texts: card.chart.hours
        }
    }
}
