"""Putting the manager's dashboard together: hub client, view models and window.

`run_dashboard` is `kiosk dashboard`; `open_dashboard` builds one around a hub client given (the
tests, the benchmark) or finds its own:

- paired before as a manager (the [dashboard] section of the settings): that hub;
- on the hub's computer (the site's database is here): this computer's hub, with the local
  manager credential the hub keeps in the data folder and the certificate it made, opened as
  soon as the hub has made it; until the hub answers, the window says how to start it;
- otherwise: the pairing screen.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtQuick import QQuickWindow
from PySide6.QtWidgets import QApplication

from kiosk.app.dashboard_settings_file import DashboardSettingsFile
from kiosk.app.desk_window import DASHBOARD, DeskWindow, documents_folder
from kiosk.app.qt_environment import prepare_kiosk_environment
from kiosk.hub.certificate import CERTIFICATE_FILE, KEY_FILE, CertificateError, load_identity
from kiosk.hub.client import HubClient
from kiosk.hub.discovery import FoundHub, find_hub
from kiosk.hub.local_credential import manager_token
from kiosk.hub.main_thread_collector import MainThreadCollector, set_aside_what_is_built
from kiosk.launch.kiosk_screen import local_hub_url
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import Paths, Settings
from kiosk.viewmodels.dashboard import DashboardViewModel
from kiosk.viewmodels.pairing import PairingViewModel

APP_NAME = "front-desk-kiosk"
# How often the dashboard looks again for the certificate of a hub that has not made it yet.
WAIT_FOR_HUB_MS = 500


@dataclass
class Dashboard:
    """A running dashboard, for `kiosk dashboard`, the tests and the benchmark."""

    view_model: DashboardViewModel
    pairing: PairingViewModel
    window: QQuickWindow
    frame: DeskWindow

    def close(self) -> None:
        """Stop any export, then take the scene down before the view models it shows."""
        self.view_model.close()
        self.frame.close(self.view_model.hub)
        gc.unfreeze()  # what was set aside (see `set_aside_what_is_built`) can go with it


def open_dashboard(
    hub: HubClient | None,
    settings: Settings,
    *,
    paths: Paths | None = None,
    folder: Path | None = None,
    size: tuple[int, int] = (1280, 800),
    show: bool = True,
    finder: Callable[[float, str], FoundHub | None] = find_hub,
) -> Dashboard:
    """Build (and show) the dashboard. With `hub` it talks to that client; without, it finds
    its hub as the module says, from `paths`. A QApplication must already exist."""
    memory = DashboardSettingsFile(paths.settings_file if paths else None)
    kept = settings.dashboard if hub is None else None
    local = hub is None and kept is None and paths is not None and paths.database.exists()
    frame = DeskWindow(DASHBOARD)
    holder = frame.holder
    view_model = DashboardViewModel(
        settings.site_name, folder or documents_folder(), local=local, parent=holder
    )
    pairing = PairingViewModel(memory, role=DeviceRole.MANAGER, finder=finder, parent=holder)
    pairing.paired.connect(lambda client: view_model.attach(client, pairing.hub_url))
    if hub is not None:
        view_model.attach(hub)
    elif kept is not None:
        view_model.attach(HubClient(kept.hub_url, kept.token, kept.fingerprint), kept.hub_url)
    elif local:
        assert paths is not None
        client = HubClient(
            local_hub_url(settings), manager_token(paths.database.parent), connect=False
        )
        view_model.attach(client)
        _LocalHub(client, paths.database.parent, holder).start()
    else:
        view_model.needs_pairing()
        pairing.search()
    view_model.firstFiguresShown.connect(set_aside_what_is_built)
    window = frame.load(view_model, pairing, size=size)
    if show:
        frame.show()
    return Dashboard(view_model, pairing, window, frame)


class _LocalHub(QObject):
    """Opens the client to this computer's hub once the hub has made its certificate (only the
    hub makes it: two processes making one at once could leave a key and a certificate that do
    not belong together)."""

    def __init__(self, client: HubClient, folder: Path, parent: QObject) -> None:
        super().__init__(parent)
        self._client = client
        self._folder = folder

    @Slot()
    def start(self) -> None:
        folder = self._folder
        if (folder / KEY_FILE).exists() and (folder / CERTIFICATE_FILE).exists():
            try:
                self._client.pin(load_identity(folder).fingerprint)
            except CertificateError:
                pass  # being written by the hub this very moment: look again shortly
            else:
                self._client.open()
                return
        QTimer.singleShot(WAIT_FOR_HUB_MS, self, self.start)


def run_dashboard(paths: Paths, settings: Settings) -> int:
    """`kiosk dashboard`: the manager's dashboard in a window."""
    prepare_kiosk_environment(keyboard=False)
    app = QApplication.instance() or QApplication(sys.argv)
    MainThreadCollector(app)
    app.setApplicationName(APP_NAME)
    app.setFont(QFont("Noto Sans"))
    dashboard = open_dashboard(None, settings, paths=paths)
    code = app.exec()
    dashboard.close()
    return code
