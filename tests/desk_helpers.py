"""Driving the desk console's real QML against a real hub, as a receptionist would.

Importing this module prepares Qt (offscreen, the kiosk's logging rules) before pytest-qt creates
the application, so every desk test module imports it first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Q_ARG, QMetaObject, QObject
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.core.people import Role
from kiosk.core.policies import Policies
from kiosk.hub.client import HubClient
from kiosk.hub.service import HubService
from kiosk.launch.desk_console import DeskConsole, open_desk
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole, add_device
from kiosk.store.people import add_staff
from kiosk.store.settings import DeskOptions, Settings
from tests.scene_driver import SceneDriver

prepare_kiosk_environment(offscreen=True)

MINUTE_MS = 60_000
LIST_VIEW_CONTAIN = 4  # ListView.Contain
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
    done = service.check_in(
        "Maria Garcia",
        host_id=ids["priya"],
        pronunciation="mah-REE-ah",
        contact=MARIA_CONTACT,
    )
    clock[0] += 9 * MINUTE_MS
    service.acknowledge(done.visit.id, f"staff:{ids['sam']}")
    service.welcome(done.visit.id, f"staff:{ids['sam']}")
    clock[0] += 60 * MINUTE_MS
    service.check_out(done.visit.id, "visitor")
    ids["maria_visitor"] = done.visitor.id
    db.close()
    return ids


MARIA_CONTACT = "maria@example.com"


class KioskAtTheDoor:
    """Kiosks checking visitors in at a person's pace: paired kiosks of their own, so a test
    that fills a queue spreads its check-ins over several, as a busy site does."""

    CHECK_INS_EACH = 4  # within the hub's burst for one kiosk

    def __init__(self, qtbot: QtBot, url: str, fingerprint: str, database: Path) -> None:
        self.qtbot, self.url, self.fingerprint, self.database = qtbot, url, fingerprint, database
        self.clients: list[HubClient] = []
        self.used = 0

    def check_in(self, proven_by: str = "", **fields: object) -> int:
        """Check a visitor in (a returning one with the contact that proves them) and return the
        new visit's number, as the desk knows it."""
        client = self._next_client()
        answers: dict[int, dict] = {}
        client.replied.connect(lambda i, result: answers.__setitem__(i, result))
        if proven_by:
            asked = client.request("identify", name=fields["name"], contact=proven_by)
            self.qtbot.waitUntil(lambda: asked in answers, timeout=10000)
            fields["identity"] = answers[asked]["identity"]
        asked = client.request("check_in", **fields)
        self.qtbot.waitUntil(lambda: asked in answers, timeout=10000)
        db = open_database(self.database)
        try:
            return db.execute("SELECT max(id) FROM visits").fetchone()[0]
        finally:
            db.close()

    def _next_client(self) -> HubClient:
        if self.used % self.CHECK_INS_EACH == 0:
            db = open_database(self.database)
            with writing(db):
                token = add_device(db, f"Kiosk {len(self.clients) + 1}", DeviceRole.KIOSK, 0)
            db.close()
            self.clients.append(HubClient(self.url, token, self.fingerprint))
            self.qtbot.waitUntil(lambda: self.clients[-1].connected, timeout=10000)
        self.used += 1
        return self.clients[-1]

    def close(self) -> None:
        for client in self.clients:
            client.close()


class DeskDriver(SceneDriver):
    """Clicks the console's buttons and reads what it shows, as a receptionist would."""

    def __init__(self, qtbot: QtBot, console: DeskConsole) -> None:
        super().__init__(qtbot, console.window)
        self.console = console
        self.desk = console.view_model

    def card(self, visit_id: int, timeout: int = 15000) -> QQuickItem:
        return self.item(f"card_{visit_id}", timeout=timeout)

    def scroll_to(self, card: QQuickItem) -> QQuickItem:
        """Scroll the queue until the whole card is in view, as a receptionist would."""
        queue = self.item("queueList")
        QMetaObject.invokeMethod(
            queue,
            "positionViewAtIndex",
            Q_ARG(int, int(card.property("index"))),
            Q_ARG(int, LIST_VIEW_CONTAIN),
        )
        self.settle()
        return card

    def has_card(self, visit_id: int) -> bool:
        return self.find(f"card_{visit_id}") is not None

    def text_in(self, root: QQuickItem, name: str) -> str:
        return str(self.item(name, root).property("text"))

    def click(self, name: str, root: QQuickItem | None = None) -> None:
        self.press(self.item(name, root))

    def type_into(self, name: str, text: str) -> None:
        """Replace what a field holds, as a receptionist selecting it all and typing would."""
        field = self.item(name)
        self.press(field)
        field.setProperty("text", text)
        self.settle()


def start_desk(
    qtbot: QtBot,
    client: HubClient,
    settings: Settings,
    *,
    receptionist_id: int = 0,
    size: tuple[int, int] = (1280, 800),
    pdf_folder: Path | None = None,
) -> DeskDriver:
    QGuiApplication.setFont(QFont("Noto Sans"))
    console = open_desk(
        client,
        settings,
        options=DeskOptions(receptionist_id=receptionist_id),
        size=size,
        quit_app=lambda: None,
        pdf_folder=pdf_folder,
    )
    driver = DeskDriver(qtbot, console)
    qtbot.waitUntil(lambda: bool(client.connected), timeout=10000)
    return driver


def stop_desk(driver: DeskDriver) -> None:
    driver.console.close()
    driver.settle()


def ask_through(hub: QObject) -> Callable[..., None]:
    """The desk's way to the hub, as its views are given it: (command, on_reply, on_refusal,
    **fields), the refusal heard as (sentence, reason), over a fake hub."""
    waiting: dict[int, tuple[Callable, Callable | None]] = {}

    def replied(request_id: int, result: dict) -> None:
        on_reply, _ = waiting.pop(request_id, (None, None))
        if on_reply is not None:
            on_reply(result)

    def refused(request_id: int, message: str, reason: str) -> None:
        _, on_refusal = waiting.pop(request_id, (None, None))
        if on_refusal is not None:
            on_refusal(message, reason)

    hub.replied.connect(replied)
    hub.refused.connect(refused)

    def ask(command: str, on_reply: Callable, on_refusal: Callable | None = None, **fields) -> None:
        waiting[hub.request(command, **fields)] = (on_reply, on_refusal)

    return ask
