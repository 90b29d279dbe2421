"""Driving the dashboard's real QML as a manager would, against a real hub.

Importing this module prepares Qt (offscreen, the kiosk's logging rules) before pytest-qt
creates the application, so every dashboard test module imports it first.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.core.policies import Policies
from kiosk.hub.client import HubClient
from kiosk.launch.dashboard import Dashboard, open_dashboard
from kiosk.store.settings import Paths, Settings
from tests.scene_driver import SceneDriver

prepare_kiosk_environment(offscreen=True)

# Open around the clock: the office's people on site checked in minutes before the test, and a
# site that closes at 20:00 would see them out when the tests run in the evening.
SETTINGS = Settings(site_name="Harbour Works", policies=Policies(closing_time=None))
SMALL, LARGE = (1280, 800), (1920, 1080)


@pytest.fixture(scope="session", autouse=True)
def qt_ends_before_the_display(qapp: QCoreApplication) -> Iterator[None]:
    """Qt Graphs keeps an OpenGL connection to the session's X display for as long as the
    application object lives, and the session stops its display when the run ends: the
    application goes first, or Xlib would end the run with a fatal I/O error. Modules that show
    a chart import this fixture."""
    yield
    gc.collect()
    app = QCoreApplication.instance()
    if app is not None:
        app.shutdown()


class DashboardDriver(SceneDriver):
    """Clicks the dashboard's buttons, types into its fields and reads what it shows."""

    def __init__(self, qtbot: QtBot, dashboard: Dashboard) -> None:
        super().__init__(qtbot, dashboard.window)
        self.dashboard = dashboard
        self.view_model = dashboard.view_model

    def click(self, name: str, root: QQuickItem | None = None) -> None:
        self.press(self.item(name, root))

    def text_of(self, name: str, root: QQuickItem | None = None) -> str:
        return str(self.item(name, root).property("text"))

    def type_into(self, name: str, text: str) -> None:
        """Replace what a field holds, as a manager selecting it all and typing would."""
        field = self.item(name)
        self.press(field)
        field.setProperty("text", text)
        self.settle()

    def open_page(self, view: str) -> None:
        self.click(f"tab_{view}")
        self.qtbot.waitUntil(lambda: self.view_model.property("view") == view, timeout=3000)
        self.settle()

    def wait_figures(self, visits: int | None = None) -> None:
        figures = self.view_model.figures
        self.qtbot.waitUntil(
            lambda: (
                figures.property("loaded")
                and not self.view_model.property("updating")
                and (visits is None or figures.property("visits") == visits)
            ),
            timeout=10000,
        )
        self.settle()

    def scroll_figures_to(self, name: str) -> None:
        """Scroll the figures page until the item called `name` is at its top."""
        page = self.item("figuresPage")
        flickable = page.property("contentItem")
        assert isinstance(flickable, QObject)
        target = self.item(name)
        top = target.mapToItem(flickable.property("contentItem"), 0, 0).y()
        most = max(0.0, flickable.property("contentHeight") - flickable.property("height"))
        flickable.setProperty("contentY", min(max(0.0, top - 12), most))
        self.settle()


def start_dashboard(
    qtbot: QtBot,
    client: HubClient | None,
    folder: Path,
    *,
    size: tuple[int, int] = SMALL,
    settings: Settings = SETTINGS,
    paths: Paths | None = None,
    wait_connected: bool = True,
) -> DashboardDriver:
    QGuiApplication.setFont(QFont("Noto Sans"))
    dashboard = open_dashboard(
        client, settings, paths=paths, folder=folder, size=size, finder=lambda *_: None
    )
    driver = DashboardDriver(qtbot, dashboard)
    if wait_connected:
        qtbot.waitUntil(lambda: driver.view_model.property("connected"), timeout=10000)
    return driver


def stop_dashboard(driver: DashboardDriver) -> None:
    driver.dashboard.close()
    driver.settle()
