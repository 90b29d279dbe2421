// Asked once per desk: who answers here, so "On my way" and "Your day" are theirs.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

Item {
    id: screen
    required property QtObject desk

    ColumnLayout {
        anchors { fill: parent; margins: Theme.margin * 2 }
        spacing: Theme.margin

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Who is at this desk?")
            font.pixelSize: Theme.titleSize + 6
            font.weight: Font.Bold
            color: Theme.text
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Choose your name. The visitor is told who is coming, and your day counts the visitors you welcome.")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        Text {
            textFormat: Text.PlainText
            visible: people.count === 0
            Layout.fillWidth: true
            text: screen.desk.connected ? qsTr("No receptionists are on the staff list yet. Add them with `kiosk staff import`.")
                                        : qsTr("Waiting for the front desk hub…")
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        ListView {
            id: people
            objectName: "receptionistList"
            Layout.fillWidth: true
            Layout.maximumWidth: 640
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: screen.desk.receptionists
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            delegate: DeskButton {
                required property int index
                required property int id
                required property string name
                required property string department
                objectName: "receptionist_" + index
                width: ListView.view.width - 16
                text: department ? qsTr("%1 — %2").arg(name).arg(department) : name
                primary: id === screen.desk.receptionistId
                onClicked: screen.desk.chooseReceptionist(id)
            }
        }
    }
}
