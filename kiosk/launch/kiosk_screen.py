"""`kiosk screen`: the kiosk screen put together (hub client, voice, languages, view model,
window), in a process of its own that reaches the hub over TLS like any device."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.app.kiosk_window import FirstFrame, KioskWindow
from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.app.site_settings import SiteSettings
from kiosk.app.speech import Speech
from kiosk.hub.client import HubClient
from kiosk.hub.local_credential import screen_token
from kiosk.hub.main_thread_collector import collect_from_now_on
from kiosk.hub.process import stop_on_signals
from kiosk.launch.shown import tell_shown
from kiosk.store.settings import Badges, Settings
from kiosk.viewmodels.kiosk import Hub, KioskViewModel

if TYPE_CHECKING:
    from kiosk.app.badge_printer import BadgePrinter

APP_NAME = "front-desk-kiosk"
# How often the screen looks again for the certificate of a hub that has not made it yet.
WAIT_FOR_HUB_MS = 250


@dataclass
class KioskScreen:
    """A running kiosk screen, for `kiosk run`, the demo and the tests."""

    view_model: KioskViewModel
    window: QQuickWindow
    frame: KioskWindow
    speech: Speech
    badges: BadgePrinter | None = None

    def close(self) -> None:
        """Take the scene down first, so no binding reads what goes after it (a voice being
        closed says it is off, and a screen still shown would read that of a dead object); then
        end the voice's process, the camera and the badge printer's thread."""
        from PySide6.QtCore import QEvent  # here: its types cost the first frame a moment

        self.frame.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.speech.close()
        self.view_model.scan.close()
        if self.badges is not None:
            self.badges.stop()


def translations_cache() -> Path:
    """Where the compiled translations are kept, in this user's cache folder: asked of Qt, which
    is loaded already, rather than of platformdirs, which the first frame would wait for."""
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(cache) / APP_NAME / "translations"


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
    badges = badge_printer(site.current.badges)
    view_model = KioskViewModel(
        hub,
        site,
        speech,
        frame.languages,
        badges=badges,
        quit_app=quit_app or QCoreApplication.quit,
    )
    scan = view_model.scan
    window = frame.load(
        view_model,
        view_model.touched,
        size=size,
        on_scan=scan.scanned,
        takes_scans=scan.takes_scans,
    )
    frame.show(lockdown=lockdown)
    return KioskScreen(view_model, window, frame, speech, badges)


def badge_printer(options: Badges) -> BadgePrinter | None:
    """The kiosk's badge printer, if its settings name one; only then is printing loaded."""
    if not options.printer:
        return None
    from kiosk.app.badge_printer import BadgePrinter

    return BadgePrinter(options)


@dataclass
class RunningKiosk:
    """`kiosk screen`: the kiosk screen and its connection to the hub."""

    screen: KioskScreen
    client: HubClient

    def close(self) -> None:
        self.screen.close()
        self.client.close()


def local_hub_url(settings: Settings) -> str:
    """Where this computer's own hub (`kiosk run`'s) is reached from this computer."""
    address = settings.hub_listen
    if address in ("0.0.0.0", "", "::"):
        address = "127.0.0.1"
    return f"wss://{address}:{settings.hub_port}"


def start_kiosk(
    site: SiteSettings,
    data_folder: Path,
    *,
    lockdown: bool = True,
    speech_engine: str | None = None,
    cache: Path | None = None,
) -> RunningKiosk:
    """Show the kiosk at once; reach the hub right after the first frame.

    The visitor sees Welcome without waiting for the network: the client connects a moment
    later, and keeps trying for as long as the hub is away. With `[connection] hub_url` and a
    token in the settings, the kiosk uses that hub; otherwise it uses this computer's own (the
    one `kiosk run` starts beside it), with the local credential and the certificate kept in
    `data_folder`.
    """
    settings = site.current
    remote = bool(settings.hub_url and settings.device_token)
    if remote:
        client = HubClient(
            settings.hub_url, settings.device_token, settings.hub_fingerprint, connect=False
        )
    else:
        # Read before the first frame: a small file; the certificate waits until after it.
        client = HubClient(local_hub_url(settings), screen_token(data_folder), connect=False)
    screen = open_kiosk(client, site, lockdown=lockdown, speech_engine=speech_engine, cache=cache)
    running = RunningKiosk(screen, client)
    connection = _HubConnection(running, None if remote else data_folder)
    FirstFrame(screen.window, connection.start_soon)
    return running


class _HubConnection(QObject):
    """Opens the client once the first frame is out, and says how the link to the hub goes."""

    def __init__(self, running: RunningKiosk, data_folder: Path | None) -> None:
        super().__init__(running.screen.window)
        self._client = running.client
        self._data_folder = data_folder
        self._told_waiting = False
        self._client.connectionChanged.connect(self._tell)
        if data_folder is not None:
            self._client.unauthorised.connect(self._refused)

    def start_soon(self) -> None:
        """On the first frame."""
        _say(f"The kiosk screen shows Welcome (process {os.getpid()}).")
        tell_shown()
        # One turn of the event loop later, so that the frame is out before the network starts.
        QTimer.singleShot(0, self, self.start)

    @Slot()
    def start(self) -> None:
        if self._data_folder is not None:
            fingerprint = self._local_fingerprint(self._data_folder)
            if fingerprint is None:
                QTimer.singleShot(WAIT_FOR_HUB_MS, self, self.start)
                return
            self._client.pin(fingerprint)
        self._client.open()

    def _local_fingerprint(self, folder: Path) -> str | None:
        """The certificate of this computer's hub, once the hub has made it (only the hub
        makes it: two processes making one at once could leave a key and a certificate that
        do not belong together)."""
        # Imported here, after the first frame: the certificate code loads `cryptography`.
        from kiosk.hub.certificate import (
            CERTIFICATE_FILE,
            KEY_FILE,
            CertificateError,
            load_identity,
        )

        if (folder / KEY_FILE).exists() and (folder / CERTIFICATE_FILE).exists():
            try:
                return load_identity(folder).fingerprint
            except CertificateError as error:
                message = str(error)
        else:
            message = "The kiosk screen is waiting for the hub on this computer to start."
        if not self._told_waiting:
            _say(message, sys.stderr)
            self._told_waiting = True
        return None

    @Slot(bool)
    def _tell(self, connected: bool) -> None:
        if connected:
            _say("The kiosk screen is connected to the hub.")

    @Slot(str)
    def _refused(self, sentence: str) -> None:
        # This computer's own hub refused us: its certificate or our credential changed since
        # this process read them. Stop, so that `kiosk run` starts the screen again with both
        # read afresh.
        _say(sentence, sys.stderr)
        QCoreApplication.exit(1)


def _say(line: str, stream: TextIO | None = None) -> None:
    """A line for whoever reads the kiosk's log; a log nobody reads must not stop the screen."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=stream or sys.stdout, flush=True)


def run_screen(home: str | None = None, *, lockdown: bool = True) -> int:
    """`kiosk screen`: the kiosk screen, full screen and locked, reaching its hub over TLS."""
    site, database = SiteSettings.for_home(home)  # a settings problem stops it before Qt starts
    prepare_kiosk_environment()
    app = QGuiApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setFont(QFont("Noto Sans"))
    running = start_kiosk(site, database.parent, lockdown=lockdown)
    # Python's collector has been off since the start (see kiosk.__main__): what is built by
    # Welcome's first frame is set aside, and from then on cycles are collected on this thread.
    FirstFrame(running.screen.window, lambda: collect_from_now_on(app))
    stop_on_signals(app)
    code = app.exec()
    running.close()
    return code
