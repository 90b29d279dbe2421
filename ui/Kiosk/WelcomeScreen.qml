// Welcome: the site's name and logo, Check in, Scan your invitation (with a camera), Check out,
// and the language. Never a visitor's name.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk
    readonly property bool portrait: height > width

    // Landscape: who we are on the left, what to do on the right. Portrait: one column.
    GridLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.spacing * 2

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            spacing: Theme.spacing * 1.5

            Image {
                objectName: "logo"
                Layout.alignment: Qt.AlignHCenter
                source: Qt.resolvedUrl("../../assets/logo.svg")
                sourceSize: Qt.size(screen.portrait ? 260 : 200, screen.portrait ? 260 : 200)
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Logo")
            }
            Text {
                objectName: "siteName"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: screen.kiosk.siteName
                font.pixelSize: Theme.displaySize
                font.weight: Font.Bold
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            BodyText {
                Layout.fillWidth: true
                text: qsTr("Welcome! Please check in so we can let your host know you're here.")
                horizontalAlignment: Text.AlignHCenter
                color: Theme.textMuted
            }
        }
        ColumnLayout {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 820
            spacing: Theme.spacing * 1.5

            KioskButton {
                objectName: "checkInStart"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Math.min(parent.width, 820)
                big: true
                primary: true
                text: qsTr("Check in")
                onClicked: screen.kiosk.startCheckIn()
            }
            KioskButton {
                objectName: "scanStart"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Math.min(parent.width, 820)
                // Without a camera there is nothing to open; a barcode scanner works all the same.
                visible: screen.kiosk.scanFlow.cameraAvailable
                text: qsTr("Scan your invitation")
                onClicked: screen.kiosk.scanFlow.openCamera()
            }
            KioskButton {
                objectName: "checkOutStart"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Math.min(parent.width, 520)
                text: qsTr("Check out")
                onClicked: screen.kiosk.startCheckOut()
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: Theme.spacing
                spacing: Theme.spacing
                KioskButton {
                    objectName: "languageEn"
                    text: qsTr("English")
                    primary: screen.kiosk.language === "en"
                    Accessible.name: qsTr("English")
                    onClicked: screen.kiosk.setLanguage("en")
                }
                KioskButton {
                    objectName: "languageEs"
                    text: qsTr("Español")
                    primary: screen.kiosk.language === "es"
                    onClicked: screen.kiosk.setLanguage("es")
                }
            }
        }
    }
}
