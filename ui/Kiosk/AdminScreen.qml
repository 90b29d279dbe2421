// The small admin panel: speech, the default language, the targets, and leaving the kiosk.
import QtQuick
import QtQuick.Layouts
import ViewModels

Item {
    id: screen
    required property KioskViewModel kiosk
    // A landscape screen is not tall enough for everything in one column: two, side by side.
    readonly property bool wide: width > height

    GridLayout {
        id: grid
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, screen.wide ? 1760 : 1000)
        columns: screen.wide ? 2 : 1
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: screen.wide ? (grid.width - grid.columnSpacing) / 2 : grid.width
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing

            ScreenTitle {
                Layout.fillWidth: true
                text: qsTr("Kiosk settings")
            }
            KioskButton {
                objectName: "speechToggle"
                Layout.fillWidth: true
                primary: screen.kiosk.adminPanel.speechOn
                text: screen.kiosk.adminPanel.speechOn ? qsTr("Speak greetings aloud: on")
                                            : qsTr("Speak greetings aloud: off")
                onClicked: screen.kiosk.adminPanel.setSpeech(!screen.kiosk.adminPanel.speechOn)
            }
            BodyText {
                objectName: "speechOffReason"
                Layout.fillWidth: true
                readonly property string reason: screen.kiosk.adminPanel.speechOffReason
                visible: text !== ""
                text: reason === "no_audio_output" ? qsTr("Speech is off: this computer has no sound output.")
                      : reason === "no_voice" ? qsTr("Speech is off: no voice is installed for speaking.")
                      : reason === "engine_error" ? qsTr("Speech is off: the speech engine could not start.")
                      : reason === "engine_stuck" ? qsTr("Speech went off: the voice stopped answering. Turn it on to try again.")
                      : reason === "engine_crashed" ? qsTr("Speech went off: the voice stopped. Turn it on to try again.")
                      : ""
            }
            BodyText {
                objectName: "printerProblem"
                Layout.fillWidth: true
                visible: screen.kiosk.checkIn.printerProblem !== ""
                text: qsTr("Badges: %1").arg(screen.kiosk.checkIn.printerProblem)
            }
            BodyText {
                Layout.fillWidth: true
                text: qsTr("Language after each visitor:")
            }
            RowLayout {
                spacing: Theme.spacing
                KioskButton {
                    objectName: "defaultEn"
                    primary: screen.kiosk.language === "en"
                    text: qsTr("English")
                    onClicked: screen.kiosk.adminPanel.setDefaultLanguage("en")
                }
                KioskButton {
                    objectName: "defaultEs"
                    primary: screen.kiosk.language === "es"
                    text: qsTr("Español")
                    onClicked: screen.kiosk.adminPanel.setDefaultLanguage("es")
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: screen.wide ? (grid.width - grid.columnSpacing) / 2 : grid.width
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing

            TargetStepper {
                Layout.fillWidth: true
                name: "acknowledgeTarget"
                label: qsTr("Answer a visitor within")
                seconds: screen.kiosk.adminPanel.acknowledgeTarget
                onStepped: step => screen.kiosk.adminPanel.adjustTarget("acknowledge", step)
            }
            TargetStepper {
                Layout.fillWidth: true
                name: "welcomeTarget"
                label: qsTr("Welcome a visitor within")
                seconds: screen.kiosk.adminPanel.welcomeTarget
                onStepped: step => screen.kiosk.adminPanel.adjustTarget("welcome", step)
            }
            BodyText {
                objectName: "adminMessage"
                Layout.fillWidth: true
                visible: text !== ""
                color: Theme.error
                text: screen.kiosk.message
            }
            KioskButton {
                objectName: "exitKiosk"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                text: qsTr("Close the kiosk program")
                onClicked: screen.kiosk.adminPanel.exitKiosk()
            }
            KioskButton {
                objectName: "adminClose"
                Layout.fillWidth: true
                primary: true
                text: qsTr("Back to the welcome screen")
                onClicked: screen.kiosk.reset()
            }
        }
    }
}
