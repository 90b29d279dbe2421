"""Pairing a desk, or a manager's dashboard away from the hub's computer: find the hub (or type its
address), enter a code from `kiosk pair --role desk` (or `manager`), keep the token."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core import pairing as codes
from kiosk.hub.client import HubClient
from kiosk.hub.discovery import FoundHub, find_hub
from kiosk.store.devices import DeviceRole

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

DEFAULT_PORT = 8765
SEARCH_SECONDS = 5.0
CONNECT_PATIENCE_MS = 10_000


class Memory(Protocol):
    """kiosk.app.desk_settings_file.DeskSettingsFile, or the dashboard's DashboardSettingsFile"""

    def save_connection(self, hub_url: str, token: str, fingerprint: str) -> None: ...


def hub_url_from(address: str) -> str:
    """What a person types ("192.168.1.20", "hub.local:9000", "wss://…") as the hub's URL.
    Whatever scheme was typed, the hub speaks only TLS."""
    text = address.strip()
    if not text:
        return ""
    rest = text.partition("://")[2] if "://" in text else text
    host = rest.split("/", 1)[0]
    if ":" not in host.rsplit("]", 1)[-1]:
        host = f"{host}:{DEFAULT_PORT}"
    return f"wss://{host}"


@QmlElement
@QmlUncreatable("The desk console or the dashboard makes it, with where to keep the pairing.")
class PairingViewModel(QObject):
    """Finds the hub in a worker thread (the window never freezes), then pairs with the code,
    as a desk or as a manager."""

    searchingChanged = Signal()
    addressChanged = Signal()
    statusChanged = Signal()
    busyChanged = Signal()
    paired = Signal(QObject)  # the connected HubClient
    _found = Signal(str, str)  # from the search thread: hub name and URL, or "" and ""

    def __init__(
        self,
        memory: Memory,
        *,
        role: DeviceRole = DeviceRole.DESK,
        finder: Callable[[float, str], FoundHub | None] = find_hub,
        token: str = "",
        fingerprint: str = "",
        parent: QObject | None = None,
    ) -> None:
        """With a `token` and the hub's `fingerprint` (paired before, but the hub's address is
        unknown or changed) the hub with that certificate is joined as soon as it is found."""
        super().__init__(parent)
        self._memory = memory
        self._token = token
        self._fingerprint = fingerprint
        self._finder = finder
        self._role = role
        named = self.tr("Desk on %1") if role is DeviceRole.DESK else self.tr("Dashboard on %1")
        self._name = named.replace("%1", socket.gethostname())[:60]
        self._searching = False
        self._address = ""
        self._status = ""
        self._client: HubClient | None = None
        self._url = ""
        self._found.connect(self._search_done)
        self._patience = QTimer(self, singleShot=True, interval=CONNECT_PATIENCE_MS)
        self._patience.timeout.connect(self._gave_up)

    @Slot()
    def search(self) -> None:
        if self._searching:
            return
        self._searching = True
        self.searchingChanged.emit()
        self._set_status(self.tr("Looking for the front desk hub on this network…"))

        def look() -> None:
            try:
                found = self._finder(SEARCH_SECONDS, self._fingerprint if self._token else "")
            except OSError:
                found = None
            with contextlib.suppress(RuntimeError):  # the window closed while we looked
                self._found.emit(found.name if found else "", found.url if found else "")

        threading.Thread(target=look, name="find-hub", daemon=True).start()

    @Slot(str, str)
    def _search_done(self, name: str, url: str) -> None:
        self._searching = False
        self.searchingChanged.emit()
        if url and self._token:
            self._memory.save_connection(url, self._token, self._fingerprint)
            self.paired.emit(HubClient(url, self._token, self._fingerprint))
            return
        if url:
            self._address = url
            self.addressChanged.emit()
            self._set_status(
                self.tr("Found %1. Enter the code `kiosk pair --role %2` shows on the hub's "
                        "computer.").replace("%1", name or url).replace("%2", self._role)
            )  # fmt: skip
        else:
            self._set_status(
                self.tr("No hub answered on this network. Type its address, for example "
                        "192.168.1.20.")
            )  # fmt: skip

    @property
    def hub_url(self) -> str:
        """The address of the hub last paired with (or being paired with)."""
        return self._url

    def say(self, status: str) -> None:
        """Show why pairing is needed (a pairing revoked, or made before the hub encrypted)."""
        self._set_status(status)

    @Slot(str, str)
    def pair(self, address: str, code: str) -> None:
        """Connect to `address` with the `code` the hub shows; `paired` follows if the hub and
        this device prove to each other that they know it."""
        url = hub_url_from(address)
        if not url:
            self._set_status(self.tr("Type the hub's address, or press Find the hub."))
            return
        try:
            code = codes.typed(code)
        except codes.BadCode:
            self._set_status(
                self.tr("A pairing code has 12 letters and digits, like 7KQ4-M2XD-9HTP. On the "
                        "hub's computer, run `kiosk pair --role %1` to see one.")
                .replace("%1", self._role)
            )  # fmt: skip
            return
        self._drop_client()
        self._url = url
        self._set_status(self.tr("Pairing with %1…").replace("%1", url))
        client = HubClient(url, pairing=(code, self._name, self._role))
        client.paired.connect(self._got_token)
        client.unauthorised.connect(self._refused)
        self._client = client
        self._patience.start()
        self.busyChanged.emit()

    def _got_token(self, token: str, fingerprint: str) -> None:
        self._patience.stop()
        client, self._client = self._client, None
        self._memory.save_connection(self._url, token, fingerprint)
        self._set_status(self.tr("Paired."))
        self.busyChanged.emit()
        self.paired.emit(client)

    def _refused(self, message: str) -> None:
        self._patience.stop()
        self._drop_client()
        self._set_status(message)

    def _gave_up(self) -> None:
        self._drop_client()
        self._set_status(
            self.tr("Can't reach a hub at %1. Check the address, and that the hub is running.")
            .replace("%1", self._url)
        )  # fmt: skip

    def _drop_client(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client.deleteLater()
            self._client = None
            self.busyChanged.emit()

    def _set_status(self, status: str) -> None:
        if status != self._status:
            self._status = status
            self.statusChanged.emit()

    def _get_searching(self) -> bool:
        return self._searching

    def _get_address(self) -> str:
        return self._address

    def _get_status(self) -> str:
        return self._status

    def _get_busy(self) -> bool:
        return self._client is not None

    searching = Property(bool, _get_searching, notify=searchingChanged)
    address = Property(str, _get_address, notify=addressChanged)
    status = Property(str, _get_status, notify=statusChanged)
    busy = Property(bool, _get_busy, notify=busyChanged)
