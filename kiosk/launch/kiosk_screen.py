"""Putting the kiosk screen together: hub client, voice, languages, view model and window."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.app.kiosk_window import KioskWindow
from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.app.site_settings import SiteSettings
from kiosk.app.speech import Speech
from kiosk.hub.client import HubClient
from kiosk.hub.process import stop_on_signals
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
        """Take the scene down before the view model it shows, so no binding reads a dead one;
        end the voice's process."""
        self.speech.close()
        self.frame.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def translations_cache() -> Path:
    import platformdirs  # slow to load; the first frame must not wait for it

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


@dataclass
class RunningKiosk:
    """`kiosk run`: the screen, its hub client and, unless the hub is elsewhere, the hub."""

    screen: KioskScreen
    client: HubClient
    hub: Any = None  # a LocalHub, once started
    announcement: Any = None

    def close(self) -> None:
        self.screen.close()
        self.client.close()
        if self.announcement is not None:
            self.announcement.close()
        if self.hub is not None:
            self.hub.stop()


def start_kiosk(
    site: SiteSettings,
    database: Path,
    *,
    lockdown: bool = True,
    speech_engine: str | None = None,
    cache: Path | None = None,
) -> RunningKiosk:
    """Show the kiosk at once; start the hub inside it right after the first frame.

    The visitor sees Welcome without waiting for the database; the client reaches the hub a
    moment later and would retry if it had to. With `[connection] hub_url` and a token in the
    settings, the kiosk uses that hub instead and runs none of its own.
    """
    settings = site.current
    remote = bool(settings.hub_url and settings.device_token)
    token = settings.device_token if remote else secrets.token_urlsafe(24)
    url = settings.hub_url if remote else f"wss://127.0.0.1:{settings.hub_port}"
    # The hub inside pins its own certificate once it has loaded it (after the first frame).
    client = HubClient(url, token, settings.hub_fingerprint if remote else "", connect=False)
    screen = open_kiosk(client, site, lockdown=lockdown, speech_engine=speech_engine, cache=cache)
    running = RunningKiosk(screen, client)
    starter = _HubStarter(running, None if remote else database, site, token)
    screen.window.frameSwapped.connect(starter.start_soon, Qt.ConnectionType.SingleShotConnection)
    return running


class _HubStarter(QObject):
    def __init__(
        self, running: RunningKiosk, database: Path | None, site: SiteSettings, token: str
    ) -> None:
        super().__init__(running.screen.window)
        self._running, self._database, self._token = running, database, token
        self._settings, self._settings_file = site.current, site.file

    @Slot()
    def start_soon(self) -> None:
        # One turn of the event loop later, so that the frame is out before the hub loads.
        QTimer.singleShot(0, self, self.start)

    @Slot()
    def start(self) -> None:
        if self._database is not None:
            self._start_hub(self._database)
        self._running.client.open()

    def _start_hub(self, database: Path) -> None:
        # Imported here, after the first frame: the hub's storage code takes a while to load.
        from kiosk.hub.discovery import Announcement
        from kiosk.hub.local import LocalHub
        from kiosk.hub.server import ServerError
        from kiosk.store.devices import DeviceRole

        settings = self._settings
        try:
            hub = LocalHub(
                database,
                settings,
                address=settings.hub_listen,
                port=settings.hub_port,
                local_tokens={self._token: DeviceRole.KIOSK},
                settings_file=self._settings_file,
            )
        except ServerError as error:
            print(error, file=sys.stderr, flush=True)
            QCoreApplication.exit(1)
            return
        self._running.hub = hub
        self._running.client.pin(hub.fingerprint)
        # Announce only where we listen: a hub bound to loopback stays invisible to the LAN.
        interfaces = None if settings.hub_listen == "0.0.0.0" else [settings.hub_listen]
        self._running.announcement = Announcement(
            settings.site_name, hub.port, hub.fingerprint, interfaces=interfaces
        )


def run_kiosk(home: str | None = None, *, lockdown: bool = True) -> int:
    """`kiosk run`: the kiosk screen, full screen and locked, with the hub inside it."""
    prepare_kiosk_environment()
    app = QGuiApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setFont(QFont("Noto Sans"))
    site, database = SiteSettings.for_home(home)
    running = start_kiosk(site, database, lockdown=lockdown)
    stop_on_signals(app)
    code = app.exec()
    running.close()
    return code
