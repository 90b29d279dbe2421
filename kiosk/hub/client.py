"""The hub as a Qt client sees it: requests out, replies and events in, retried until answered.

`LocalHub` runs the hub service in a worker thread of this process; `HubClient` talks to it with
the same protocol messages a remote client sends, so the kiosk has one code path whether the hub
is here or across the LAN.
"""

from __future__ import annotations

import itertools
import json
import logging
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QThread, QTimer, Signal, Slot

from kiosk.hub import protocol
from kiosk.hub.handler import UNAVAILABLE, CommandHandler
from kiosk.hub.service import HubService
from kiosk.store.database import open_database
from kiosk.store.settings import Settings

log = logging.getLogger(__name__)

TICK_MS = 1000
BROADCAST = 0
RETRY_MS = (250, 500, 1000, 2000, 4000)


class HubHost(QObject):
    """Lives in the hub thread: owns the database, the service and the clock-driven duties."""

    sent = Signal(int, bytes)  # (client number or BROADCAST, message)

    def __init__(self, database: Path, settings: Settings) -> None:
        super().__init__()
        self._database = database
        self._settings = settings
        self._db = None
        self._handler: CommandHandler | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self._db = open_database(self._database)
        service = HubService(self._db, self._settings.policies)
        self._handler = CommandHandler(service, self._db)
        service.subscribe(self._publish)
        self._timer = QTimer(self)
        self._timer.timeout.connect(service.tick)
        self._timer.start(TICK_MS)
        service.tick()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._db is not None:
            self._db.close()
            self._db = None

    @Slot(int, bytes)
    def receive(self, client: int, raw: bytes) -> None:
        assert self._handler is not None, "the hub has not started"
        self.sent.emit(client, self._handler.handle(raw))

    def _publish(self, event: Any) -> None:
        assert self._handler is not None
        message = self._handler.kiosk_event(event)
        if message is not None:
            self.sent.emit(BROADCAST, message)


class LocalHub:
    """The hub service running in a worker thread of this process."""

    def __init__(self, database: Path, settings: Settings) -> None:
        self._thread = QThread()
        self._thread.setObjectName("hub")
        self.host = HubHost(database, settings)
        self.host.moveToThread(self._thread)
        self._thread.started.connect(self.host.start)
        self._numbers = itertools.count(1)
        self._thread.start()

    def client(self) -> HubClient:
        return HubClient(self, next(self._numbers))

    def stop(self) -> None:
        QTimer.singleShot(0, self.host, self.host.stop)
        self._thread.quit()
        self._thread.wait()


class HubClient(QObject):
    """Sends commands to the hub and reports the answers; a command the hub could not take
    right now is kept and sent again until it is answered."""

    replied = Signal(int, dict)
    refused = Signal(int, str)
    connectionChanged = Signal(bool)
    eventReceived = Signal(dict)
    _outgoing = Signal(int, bytes)

    def __init__(self, hub: LocalHub, number: int) -> None:
        super().__init__()
        self._number = number
        self._ids = itertools.count(1)
        self._pending: dict[int, bytes] = {}
        self._attempts: dict[int, int] = {}
        self._connected = True
        self._outgoing.connect(hub.host.receive)
        hub.host.sent.connect(self._incoming)

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
        self._outgoing.emit(self._number, raw)
        return request_id

    @Slot(int, bytes)
    def _incoming(self, client: int, raw: bytes) -> None:
        if client not in (BROADCAST, self._number):
            return
        message = json.loads(raw)
        kind, request_id = message.get("type"), message.get("id")
        if kind == "event":
            self.eventReceived.emit(message)
            return
        if request_id not in self._pending:
            return
        if kind == "error" and message.get("code") == UNAVAILABLE:
            self._set_connected(False)
            self._retry(request_id)
            return
        self._pending.pop(request_id)
        self._attempts.pop(request_id, None)
        self._set_connected(True)
        if kind == "reply":
            self.replied.emit(request_id, message["result"])
        else:
            self.refused.emit(request_id, message["message"])

    def _retry(self, request_id: int) -> None:
        attempt = self._attempts.get(request_id, 0)
        self._attempts[request_id] = attempt + 1
        delay = RETRY_MS[min(attempt, len(RETRY_MS) - 1)]
        QTimer.singleShot(delay, self, lambda: self._resend(request_id))

    def _resend(self, request_id: int) -> None:
        raw = self._pending.get(request_id)
        if raw is not None:
            self._outgoing.emit(self._number, raw)

    def _set_connected(self, connected: bool) -> None:
        if connected != self._connected:
            self._connected = connected
            self.connectionChanged.emit(connected)
