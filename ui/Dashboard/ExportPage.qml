// Export the visits of the days chosen: the format, with or without visitors' names, the file;
// a progress bar and Cancel while it is written.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property DashboardExport page
    required property DashboardRange days

    objectName: "exportPage"

    ColumnLayout {
        anchors { fill: parent; margins: Theme.margin }
        spacing: Theme.margin

        Text {
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: qsTr("Export the visits of %1, one row each, with every time and wait.").arg(screen.days.label)
            color: Theme.text
            font.pixelSize: Theme.bodySize + 2
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: [
                    { format: "csv", label: qsTr("CSV") },
                    { format: "xlsx", label: qsTr("Excel (xlsx)") },
                    { format: "jsonl", label: qsTr("JSON Lines") }
                ]
                ChoiceButton {
                    required property var modelData
                    objectName: "format_" + modelData.format
                    text: modelData.label
                    chosen: screen.page.format === modelData.format
                    enabled: !screen.page.running
                    onClicked: screen.page.chooseFormat(modelData.format)
                }
            }
        }

        CheckBox {
            id: anonymous
            objectName: "anonymous"
            implicitHeight: Theme.controlHeight
            checked: screen.page.anonymous
            enabled: !screen.page.running
            font.pixelSize: Theme.bodySize
            text: qsTr("Leave out visitors' names (anonymous); staff names stay")
            Accessible.name: anonymous.text
            onToggled: screen.page.chooseAnonymous(anonymous.checked)
            contentItem: Text {
                leftPadding: anonymous.indicator.width + anonymous.spacing
                verticalAlignment: Text.AlignVCenter
                textFormat: Text.PlainText
                text: anonymous.text
                font: anonymous.font
                color: Theme.text
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Field {
                id: fileName
                objectName: "exportFile"
                Layout.fillWidth: true
                enabled: !screen.page.running
                placeholderText: qsTr("File to write")
                text: screen.page.fileName
                onEditingFinished: screen.page.nameFile(fileName.text)
            }
            DashButton {
                objectName: "chooseFile"
                text: qsTr("Choose…")
                enabled: !screen.page.running
                onClicked: chooser.open()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            DashButton {
                objectName: "startExport"
                visible: !screen.page.running && !screen.page.confirmingReplace
                primary: true
                text: qsTr("Export")
                onClicked: {
                    screen.page.nameFile(fileName.text)
                    screen.page.start()
                }
            }
            DashButton {
                objectName: "replaceFile"
                visible: screen.page.confirmingReplace
                primary: true
                text: qsTr("Replace it")
                onClicked: screen.page.confirmReplace(true)
            }
            DashButton {
                objectName: "keepFile"
                visible: screen.page.confirmingReplace
                text: qsTr("Keep it")
                onClicked: screen.page.confirmReplace(false)
            }
            ProgressBar {
                objectName: "exportProgress"
                visible: screen.page.running
                Layout.fillWidth: true
                implicitHeight: Theme.controlHeight / 2
                from: 0
                to: 1
                value: Math.max(0, screen.page.progress)
                indeterminate: screen.page.progress < 0
            }
            DashButton {
                objectName: "cancelExport"
                visible: screen.page.running
                text: qsTr("Cancel")
                onClicked: screen.page.cancel()
            }
        }

        Text {
            objectName: "exportStatus"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: screen.page.status
            color: Theme.text
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }

        Text {
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: qsTr("Times are the site's local time with its offset from UTC; waits are in seconds. The file is replaced only once complete, and is readable by you alone: it may hold visitors' names.")
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        Item { Layout.fillHeight: true }
    }

    FileDialog {
        id: chooser
        fileMode: FileDialog.SaveFile
        title: qsTr("Export the visits to")
        nameFilters: [qsTr("Visits (*.%1)").arg(screen.page.format)]
        onAccepted: screen.page.chooseFile(chooser.selectedFile)
    }
}
