"""A dashboard away from the hub's computer pairs once, as a manager, with a code from
`kiosk pair --role manager`; the hub is found on the LAN, or its address typed."""

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
from kiosk.viewmodels.desk_pairing import CONNECT_PATIENCE_MS, SEARCH_SECONDS, hub_url_from

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1


class Memory(Protocol):
    """kiosk.app.dashboard_settings_file.DashboardSettingsFile"""

    def save_connection(self, hub_url: str, token: str, fingerprint: str) -> None: ...


@QmlElement
@QmlUncreatable("The dashboard makes it, with where to keep the pairing.")
class DashboardPairing(QObject):
    """Finds the hub in a worker thread (the window never freezes), then pairs with the code."""

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
        finder: Callable[[float, str], FoundHub | None] = find_hub,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._memory = memory
        self._finder = finder
        self._name = self.tr("Dashboard on %1").replace("%1", socket.gethostname())[:60]
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
                found = self._finder(SEARCH_SECONDS, "")
            except OSError:
                found = None
            with contextlib.suppress(RuntimeError):  # the dashboard closed while we looked
                self._found.emit(found.name if found else "", found.url if found else "")

        threading.Thread(target=look, name="find-hub", daemon=True).start()

    @Slot(str, str)
    def _search_done(self, name: str, url: str) -> None:
        self._searching = False
        self.searchingChanged.emit()
        if url:
            self._address = url
            self.addressChanged.emit()
            self._set_status(
                self.tr("Found %1. Enter a manager's pairing code.").replace("%1", name or url)
            )
        else:
            self._set_status(
                self.tr("No hub answered on this network. Type its address, for example "
                        "192.168.1.20.")
            )  # fmt: skip

    @property
    def hub_url(self) -> str:
        """The address of the hub this dashboard paired with."""
        return self._url

    def say(self, status: str) -> None:
        """Show why pairing is needed (the pairing was revoked)."""
        self._set_status(status)

    @Slot(str, str)
    def pair(self, address: str, code: str) -> None:
        url = hub_url_from(address)
        if not url:
            self._set_status(self.tr("Type the hub's address, or press Find the hub."))
            return
        try:
            code = codes.typed(code)
        except codes.BadCode:
            self._set_status(
                self.tr("A pairing code has 12 letters and digits, like 7KQ4-M2XD-9HTP. On the "
                        "hub's computer, run `kiosk pair --role manager` to see one.")
            )  # fmt: skip
            return
        self._drop_client()
        self._url = url
        self._set_status(self.tr("Pairing with %1…").replace("%1", url))
        client = HubClient(url, pairing=(code, self._name, DeviceRole.MANAGER))
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
