// Ordinary text on the kiosk, readable at a metre.
import QtQuick

Text {
    font.pixelSize: Theme.bodySize
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.name: text
}
