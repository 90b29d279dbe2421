// The in-scene keyboard, following the visitor's language (Spanish adds ñ; the globe key offers
// both). Main.qml loads it just after the first frame, so Welcome appears without waiting for it.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

InputPanel {
    id: panel
    property string language  // the visitor's, bound by Main.qml once loaded

    objectName: "keyboard"
    // Always visible, parked below the window when not in use (Main.qml moves it): showing it
    // then costs no layout of its keys, which would hold up a frame.
    visible: true

    Binding {
        target: VirtualKeyboardSettings
        property: "activeLocales"
        value: panel.language === "es" ? ["es_ES", "en_GB"] : ["en_GB", "es_ES"]
    }
    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: panel.language === "es" ? "es_ES" : "en_GB"
    }
}
