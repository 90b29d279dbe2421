// A problem said plainly across the console: the hub can't be reached (the console keeps
// retrying by itself), or this computer can't make a sound.
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
        text: qsTr("Can't reach the front desk hub — trying again…")
        color: Theme.textOnBanner
        font.pixelSize: Theme.bodySize + 2
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
}
