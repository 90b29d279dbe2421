"""The hub as a Qt client sees it: requests out, replies and events in, kept until answered.

`HubClient` talks to a hub over a WebSocket, whether the hub is across the LAN or, as
`LocalHub`, in a worker thread of this very process (then over loopback): one code path.
It reconnects for ever with a growing pause, says hello with the last event number it saw so the
hub replays what it missed, and resends every request that has not been answered.
"""

from __future__ import annotations

import itertools
import json
import logging
import secrets
import threading
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Property,
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtWebSockets import QWebSocket

from kiosk.hub import protocol
from kiosk.hub.handler import UNAUTHORISED, UNAVAILABLE, CommandHandler
from kiosk.hub.server import HubServer, ServerError
from kiosk.hub.service import HubService
from kiosk.store.database import open_database
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import Settings

log = logging.getLogger(__name__)

TICK_MS = 1000
RECONNECT_MS = (100, 250, 500, 1000, 2000, 5000)
RETRY_MS = (250, 500, 1000, 2000, 4000)
HELLO_ID = 0


class HubHost(QObject):
    """Lives in the hub thread: the database, the service, the server and the clock duties."""

    def __init__(
        self,
        database: Path,
        settings: Settings,
        address: str,
        port: int,
        local_tokens: dict[str, DeviceRole] | None = None,
    ) -> None:
        super().__init__()
        self._database = database
        self._settings = settings
        self._address = address
        self._port = port
        self.local_tokens = local_tokens or {secrets.token_urlsafe(24): r for r in DeviceRole}
        self.port = 0
        self.error = ""
        self.ready = threading.Event()
        self._db = None
        self._server: HubServer | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        try:
            self._db = open_database(self._database)
            service = HubService(self._db, self._settings.policies)
            handler = CommandHandler(service, self._db, self.local_tokens)
            self._server = HubServer(handler, self)
            self.port = self._server.listen(self._address, self._port)
            service.subscribe(self._server.publish)
            self._timer = QTimer(self)
            self._timer.timeout.connect(service.tick)
            self._timer.start(TICK_MS)
            service.tick()
        except (ServerError, OSError) as error:
            self.error = str(error)
        except Exception as error:  # the caller must hear why the hub did not start
            log.exception("The hub could not start")
            self.error = f"The hub could not start: {error}"
        finally:
            self.ready.set()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._server is not None:
            self._server.close()
        if self._db is not None:
            self._db.close()
            self._db = None
        # Hand this object (and its timer and sockets) back to the main thread, where Python
        # will eventually destroy it; Qt forbids destroying timers from another thread.
        self.moveToThread(QCoreApplication.instance().thread())

    def token_for(self, role: DeviceRole) -> str:
        return next(token for token, r in self.local_tokens.items() if r is role)


