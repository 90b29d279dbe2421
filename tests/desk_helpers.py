"""Driving the desk console's real QML against a real hub, as a receptionist would.

Importing this module prepares Qt (offscreen, the kiosk's logging rules) before pytest-qt creates
the application, so every desk test module imports it first.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.core.people import Role
from kiosk.core.policies import Policies
from kiosk.hub.client import HubClient
from kiosk.hub.service import HubService
from kiosk.launch.desk_console import DeskConsole, open_desk
from kiosk.store.database import open_database, writing
from kiosk.store.people import add_staff
from kiosk.store.settings import DeskOptions, Settings

prepare_kiosk_environment(offscreen=True)

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
MINUTE_MS = 60_000
DAY_MS = 86_400_000


def make_office(path: Path) -> dict[str, int]:
    """Staff, and Maria Garcia, who came a month ago and waited nine minutes to be welcomed."""
    db = open_database(path)
    with writing(db):
        ids = {
            "sam": add_staff(db, "Sam Jones", Role.RECEPTIONIST),
            "ana": add_staff(db, "Ana Lima", Role.RECEPTIONIST),
            "priya": add_staff(db, "Priya Raman", email="priya@example.com"),
            "jose": add_staff(db, "José Núñez", department="Engineering"),
        }
    month_ago = int(time.time() * 1000) - 30 * DAY_MS
    clock = [month_ago]
    service = HubService(db, Policies(), clock=lambda: clock[0])
    done = service.check_in("Maria Garcia", host_id=ids["priya"], pronunciation="mah-REE-ah")
    clock[0] += 9 * MINUTE_MS
    service.acknowledge(done.visit.id, f"staff:{ids['sam']}")
    service.welcome(done.visit.id, f"staff:{ids['sam']}")
    clock[0] += 60 * MINUTE_MS
    service.check_out(done.visit.id, "visitor")
    ids["maria_visitor"] = done.visitor.id
    db.close()
    return ids


class DeskDriver:
    """Finds items by objectName, clicks them and reads what the console shows."""

    def __init__(self, qtbot: QtBot, console: DeskConsole) -> None:
        self.qtbot = qtbot
        self.console = console
        self.window: QQuickWindow = console.window
        self.desk = console.view_model

    def visible_items(self, root: QQuickItem | None = None) -> Iterator[QQuickItem]:
        stack = [root or self.window.contentItem()]
        while stack:
            item = stack.pop()
            if not item.isVisible():
                continue
            yield item
            stack.extend(reversed(item.childItems()))

    def find(self, name: str, root: QQuickItem | None = None) -> QQuickItem | None:
        return next((i for i in self.visible_items(root) if i.objectName() == name), None)

    def item(self, name: str, root: QQuickItem | None = None, timeout: int = 5000) -> QQuickItem:
        self.qtbot.waitUntil(lambda: self.find(name, root) is not None, timeout=timeout)
        found = self.find(name, root)
        assert found is not None
        return found

    def card(self, visit_id: int, timeout: int = 5000) -> QQuickItem:
        return self.item(f"card_{visit_id}", timeout=timeout)

    def has_card(self, visit_id: int) -> bool:
        return self.find(f"card_{visit_id}") is not None

    def text_in(self, root: QQuickItem, name: str) -> str:
        return str(self.item(name, root).property("text"))

    def texts(self, root: QQuickItem | None = None) -> list[str]:
        return [
            v
            for item in self.visible_items(root)
            if isinstance(v := item.property("text"), str) and v.strip()
        ]

    def click(self, name: str, root: QQuickItem | None = None) -> None:
        item = self.item(name, root)
        self.qtbot.waitUntil(lambda: bool(item.isEnabled()), timeout=3000)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )

    def settle(self) -> None:
        for _ in range(3):
            QGuiApplication.processEvents()
        self.qtbot.wait(30)

    def screenshot(self, name: str) -> Path:
        self.settle()
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert self.window.grabWindow().save(str(path))
        return path


def start_desk(
    qtbot: QtBot,
    client: HubClient,
    settings: Settings,
    *,
    receptionist_id: int = 0,
    size: tuple[int, int] = (1280, 800),
) -> DeskDriver:
    QGuiApplication.setFont(QFont("Noto Sans"))
    console = open_desk(
        client,
        settings,
        options=DeskOptions(receptionist_id=receptionist_id),
        size=size,
        speech_engine="mock",
        quit_app=lambda: None,
    )
    driver = DeskDriver(qtbot, console)
    qtbot.waitUntil(lambda: bool(client.connected), timeout=10000)
    return driver


def stop_desk(driver: DeskDriver) -> None:
    driver.console.close()
    driver.settle()
