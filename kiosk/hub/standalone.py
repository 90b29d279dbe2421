"""`kiosk hub`: the hub alone in its own process, for a back-office computer."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from kiosk.hub.discovery import Announcement
from kiosk.hub.local import LocalHub
from kiosk.hub.process import stop_on_signals
from kiosk.hub.service import wall_clock_ms
from kiosk.store.database import open_database, writing
from kiosk.store.devices import new_pairing_code
from kiosk.store.settings import Paths, Settings


def issue_pairing_code(paths: Paths) -> str:
    """A one-time code a desk or kiosk types to pair with the hub, valid ten minutes."""
    db = open_database(paths.database)
    try:
        with writing(db):
            return new_pairing_code(db, wall_clock_ms())
    finally:
        db.close()


def run_hub(paths: Paths, settings: Settings, *, address: str, port: int) -> int:
    """Serve until SIGINT or SIGTERM; returns the process exit code."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    # Opened here first, so a problem with the database stops us before the hub's thread starts.
    code = issue_pairing_code(paths)
    hub = LocalHub(paths.database, settings, address=address, port=port)
    # Announce only where we listen: a hub bound to loopback stays invisible to the LAN.
    interfaces = None if address == "0.0.0.0" else [address]
    announcement = Announcement(settings.site_name, hub.port, interfaces=interfaces)
    print(f"The hub for {settings.site_name} is listening on {address}:{hub.port}.", flush=True)
    print(
        f"To pair a desk or kiosk, enter the code {code} on it "
        "within ten minutes (`kiosk pair` gives a new one).",
        flush=True,
    )
    stop_on_signals(app)
    app.exec()
    announcement.close()
    hub.stop()
    print("The hub has stopped.", flush=True)
    return 0
