"""`kiosk hub`: the hub in its own process, alone on a back-office computer or as a child of
`kiosk run` (supervised), where it also lets in this computer's kiosk screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from kiosk.hub.certificate import shown_fingerprint
from kiosk.hub.discovery import Announcement
from kiosk.hub.local import LocalHub
from kiosk.hub.local_credential import manager_token, screen_token
from kiosk.hub.main_thread_collector import MainThreadCollector
from kiosk.hub.process import stop_on_signals
from kiosk.store.database import open_database
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import Paths, Settings


def run_hub(
    paths: Paths, settings: Settings, *, address: str, port: int, supervised: bool = False
) -> int:
    """Serve until SIGINT or SIGTERM; returns the process exit code. `supervised`: started by
    `kiosk run`, so this computer's kiosk screen comes in with its local credential. This
    computer's dashboard always comes in with its own."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    MainThreadCollector(app)
    # Opened here first, so a problem with the database stops us before the hub's thread starts.
    open_database(paths.database).close()
    folder = paths.database.parent
    local_tokens = {manager_token(folder): DeviceRole.MANAGER}
    if supervised:
        local_tokens[screen_token(folder)] = DeviceRole.KIOSK
    hub = LocalHub(
        paths.database,
        settings,
        address=address,
        port=port,
        local_tokens=local_tokens,
        settings_file=paths.settings_file,
    )
    # Announce only where we listen: a hub bound to loopback stays invisible to the LAN.
    interfaces = None if address == "0.0.0.0" else [address]
    announcement = Announcement(
        settings.site_name, hub.port, hub.fingerprint, interfaces=interfaces
    )
    print(f"The hub for {settings.site_name} is listening on {address}:{hub.port}.", flush=True)
    print(
        f"Its certificate's fingerprint is {shown_fingerprint(hub.fingerprint)}. To pair a desk, "
        "run `kiosk pair --role desk` on this computer and type the code on the desk.",
        flush=True,
    )
    stop_on_signals(app)
    app.exec()
    announcement.close()
    hub.stop()
    print("The hub has stopped.", flush=True)
    return 0
