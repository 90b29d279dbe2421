// A text field a manager types into: tall enough to hit, its text never read as markup.
import QtQuick
import QtQuick.Controls.Basic

TextField {
    implicitHeight: Theme.controlHeight
    font.pixelSize: Theme.bodySize
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    selectByMouse: true
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    Accessible.name: placeholderText
    background: Rectangle {
        radius: Theme.radius / 2
        color: Theme.surface
        border.width: parent.activeFocus ? 2 : 1
        border.color: parent.activeFocus ? Theme.primary : Theme.border
    }
}
