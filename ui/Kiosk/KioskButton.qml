// A touch button: at least Theme.buttonHeight tall, text large enough to read at a metre.
// Made of Qt Quick's own items rather than a Qt Quick Controls Button: Welcome is mostly
// buttons, and loading the Controls libraries kept its first frame waiting a good 10 ms longer.
// It never takes the focus (nor the keyboard) from a field, and is a button to assistive tools.
import QtQuick

Item {
    id: control
    property string text
    property bool primary: false
    property bool big: false
    property font font
    readonly property bool down: tap.pressed
    // What the button shows, filling it inside its padding; a label unless a screen sets it.
    property Item contentItem: Text {
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
    signal clicked()

    implicitHeight: big ? Theme.bigButtonHeight : Theme.buttonHeight
    implicitWidth: Math.max(big ? 520 : 260, contentItem.implicitWidth + 2 * Theme.spacing)
    font.pixelSize: big ? Theme.titleSize : Theme.buttonSize
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: if (control.enabled) control.clicked()

    Rectangle {
        anchors.fill: parent
        radius: Theme.radius
        color: !control.enabled ? Theme.disabled
             : control.primary ? Theme.primary : Theme.secondary
        opacity: control.down ? 0.8 : 1.0
        border.width: control.primary ? 0 : 2
        border.color: Theme.border
    }
    Item {
        id: padded
        anchors { fill: parent; leftMargin: 8; rightMargin: 8; topMargin: 6; bottomMargin: 6 }
        children: [control.contentItem]
        Component.onCompleted: control.contentItem.anchors.fill = padded
    }
    TapHandler {
        id: tap
        // Like any button: pressed, then let go on it; sliding off lets go of it.
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: control.clicked()
    }
}
