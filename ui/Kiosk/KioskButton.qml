// A touch button: at least Theme.buttonHeight tall, text large enough to read at a metre.
import QtQuick
import QtQuick.Controls.Basic

Button {
    id: control
    property bool primary: false
    property bool big: false

    implicitHeight: big ? Theme.bigButtonHeight : Theme.buttonHeight
    implicitWidth: Math.max(big ? 520 : 260, contentItem.implicitWidth + 2 * Theme.spacing)
    focusPolicy: Qt.NoFocus  // a tap must not take the focus (and the keyboard) from the field
    font.pixelSize: big ? Theme.titleSize : Theme.buttonSize
    Accessible.name: text

    contentItem: Text {
        textFormat: Text.PlainText
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.textOnDisabled
             : control.primary ? Theme.textOnPrimary : Theme.textOnSecondary
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        elide: Text.ElideRight
        maximumLineCount: 2
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.disabled
             : control.primary ? Theme.primary : Theme.secondary
        opacity: control.down ? 0.8 : 1.0
        border.width: control.primary ? 0 : 2
        border.color: Theme.border
    }
}
