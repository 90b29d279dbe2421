// The one question a screen asks, in large type.
import QtQuick

Text {
    font.pixelSize: Theme.titleSize
    font.weight: Font.DemiBold
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
