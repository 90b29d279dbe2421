// One of a few choices side by side (a tab, a range of days, a file format): the chosen one
// stands out in the primary colour.
import QtQuick
import QtQuick.Controls.Basic

Button {
    id: control
    property bool chosen: false

    implicitHeight: Theme.controlHeight
    implicitWidth: Math.max(96, label.implicitWidth + 2 * Theme.margin)
    font.pixelSize: Theme.bodySize
    font.weight: Font.DemiBold
    checkable: false
    Accessible.role: Accessible.RadioButton
    Accessible.checked: control.chosen
    Accessible.name: text

    contentItem: Text {
        id: label
        textFormat: Text.PlainText
        text: control.text
        font: control.font
        color: control.chosen ? Theme.textOnPrimary : Theme.textOnSecondary
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.chosen ? Theme.selected : Theme.secondary
        opacity: control.down ? 0.8 : 1
        border.width: control.visualFocus ? 3 : 0
        border.color: Theme.text
    }
}
