// How every chart looks: white plot, light grid, the dashboard's text colour and sizes.
import QtQuick
import QtGraphs

GraphsTheme {
    colorScheme: GraphsTheme.ColorScheme.Light
    theme: GraphsTheme.Theme.UserDefined
    backgroundVisible: false
    plotAreaBackgroundColor: Theme.surface
    labelTextColor: Theme.text
    labelBackgroundVisible: false
    labelBorderVisible: false
    grid.mainColor: Theme.grid
    grid.subColor: Theme.grid
    axisX.mainColor: Theme.border
    axisY.mainColor: Theme.border
    axisYLabelFont.pixelSize: Theme.smallSize
    axisXLabelFont.pixelSize: Theme.smallSize
}