class LocalHub:
    """The hub running in a worker thread of this process, listening on `address`:`port`."""

    def __init__(
        self,
        database: Path,
        settings: Settings,
        *,
        address: str = "127.0.0.1",
        port: int = 0,
        local_tokens: dict[str, DeviceRole] | None = None,
    ) -> None:
        """`local_tokens` let clients of this process in without pairing; by default one is
        made for each role (see `client`)."""
        self._thread = QThread()
        self._thread.setObjectName("hub")
        self.host = HubHost(database, settings, address, port, local_tokens)
        self.host.moveToThread(self._thread)
        self._thread.started.connect(self.host.start)
        self._thread.start()
        self.host.ready.wait(30)
        if self.host.error:
            self.stop()
            raise ServerError(self.host.error)

    @property
    def port(self) -> int:
        return self.host.port

    def client(self, role: DeviceRole = DeviceRole.KIOSK) -> HubClient:
        url = f"ws://127.0.0.1:{self.port}"
        return HubClient(url, self.host.token_for(role))

    def stop(self) -> None:
        if self._thread.isRunning():
            QMetaObject.invokeMethod(self.host, "stop", Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.quit()
        self._thread.wait()


class HubClient(QObject):
    """Sends commands to the hub and reports the answers; nothing is dropped while the hub is
    unreachable or busy: requests wait and are sent again."""

    replied = Signal(int, dict)
    refused = Signal(int, str)
    connectionChanged = Signal(bool)
    eventReceived = Signal(dict)
    unauthorised = Signal(str)
    paired = Signal(str)  # the new device token, to be kept in the settings

    def __init__(
        self,
        url: str,
        token: str = "",
        parent: QObject | None = None,
        *,
        pairing: tuple[str, str, DeviceRole] | None = None,
    ) -> None:
        """Connect with a device `token`, or, the first time, with `pairing`: the code the hub
        shows, a name for this device, and its role."""
        super().__init__(parent)
        self._url = QUrl(url)
        self._token = token
        self._pairing = pairing
        self._ids = itertools.count(1)
        self._pending: dict[int, bytes] = {}
        self._attempts: dict[int, int] = {}
        self._ready = False  # the socket is open and the hub has accepted our hello
        self._connected = False  # the hub is answering: what the visitor is told
        self._closing = False
        self._reconnects = 0
        self.last_seq: int | None = None
        self._socket = QWebSocket(parent=self)
        self._socket.connected.connect(self._say_hello)
        self._socket.disconnected.connect(self._lost)
        self._socket.textMessageReceived.connect(self._incoming)
        self._socket.open(self._url)

    def _get_connected(self) -> bool:
        return self._connected

    connected = Property(bool, _get_connected, notify=connectionChanged)

    def request(self, command: str, **fields: Any) -> int:
        """Send a command; its answer arrives as `replied` or `refused` with the returned id."""
        request_id = next(self._ids)
        if command == "check_in":
            fields.setdefault("key", uuid.uuid4().hex)
        raw = protocol.encode({"type": command, "id": request_id, **fields})
        self._pending[request_id] = raw
        if self._ready:
            self._send(raw)
        return request_id

    def close(self) -> None:
        """Stop for good: no more reconnecting."""
        self._closing = True
        self._socket.close()

    def _send(self, raw: bytes) -> None:
        self._socket.sendTextMessage(raw.decode())

    @Slot()
    def _say_hello(self) -> None:
        if not self._token and self._pairing:
            code, name, role = self._pairing
            pair = {"type": "pair", "id": HELLO_ID, "code": code, "name": name, "role": str(role)}
            self._send(protocol.encode(pair))
            return
        hello = {"type": "hello", "id": HELLO_ID, "token": self._token}
        if self.last_seq is not None:
            hello["after_seq"] = self.last_seq
        self._send(protocol.encode(hello))

    @Slot()
    def _lost(self) -> None:
        self._ready = False
        self._set_connected(False)
        if self._closing:
            return
        delay = RECONNECT_MS[min(self._reconnects, len(RECONNECT_MS) - 1)]
        self._reconnects += 1
        QTimer.singleShot(delay, self, self._reopen)

    def _reopen(self) -> None:
        if not self._closing:
            self._socket.open(self._url)

    @Slot(str)
    def _incoming(self, text: str) -> None:
        message = json.loads(text)
        kind, request_id = message.get("type"), message.get("id")
        if kind == "event":
            if self.last_seq is not None and message["seq"] <= self.last_seq:
                return  # already seen before a reconnect
            self.last_seq = message["seq"]
            self.eventReceived.emit(message)
        elif request_id == HELLO_ID:
            self._welcomed(message)
        elif request_id in self._pending:
            self._answered(request_id, kind, message)

    def _welcomed(self, message: dict[str, Any]) -> None:
        if message.get("type") != "reply":
            self._closing = True  # a refused token will not get better by retrying
            self.unauthorised.emit(message.get("message", ""))
            self._socket.close()
            return
        result = message["result"]
        if "token" in result:
            self._token = result["token"]
            self.paired.emit(self._token)
        if self.last_seq is None:
            self.last_seq = result["last_seq"]
        self._reconnects = 0
        self._ready = True
        self._set_connected(True)
        for raw in list(self._pending.values()):
            self._send(raw)

    def _answered(self, request_id: int, kind: str, message: dict[str, Any]) -> None:
        if kind == "error" and message.get("code") == UNAVAILABLE:
            self._set_connected(False)
            self._retry(request_id)
            return
        self._set_connected(True)
        self._pending.pop(request_id)
        self._attempts.pop(request_id, None)
        if kind == "reply":
            self.replied.emit(request_id, message["result"])
        elif message.get("code") == UNAUTHORISED:
            self.unauthorised.emit(message["message"])
        else:
            self.refused.emit(request_id, message["message"])

    def _retry(self, request_id: int) -> None:
        attempt = self._attempts.get(request_id, 0)
        self._attempts[request_id] = attempt + 1
        delay = RETRY_MS[min(attempt, len(RETRY_MS) - 1)]
        QTimer.singleShot(delay, self, lambda: self._resend(request_id))

    def _resend(self, request_id: int) -> None:
        raw = self._pending.get(request_id)
        if raw is not None and self._ready:
            self._send(raw)

    def _set_connected(self, connected: bool) -> None:
        if connected != self._connected:
            self._connected = connected
            self.connectionChanged.emit(connected)
