// A code that could not be used: why, kindly, and the name path offered. Never a dead end.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing * 2

        ScreenTitle {
            objectName: "scanProblem"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: screen.kiosk.scanFlow.problem
            Accessible.role: Accessible.AlertMessage
        }
        KioskButton {
            objectName: "scanNameInstead"
            Layout.alignment: Qt.AlignHCenter
            big: true
            primary: true
            text: qsTr("Type my name instead")
            onClicked: screen.kiosk.scanFlow.nameInstead()
        }
        KioskButton {
            objectName: "backButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Back to the start")
            onClicked: screen.kiosk.reset()
        }
    }
}
