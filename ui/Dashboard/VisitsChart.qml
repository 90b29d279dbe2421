// Visits per day of the range (per week, month or year over a long one).
pragma ComponentBehavior: Bound
import QtQuick
import QtGraphs
import ViewModels

ChartCard {
    id: card
    required property VisitChart chart

    objectName: "visitsChart"
    title: card.chart.per === "week" ? qsTr("Visits per week")
         : card.chart.per === "month" ? qsTr("Visits per month")
         : card.chart.per === "year" ? qsTr("Visits per year") : qsTr("Visits per day")

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
                barWidth: 0.8
                BarSet { label: qsTr("visits"); values: card.chart.visits; color: Theme.visits; borderWidth: 0 }
            }
        }
        AxisLabels {
            graph: graph
            texts: card.chart.labels
        }
    }
}
