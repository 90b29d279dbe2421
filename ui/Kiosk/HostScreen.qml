// Whom are you visiting: a few letters and a list of matches, or reception for the rest.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk
    readonly property bool portrait: height > width * 0.9
    readonly property bool listMode: kiosk.checkIn.showHostList

    // Landscape: the search on the left and reception's choices on the right, both starting at
    // the top, so all of it stays above the keyboard. Portrait: one column.
    GridLayout {
        anchors { fill: parent; margins: Theme.margin }
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.spacing * 2
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                spacing: Theme.spacing
                KioskButton {
                    objectName: "backButton"
                    text: qsTr("Back")
                    onClicked: screen.kiosk.back()
                }
                ScreenTitle {
                    Layout.fillWidth: true
                    text: qsTr("Whom are you visiting?")
                }
            }
            RowLayout {
                spacing: Theme.spacing
                EntryField {
                    id: field
                    objectName: "hostField"
                    Layout.fillWidth: true
                    label: screen.listMode ? qsTr("Type two or more letters of their name")
                                           : qsTr("Type their full name")
                    text: screen.kiosk.checkIn.hostQuery
                    onTextEdited: screen.kiosk.checkIn.setHostQuery(text)
                    onAccepted: if (!screen.listMode) screen.kiosk.checkIn.submitHostName()
                    Component.onCompleted: forceActiveFocus()
                }
                KioskButton {
                    objectName: "hostNext"
                    visible: !screen.listMode
                    primary: true
                    text: qsTr("Next")
                    enabled: !screen.kiosk.busy && field.text.trim().length > 1
                    onClicked: screen.kiosk.checkIn.submitHostName()
                }
            }
            Text {
                objectName: "message"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.kiosk.message
                color: Theme.error
                font.pixelSize: Theme.bodySize
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            ColumnLayout {
                Layout.fillWidth: true
                visible: screen.portrait
                spacing: Theme.spacing / 2
                BodyText {
                    Layout.fillWidth: true
                    color: Theme.textMuted
                    text: qsTr("Or let reception help:")
                }
                RowLayout {
                    spacing: Theme.spacing / 2
                    Repeater {
                        model: screen.receptionChoices
                        KioskButton {
                            required property var modelData
                            objectName: modelData.objectName
                            Layout.fillWidth: true
                            text: modelData.text
                            onClicked: screen.kiosk.checkIn.chooseReception(modelData.purpose)
                        }
                    }
                }
            }
            ListView {
                id: matches
                objectName: "hostList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: Theme.buttonHeight
                clip: true
                spacing: Theme.spacing / 2
                model: screen.kiosk.checkIn.hostModel
                boundsBehavior: Flickable.StopAtBounds
                delegate: KioskButton {
                    required property int index
                    required property string name
                    required property string department
                    objectName: "host_" + index
                    width: ListView.view.width
                    text: department !== "" ? name + " · " + department : name
                    Accessible.name: name
                    onClicked: screen.kiosk.checkIn.chooseHost(index)
                }
                BodyText {
                    anchors.top: parent.top
                    width: parent.width
                    visible: matches.count === 0 && screen.listMode
                    color: Theme.textMuted
                    text: field.text.trim().length < 2
                          ? qsTr("Names appear here as you type.")
                          : qsTr("No one on the staff list matches “%1”.").arg(field.text.trim())
                }
            }
        }
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 520
            visible: !screen.portrait
            spacing: Theme.spacing / 2
            BodyText {
                Layout.fillWidth: true
                color: Theme.textMuted
                text: qsTr("Or let reception help:")
            }
            Repeater {
                model: screen.receptionChoices
                KioskButton {
                    required property var modelData
                    objectName: modelData.objectName
                    Layout.fillWidth: true
                    text: modelData.text
                    onClicked: screen.kiosk.checkIn.chooseReception(modelData.purpose)
                }
            }
        }
    }
    readonly property var receptionChoices: [
        { objectName: "purposeNotSure", text: qsTr("I'm not sure"), purpose: "not_sure" },
        { objectName: "purposeDelivery", text: qsTr("Delivery"), purpose: "delivery" },
        { objectName: "purposeInterview", text: qsTr("Interview"), purpose: "interview" }
    ]
}
