// Asked once per desk: who answers here, so "On my way" and "Your day" are theirs.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property DeskViewModel desk

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
            text: qsTr("Choose your name. The visitor is told who is coming, and your day counts the visitors you welcome. A desk shared by whoever is there can answer as “Someone at this desk”.")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        DeskButton {
            objectName: "someoneHere"
            Layout.fillWidth: true
            Layout.maximumWidth: 640 - 16
            text: qsTr("Someone at this desk")
            primary: screen.desk.who.staffId === screen.desk.who.someoneHere
            onClicked: screen.desk.who.choose(screen.desk.who.someoneHere)
        }
        Text {
            textFormat: Text.PlainText
            visible: people.count === 0
            Layout.fillWidth: true
            text: screen.desk.connected ? qsTr("Nobody is on the staff list yet. Add the staff with `kiosk staff import`, or answer as someone at this desk.")
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
            model: screen.desk.who.staff
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            delegate: DeskButton {
                required property int index
                required property int id
                required property string name
                required property string department
                required property bool receptionist
                objectName: "receptionist_" + index
                width: ListView.view.width - 16
                text: receptionist ? qsTr("%1 — reception").arg(name)
                      : department ? qsTr("%1 — %2").arg(name).arg(department) : name
                primary: id === screen.desk.who.staffId
                onClicked: screen.desk.who.choose(id)
            }
        }
    }
}
