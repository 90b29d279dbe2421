"""Putting the kiosk screen together: hub client, voice, languages, view model and window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.app.kiosk_window import KioskWindow
from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.app.site_settings import SiteSettings
from kiosk.app.speech import Speech
from kiosk.hub.client import LocalHub
from kiosk.viewmodels.kiosk import Hub, KioskViewModel

APP_NAME = "front-desk-kiosk"


@dataclass
class KioskScreen:
    """A running kiosk screen, for `kiosk run`, the demo and the tests."""

    view_model: KioskViewModel
    window: QQuickWindow
    frame: KioskWindow
    speech: Speech

    def close(self) -> None:
        """Take the scene down before the view model it shows, so no binding reads a dead one."""
        self.frame.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def translations_cache() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations"


def open_kiosk(
    hub: Hub,
    site: SiteSettings,
    *,
    lockdown: bool = True,
    size: tuple[int, int] = (1920, 1080),
    speech_engine: str | None = None,
    cache: Path | None = None,
    quit_app: Callable[[], None] | None = None,
) -> KioskScreen:
    """Build and show the kiosk screen; the QGuiApplication must already exist (see
    `prepare_kiosk_environment`, which must run before it is created)."""
    frame = KioskWindow(cache or translations_cache())
    speech = Speech(engine=speech_engine)
    view_model = KioskViewModel(
        hub,
        site,
        speech,
        frame.languages,
        quit_app=quit_app or QCoreApplication.quit,
    )
    window = frame.load(view_model, view_model.touched, size=size)
    frame.show(lockdown=lockdown)
    return KioskScreen(view_model, window, frame, speech)


def run_kiosk(home: str | None = None, *, lockdown: bool = True) -> int:
    """`kiosk run`: the hub in a worker thread and the kiosk screen, full screen and locked."""
    prepare_kiosk_environment()
    app = QGuiApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setFont(QFont("Noto Sans"))
    site, database = SiteSettings.for_home(home)
    hub = LocalHub(database, site.current)
    try:
        client = hub.client()
        screen = open_kiosk(client, site, lockdown=lockdown)  # held until the app quits
        code = app.exec()
        screen.close()
        return code
    finally:
        hub.stop()
