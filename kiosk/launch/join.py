"""`kiosk join`: pair this computer's kiosk (or desk) with a hub elsewhere, from the command line.

For a kiosk whose hub runs in the back office: type the hub's address and the code from
`kiosk pair --role kiosk` there; the token and the hub's fingerprint go into this computer's
settings, and `kiosk run` then uses that hub instead of one of its own.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.core import pairing
from kiosk.hub.certificate import shown_fingerprint
from kiosk.hub.client import HubClient
from kiosk.hub.main_thread_collector import MainThreadCollector
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import save_setting
from kiosk.viewmodels.pairing import hub_url_from

PATIENCE_MS = 15_000


class JoinError(RuntimeError):
    """Pairing did not happen; the message says why and what to do."""


def join_hub(settings_file: Path, address: str, code: str, role: DeviceRole) -> str:
    """Pair with the hub at `address`; keep the pairing in `settings_file`; return what to say."""
    url = hub_url_from(address)
    if not url:
        raise JoinError("Give the hub's address, for example 192.168.1.20.")
    try:
        code = pairing.typed(code)
    except pairing.BadCode as error:
        raise JoinError(str(error)) from None
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    MainThreadCollector(app)
    outcome: dict[str, str] = {}
    name = f"{role.capitalize()} on {socket.gethostname()}"[:60]
    client = HubClient(url, pairing=(code, name, role))

    def paired(token: str, fingerprint: str) -> None:
        outcome.update(token=token, fingerprint=fingerprint)
        app.exit(0)

    def refused(sentence: str) -> None:
        outcome["refused"] = sentence
        app.exit(1)

    client.paired.connect(paired)
    client.unauthorised.connect(refused)
    QTimer.singleShot(PATIENCE_MS, lambda: app.exit(2))
    app.exec()
    client.close()
    if "token" not in outcome:
        raise JoinError(
            outcome.get("refused")
            or f"No hub answered at {url}. Check the address, and that the hub is running."
        )
    save_setting(settings_file, "connection", "hub_url", url)
    save_setting(settings_file, "connection", "token", outcome["token"])
    save_setting(settings_file, "connection", "fingerprint", outcome["fingerprint"])
    return (
        f"Paired with the hub at {url} as a {role}. "
        f"Its certificate's fingerprint is {shown_fingerprint(outcome['fingerprint'])}; "
        "compare it with what `kiosk pair` showed there."
    )
