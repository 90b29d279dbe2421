// Expected today, beside the queue: time, name, host, note, and whether they came; the form that
// expects a visitor (and makes their invitation); "Withdraw", asking once.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

Rectangle {
    id: panel
    required property DeskExpected expected
    required property DeskPerson who
    property bool formOpen: false

    objectName: "expectedPanel"
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    component FormField: TextField {
        Layout.fillWidth: true
        implicitHeight: Theme.controlHeight
        font.pixelSize: Theme.bodySize
        color: Theme.text
        placeholderTextColor: Theme.textMuted
        background: Rectangle {
            radius: 6
            color: Theme.surface
            border.width: parent.activeFocus ? 2 : 1
            border.color: parent.activeFocus ? Theme.primary : Theme.textMuted
        }
    }

    component Label: Text {
        textFormat: Text.PlainText
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
        color: Theme.text
    }

    ColumnLayout {
        anchors { fill: parent; margins: Theme.cardPadding }
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Expected today")
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                color: Theme.text
                wrapMode: Text.Wrap
            }
            DeskButton {
                objectName: "expectVisitor"
                visible: !panel.formOpen
                primary: true
                text: qsTr("Expect a visitor")
                onClicked: {
                    panel.expected.clearForm()
                    panel.formOpen = true
                }
            }
        }

        Text {
            objectName: "invited"
            textFormat: Text.PlainText
            visible: panel.expected.invited !== ""
            Layout.fillWidth: true
            text: panel.expected.invited
            font.pixelSize: Theme.bodySize
            font.weight: Font.DemiBold
            color: Theme.within
            wrapMode: Text.Wrap
        }

        Flickable {
            objectName: "expectForm"
            visible: panel.formOpen
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: form.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 14 }

            GridLayout {
                id: form
                width: parent.width - 18
                columns: width > 520 ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2

                Label { text: qsTr("Name"); Layout.columnSpan: form.columns }
                FormField { id: nameField; objectName: "expectName"; Layout.columnSpan: form.columns }
                Label { text: qsTr("Visiting") }
                Label { text: qsTr("E-mail (optional, for the invitation)"); visible: form.columns === 2 }
                ComboBox {
                    id: hostBox
                    objectName: "expectHost"
                    Layout.fillWidth: true
                    implicitHeight: Theme.controlHeight
                    font.pixelSize: Theme.bodySize
                    model: panel.who.staff
                    textRole: "name"
                    valueRole: "id"
                    displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
                    currentIndex: -1
                }
                Label { text: qsTr("E-mail (optional, for the invitation)"); visible: form.columns === 1 }
                FormField { id: emailField; objectName: "expectEmail"; inputMethodHints: Qt.ImhEmailCharactersOnly }
                Label { text: qsTr("Day") }
                Label { text: qsTr("Time (hours:minutes)"); visible: form.columns === 2 }
                ComboBox {
                    id: dayBox
                    objectName: "expectDay"
                    Layout.fillWidth: true
                    implicitHeight: Theme.controlHeight
                    font.pixelSize: Theme.bodySize
                    model: panel.expected.days
                    textRole: "label"
                }
                Label { text: qsTr("Time (hours:minutes)"); visible: form.columns === 1 }
                FormField { id: timeField; objectName: "expectTime"; placeholderText: "14:30" }
                Label { text: qsTr("Note for reception (optional)"); Layout.columnSpan: form.columns }
                FormField { id: noteField; objectName: "expectNote"; Layout.columnSpan: form.columns }
                Label { text: qsTr("How to say the name (optional)"); Layout.columnSpan: form.columns }
                FormField { id: sayField; objectName: "expectPronunciation"; Layout.columnSpan: form.columns }
            }
        }

        Text {
            objectName: "formError"
            textFormat: Text.PlainText
            visible: panel.formOpen && panel.expected.formError !== ""
            Layout.fillWidth: true
            text: panel.expected.formError
            font.pixelSize: Theme.bodySize
            font.weight: Font.DemiBold
            color: Theme.over
            wrapMode: Text.Wrap
        }
        Flow {
            visible: panel.formOpen
            Layout.fillWidth: true
            spacing: Theme.spacing
            DeskButton {
                objectName: "sendInvitation"
                primary: true
                text: qsTr("Expect them")
                onClicked: panel.expected.expect(
                    nameField.text, emailField.text,
                    hostBox.currentIndex < 0 ? 0 : hostBox.currentValue,
                    dayBox.currentIndex, timeField.text, noteField.text, sayField.text)
            }
            DeskButton {
                objectName: "closeForm"
                text: qsTr("Close")
                onClicked: panel.formOpen = false
            }
        }

        Connections {
            target: panel.expected
            function onInvitedChanged() {
                if (panel.expected.invited === "")
                    return
                panel.formOpen = false
                for (const field of [nameField, emailField, timeField, noteField, sayField])
                    field.clear()
                hostBox.currentIndex = -1
            }
        }

        Text {
            objectName: "nobodyExpected"
            textFormat: Text.PlainText
            visible: !panel.formOpen && expectedList.count === 0
            Layout.fillWidth: true
            text: qsTr("Nobody is expected today.")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }

        ListView {
            id: expectedList
            objectName: "expectedList"
            visible: !panel.formOpen
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            model: panel.expected.rows
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                policy: expectedList.contentHeight > expectedList.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                width: 14
            }
            delegate: Rectangle {
                id: invitation
                required property int expectedId
                required property string time
                required property string name
                required property string host
                required property string note
                required property string status
                required property bool arrived
                required property bool withdrawable
                readonly property bool confirming: panel.expected.confirmingWithdraw === expectedId

                objectName: "expected_" + expectedId
                width: ListView.view.width - 18
                implicitHeight: row.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                GridLayout {
                    id: row
                    anchors { fill: parent; margins: Theme.spacing / 2 }
                    columns: width > 420 ? 3 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing / 2
                    Text {
                        textFormat: Text.PlainText
                        Layout.alignment: Qt.AlignTop
                        text: invitation.time
                        font.pixelSize: Theme.bodySize + 2
                        font.weight: Font.Bold
                        font.features: { "tnum": 1 }
                        color: Theme.text
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            objectName: "expectedName"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: invitation.name
                            font.pixelSize: Theme.bodySize + 2
                            font.weight: Font.Bold
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: invitation.host ? qsTr("Visiting %1").arg(invitation.host) : qsTr("No host")
                            font.pixelSize: Theme.smallSize
                            color: Theme.textMuted
                            elide: Text.ElideRight
                        }
                        Text {
                            objectName: "expectedNote"
                            textFormat: Text.PlainText
                            visible: invitation.note !== ""
                            Layout.fillWidth: true
                            text: qsTr("Note: %1").arg(invitation.note)
                            font.pixelSize: Theme.smallSize
                            font.italic: true
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                        Text {
                            objectName: "expectedStatus"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: invitation.status
                            font.pixelSize: Theme.smallSize
                            font.weight: Font.DemiBold
                            color: invitation.arrived ? Theme.within : Theme.textMuted
                        }
                    }
                    Flow {
                        Layout.columnSpan: row.columns === 3 ? 1 : 2
                        Layout.preferredWidth: row.columns === 3 ? implicitWidth : row.width
                        spacing: Theme.spacing / 2
                        visible: invitation.withdrawable
                        DeskButton {
                            objectName: "withdraw"
                            visible: !invitation.confirming
                            text: qsTr("Withdraw")
                            onClicked: panel.expected.withdraw(invitation.expectedId)
                        }
                        DeskButton {
                            objectName: "confirmWithdraw"
                            visible: invitation.confirming
                            text: qsTr("Yes, withdraw")
                            onClicked: panel.expected.confirmWithdraw(true)
                        }
                        DeskButton {
                            objectName: "keepInvitation"
                            visible: invitation.confirming
                            primary: true
                            text: qsTr("No, keep it")
                            onClicked: panel.expected.confirmWithdraw(false)
                        }
                    }
                }
            }
        }
    }
}
