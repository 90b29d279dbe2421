// Everyone on site now, kept up to date; the roll call, and the list on paper or in a PDF for
// an evacuation.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property DashboardOnSite page

    objectName: "onSitePage"

    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: Theme.margin }
        spacing: Theme.spacing

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                objectName: "headcount"
                height: Theme.controlHeight
                verticalAlignment: Text.AlignVCenter
                textFormat: Text.PlainText
                text: screen.page.headcount
                color: Theme.text
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
            }
            Item { width: Theme.margin; height: 1 }
            DashButton {
                objectName: "startRollCall"
                visible: !screen.page.rollCall
                primary: true
                text: qsTr("Start roll call")
                onClicked: screen.page.startRollCall()
            }
            DashButton {
                objectName: "endRollCall"
                visible: screen.page.rollCall && !screen.page.confirmingEnd
                text: qsTr("End roll call")
                onClicked: screen.page.endRollCall()
            }
            DashButton {
                objectName: "printList"
                text: qsTr("Print the list")
                onClicked: screen.page.printList()
            }
            DashButton {
                objectName: "savePdf"
                text: qsTr("Save as PDF")
                onClicked: screen.page.savePdf()
            }
        }

        Text {
            objectName: "rollCallText"
            visible: screen.page.rollCall
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: screen.page.rollCallText
            color: Theme.text
            font.pixelSize: Theme.bodySize + 2
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }

        Rectangle {
            objectName: "confirmEnd"
            visible: screen.page.confirmingEnd
            Layout.fillWidth: true
            implicitHeight: confirmRow.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.banner
            Flow {
                id: confirmRow
                anchors { fill: parent; margins: Theme.spacing }
                spacing: Theme.spacing
                Text {
                    height: Theme.controlHeight
                    verticalAlignment: Text.AlignVCenter
                    textFormat: Text.PlainText
                    text: screen.page.confirmText
                    color: Theme.textOnBanner
                    font.pixelSize: Theme.bodySize
                    font.weight: Font.DemiBold
                }
                DashButton {
                    objectName: "confirmEndYes"
                    text: qsTr("End it")
                    onClicked: screen.page.confirmEnd(true)
                }
                DashButton {
                    objectName: "confirmEndNo"
                    primary: true
                    text: qsTr("Keep going")
                    onClicked: screen.page.confirmEnd(false)
                }
            }
        }

        ListView {
            id: list
            objectName: "onSiteList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: screen.page.rows
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            delegate: OnSiteRow {
                width: list.width - 16
                page: screen.page
            }
            footer: Item { height: Theme.margin }
        }
    }
}
