// How long the visitors welcomed waited: how many in each band, within target and over it.
pragma ComponentBehavior: Bound
import QtQuick
import QtGraphs
import ViewModels

ChartCard {
    id: card
    required property WaitChart chart
    required property string target   // "within 3 min"

    objectName: "waitDistributionChart"
    title: qsTr("How long visitors waited")
    subtitle: card.chart.unit === "min" ? qsTr("visitors, by minutes waited:") : qsTr("visitors, by seconds waited:")
    key: [
        { label: qsTr("welcomed %1").arg(card.target), colour: Theme.withinTarget },
        { label: qsTr("waited longer"), colour: Theme.overTarget }
    ]

    Item {
        anchors.fill: parent
        GraphsView {
            id: graph
            anchors.fill: parent
            marginLeft: 4; marginRight: 8; marginTop: 8; marginBottom: 0
            theme: ChartTheme {}
            axisX: BarCategoryAxis {
                categories: card.chart.labels
                labelsVisible: false
                gridVisible: false
            }
            axisY: ValueAxis {
                max: card.chart.top
                tickInterval: card.chart.tick
                labelDecimals: 0
                subTickCount: 0
            }
            BarSeries {
                barWidth: 0.85
                barsType: BarSeries.BarsType.Stacked
                BarSet { label: qsTr("within target"); values: card.chart.within; color: Theme.withinTarget; borderWidth: 0 }
                BarSet { label: qsTr("over target"); values: card.chart.over; color: Theme.overTarget; borderWidth: 0 }
            }
        }
        AxisLabels {
            graph: graph
            texts: card.chart.labels
        }
    }
}
