"""The hub as a Qt client sees it: requests out, replies and events in, kept until answered.

`HubClient` talks to a hub over a TLS WebSocket, whether the hub is across the LAN or, as
`kiosk.hub.local.LocalHub`, in a worker thread of this very process (then over loopback): one
code path. This module imports nothing of the hub's own storage, so a kiosk starts quickly.
It reconnects for ever with a growing pause, says hello with the last event number it saw so the
hub replays what it missed, and resends every request that has not been answered.

The hub's certificate is self-made, so no authority vouches for it: the client compares its
SHA-256 with the fingerprint pinned at pairing before it sends a thing. Pairing proves the code
to the hub, and the hub's answer proves it back, both bound to the certificate this connection
was shown (kiosk.core.pairing); only then is that certificate pinned.
"""

from __future__ import annotations

import itertools
import logging
import os
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot

from kiosk.hub import wire

if TYPE_CHECKING:
    from PySide6.QtNetwork import QSslCertificate
    from PySide6.QtWebSockets import QWebSocket

    from kiosk.store.devices import DeviceRole

log = logging.getLogger(__name__)

TICK_MS = 1000
RECONNECT_MS = (100, 250, 500, 1000, 2000, 5000)
RETRY_MS = (250, 500, 1000, 2000, 4000)
HELLO_ID = 0  # hello, and the pairing exchange, one message after the other

CERTIFICATE_CHANGED = (
    "The hub at this address shows a different certificate from the one this device was paired "
    "with. If the hub's certificate was renewed, pair this device again with a new code; if not, "
    "something on the network may be pretending to be the hub: tell whoever looks after it."
)
HUB_NOT_PROVEN = (
    "The hub could not prove it knows the pairing code, so this device did not pair with it. "
    "Something on the network may be pretending to be the hub: tell whoever looks after it."
)
PLAIN_PAIRING = (
    "This device was paired with an older hub that did not encrypt its connections. Pair it "
    "again with a new code from `kiosk pair` on the hub's computer."
)


def _proofs() -> ModuleType:
    """kiosk.core.pairing, loaded by a device only as it pairs: a kiosk's start does without."""
    from kiosk.core import pairing

    return pairing


def fingerprint_of(certificate: QSslCertificate) -> str:
    """The SHA-256 of a certificate, lower-case hex, as the hub computes it of its own."""
    from PySide6.QtCore import QCryptographicHash  # here, not before the kiosk's first frame

    return bytes(certificate.digest(QCryptographicHash.Algorithm.Sha256).toHex()).decode()


