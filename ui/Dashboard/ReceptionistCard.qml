// A receptionist's days, said as thanks: how many they welcomed and how soon, their best week.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: card
    required property string name
    required property string welcomed
    required property string median
    required property string bestWeek

    objectName: "receptionist_" + name
    implicitWidth: Theme.cardWidth
    implicitHeight: column.implicitHeight + 2 * Theme.padding
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors { fill: parent; margins: Theme.padding }
        spacing: 4
        Text {
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: card.name
            color: Theme.text
            font.pixelSize: Theme.nameSize
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Text {
            objectName: "welcomedLine"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: card.welcomed
            color: Theme.text
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: card.median
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "bestWeek"
            visible: card.bestWeek !== ""
            Layout.fillWidth: true
            textFormat: Text.PlainText
            text: card.bestWeek
            color: Theme.better
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }
    }
}
