// The dashboard's look in one place: a desktop window a manager reads at arm's length, in the
// desk console's colours, with colours for the charts and for better and worse figures.
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
    readonly property color error: "#B3261E"
    readonly property color border: "#C9CDD4"
    readonly property color selected: "#0A55A3"    // the chosen tab or range, with textOnPrimary

    // A figure better, worse or no different than in the days before.
    readonly property color better: "#1B6B2F"
    readonly property color worse: "#B3261E"
    readonly property color same: "#4B4A52"

    // Charts: bars are large marks, read against the white plot (3:1 is enough for them).
    readonly property color median: "#0A55A3"
    readonly property color p90: "#C25E00"
    readonly property color withinTarget: "#1B6B2F"
    readonly property color overTarget: "#B3261E"
    readonly property color visits: "#0A55A3"
    readonly property color grid: "#D5D8DD"
    readonly property color targetLine: "#1C1B1F"

    // Someone accounted for in a roll call.
    readonly property color accounted: "#E6F2E9"
    readonly property color textOnAccounted: "#1B6B2F"

    readonly property var contrastPairs: [
        [text, background], [textMuted, background], [text, surface], [textMuted, surface],
        [textOnPrimary, primary], [textOnSecondary, secondary], [textOnHeader, header],
        [textOnBanner, banner], [error, surface], [error, background], [better, surface],
        [worse, surface], [same, surface], [textOnAccounted, accounted], [text, accounted],
        [textOnPrimary, selected], [primary, surface]
    ]
    readonly property var largeContrastPairs: [
        [median, surface], [p90, surface], [withinTarget, surface], [overTarget, surface],
        [visits, surface], [targetLine, surface]
    ]

    // Sizes, in pixels.
    readonly property int controlHeight: 48   // the smallest thing anyone clicks
    readonly property int margin: 24
    readonly property int padding: 16
    readonly property int spacing: 12
    readonly property int radius: 10
    readonly property int chartHeight: 340
    readonly property int tileWidth: 260
    readonly property int cardWidth: 400

    readonly property int titleSize: 26
    readonly property int figureSize: 34
    readonly property int nameSize: 21
    readonly property int bodySize: 17
    readonly property int smallSize: 15
}
