// The days the figures, follow-ups and export are about: today, this week, the last 30 days,
// or two days typed in; and which days they are compared with.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: bar
    required property DashboardRange days

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: Theme.background

    ColumnLayout {
        id: column
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: Theme.spacing; bottomMargin: Theme.spacing }
        spacing: Theme.spacing / 2

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: [
                    { preset: "today", label: qsTr("Today") },
                    { preset: "week", label: qsTr("This week") },
                    { preset: "last30", label: qsTr("Last 30 days") },
                    { preset: "custom", label: qsTr("Choose days…") }
                ]
                ChoiceButton {
                    required property var modelData
                    objectName: "range_" + modelData.preset
                    text: modelData.label
                    chosen: bar.days.preset === modelData.preset
                    onClicked: bar.days.choose(modelData.preset)
                }
            }
            Row {
                visible: bar.days.preset === "custom"
                spacing: Theme.spacing
                Field {
                    id: firstDay
                    objectName: "firstDay"
                    width: 170
                    placeholderText: qsTr("First day")
                    text: bar.days.first
                    inputMethodHints: Qt.ImhDate
                    onAccepted: bar.days.useTyped(firstDay.text, lastDay.text)
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    textFormat: Text.PlainText
                    text: qsTr("to")
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                }
                Field {
                    id: lastDay
                    objectName: "lastDay"
                    width: 170
                    placeholderText: qsTr("Last day")
                    text: bar.days.last
                    inputMethodHints: Qt.ImhDate
                    onAccepted: bar.days.useTyped(firstDay.text, lastDay.text)
                }
                DashButton {
                    objectName: "showDays"
                    primary: true
                    text: qsTr("Show these days")
                    onClicked: bar.days.useTyped(firstDay.text, lastDay.text)
                }
            }
        }
        Text {
            objectName: "rangeError"
            visible: bar.days.error !== ""
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: bar.days.error
            color: Theme.error
            font.pixelSize: Theme.bodySize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "rangeLabel"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: qsTr("%1 · %2").arg(bar.days.label).arg(bar.days.comparedWith)
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
    }
}
