// One target in the admin panel: what it is, its value in minutes and seconds, and − / + buttons.
import QtQuick
import QtQuick.Layouts

RowLayout {
    id: stepper
    required property string label
    required property int seconds
    required property string name  // objectName stem for the buttons: "<name>Less", "<name>More"
    signal stepped(int step)

    spacing: Theme.spacing

    BodyText {
        Layout.fillWidth: true
        text: stepper.label
    }
    KioskButton {
        objectName: stepper.name + "Less"
        implicitWidth: Theme.buttonHeight * 1.4
        text: "−"
        Accessible.name: qsTr("Shorter: %1").arg(stepper.label)
        onClicked: stepper.stepped(-15)
    }
    Text {
        objectName: stepper.name + "Value"
        textFormat: Text.PlainText
        Layout.minimumWidth: Theme.buttonHeight * 1.6
        horizontalAlignment: Text.AlignHCenter
        text: Math.floor(stepper.seconds / 60) + ":" + String(stepper.seconds % 60).padStart(2, "0")
        color: Theme.text
        font.pixelSize: Theme.buttonSize
        font.bold: true
    }
    KioskButton {
        objectName: stepper.name + "More"
        implicitWidth: Theme.buttonHeight * 1.4
        text: "+"
        Accessible.name: qsTr("Longer: %1").arg(stepper.label)
        onClicked: stepper.stepped(15)
    }
}
