"""Driving the kiosk's real QML as a visitor would, against a real hub on a real database file.

Importing this module prepares Qt (offscreen, the virtual keyboard) before pytest-qt creates the
application, so every kiosk test module imports it first.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.app.site_settings import SiteSettings
from kiosk.core.people import Role
from kiosk.hub.client import HubClient
from kiosk.hub.local import LocalHub
from kiosk.launch.kiosk_screen import KioskScreen, open_kiosk
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole
from kiosk.store.people import add_staff, add_visitor, note_visit
from kiosk.store.settings import Settings, hash_pin
from tests.scene_driver import SceneDriver

prepare_kiosk_environment(offscreen=True)

# What `from tests.qt_helpers import *` brings into a test module: the fixtures.
__all__ = ["kiosk", "kiosk_settings", "kiosk_size", "local_hub", "office", "qm_cache"]

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
ADMIN_PIN = "2468"
DAY_MS = 86_400_000


class KioskDriver(SceneDriver):
    """Taps the kiosk, types into the focused field and reads the screen, counting every tap and
    key press (the benchmarks print the counts per path)."""

    def __init__(self, qtbot: QtBot, screen: KioskScreen) -> None:
        super().__init__(qtbot, screen.window)
        self.screen = screen
        self.kiosk = screen.view_model
        self.taps = 0
        self.keys = 0

    def text_of(self, name: str) -> str:
        return str(self.item(name).property("text"))

    def item(self, name: str, root: QQuickItem | None = None, timeout: int = 15000) -> QQuickItem:
        """As on any scene, once the screen being built (the kiosk builds each in slices, between
        frames) is whole: a half-made screen's button has no text yet and takes no tap."""
        self.qtbot.waitUntil(self._screen_built, timeout=timeout)
        return super().item(name, root, timeout)

    def _screen_built(self) -> bool:
        loader = self.find("screenLoader")
        return loader is None or loader.property("progress") == 1.0

    def all_texts(self) -> list[str]:
        """Every text held anywhere in the scene, shown or not."""
        return [
            v
            for item in self.items()
            for prop in ("text", "placeholderText", "preeditText")
            if isinstance(v := item.property(prop), str) and v
        ]

    # --- acting ---------------------------------------------------------------------------------

    def tap(self, name: str) -> None:
        self.tap_item(self.item(name))

    def tap_item(self, item: QQuickItem) -> None:
        self.press(item)
        self.taps += 1

    def type(self, text: str, into: str | None = None) -> None:
        """Key presses into the focused field, one per character, as a hardware keyboard (or
        the virtual keyboard's committed text) would deliver them. Waits first until a shown
        text field has the focus: a new screen gives it to its field a moment after it appears,
        and a key sent before then reaches no field (the visitor would see it missing). `into`
        names the field that must have it, when the screen before had a field of its own."""
        if into is not None:
            field = self.item(into)
            self.qtbot.waitUntil(field.hasActiveFocus, timeout=5000)
        self.qtbot.waitUntil(self._a_field_has_the_focus, timeout=5000)
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                QGuiApplication.sendEvent(self.window, event)
            self.keys += 1

    @staticmethod
    def _a_field_has_the_focus() -> bool:
        focused = QGuiApplication.focusObject()
        return (
            isinstance(focused, QQuickItem)
            and focused.property("cursorPosition") is not None
            and focused.isVisible()
            and focused.hasActiveFocus()
        )

    def commit(self, text: str) -> None:
        """Text committed by an input method (the virtual keyboard, a paste, a dictation), which
        unlike a key press can carry any character at all."""
        target = QGuiApplication.focusObject()
        assert target is not None, "no field has the focus"
        event = QInputMethodEvent()
        event.setCommitString(text)
        QGuiApplication.sendEvent(target, event)
        self.keys += 1

    def erase(self, count: int) -> None:
        for _ in range(count):
            QTest.keyClick(self.window, Qt.Key.Key_Backspace)
            self.keys += 1

    def scan(self, code: str) -> None:
        """A USB barcode scanner reading `code`: it types the code as fast as it can, a
        capital letter as Shift and the letter, then Enter, to whatever window is in front.
        Neither a tap nor a visitor's key press."""
        press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
        plain, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
        for ch in code:
            key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key(0)
            held = shift if ch.isupper() else plain
            keys = [(press, key, held, ch), (release, key, held, ch)]
            if ch.isupper():
                keys = [(press, Qt.Key.Key_Shift, shift, ""), *keys,
                        (release, Qt.Key.Key_Shift, plain, "")]  # fmt: skip
            for kind, which, modifiers, text in keys:
                QGuiApplication.sendEvent(self.window, QKeyEvent(kind, which, modifiers, text))
        for kind in (press, release):
            enter = QKeyEvent(kind, Qt.Key.Key_Return, plain, "\r")
            QGuiApplication.sendEvent(self.window, enter)

    def wait_screen(self, screen: str, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: self.kiosk.property("screen") == screen, timeout=timeout)
        self.settle()

    # --- paths ----------------------------------------------------------------------------------

    def start_check_in(self, name: str, *, contact: str = "", then: str) -> None:
        """From Welcome: "Check in", type the name, "Next", then the contact and "Next" (or
        "Skip" with none), and wait for the screen `then`."""
        self.tap("checkInStart")
        self.enter_name_and_contact(name, contact)
        self.wait_screen(then)

    def enter_name_and_contact(self, name: str, contact: str) -> None:
        self.type(name, into="nameField")
        self.tap("nameNext")
        self.item("contactField")
        if contact:
            self.type(contact, into="contactField")
            self.tap("contactNext")
        else:
            self.tap("contactSkip")

    def check_in_new(self, name: str, host_letters: str, host_row: int = 0) -> None:
        self.start_check_in(name, then="host")
        self.type(host_letters, into="hostField")
        self.item(f"host_{host_row}")
        self.tap(f"host_{host_row}")
        self.wait_screen("pronunciation")
        self.tap("checkInButton")
        self.wait_screen("done")


