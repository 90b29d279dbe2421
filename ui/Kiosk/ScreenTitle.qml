// The one question a screen asks, in large type.
import QtQuick

Text {
    // Always plain: a name a visitor typed is shown as typed, never read as markup.
    textFormat: Text.PlainText
    font.pixelSize: Theme.titleSize
    font.weight: Font.DemiBold
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
