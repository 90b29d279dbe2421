// Is this you? Two known visitors share the name: only a masked contact tells them apart.
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
                text: qsTr("Is this you?")
            }
        }
        BodyText {
            Layout.fillWidth: true
            text: qsTr("We know more than one visitor with this name. Choose your email or phone number:")
        }
        Repeater {
            model: screen.kiosk.matchModel
            KioskButton {
                required property int index
                required property string maskedContact
                objectName: "match_" + index
                Layout.fillWidth: true
                Layout.maximumWidth: 900
                text: maskedContact
                onClicked: screen.kiosk.chooseMatch(index)
            }
        }
        KioskButton {
            objectName: "noneOfThese"
            Layout.fillWidth: true
            Layout.maximumWidth: 900
            text: qsTr("None of these")
            onClicked: screen.kiosk.notMe()
        }
    }
}
