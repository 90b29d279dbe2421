// Check out: more than one open visit under the name; a masked contact tells them apart.
import QtQuick
import QtQuick.Layouts

Item {
    id: screen
    required property QtObject kiosk

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.margin }
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
                text: qsTr("Which visit is yours?")
            }
        }
        Repeater {
            model: screen.kiosk.visitModel
            KioskButton {
                required property int index
                required property string maskedContact
                required property string hostName
                objectName: "visit_" + index
                Layout.fillWidth: true
                Layout.maximumWidth: 1100
                text: hostName !== "" ? qsTr("%1, visiting %2").arg(maskedContact).arg(hostName)
                                      : maskedContact
                onClicked: screen.kiosk.chooseVisit(index)
            }
        }
    }
}
