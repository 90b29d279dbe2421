// The dashboard's pages under one row of tabs; the days to show above the pages that use them.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: pages
    required property DashboardViewModel dashboard

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: tabs.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            RowLayout {
                id: tabs
                anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin }
                spacing: Theme.spacing
                Repeater {
                    model: [
                        { view: "figures", label: qsTr("Figures") },
                        { view: "follow_ups", label: qsTr("Follow-ups") },
                        { view: "on_site", label: qsTr("On site now") },
                        { view: "export", label: qsTr("Export") }
                    ]
                    ChoiceButton {
                        required property var modelData
                        objectName: "tab_" + modelData.view
                        text: modelData.label
                        chosen: pages.dashboard.view === modelData.view
                        onClicked: pages.dashboard.show(modelData.view)
                    }
                }
                Item { Layout.fillWidth: true }
            }
        }

        RangeBar {
            visible: pages.dashboard.view !== "on_site"
            Layout.fillWidth: true
            days: pages.dashboard.days
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: ["figures", "follow_ups", "on_site", "export"].indexOf(pages.dashboard.view)
            FiguresPage { page: pages.dashboard.figuresPage; days: pages.dashboard.days }
            FollowUpsPage { page: pages.dashboard.followUpsPage }
            OnSitePage { page: pages.dashboard.onSitePage }
            ExportPage { page: pages.dashboard.exportPage; days: pages.dashboard.days }
        }
    }
}
