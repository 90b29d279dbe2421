"""Putting the desk console together: hub client, sounds, tray, voice, view models and window.

`run_desk` is `kiosk desk`; `open_desk` builds a console around an existing hub client (the demo,
the tests, the benchmarks).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtQuick import QQuickWindow
from PySide6.QtWidgets import QApplication

from kiosk.app.desk_settings_file import DeskSettingsFile
from kiosk.app.desk_sounds import DeskSounds
from kiosk.app.desk_tray import DeskTray
from kiosk.app.desk_window import DeskWindow, documents_folder
from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.app.speech import Speech
from kiosk.hub.client import PLAIN_PAIRING, HubClient
from kiosk.hub.discovery import FoundHub, find_hub
from kiosk.hub.main_thread_collector import MainThreadCollector
from kiosk.store.settings import DeskOptions, Paths, Settings
from kiosk.viewmodels.desk import DeskViewModel
from kiosk.viewmodels.pairing import PairingViewModel

APP_NAME = "front-desk-kiosk"


@dataclass
class DeskConsole:
    """A running desk console, for `kiosk desk`, the demo and the tests."""

    view_model: DeskViewModel
    pairing: PairingViewModel
    window: QQuickWindow
    frame: DeskWindow
    sounds: DeskSounds
    tray: DeskTray
    speech: Speech

    def close(self) -> None:
        """Silence, hide and take the console apart: the scene first, then what it shows."""
        self.sounds.close()
        self.tray.hide()
        self.frame.close(self.view_model.hub)


def open_desk(
    hub: HubClient | None,
    settings: Settings,
    *,
    settings_file: Path | None = None,
    options: DeskOptions | None = None,
    size: tuple[int, int] = (1280, 800),
    speech_engine: str | None = None,
    finder: Callable[[float, str], FoundHub | None] = find_hub,
    show: bool = True,
    quit_app: Callable[[], None] | None = None,
    pdf_folder: Path | None = None,
) -> DeskConsole:
    """Build (and show) the console. With `hub` it talks to that client (the demo passes a
    own client); without, it connects with the paired token in `settings`, or asks to pair.
    A QApplication (not QGuiApplication: the tray needs widgets) must already exist. Printed
    lists saved as PDF go to `pdf_folder`, the documents folder by default."""
    options = options or settings.desk
    memory = DeskSettingsFile(settings_file)
    frame = DeskWindow()
    holder = frame.holder
    sounds = DeskSounds(
        chime_volume=options.chime_volume_percent / 100,
        alarm_volume=options.alarm_volume_percent / 100,
        chime_repeat_s=options.chime_repeat_seconds,
        alarm_repeat_s=options.alarm_repeat_seconds,
        parent=holder,
    )
    tray = DeskTray(settings.site_name, holder)
    speech = Speech(engine=speech_engine, parent=holder)
    view_model = DeskViewModel(
        settings.policies.targets,
        sounds=sounds,
        tray=tray,
        voice=speech,
        memory=memory,
        receptionist_id=options.receptionist_id,
        notifications=options.notifications,
        site_name=settings.site_name,
        hide_to_tray=tray.available,
        pdf_folder=pdf_folder or documents_folder(),
        parent=holder,
    )
    pinned = hub is None and bool(settings.device_token and settings.hub_fingerprint)
    pairing = PairingViewModel(
        memory,
        finder=finder,
        token=settings.device_token if pinned else "",
        fingerprint=settings.hub_fingerprint if pinned else "",
        parent=holder,
    )
    pairing.paired.connect(view_model.attach)
    searching = False
    if hub is not None:
        view_model.attach(hub)
    elif settings.device_token and settings.hub_url:
        # A pairing from before the hub encrypted is refused by the client, with a sentence.
        url, token, fingerprint = settings.hub_url, settings.device_token, settings.hub_fingerprint
        view_model.attach(HubClient(url, token, fingerprint))
    else:
        if settings.device_token and not pinned:
            pairing.say(PLAIN_PAIRING)
        searching = True  # first run, or paired before with no address kept: find the hub
    window = frame.load(view_model, pairing, size=size)
    if searching:
        # Once the scene is built: the search's thread then answers a pairing screen that is
        # there, and never while QML is still reading the view model's properties.
        pairing.search()
    view_model.bringForward.connect(frame.bring_forward)
    tray.showRequested.connect(frame.bring_forward)
    tray.quitRequested.connect(quit_app or QCoreApplication.quit)
    if show:
        frame.show()
    return DeskConsole(view_model, pairing, window, frame, sounds, tray, speech)


def run_desk(paths: Paths, settings: Settings) -> int:
    """`kiosk desk`: the console in a window and the tray, talking to the paired hub."""
    prepare_kiosk_environment(keyboard=False)
    app = QApplication.instance() or QApplication(sys.argv)
    MainThreadCollector(app)
    app.setApplicationName(APP_NAME)
    app.setFont(QFont("Noto Sans"))
    console = open_desk(None, settings, settings_file=paths.settings_file)
    # With a tray icon, closing the window keeps the desk listening; the tray's menu quits.
    app.setQuitOnLastWindowClosed(not console.tray.available)
    code = app.exec()
    console.close()
    return code
