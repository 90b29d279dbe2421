"""The hub's WebSocket server: one session per connection, replies, replays and live events."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QHostAddress
from PySide6.QtWebSockets import QWebSocket, QWebSocketServer

from kiosk.core.lifecycle import Event
from kiosk.hub import protocol, wire
from kiosk.hub.handler import CommandHandler, Session
from kiosk.store.devices import DeviceRole

log = logging.getLogger(__name__)

# A client may burst this many messages, then send this many a second; the rest are refused
# cheaply, so one runaway client can't starve the others.
BURST = 200
PER_SECOND = 100
REPLAY_BATCH = 500
MAX_INCOMING_BYTES = 1 << 20


class ServerError(RuntimeError):
    """The server could not start; the message says what to do."""


@dataclass
class _Connection:
    session: Session = field(default_factory=Session)
    allowance: float = BURST
    checked: float = field(default_factory=time.monotonic)

    def take(self) -> bool:
        now = time.monotonic()
        self.allowance = min(BURST, self.allowance + (now - self.checked) * PER_SECOND)
        self.checked = now
        if self.allowance < 1:
            return False
        self.allowance -= 1
        return True


class HubServer(QObject):
    def __init__(self, handler: CommandHandler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._server = QWebSocketServer(
            "Front Desk Kiosk hub", QWebSocketServer.NonSecureMode, self
        )
        self._server.newConnection.connect(self._accept)
        self._connections: dict[QWebSocket, _Connection] = {}

    def listen(self, address: str, port: int) -> int:
        """Start listening and return the port (useful when `port` is 0: any free port)."""
        if not self._server.listen(QHostAddress(address), port):
            raise ServerError(
                f"The hub can't listen on {address}:{port} ({self._server.errorString()}). "
                "Is another hub running? Choose another port in the settings."
            )
        return self._server.serverPort()

    def close(self) -> None:
        for socket in list(self._connections):
            socket.close()
        self._server.close()

    @property
    def connection_count(self) -> int:
        return len(self._connections)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Qt closes the socket on anything larger; the protocol refuses >16 KiB with a reply.
            socket.setMaxAllowedIncomingMessageSize(MAX_INCOMING_BYTES)
            self._connections[socket] = _Connection()
            socket.textMessageReceived.connect(lambda text, s=socket: self._receive(s, text))
            socket.binaryMessageReceived.connect(lambda data, s=socket: self._binary(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _drop(self, socket: QWebSocket) -> None:
        self._connections.pop(socket, None)
        socket.deleteLater()

    def _binary(self, socket: QWebSocket) -> None:
        self._send(socket, protocol.refusal(None, "Send JSON text messages.", code=wire.INVALID))

    def _receive(self, socket: QWebSocket, text: str) -> None:
        connection = self._connections.get(socket)
        if connection is None:
            return
        if not connection.take():
            self._send(
                socket,
                protocol.refusal(None, "Too many messages; slow down.", code=wire.SLOW_DOWN),
            )
            return
        session = connection.session
        self._send(socket, self._handler.handle(text, session))
        if session.replay_after is not None:
            after, session.replay_after = session.replay_after, None
            self._replay(socket, session, after)

    def _replay(self, socket: QWebSocket, session: Session, after: int) -> None:
        assert session.role is not None
        while batch := self._handler.events_after(after, REPLAY_BATCH):
            for event in batch:
                message = self._handler.event_for(event, session.role)
                if message is not None:
                    self._send(socket, message)
            after = batch[-1].seq

    def publish(self, event: Event) -> None:
        """Send a newly recorded event to every client whose role hears of it."""
        by_role: dict[DeviceRole, bytes | None] = {}
        for socket, connection in list(self._connections.items()):
            role = connection.session.role
            if role is None:
                continue
            if role not in by_role:
                by_role[role] = self._handler.event_for(event, role)
            message = by_role[role]
            if message is not None:
                self._send(socket, message)

    @staticmethod
    def _send(socket: QWebSocket, message: bytes) -> None:
        socket.sendTextMessage(message.decode())
