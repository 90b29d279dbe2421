// A dashboard button: at least Theme.controlHeight tall, its whole label always readable.
import QtQuick
import QtQuick.Controls.Basic

Button {
    id: control
    property bool primary: false

    implicitHeight: Theme.controlHeight
    implicitWidth: Math.max(120, label.implicitWidth + 2 * Theme.margin)
    font.pixelSize: Theme.bodySize
    font.weight: Font.DemiBold
    Accessible.name: text

    contentItem: Text {
        id: label
        textFormat: Text.PlainText
        text: control.text
        font: control.font
        color: control.primary ? Theme.textOnPrimary : Theme.textOnSecondary
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? Theme.primary : Theme.secondary
        opacity: control.enabled ? (control.down ? 0.8 : 1) : 0.5
        border.width: control.visualFocus ? 3 : 0
        border.color: Theme.text
    }
}
