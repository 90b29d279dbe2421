// A dashboard away from the hub's computer pairs once, as a manager, with a code from the hub.
pragma ComponentBehavior: Bound
import QtQuick
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
            textFormat: Text.PlainText
            text: qsTr("Connect this dashboard to the front desk hub")
            font.pixelSize: Theme.titleSize + 6
            font.weight: Font.Bold
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            Layout.maximumWidth: 760
            textFormat: Text.PlainText
            text: qsTr("On the computer that runs the hub, run `kiosk pair --role manager` to see a code of 12 letters and digits. It works once, for ten minutes. A manager's dashboard sees visitors' names, so pair only a computer that managers use.")
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
                textFormat: Text.PlainText
                text: qsTr("Hub address")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            Field {
                id: address
                objectName: "hubAddress"
                Layout.fillWidth: true
                placeholderText: qsTr("for example 192.168.1.20")
                text: screen.pairing.address
            }
            DashButton {
                objectName: "findHub"
                text: screen.pairing.searching ? qsTr("Looking…") : qsTr("Find the hub")
                enabled: !screen.pairing.searching
                onClicked: screen.pairing.search()
            }

            Text {
                textFormat: Text.PlainText
                text: qsTr("Pairing code")
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
            Field {
                id: code
                objectName: "pairingCode"
                Layout.fillWidth: true
                font.pixelSize: Theme.bodySize + 4
                font.letterSpacing: 4
                inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
                maximumLength: 16
                placeholderText: qsTr("Like 7KQ4-M2XD-9HTP")
                onAccepted: screen.pairing.pair(address.text, code.text)
            }
            DashButton {
                objectName: "pairButton"
                primary: true
                text: qsTr("Pair this dashboard")
                enabled: !screen.pairing.busy
                onClicked: screen.pairing.pair(address.text, code.text)
            }
        }

        Text {
            objectName: "pairingStatus"
            Layout.fillWidth: true
            Layout.maximumWidth: 760
            text: screen.pairing.status
            // Sentences from the hub and the network: shown as they are, never as markup.
            textFormat: Text.PlainText
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Item { Layout.fillHeight: true }
    }
}
