"""Every kiosk screen, landscape and portrait, English and Spanish: a screenshot of each, and
the accessibility rules checked on each (touch size, Accessible.name, contrast)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem

from kiosk.store.database import open_database
from tests.qt_helpers import *  # noqa: F403 (the kiosk fixtures)
from tests.qt_helpers import (
    LANDSCAPE,
    PORTRAIT,
    KioskDriver,
    accessible_name,
    desk_client,
    invite,
)
from tests.scene_driver import is_button

MIN_TOUCH = 48
MIN_CONTRAST = 4.5


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def theme_pairs(kiosk: KioskDriver) -> list[tuple[QColor, QColor]]:
    theme = kiosk.screen.frame.engine.singletonInstance("Kiosk", "Theme")
    pairs = theme.property("contrastPairs").toVariant()
    return [(QColor(fg), QColor(bg)) for fg, bg in pairs]


def scene_items(kiosk: KioskDriver) -> Iterator[QQuickItem]:
    """Visible items of our own QML; the virtual keyboard is Qt's and is left out."""
    stack = [kiosk.window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.objectName() == "keyboard":
            continue
        yield item
        stack.extend(item.childItems())


def accessibility_problems(kiosk: KioskDriver) -> list[str]:
    problems = []
    text_colours = {fg.name() for fg, _ in theme_pairs(kiosk)}
    for item in scene_items(kiosk):
        label = item.objectName() or item.metaObject().className()
        interactive = is_button(item) or any(
            item.inherits(kind) for kind in ("QQuickTextInput", "QQuickMouseArea")
        )
        if interactive and item.isEnabled():
            if item.width() < MIN_TOUCH or item.height() < MIN_TOUCH:
                problems.append(f"{label} is {item.width():.0f} by {item.height():.0f} px")
            if not accessible_name(item):
                problems.append(f"{label} has no Accessible.name")
        if item.inherits("QQuickText") or item.inherits("QQuickTextInput"):
            colour = QColor(item.property("color")).name()
            if colour not in text_colours:
                problems.append(f"{label} uses {colour}, not a theme text colour")
    return problems


def visit(kiosk: KioskDriver, tag: str, screens: list[str]) -> None:
    """Screenshot the screen, check its accessibility, and that no text on it reads markup."""
    name = kiosk.kiosk.property("screen")
    screens.append(name)
    kiosk.screenshot(f"{tag}-{len(screens):02d}-{name}")
    assert accessibility_problems(kiosk) == [], name
    assert kiosk.texts_read_as_markup() == [], name
    assert kiosk.cut_off() == [], name


def start(kiosk: KioskDriver, language: str) -> None:
    kiosk.item("checkInStart")
    if language == "es":
        kiosk.tap("languageEs")
        kiosk.settle()


def test_the_theme_colours_contrast_enough(kiosk: KioskDriver) -> None:
    for fg, bg in theme_pairs(kiosk):
        assert contrast(fg, bg) >= MIN_CONTRAST, (fg.name(), bg.name())


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kiosk_size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_every_screen(kiosk: KioskDriver, local_hub, office, language: str, kiosk_size) -> None:
    orientation = "landscape" if kiosk_size == LANDSCAPE else "portrait"
    tag = f"{orientation}-{language}"
    seen: list[str] = []
    start(kiosk, language)
    visit(kiosk, tag, seen)

    # A new visitor, with the keyboard up on each typing screen.
    kiosk.tap("checkInStart")
    kiosk.item("nameField")
    kiosk.type("Siobhan O'Neill")
    kiosk.settle()
    keyboard = kiosk.item("keyboard")
    assert keyboard.property("active")  # up, not parked below the window
    field, next_button = kiosk.item("nameField"), kiosk.item("nameNext")
    top_of_keyboard = keyboard.mapToScene(keyboard.boundingRect().topLeft()).y()
    assert top_of_keyboard < kiosk.window.height() - keyboard.height() / 2
    for item in (field, next_button):
        assert item.mapToScene(item.boundingRect().bottomLeft()).y() <= top_of_keyboard
    visit(kiosk, tag, seen)
    kiosk.tap("nameNext")
    kiosk.wait_screen("contact")
    kiosk.type("siobhan@example.com")
    kiosk.settle()
    top_of_keyboard = keyboard.mapToScene(keyboard.boundingRect().topLeft()).y()
    for name in ("contactField", "contactNext", "contactSkip"):
        item = kiosk.item(name)
        assert item.mapToScene(item.boundingRect().bottomLeft()).y() <= top_of_keyboard
    visit(kiosk, tag, seen)
    kiosk.tap("contactNext")
    kiosk.wait_screen("host")
    kiosk.type("pr")
    kiosk.item("host_0")
    visit(kiosk, tag, seen)
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("pronunciationField")
    kiosk.type("shi-VAWN")
    visit(kiosk, tag, seen)
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    visit(kiosk, tag, seen)
    desk = desk_client(local_hub)
    kiosk.qtbot.waitUntil(lambda: bool(desk.connected), timeout=5000)
    db = open_database(office[0])
    (visit_id,) = db.execute("SELECT max(id) FROM visits").fetchone()
    db.close()
    desk.request("acknowledge", visit_id=visit_id, staff_id=office[1]["sam"])
    kiosk.qtbot.waitUntil(
        lambda: kiosk.kiosk.check_in.property("acknowledgedBy") == "Sam", timeout=5000
    )
    visit(kiosk, f"{tag}-acknowledged", [])
    desk.close()
    kiosk.tap("doneButton")

    # Someone whose name is too long.
    start(kiosk, language)
    kiosk.tap("checkInStart")
    kiosk.item("nameField")
    kiosk.type("Bartholomew " * 8)
    kiosk.item("nameError")
    visit(kiosk, f"{tag}-error", [])
    kiosk.tap("backButton")

    # A returning visitor, proven by name and contact.
    start(kiosk, language)
    kiosk.start_check_in("maria garcia", contact="maria@example.com", then="returning")
    visit(kiosk, tag, seen)
    kiosk.tap("sameHost")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    kiosk.tap("doneButton")

    # Maria leaves: her name, then the contact she gave.
    start(kiosk, language)
    kiosk.tap("checkOutStart")
    kiosk.item("nameField")
    kiosk.type("Maria Garcia")
    visit(kiosk, tag, seen)
    kiosk.tap("nameNext")
    kiosk.wait_screen("checkout_contact")
    kiosk.type("maria@example.com")
    visit(kiosk, tag, seen)
    kiosk.tap("contactNext")
    kiosk.wait_screen("feedback")
    visit(kiosk, tag, seen)
    kiosk.tap("face_5")
    kiosk.wait_screen("thanks")
    visit(kiosk, tag, seen)
    kiosk.tap("doneButton")

    # An invited visitor scans their invitation: Done at once.
    start(kiosk, language)
    kiosk.scan(invite(office, "Grace Hopper")[0])
    kiosk.wait_screen("done")
    visit(kiosk, f"{tag}-scanned", [])
    kiosk.tap("doneButton")

    # A code that can't be used (a product's barcode), and the name path offered.
    start(kiosk, language)
    kiosk.scan("4006381333931")
    kiosk.wait_screen("scan_refused")
    visit(kiosk, tag, seen)
    kiosk.tap("scanNameInstead")
    kiosk.wait_screen("name")
    kiosk.tap("backButton")

    # The camera screen, as its button opens it (there is no camera here to show the button).
    start(kiosk, language)
    kiosk.kiosk.go("camera")
    kiosk.item("cameraHint")
    visit(kiosk, tag, seen)
    kiosk.tap("backButton")

    # Staff: the corner, the PIN pad, the panel.
    start(kiosk, language)
    for _ in range(5):
        kiosk.tap("adminCorner")
    kiosk.wait_screen("admin_pin")
    visit(kiosk, tag, seen)
    for digit in "2468":
        kiosk.tap(f"pin_{digit}")
    kiosk.tap("pinOk")
    kiosk.wait_screen("admin")
    visit(kiosk, tag, seen)

    assert set(seen) >= {
        "welcome",
        "name",
        "host",
        "pronunciation",
        "done",
        "returning",
        "contact",
        "checkout_name",
        "checkout_contact",
        "feedback",
        "thanks",
        "admin_pin",
        "admin",
        "scan_refused",
        "camera",
    }
