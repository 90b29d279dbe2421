// The desk console's look in one place: a desktop window read at arm's length, beside other work.
pragma Singleton
import QtQuick

QtObject {
    // Colours. Each text colour is used only on the backgrounds paired with it in
    // `contrastPairs`, and each pair reaches at least 4.5:1 (checked by the tests).
    readonly property color background: "#EEF0F3"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#1C1B1F"
    readonly property color textMuted: "#4B4A52"
    readonly property color primary: "#0A55A3"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color secondary: "#DFE5EE"
    readonly property color textOnSecondary: "#1C1B1F"
    readonly property color header: "#1F2A37"
    readonly property color textOnHeader: "#FFFFFF"
    readonly property color banner: "#7A4B00"
    readonly property color textOnBanner: "#FFFFFF"

    // The wait timer against its target: within, near (last quarter), over.
    readonly property color within: "#1B6B2F"
    readonly property color near: "#8A4B00"
    readonly property color over: "#B3261E"

    // Cards: a new, unanswered visitor; one escalated past the target; someone on the way.
    readonly property color newCard: "#FFF4E5"
    readonly property color newAccent: "#C25E00"
    readonly property color escalatedCard: "#FDECEA"
    readonly property color escalatedAccent: "#B3261E"
    readonly property color onTheWayAccent: "#0A55A3"
    readonly property color textOnAccent: "#FFFFFF"
    readonly property color border: "#C9CDD4"

    readonly property var contrastPairs: [
        [text, background], [textMuted, background], [text, surface], [textMuted, surface],
        [text, newCard], [textMuted, newCard], [text, escalatedCard], [textMuted, escalatedCard],
        [textOnPrimary, primary], [textOnSecondary, secondary], [textOnHeader, header],
        [textOnBanner, banner], [within, surface], [near, surface], [over, surface],
        [within, newCard], [near, newCard], [over, newCard], [over, escalatedCard],
        [textOnAccent, newAccent], [textOnAccent, escalatedAccent], [textOnAccent, onTheWayAccent],
        [primary, surface]
    ]

    // Sizes, in pixels.
    readonly property int controlHeight: 48   // the smallest thing anyone clicks or taps
    readonly property int margin: 24
    readonly property int cardPadding: 16
    readonly property int spacing: 12
    readonly property int radius: 10
    readonly property int sidebarWidth: 300
    readonly property int narrowCard: 560     // below this a card puts its timer under the details

    readonly property int titleSize: 26
    readonly property int nameSize: 24
    readonly property int bodySize: 17
    readonly property int smallSize: 15
    readonly property int timerSize: 32
}
