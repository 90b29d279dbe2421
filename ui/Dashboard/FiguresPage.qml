// The figures of the days chosen: six headline figures beside the days before, three charts,
// and each receptionist's part in it.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

ScrollView {
    id: scroller
    required property DashboardFigures page
    required property DashboardRange days

    objectName: "figuresPage"
    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: scroller.availableWidth
        spacing: Theme.margin

        Item { implicitHeight: 0 }

        GridLayout {
            id: tiles
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            // Six in a row on a wide screen, else two rows of three, else three of two.
            columns: scroller.availableWidth >= 6 * Theme.tileWidth ? 6
                   : scroller.availableWidth >= 3 * Theme.tileWidth ? 3 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Repeater {
                model: scroller.page.tiles
                FigureTile {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.tileWidth
                }
            }
        }

        Text {
            objectName: "waitingForFigures"
            visible: !scroller.page.loaded
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            textFormat: Text.PlainText
            text: qsTr("The figures appear here as soon as the hub answers.")
            color: Theme.textMuted
            font.pixelSize: Theme.bodySize + 2
            wrapMode: Text.Wrap
        }

        Text {
            objectName: "nobodyCame"
            visible: scroller.page.loaded && scroller.page.visits === 0
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            textFormat: Text.PlainText
            text: qsTr("Nobody checked in during these days, so there is nothing to chart.")
            color: Theme.text
            font.pixelSize: Theme.bodySize + 2
            wrapMode: Text.Wrap
        }

        GridLayout {
            visible: scroller.page.visits > 0
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            readonly property bool wide: scroller.availableWidth >= 1600
            columns: wide ? 3 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            WaitsByHourChart {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                chart: scroller.page.hours
                target: scroller.page.target
            }
            WaitDistributionChart {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                chart: scroller.page.waits
                target: scroller.page.target
            }
            VisitsChart {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.columnSpan: parent.wide ? 1 : 2
                chart: scroller.page.days
            }
        }

        Text {
            visible: scroller.page.recognitions.count > 0
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            textFormat: Text.PlainText
            text: qsTr("Who welcomed our visitors")
            color: Theme.text
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
        }
        Flow {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            spacing: Theme.spacing
            Repeater {
                model: scroller.page.recognitions
                ReceptionistCard {}
            }
        }

        Item { implicitHeight: Theme.margin }
    }
}
