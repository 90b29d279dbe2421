// First run: find the hub on the network (or type its address), then enter the code it shows.
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property PairingViewModel pairing

    ColumnLayout {
        anchors { fill: parent; margins: Theme.margin * 2 }
        spacing: Theme.margin

        Text {
            Layout.fillWidth: true
            text: qsTr("Connect this desk to the front desk hub")
            font.pixelSize: Theme.titleSize + 6
            font.weight: Font.Bold
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            Layout.maximumWidth: 760
            text: qsTr("On the computer that runs the hub, run `kiosk pair --role desk` to see a code of 12 letters and digits. It works once, for ten minutes.")
            font.pixelSize: Theme.bodySize
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }

        GridLayout {
            columns: 3
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Layout.maximumWidth: 760

            Text {
                text: qsTr("Hub address")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            TextField {
                id: address
                objectName: "hubAddress"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.controlHeight
                font.pixelSize: Theme.bodySize
                placeholderText: qsTr("for example 192.168.1.20")
                text: screen.pairing.address
            }
            DeskButton {
                objectName: "findHub"
                text: screen.pairing.searching ? qsTr("Looking…") : qsTr("Find the hub")
                enabled: !screen.pairing.searching
                onClicked: screen.pairing.search()
            }

            Text {
                text: qsTr("Pairing code")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            TextField {
                id: code
                objectName: "pairingCode"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.controlHeight
                font.pixelSize: Theme.bodySize + 4
                font.letterSpacing: 4
                inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
                maximumLength: 16
                placeholderText: qsTr("Like 7KQ4-M2XD-9HTP")
                onAccepted: screen.pairing.pair(address.text, code.text)
            }
            DeskButton {
                objectName: "pairButton"
                primary: true
                text: qsTr("Pair this desk")
                enabled: !screen.pairing.busy
                onClicked: screen.pairing.pair(address.text, code.text)
            }
        }

        Text {
            objectName: "pairingStatus"
            Layout.fillWidth: true
            Layout.maximumWidth: 760
            text: screen.pairing.status
            // Sentences from the hub and the network: shown as typed, never as markup.
            textFormat: Text.PlainText
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Item { Layout.fillHeight: true }
    }
}