# --- fixtures ------------------------------------------------------------------------------------


def make_office(path: Path, now_ms: int) -> dict[str, int]:
    """A small office with two remembered visitors called Alex Kim and one Maria Garcia."""
    db = open_database(path)
    with writing(db):
        ids = {
            "sam": add_staff(db, "Sam Jones", Role.RECEPTIONIST),
            "priya": add_staff(db, "Priya Raman", email="priya@example.com"),
            "jose": add_staff(db, "José Núñez", department="Engineering"),
        }
        maria = add_visitor(
            db,
            "Maria Garcia",
            now_ms - 30 * DAY_MS,
            pronunciation="mah-REE-ah",
            contact="maria@example.com",
        )
        note_visit(db, maria, now_ms - 30 * DAY_MS, ids["priya"])
        for contact in ("alex@example.com", "+44 7700 900123"):
            alex = add_visitor(db, "Alex Kim", now_ms - 10 * DAY_MS, contact=contact)
            note_visit(db, alex, now_ms - 10 * DAY_MS, ids["jose"])
    db.close()
    return ids


@pytest.fixture(scope="session")
def qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("translations")


@pytest.fixture
def kiosk_settings() -> Settings:
    return Settings(site_name="Harbour Works", admin_pin_hash=hash_pin(ADMIN_PIN))


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "kiosk.db"
    return path, make_office(path, int(time.time() * 1000))


@pytest.fixture
def local_hub(office: tuple[Path, dict[str, int]], kiosk_settings: Settings) -> Iterator[LocalHub]:
    hub = LocalHub(office[0], kiosk_settings)
    yield hub
    hub.stop()


@pytest.fixture
def kiosk_size() -> tuple[int, int]:
    return LANDSCAPE


def start_kiosk(
    qtbot: QtBot, hub: LocalHub, settings: Settings, size: tuple[int, int], cache: Path
) -> tuple[KioskDriver, HubClient]:
    QGuiApplication.setFont(QFont("Noto Sans"))
    client = hub.client()
    screen = open_kiosk(
        client,
        SiteSettings(None, settings),
        lockdown=False,
        size=size,
        cache=cache,
        quit_app=lambda: None,
    )
    driver = KioskDriver(qtbot, screen)
    qtbot.waitUntil(lambda: bool(client.connected), timeout=5000)
    driver.item("checkInStart")
    return driver, client


def stop_kiosk(driver: KioskDriver, client: HubClient) -> None:
    driver.kiosk.reset()
    driver.window.hide()
    client.close()
    driver.screen.close()  # as the program closes it: the scene first
    driver.settle()


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    local_hub: LocalHub,
    kiosk_settings: Settings,
    kiosk_size: tuple[int, int],
    qm_cache: Path,
) -> Iterator[KioskDriver]:
    driver, client = start_kiosk(qtbot, local_hub, kiosk_settings, kiosk_size, qm_cache)
    yield driver
    stop_kiosk(driver, client)


def invite(
    office: tuple[Path, dict[str, int]],
    name: str = "Maria Garcia",
    *,
    at_ms: int | None = None,
    host: str = "priya",
    **details: str,
) -> tuple[str, int]:
    """An invitation made as `kiosk invite` makes it, beside the running hub: (its code, the
    expected visit's number)."""
    from kiosk.core.policies import Policies
    from kiosk.hub.invitations import Invitations
    from kiosk.hub.local_credential import site_secret
    from kiosk.hub.service import HubService

    path, staff = office
    db = open_database(path)
    try:
        invitations = Invitations(HubService(db, Policies()), db, site_secret(path.parent))
        when = int(time.time() * 1000) if at_ms is None else at_ms
        made = invitations.invite(
            name, host_id=staff[host], expected_at=when, created_by="cli", **details
        )
        return made.code, made.expected_id
    finally:
        db.close()


def desk_client(hub: LocalHub) -> HubClient:
    return hub.client(DeviceRole.DESK)


def with_settings(settings: Settings, **changes: object) -> Settings:
    return replace(settings, **changes)


def accessible_name(item: QObject) -> str:
    """The item's Accessible.name, read from its attached Accessible object (if it has one)."""
    for child in item.children():
        if child.metaObject().className() == "QQuickAccessibleAttached":
            return str(child.property("name") or "")
    return ""
