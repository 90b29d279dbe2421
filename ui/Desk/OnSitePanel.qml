// Everyone on site now, beside the queue: name, host and time in; during a roll call a big
// "Accounted for" by each name and the count; the list on paper, even with the hub down.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: panel
    required property DeskOnSite onSite

    objectName: "onSitePanel"
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors { fill: parent; margins: Theme.cardPadding }
        spacing: Theme.spacing

        Text {
            objectName: "headcount"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: panel.onSite.headcount
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
            color: Theme.text
            wrapMode: Text.Wrap
        }

        Rectangle {
            objectName: "asOf"
            visible: panel.onSite.asOf !== ""
            Layout.fillWidth: true
            implicitHeight: asOfText.implicitHeight + Theme.spacing
            radius: Theme.radius
            color: Theme.banner
            Text {
                id: asOfText
                textFormat: Text.PlainText
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                text: panel.onSite.asOf
                color: Theme.textOnBanner
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
        }

        Text {
            objectName: "rollCallText"
            textFormat: Text.PlainText
            visible: panel.onSite.rollCall
            Layout.fillWidth: true
            text: panel.onSite.rollCallText
            font.pixelSize: Theme.bodySize + 3
            font.weight: Font.Bold
            color: Theme.over
            wrapMode: Text.Wrap
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: !panel.onSite.confirmingEnd
            DeskButton {
                objectName: "startRollCall"
                enabled: panel.onSite.online
                visible: !panel.onSite.rollCall
                primary: true
                text: qsTr("Start roll call")
                onClicked: panel.onSite.startRollCall()
            }
            DeskButton {
                objectName: "endRollCall"
                enabled: panel.onSite.online
                visible: panel.onSite.rollCall
                text: qsTr("End roll call")
                onClicked: panel.onSite.endRollCall()
            }
            DeskButton {
                objectName: "printList"
                enabled: !panel.onSite.busy
                text: panel.onSite.busy ? qsTr("Printing…") : qsTr("Print")
                onClicked: panel.onSite.printList()
            }
            DeskButton {
                objectName: "savePdf"
                enabled: !panel.onSite.busy
                text: qsTr("Save as PDF")
                onClicked: panel.onSite.savePdf()
            }
        }

        ColumnLayout {
            objectName: "confirmEnd"
            visible: panel.onSite.confirmingEnd
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: panel.onSite.confirmText
                font.pixelSize: Theme.bodySize
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            RowLayout {
                spacing: Theme.spacing
                DeskButton {
                    objectName: "confirmEndYes"
                    text: qsTr("Yes, end it")
                    onClicked: panel.onSite.confirmEnd(true)
                }
                DeskButton {
                    objectName: "confirmEndNo"
                    primary: true
                    text: qsTr("No, keep going")
                    onClicked: panel.onSite.confirmEnd(false)
                }
            }
        }

        ListView {
            id: people
            objectName: "onSiteList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            model: panel.onSite.rows
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                policy: people.contentHeight > people.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                width: 14
            }
            delegate: Rectangle {
                id: person
                required property int visitId
                required property string name
                required property string host
                required property string since
                required property bool waiting
                required property bool accounted

                objectName: "onSite_" + visitId
                width: ListView.view.width - 18
                implicitHeight: row.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                GridLayout {
                    id: row
                    anchors { fill: parent; margins: Theme.spacing / 2 }
                    columns: width > 420 ? 2 : 1
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing / 2
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            objectName: "personName"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: person.name
                            font.pixelSize: Theme.bodySize + 2
                            font.weight: Font.Bold
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Text {
                            objectName: "personDetails"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: (person.host ? qsTr("Visiting %1").arg(person.host) : qsTr("No host"))
                                  + " · " + qsTr("in since %1").arg(person.since)
                                  + (person.waiting ? " · " + qsTr("waiting at reception") : "")
                            font.pixelSize: Theme.smallSize
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                        }
                    }
                    DeskButton {
                        objectName: "accountedFor"
                        enabled: panel.onSite.online
                        visible: panel.onSite.rollCall && !person.accounted
                        primary: true
                        implicitHeight: Theme.controlHeight + 8
                        text: qsTr("Accounted for")
                        onClicked: panel.onSite.markAccounted(person.visitId)
                    }
                    Text {
                        objectName: "accountedMark"
                        textFormat: Text.PlainText
                        visible: panel.onSite.rollCall && person.accounted
                        text: qsTr("✓ Accounted for")
                        font.pixelSize: Theme.bodySize
                        font.weight: Font.Bold
                        color: Theme.within
                    }
                }
            }
        }
    }
}
