// The kiosk's look in one place: colours, type sizes and touch sizes, for a screen read at a metre.
pragma Singleton
import QtQuick

QtObject {
    // Colours. Every text colour is used only on the backgrounds paired with it in
    // `contrastPairs`, and each pair reaches at least 4.5:1 (checked by the tests).
    readonly property color background: "#F5F3EE"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#1C1B1F"
    readonly property color textMuted: "#4B4A52"
    readonly property color primary: "#0A55A3"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color secondary: "#DFE5EE"
    readonly property color textOnSecondary: "#1C1B1F"
    readonly property color error: "#A8231B"
    readonly property color banner: "#7A4B00"
    readonly property color textOnBanner: "#FFFFFF"
    readonly property color disabled: "#E4E2DD"
    readonly property color textOnDisabled: "#55545B"
    readonly property color border: "#6F6E76"

    readonly property var contrastPairs: [
        [text, background], [textMuted, background], [error, background],
        [text, surface], [textMuted, surface], [error, surface],
        [textOnPrimary, primary], [textOnSecondary, secondary], [textOnBanner, banner],
        [textOnDisabled, disabled], [primary, background], [primary, surface]
    ]

    // Sizes, in pixels at 1080p.
    readonly property int touchMinimum: 48
    readonly property int margin: 56
    readonly property int spacing: 28
    readonly property int radius: 20
    readonly property int buttonHeight: 110
    readonly property int bigButtonHeight: 190
    readonly property int fieldHeight: 110

    readonly property int displaySize: 96
    readonly property int titleSize: 64
    readonly property int bodySize: 40
    readonly property int buttonSize: 42
    readonly property int smallSize: 32
}