class HubClient(QObject):
    """Sends commands to the hub and reports the answers; nothing is dropped while the hub is
    unreachable or busy: requests wait and are sent again."""

    replied = Signal(int, dict)
    refused = Signal(int, str, str)  # request id, sentence, reason code ("" if none)
    connectionChanged = Signal(bool)
    eventReceived = Signal(dict)
    noticeReceived = Signal(dict)  # news that is not a step of a visit: targets, the staff list
    unauthorised = Signal(str)
    paired = Signal(str, str)  # the new device token and the hub's fingerprint, to be kept

    def __init__(
        self,
        url: str,
        token: str = "",
        fingerprint: str = "",
        parent: QObject | None = None,
        *,
        pairing: tuple[str, str, DeviceRole] | None = None,
        connect: bool = True,
    ) -> None:
        """Connect with a device `token` to the hub whose certificate has this `fingerprint`,
        or, the first time, with `pairing`: the code the hub shows (as kiosk.core.pairing.typed
        returns it), a name for this device, and its role. With `connect=False`, nothing happens
        on the network until `open()`: requests wait until then."""
        super().__init__(parent)
        self._url = QUrl(url)
        self._token = token
        self._fingerprint = fingerprint
        self._pairing = pairing
        self._seen = ""  # the fingerprint of the certificate this connection was shown
        self._nonce = self._hub_nonce = ""
        self._ids = itertools.count(1)
        self._pending: dict[int, bytes] = {}
        self._kinds: dict[int, str] = {}
        self._attempts: dict[int, int] = {}
        self._ready = False  # the socket is open and the hub has accepted our hello
        self._connected = False  # the hub is answering: what the visitor is told
        self._closing = False
        self._reconnects = 0
        self.last_seq: int | None = None
        self._socket: QWebSocket | None = None
        if connect:
            self.open()

    def pin(self, fingerprint: str) -> None:
        """The hub's fingerprint, when it is known only after this client was made."""
        self._fingerprint = fingerprint

    def open(self) -> None:
        """Start connecting (and reconnecting for ever, until `close`)."""
        if self._socket is not None:
            return
        # Made here, not in __init__: the first socket sets up Qt's network stack, a tenth of a
        # second the kiosk spends after its first frame rather than before (so is its module).
        from PySide6.QtWebSockets import QWebSocket

        self._socket = QWebSocket(parent=self)
        if self._url.scheme() != "wss":
            # Told on the next turn of the event loop, once the caller has connected to us.
            QTimer.singleShot(0, self, lambda: self._refuse_hub(PLAIN_PAIRING))
            return
        self._socket.sslErrors.connect(self._judge_certificate)
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
            fields.setdefault("key", os.urandom(16).hex())  # as random as a uuid4
        raw = wire.encode({"type": command, "id": request_id, **fields})
        self._pending[request_id] = raw
        self._kinds[request_id] = command
        if self._ready:
            self._send(raw)
        return request_id

    def close(self) -> None:
        """Stop for good: no more reconnecting."""
        self._closing = True
        if self._socket is not None:
            self._socket.close()

    def _send(self, raw: bytes) -> None:
        self._socket.sendTextMessage(raw.decode())

    @Slot(list)
    def _judge_certificate(self, errors: list) -> None:
        """A self-made certificate is never trusted by an authority: accept it only if it is the
        pinned one, or, while pairing, for this connection alone (the proofs decide)."""
        seen = fingerprint_of(self._socket.sslConfiguration().peerCertificate())
        pairing_now = self._pairing is not None and not self._token
        if pairing_now or (self._fingerprint and seen == self._fingerprint):
            self._socket.ignoreSslErrors()
        else:
            self._refuse_hub(CERTIFICATE_CHANGED)

    @Slot()
    def _say_hello(self) -> None:
        # Compared again here: no token, proof or request leaves before this check.
        self._seen = fingerprint_of(self._socket.sslConfiguration().peerCertificate())
        if self._url.scheme() != "wss":
            self._refuse_hub(
                PLAIN_PAIRING.format(role=self._pairing[2] if self._pairing else "desk")
            )
            return
        if not self._token and self._pairing:
            self._nonce, self._hub_nonce = _proofs().new_nonce(), ""
            begin = {"type": "pair_begin", "id": HELLO_ID, "nonce": self._nonce}
            self._send(wire.encode(begin))
            return
        if self._seen != self._fingerprint:
            self._refuse_hub(CERTIFICATE_CHANGED)
            return
        hello = {"type": "hello", "id": HELLO_ID, "token": self._token}
        if self.last_seq is not None:
            hello["after_seq"] = self.last_seq
        self._send(wire.encode(hello))

    def _refuse_hub(self, sentence: str) -> None:
        self._closing = True  # retrying will not make this hub the right one
        self.unauthorised.emit(sentence)
        self._socket.abort()

    def _send_proof(self, message: dict[str, Any]) -> None:
        if message.get("type") != "reply":
            self._welcomed(message)  # refused: say why and stop
            return
        code, name, role = self._pairing
        self._hub_nonce = str(message.get("result", {}).get("nonce", "")) or "-"
        proof = _proofs().device_proof(code, self._seen, self._nonce, self._hub_nonce)
        pair = {"type": "pair", "id": HELLO_ID, "proof": proof, "name": name, "role": str(role)}
        self._send(wire.encode(pair))

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
        import json  # here, not before the kiosk's first frame (see kiosk.hub.wire)

        message = json.loads(text)
        kind, request_id = message.get("type"), message.get("id")
        if kind == "notice":
            self.noticeReceived.emit(message)
        elif kind == "event":
            if self.last_seq is not None and message["seq"] <= self.last_seq:
                return  # already seen before a reconnect
            self.last_seq = message["seq"]
            self.eventReceived.emit(message)
        elif request_id == HELLO_ID and self._nonce and not self._hub_nonce:
            self._send_proof(message)
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
            code, _name, _role = self._pairing
            expected = _proofs().hub_proof(code, self._seen, self._nonce, self._hub_nonce)
            if not _proofs().proofs_match(expected, str(result.get("proof", ""))):
                self._refuse_hub(HUB_NOT_PROVEN)
                return
            self._token, self._fingerprint = result["token"], self._seen
            self.paired.emit(self._token, self._fingerprint)
        if self.last_seq is None or result.get("snapshot"):
            self.last_seq = result["last_seq"]
        self._reconnects = 0
        self._ready = True
        self._set_connected(True)
        for raw in list(self._pending.values()):
            self._send(raw)

    def _answered(self, request_id: int, kind: str, message: dict[str, Any]) -> None:
        if kind == "error" and message.get("code") == wire.UNAVAILABLE:
            self._set_connected(False)
            self._retry(request_id)
            return
        self._set_connected(True)
        if kind == "error" and message.get("code") == wire.SLOW_DOWN:
            self._later(request_id, int(message.get("retry_after_ms", 1000)))
            return
        self._pending.pop(request_id)
        self._kinds.pop(request_id, None)
        self._attempts.pop(request_id, None)
        if kind == "reply":
            self.replied.emit(request_id, message["result"])
        elif message.get("code") == wire.UNAUTHORISED:
            self.unauthorised.emit(message["message"])
        else:
            self.refused.emit(request_id, message["message"], message.get("reason", ""))

    def _retry(self, request_id: int) -> None:
        attempt = self._attempts.get(request_id, 0)
        self._attempts[request_id] = attempt + 1
        delay = RETRY_MS[min(attempt, len(RETRY_MS) - 1)]
        QTimer.singleShot(delay, self, lambda: self._resend(request_id))

    def _later(self, request_id: int, delay_ms: int) -> None:
        """The hub asked us to slow down: send this again after the pause it named, unless a
        newer search for hosts has made it pointless."""
        if self._kinds.get(request_id) == "find_hosts" and any(
            other > request_id and kind == "find_hosts" for other, kind in self._kinds.items()
        ):
            self._pending.pop(request_id, None)
            self._kinds.pop(request_id, None)
            return
        QTimer.singleShot(max(delay_ms, 50), self, lambda: self._resend(request_id))

    def _resend(self, request_id: int) -> None:
        raw = self._pending.get(request_id)
        if raw is not None and self._ready:
            self._send(raw)

    def _set_connected(self, connected: bool) -> None:
        if connected != self._connected:
            self._connected = connected
            self.connectionChanged.emit(connected)
