// A problem said plainly across the dashboard: the hub can't be reached (the dashboard keeps
// trying by itself).
import QtQuick

Rectangle {
    property alias text: bannerText.text
    objectName: "offlineBanner"
    implicitHeight: bannerText.implicitHeight + 2 * Theme.spacing
    color: Theme.banner

    Text {
        id: bannerText
        objectName: "offlineText"
        textFormat: Text.PlainText
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        color: Theme.textOnBanner
        font.pixelSize: Theme.bodySize + 2
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
}
