"""`kiosk demo`: the kiosk and a desk console in one process, the hub in a child process, all on a
throw-away folder that goes when the windows close."""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.app.desk_window import CONSOLE
from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.app.site_settings import SiteSettings
from kiosk.core.people import Role
from kiosk.hub.client import HubClient
from kiosk.hub.main_thread_collector import MainThreadCollector
from kiosk.hub.process import stop_on_signals
from kiosk.hub.service import wall_clock_ms
from kiosk.launch.desk_console import DeskConsole, open_desk
from kiosk.launch.hub_child import HubChild, HubDidNotStart, start_hub_child
from kiosk.launch.kiosk_screen import KioskScreen, open_kiosk
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole, add_device
from kiosk.store.people import all_staff
from kiosk.store.seed import seed_history
from kiosk.store.settings import Paths, hash_pin, load_settings, save_setting

DEMO_PIN = "1234"
DEMO_HISTORY = 3000


def make_demo_home(folder: Path) -> Paths:
    """A settings file and a database with sample staff and a few weeks of history."""
    paths = Paths.resolve(folder)
    load_settings(paths.settings_file)
    for section, key, value in (
        ("site", "name", "Harbour Works"),
        ("admin", "pin_hash", hash_pin(DEMO_PIN)),
        # Whatever the hour the demo runs at, nobody is checked out for closing time.
        ("day", "closing_time", ""),
    ):
        save_setting(paths.settings_file, section, key, value)
    db = open_database(paths.database)
    try:
        seed_history(db, DEMO_HISTORY, now_ms=wall_clock_ms())
        receptionist = next(s for s in all_staff(db) if s.role is Role.RECEPTIONIST)
    finally:
        db.close()
    save_setting(paths.settings_file, "desk", "receptionist_id", receptionist.id)
    return paths


def pair_demo_devices(paths: Paths) -> dict[DeviceRole, str]:
    """Tokens for the demo's kiosk and desk, paired with its hub before it starts."""
    db = open_database(paths.database)
    try:
        with writing(db):
            now = wall_clock_ms()
            return {
                role: add_device(db, name, role, now)
                for role, name in ((DeviceRole.KIOSK, "Demo kiosk"), (DeviceRole.DESK, "Demo desk"))
            }
    finally:
        db.close()


@dataclass
class Demo:
    """The demo's hub process, kiosk and desk, and the throw-away folder they live in."""

    folder: Path
    paths: Paths
    hub: HubChild
    kiosk_client: HubClient
    kiosk: KioskScreen
    desk: DeskConsole

    def close(self) -> None:
        self.desk.close()  # closes its client too
        self.kiosk.close()
        self.kiosk_client.close()
        self.hub.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def open_demo(folder: Path, *, speech_engine: str | None = None) -> Demo:
    """Seed `folder`, start its hub in a child process and open the kiosk beside a signed-in
    desk; a QApplication must exist."""
    paths = make_demo_home(folder)
    tokens = pair_demo_devices(paths)
    hub = start_hub_child(paths.database.parent)
    try:
        return _open_windows(folder, paths, hub, tokens, speech_engine)
    except BaseException:
        hub.stop()
        raise


def _open_windows(
    folder: Path,
    paths: Paths,
    hub: HubChild,
    tokens: dict[DeviceRole, str],
    speech_engine: str | None,
) -> Demo:
    settings = load_settings(paths.settings_file)
    kiosk_size, desk_size = _window_sizes()
    kiosk_client = HubClient(hub.url, tokens[DeviceRole.KIOSK], hub.fingerprint, connect=False)
    kiosk = open_kiosk(
        kiosk_client,
        SiteSettings(paths.settings_file, settings),
        lockdown=False,
        size=kiosk_size,
        speech_engine=speech_engine,
        cache=folder / "translations",
    )
    desk_client = HubClient(hub.url, tokens[DeviceRole.DESK], hub.fingerprint, connect=False)
    desk = open_desk(
        desk_client,
        settings,
        settings_file=paths.settings_file,
        size=desk_size,
        speech_engine=speech_engine,
    )
    _side_by_side(kiosk.window, desk.window)
    demo = Demo(folder, paths, hub, kiosk_client, kiosk, desk)
    try:
        # The windows opened while the hub was starting; now the clients can reach it.
        hub.wait_until_listening()
    except BaseException:
        demo.close()
        raise
    kiosk_client.open()
    desk_client.open()
    return demo


def run_demo() -> int:
    """`kiosk demo`."""
    # The kiosk's in-scene keyboard is the input method; the desk's fields still take typing.
    prepare_kiosk_environment()
    app = QApplication.instance() or QApplication(sys.argv)
    MainThreadCollector(app)
    app.setFont(QFont("Noto Sans"))
    folder = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    try:
        demo = open_demo(folder)
    except HubDidNotStart as error:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"The demo could not start: {error}", file=sys.stderr, flush=True)
        return 1
    stop_on_signals(app)  # Ctrl+C in the terminal closes the demo and throws it all away
    print(
        "Front Desk Kiosk demo: check in on the kiosk (left); the desk (right) chimes. "
        f"Press 'On my way', then 'Welcomed'. Admin PIN: {DEMO_PIN}. "
        "Everything is thrown away when you close the windows.",
        flush=True,
    )
    try:
        return app.exec()
    finally:
        demo.close()


def _window_sizes() -> tuple[tuple[int, int], tuple[int, int]]:
    """A portrait kiosk as tall as the screen allows, and the desk beside it.

    The desk gets at least its minimum width, however small the screen: its buttons must be
    there to press. The kiosk, which scales as a whole to any window, gives way.
    """
    screen = QGuiApplication.primaryScreen().availableGeometry()
    height = min(screen.height() - 40, 1920)
    kiosk_width = height * 9 // 16
    desk_width = min(screen.width() - kiosk_width - 16, 1100)
    if desk_width < CONSOLE.minimum_size[0]:
        desk_width = CONSOLE.minimum_size[0]
        kiosk_width = max(screen.width() - desk_width - 16, 270)
    kiosk = (kiosk_width, min(height, kiosk_width * 16 // 9))
    desk = (desk_width, max(height, CONSOLE.minimum_size[1]))
    return kiosk, desk


def _side_by_side(left, right) -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    left.setPosition(screen.x(), screen.y())
    right.setPosition(screen.x() + left.width() + 8, screen.y())
