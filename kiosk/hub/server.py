"""The hub's TLS WebSocket server: admission, sessions, replies, replays and live events.

Every connection is TLS with the hub's own certificate; there is no plain port. The listener
takes each TCP connection itself, so that one beyond the limits for unintroduced connections (per
address and in all) is dropped before any TLS work is spent on it. A connection must say hello or
pair within a few seconds; a client that does not read what it is sent is dropped before its
backlog can grow without bound.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtNetwork import (
    QHostAddress,
    QSslSocket,
    QTcpServer,
)
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol, QWebSocketServer

from kiosk.core import pace, presence
from kiosk.core.lifecycle import Event
from kiosk.hub import protocol, sessions, wire
from kiosk.hub.certificate import HubIdentity
from kiosk.hub.handler import CommandHandler
from kiosk.hub.hub_tls import tls_configuration
from kiosk.hub.sessions import LogBudget, Session
from kiosk.store.devices import DeviceRole

log = logging.getLogger(__name__)

# A client may burst this many messages, then send this many a second; the rest are refused
# cheaply, so one runaway client can't starve the others.
BURST = 200
PER_SECOND = 100
# Events replayed per turn of the event loop, so a long catch-up never stalls the others.
REPLAY_BATCH = 200
# Qt refuses a frame larger than this from its header, before reading its body.
MAX_INCOMING_BYTES = protocol.MAX_MESSAGE_BYTES
# Seconds a connection may take to finish TLS and say hello (or pair).
INTRODUCTION_S = 5.0
# Connections not yet introduced, per address and in all.
UNINTRODUCED_PER_ADDRESS = 64
UNINTRODUCED_IN_ALL = 512
# New connections from one address: a burst as large as the places it may hold, then ten a
# second. Beyond that a connection is dropped before any TLS work: a guesser shown the door
# can't make the hub pay a handshake for every try.
NEW_CONNECTIONS = pace.Limit("connect", (pace.Rate(UNINTRODUCED_PER_ADDRESS, 10.0),))
# A client that leaves this much unread is not reading: it is dropped.
MAX_UNSENT_BYTES = 4 << 20
# While a replay's backlog is above this, the rest waits until the client has read some.
REPLAY_PAUSE_BYTES = 256 << 10
TICK_MS = 500


class ServerError(RuntimeError):
    """The server could not start; the message says what to do."""


@dataclass
class _Connection:
    address: str
    session: Session
    tcp: QSslSocket  # the TLS socket: what is still to be sent waits here too, encrypted
    port: int  # the client's, which with the address finds it again once upgraded
    socket: QWebSocket | None = None
    accepted: float = field(default_factory=time.monotonic)
    allowance: float = BURST
    checked: float = field(default_factory=time.monotonic)
    replaying: bool = False

    @property
    def peer(self) -> tuple[str, int]:
        return (self.address, self.port)

    def take(self) -> bool:
        now = time.monotonic()
        self.allowance = min(BURST, self.allowance + (now - self.checked) * PER_SECOND)
        self.checked = now
        if self.allowance < 1:
            return False
        self.allowance -= 1
        return True


class _Listener(QTcpServer):
    """Hands each new TCP connection to the hub server before TLS begins."""

    def __init__(self, server: HubServer) -> None:
        super().__init__(server)
        self._server = server

    def incomingConnection(self, handle: int) -> None:
        socket = QSslSocket(self)
        if socket.setSocketDescriptor(handle):
            self._server._admit(socket)
        else:
            socket.deleteLater()


class HubServer(QObject):
    def __init__(
        self, handler: CommandHandler, identity: HubIdentity, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._handler = handler
        self._tls = tls_configuration(identity)
        self._listener = _Listener(self)
        # The WebSocket handshake over sockets that are already TLS: it listens on nothing.
        self._upgrader = QWebSocketServer(
            "Front Desk Kiosk hub", QWebSocketServer.SslMode.NonSecureMode, self
        )
        self._upgrader.newConnection.connect(self._upgraded)
        # By the TCP socket until the WebSocket exists, then by the WebSocket as well.
        self._by_tcp: dict[QSslSocket, _Connection] = {}
        self._by_ws: dict[QWebSocket, _Connection] = {}
        self._by_peer: dict[tuple[str, int], _Connection] = {}
        self._errors = LogBudget()
        self._connecting = pace.Pace()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)
        self._pinger = QTimer(self)
        self._pinger.timeout.connect(self._ping)
        self._pinger.start(int(presence.PING_EVERY_S * 1000))
        # What the devices connected now said of themselves: a desk listening, a kiosk's problem.
        handler.kiosks.reception_listening = lambda: sessions.reception_listening(
            self._sessions(), time.monotonic()
        )
        handler.kiosk_problems = lambda: sessions.kiosk_problems(self._sessions())
        # Desks and managers, and wall dashboards too unless the notice may name a host.
        desks = (DeviceRole.DESK, DeviceRole.MANAGER)
        handler.announce = partial(self._tell, (*desks, DeviceRole.DASHBOARD))
        handler.announce_to_desks = partial(self._tell, desks)

    def listen(self, address: str, port: int) -> int:
        """Start listening and return the port (useful when `port` is 0: any free port)."""
        if not self._listener.listen(QHostAddress(address), port):
            raise ServerError(
                f"The hub can't listen on {address}:{port} ({self._listener.errorString()}). "
                "Is another hub running? Choose another port in the settings."
            )
        return self._listener.serverPort()

    def close(self) -> None:
        self._timer.stop()
        self._pinger.stop()
        self._listener.close()
        for connection in list(self._by_tcp.values()):
            self._abort(connection)

    @property
    def connection_count(self) -> int:
        return len(self._by_tcp)

    # --- admission ------------------------------------------------------------------------------

    def _admit(self, socket: QSslSocket) -> None:
        address = socket.peerAddress().toString()
        if not self._room_for(address):
            socket.abort()
            socket.deleteLater()
            return
        connection = _Connection(address, Session(address=address), socket, socket.peerPort())
        self._by_tcp[socket] = connection
        self._by_peer[connection.peer] = connection
        # Slots of this object, not lambdas: the WebSocket that takes the socket over cuts every
        # connection to it when it goes, and Qt warns about a lambda's hidden receiver.
        socket.disconnected.connect(self._tcp_gone)
        socket.encrypted.connect(self._encrypted)
        socket.encryptedBytesWritten.connect(self._tcp_drained)
        # Read a little at a time: a refused sender streaming on costs the hub no memory.
        socket.setReadBufferSize(64 << 10)
        socket.setSslConfiguration(self._tls)
        socket.startServerEncryption()

    def _room_for(self, address: str) -> bool:
        """Whether a new connection from `address` may start TLS. Connections are limited in
        rate per address; those that have not introduced themselves in number, per address and
        in all; when they fill every place, the address holding the most gives up its oldest
        one, so a few addresses can't keep a desk or a restarted kiosk out."""
        if self._connecting.retry_after_ms(address, NEW_CONNECTIONS, time.monotonic()):
            return False
        waiting = [c for c in self._by_tcp.values() if not c.session.introduced]
        held = Counter(c.address for c in waiting)
        if held[address] >= UNINTRODUCED_PER_ADDRESS:
            return False
        if len(waiting) < UNINTRODUCED_IN_ALL:
            return True
        greedy, most = held.most_common(1)[0]
        if most <= held[address] + 1:
            return False
        oldest = min((c for c in waiting if c.address == greedy), key=lambda c: c.accepted)
        self._abort(oldest)
        return True

    def _upgraded(self) -> None:
        while self._upgrader.hasPendingConnections():
            socket = self._upgrader.nextPendingConnection()
            connection = self._by_peer.get((socket.peerAddress().toString(), socket.peerPort()))
            if connection is None:  # its TCP connection is gone already
                socket.abort()
                socket.deleteLater()
                continue
            connection.socket = socket
            self._by_ws[socket] = connection
            socket.setMaxAllowedIncomingFrameSize(MAX_INCOMING_BYTES)
            socket.setMaxAllowedIncomingMessageSize(MAX_INCOMING_BYTES)
            socket.textMessageReceived.connect(lambda text, s=socket: self._receive(s, text))
            socket.binaryMessageReceived.connect(lambda _data, s=socket: self._binary(s))
            socket.disconnected.connect(lambda s=socket: self._forget_ws(s))
            socket.bytesWritten.connect(lambda _n, s=socket: self._drained(s))
            socket.pong.connect(lambda _ms, _payload, s=socket: self._answered(s))
            # A closing connection is given half a second for the close frame, no more.
            socket.aboutToClose.connect(lambda s=socket: QTimer.singleShot(500, s, s.abort))

    @Slot()
    def _encrypted(self) -> None:
        self._upgrader.handleConnection(self.sender())

    @Slot(int)
    def _tcp_drained(self, _written: int) -> None:
        connection = self._by_tcp.get(self.sender())
        if connection is not None and connection.socket is not None:
            self._drained(connection.socket)

    @Slot()
    def _tcp_gone(self) -> None:
        self._forget_tcp(self.sender())

    def _forget_tcp(self, tcp: QSslSocket) -> None:
        connection = self._by_tcp.pop(tcp, None)
        if connection is None:
            return
        self._by_peer.pop(connection.peer, None)
        if connection.socket is None:
            tcp.deleteLater()  # never upgraded: nobody else owns it

    def _forget_ws(self, socket: QWebSocket) -> None:
        connection = self._by_ws.pop(socket, None)
        if connection is not None:
            socket.deleteLater()  # and with it the TLS socket it took over
            if connection.session.status.get("printer"):
                self._handler.tell_kiosk_problems()  # gone, and its problem with it

    def _abort(self, connection: _Connection) -> None:
        (connection.socket or connection.tcp).abort()

    def _tick(self) -> None:
        """Close connections that have not introduced themselves in time, and those of devices
        revoked since (by the CLI too)."""
        deadline = time.monotonic() - INTRODUCTION_S
        for connection in list(self._by_tcp.values()):
            if not connection.session.introduced and connection.accepted < deadline:
                self._close(connection, "Say hello or pair within five seconds.")
        paired = {c.session.device_id: c for c in self._by_ws.values() if c.session.device_id}
        for device_id in self._handler.look_outside(list(paired)):
            self._close(paired[device_id], "This device's pairing was revoked.")

    def _tell(self, roles: tuple[DeviceRole, ...], message: bytes) -> None:
        """A notice for every connection in one of these roles now."""
        for socket, connection in list(self._by_ws.items()):
            if connection.session.role in roles:
                self._send(socket, message)

    def _ping(self) -> None:
        for socket, connection in list(self._by_ws.items()):
            if connection.session.introduced:
                socket.ping()

    def _answered(self, socket: QWebSocket) -> None:
        connection = self._by_ws.get(socket)
        if connection is not None:
            connection.session.answered_at = time.monotonic()

    def _sessions(self) -> list[Session]:
        return [c.session for c in self._by_ws.values()]

    def _close(self, connection: _Connection, reason: str) -> None:
        """Send the close frame, then drop the connection whether or not the client answers."""
        socket = connection.socket
        if socket is None:
            self._abort(connection)
            return
        socket.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, reason)
        QTimer.singleShot(500, socket, socket.abort)

    # --- messages -------------------------------------------------------------------------------

    def _binary(self, socket: QWebSocket) -> None:
        connection = self._by_ws.get(socket)
        if connection is None or not connection.take():
            return  # past the allowance: a flood of binary frames gets nothing at all
        self._send(socket, protocol.refusal(None, "Send JSON text messages.", code=wire.INVALID))

    def _receive(self, socket: QWebSocket, text: str) -> None:
        connection = self._by_ws.get(socket)
        if connection is None:
            return
        if not connection.take():
            if not connection.session.introduced:
                # A stranger flooding before pairing earns no answers, only the door.
                self._close(connection, "Too many messages.")
                return
            wait_ms = int(1000 / PER_SECOND) + 1
            self._send(socket, protocol.slow_down(protocol.request_id_of(text), wait_ms))
            return
        session = connection.session
        session.answered_at = time.monotonic()
        self._send(socket, self._handler.handle(text, session))
        if session.hang_up:
            self._close(connection, session.hang_up)
            return
        if session.replay_after is not None:
            connection.replaying = True
            self._replay(socket)

    def _replay(self, socket: QWebSocket) -> None:
        """Send the next batch of the events a client missed; live events wait meanwhile, as
        the replay reaches them anyway."""
        connection = self._by_ws.get(socket)
        if connection is None or not connection.replaying:
            return
        session = connection.session
        assert session.role is not None and session.replay_after is not None
        batch = self._handler.events_after(session.replay_after, REPLAY_BATCH)
        for event in batch:
            message = self._handler.event_for(event, session)
            if message is not None:
                self._send(socket, message)
        if not batch:
            session.replay_after, connection.replaying = None, False
            return
        session.replay_after = batch[-1].seq
        if self._backlog(socket) < REPLAY_PAUSE_BYTES:
            QTimer.singleShot(0, socket, lambda: self._replay(socket))
        # Otherwise `_drained` carries on once the client has read.

    def _drained(self, socket: QWebSocket) -> None:
        connection = self._by_ws.get(socket)
        paused = connection is not None and connection.replaying
        if paused and self._backlog(socket) < REPLAY_PAUSE_BYTES:
            self._replay(socket)

    def publish(self, event: Event) -> None:
        """Send a newly recorded event to every client whose role hears of it."""
        # Staff of one role hear the same message; each kiosk hears only of its own visits.
        shared: dict[DeviceRole, bytes | None] = {}
        for socket, connection in list(self._by_ws.items()):
            session = connection.session
            if session.role is None or connection.replaying:
                continue
            if session.role is DeviceRole.KIOSK:
                message = self._handler.event_for(event, session)
            else:
                if session.role not in shared:
                    shared[session.role] = self._handler.event_for(event, session)
                message = shared[session.role]
            if message is not None:
                self._send(socket, message)

    def _backlog(self, socket: QWebSocket) -> int:
        """Bytes a client has not taken yet: in the WebSocket, and encrypted in its TLS socket."""
        connection = self._by_ws.get(socket)
        unsent = socket.bytesToWrite()
        if connection is not None:
            unsent += connection.tcp.encryptedBytesToWrite() + connection.tcp.bytesToWrite()
        return unsent

    def _send(self, socket: QWebSocket, message: bytes) -> None:
        if self._backlog(socket) > MAX_UNSENT_BYTES:
            connection = self._by_ws.get(socket)
            if connection is not None and self._errors.allow():
                log.warning("Dropped a client from %s that was not reading.", connection.address)
            socket.abort()
            return
        socket.sendTextMessage(message.decode())
