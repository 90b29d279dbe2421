// Ordinary text on the kiosk, readable at a metre.
import QtQuick

Text {
    // Always plain: a name a visitor typed is shown as typed, never read as markup.
    textFormat: Text.PlainText
    font.pixelSize: Theme.bodySize
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.name: text
}
