// A large text field for the virtual keyboard; `label` is shown as the placeholder and read out.
import QtQuick
import QtQuick.Controls.Basic

TextField {
    id: field
    property string label
    implicitHeight: Theme.fieldHeight
    font.pixelSize: Theme.titleSize * 0.75
    color: Theme.text
    placeholderText: label
    placeholderTextColor: Theme.textMuted
    Accessible.name: label
    inputMethodHints: Qt.ImhNoPredictiveText
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: field.activeFocus ? 4 : 2
        border.color: field.activeFocus ? Theme.primary : Theme.border
    }
}
