// The kiosk window: the screen the visitor is on, the in-scene keyboard, and the staff corner.
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import ViewModels

Window {
    id: root
    required property KioskViewModel kiosk

    // The screens are laid out for a 1080p kiosk (1920×1080 or 1080×1920) and scaled as a whole
    // to the window: 1 on a 1080p kiosk, smaller in the demo's window, larger on a 4K screen.
    readonly property bool portrait: height > width
    readonly property real fit: Math.min(width / (portrait ? 1080 : 1920),
                                         height / (portrait ? 1920 : 1080))
    readonly property real bannerHeight: banner.visible ? banner.height * fit : 0
    readonly property bool keyboardUp: (keyboard.item as Keyboard)?.active ?? false

    onFrameSwapped: keyboard.active = true

    visible: true
    color: Theme.background
    title: qsTr("Front desk check-in")
    // Locked down: only the admin panel's "Close the kiosk program" lets the window go.
    onClosing: close => close.accepted = root.kiosk.adminPanel.exitAllowed

    Item {
        id: content
        objectName: "content"
        // The screens live above the keyboard, so it never hides a field or its Next button,
        // and below the "trying again" banner, so it never hides a Back button.
        transformOrigin: Item.TopLeft
        scale: root.fit
        y: root.bannerHeight
        width: root.width / root.fit
        height: ((root.keyboardUp ? keyboard.y : root.height) - root.bannerHeight) / root.fit

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            anchors.fill: parent
            // Welcome is built whole before the first frame, which shows it. From that frame on
            // (the keyboard loads then), each next screen is built in slices between frames, so
            // no frame waits for a whole screen to be made.
            asynchronous: keyboard.active
            sourceComponent: welcomeScreen
        }
    }

    Rectangle {
        id: banner
        objectName: "tryingAgain"
        // Waiting for the hub while it can't be reached: for the visitor's step, or a scan.
        visible: root.kiosk.tryingAgain || (root.kiosk.scanFlow.reading && !root.kiosk.connected)
        transformOrigin: Item.TopLeft
        scale: root.fit
        width: root.width / root.fit
        height: bannerText.implicitHeight + Theme.spacing
        color: Theme.banner
        z: 50
        Text {
            id: bannerText
            textFormat: Text.PlainText
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            text: qsTr("We can't reach reception's system right now. Trying again…")
            color: Theme.textOnBanner
            font.pixelSize: Theme.bodySize
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }

    // Five taps here within three seconds ask for the admin PIN. Nothing shows it is here.
    MouseArea {
        objectName: "adminCorner"
        anchors { right: parent.right; bottom: parent.bottom }
        width: 96 * root.fit
        height: 96 * root.fit
        z: 60
        enabled: !root.keyboardUp
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Staff settings")
        onClicked: root.kiosk.adminPanel.cornerTapped()
    }

    Loader {
        id: keyboard
        objectName: "keyboardLoader"
        z: 99
        active: false  // until the first frame is out: Welcome must not wait for the keyboard
        asynchronous: true
        // By its file, not its type: nothing of the virtual keyboard is read before it loads.
        source: "Kiosk/Keyboard.qml"
        width: Math.min(root.width, root.height * 1.3)
        anchors.horizontalCenter: parent.horizontalCenter
        y: root.keyboardUp ? root.height - height : root.height
    }
    Binding {
        target: keyboard.item
        property: "language"
        value: root.kiosk.language
    }

    // Welcome is compiled with this file; every other screen only when it is first shown, from
    // its file, so that the first frame waits for Welcome's QML alone.
    Component { id: welcomeScreen; WelcomeScreen { kiosk: root.kiosk } }
    readonly property var screenFiles: ({
        name: "NameScreen.qml",
        checkout_name: "NameScreen.qml",
        contact: "ContactScreen.qml",
        checkout_contact: "ContactScreen.qml",
        returning: "ReturningScreen.qml",
        already: "AlreadyScreen.qml",
        host: "HostScreen.qml",
        pronunciation: "PronunciationScreen.qml",
        done: "DoneScreen.qml",
        feedback: "FeedbackScreen.qml",
        thanks: "ThanksScreen.qml",
        camera: "CameraScreen.qml",
        scan_refused: "ScanRefusedScreen.qml",
        admin_pin: "AdminPinScreen.qml",
        admin: "AdminScreen.qml"
    })

    function showScreen(screen: string) {
        const file = root.screenFiles[screen]
        if (file === undefined) {
            screenLoader.sourceComponent = welcomeScreen
            return
        }
        const properties = screen.startsWith("checkout_") ? { kiosk: root.kiosk, checkingOut: true }
                                                          : { kiosk: root.kiosk }
        screenLoader.setSource(Qt.resolvedUrl("Kiosk/" + file), properties)
    }
    Connections {
        target: root.kiosk
        function onScreenChanged() { root.showScreen(root.kiosk.screen) }
    }
}
