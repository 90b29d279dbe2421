"""A WebSocket client over TLS written by hand, as an attacker would: it takes any certificate,
binds to the loopback address it is told (127.0.0.0/8 is all loopback on Linux, so one machine
plays many strangers), and can send what a well-behaved client never would: a frame header that
announces 400 MiB, a megabyte in one frame, a request it never reads the answer to.

Blocking sockets, no Qt: the hub under attack is another process. Used by the attack tests and
the attack benchmarks.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import socket
import ssl
import struct
import time
from dataclasses import dataclass
from typing import Any

from kiosk.core import pairing

TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA
_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


# Every socket made here, so a test can close whatever an attack left open, even on failure.
_opened: list[socket.socket] = []


def close_all() -> None:
    """Close every socket this module has opened."""
    while _opened:
        with contextlib.suppress(OSError):
            _opened.pop().close()


def insecure_context() -> ssl.SSLContext:
    """TLS that takes whatever certificate it is shown."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def tcp_connection(
    port: int, source: str = "127.0.0.1", *, rcvbuf: int | None = None, timeout: float = 10
) -> socket.socket:
    """A plain TCP connection to the hub on 127.0.0.1, from the loopback address `source`."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf is not None:  # before connect, so the window offered to the hub is small
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    _opened.append(sock)
    sock.settimeout(timeout)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def tls_connection(port: int, source: str = "127.0.0.1", **options: Any) -> ssl.SSLSocket:
    """A TLS connection to the hub that takes whatever certificate it is shown."""
    sock = insecure_context().wrap_socket(tcp_connection(port, source, **options))
    _opened.append(sock)
    return sock


def frame(opcode: int, payload: bytes, *, announce: int | None = None, fin: bool = True) -> bytes:
    """A masked client frame; `announce` claims another length than the payload's."""
    length = len(payload) if announce is None else announce
    head = bytes([(0x80 if fin else 0) | opcode])
    if length < 126:
        head += bytes([0x80 | length])
    elif length < 1 << 16:
        head += bytes([0x80 | 126]) + struct.pack("!H", length)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", length)
    mask = os.urandom(4)
    return head + mask + masked(payload, mask)


def masked(payload: bytes, mask: bytes) -> bytes:
    if not payload:
        return b""
    key = (mask * (len(payload) // 4 + 1))[: len(payload)]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(
        len(payload), "big"
    )


@dataclass
class Frame:
    opcode: int
    payload: bytes

    @property
    def close_code(self) -> int | None:
        return struct.unpack("!H", self.payload[:2])[0] if len(self.payload) >= 2 else None

    @property
    def close_reason(self) -> str:
        return self.payload[2:].decode(errors="replace")


def parse_frames(data: bytes) -> tuple[list[Frame], bytes]:
    """Whole frames at the start of `data` (masked or not), and what is left over."""
    frames: list[Frame] = []
    at = 0
    while len(data) - at >= 2:
        first, second = data[at], data[at + 1]
        length, head = second & 0x7F, 2
        if length == 126:
            if len(data) - at < 4:
                break
            length, head = struct.unpack("!H", data[at + 2 : at + 4])[0], 4
        elif length == 127:
            if len(data) - at < 10:
                break
            length, head = struct.unpack("!Q", data[at + 2 : at + 10])[0], 10
        mask = b""
        if second & 0x80:
            mask = data[at + head : at + head + 4]
            head += 4
        if len(data) - at < head + length:
            break
        payload = data[at + head : at + head + length]
        frames.append(Frame(first & 0x0F, masked(payload, mask) if mask else payload))
        at += head + length
    return frames, data[at:]


class Closed(Exception):
    """The hub closed the connection (or reset it); `frame` is its close frame, if it sent one."""

    def __init__(self, close: Frame | None = None) -> None:
        super().__init__(
            f"closed ({close.close_code} {close.close_reason!r})" if close else "closed"
        )
        self.frame = close


class RawClient:
    """One attacker's connection: TLS (any certificate), then a WebSocket opened by hand."""

    def __init__(
        self,
        port: int,
        source: str = "127.0.0.1",
        *,
        rcvbuf: int | None = None,
        timeout: float = 10,
        upgrade: bool = True,
    ) -> None:
        self.sock = tls_connection(port, source, rcvbuf=rcvbuf, timeout=timeout)
        self.port = port
        self._buffer = b""
        self.close_frame: Frame | None = None
        if upgrade:
            self.upgrade()

    def upgrade(self) -> None:
        key = base64.b64encode(os.urandom(16))
        self.sock.sendall(
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
            % (self.port, key)
        )
        while b"\r\n\r\n" not in self._buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise Closed()
            self._buffer += chunk
        response, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        accept = base64.b64encode(hashlib.sha1(key + _GUID).digest())
        if not response.startswith(b"HTTP/1.1 101") or accept not in response:
            raise ConnectionError(f"no WebSocket: {response[:200]!r}")

    def send(self, message: dict[str, Any]) -> None:
        self.sock.sendall(frame(TEXT, json.dumps({"v": 2, **message}).encode()))

    def send_text(self, text: str) -> None:
        self.sock.sendall(frame(TEXT, text.encode()))

    def next_frame(self) -> Frame:
        """The next frame from the hub; raises Closed at its close frame or the end."""
        while True:
            frames, _rest = parse_frames(self._buffer)
            if frames:
                first = frames[0]
                # Take exactly one frame off the buffer.
                self._buffer = self._buffer[self._frame_length(self._buffer) :]
                if first.opcode == CLOSE:
                    self.close_frame = first
                    raise Closed(first)
                return first
            try:
                chunk = self.sock.recv(65536)
            except (ConnectionResetError, BrokenPipeError, ssl.SSLError) as error:
                raise Closed() from error
            if not chunk:
                raise Closed()
            self._buffer += chunk

    @staticmethod
    def _frame_length(data: bytes) -> int:
        second = data[1]
        length, head = second & 0x7F, 2
        if length == 126:
            length, head = struct.unpack("!H", data[2:4])[0], 4
        elif length == 127:
            length, head = struct.unpack("!Q", data[2:10])[0], 10
        return head + (4 if second & 0x80 else 0) + length

    def message(self) -> dict[str, Any]:
        """The next text message, as JSON."""
        while True:
            got = self.next_frame()
            if got.opcode == TEXT:
                return json.loads(got.payload)

    def reply_to(self, request_id: int) -> dict[str, Any]:
        """The answer to request `request_id`, skipping events and other answers."""
        while True:
            message = self.message()
            if message.get("type") != "event" and message.get("id") == request_id:
                return message

    def request(self, request_id: int, kind: str, **fields: Any) -> dict[str, Any]:
        self.send({"type": kind, "id": request_id, **fields})
        return self.reply_to(request_id)

    def hello(self, token: str) -> dict[str, Any]:
        return self.request(0, "hello", token=token)

    def pair(
        self, code: str, fingerprint: str, *, name: str = "Stranger", role: str = "desk"
    ) -> dict[str, Any]:
        """Pair as a device does: swap nonces, then prove `code` over the certificate
        `fingerprint` (the one this connection was shown, for an honest device)."""
        device_nonce = pairing.new_nonce()
        begun = self.request(0, "pair_begin", nonce=device_nonce)
        if begun.get("type") != "reply":
            return begun
        hub_nonce = begun["result"]["nonce"]
        proof = pairing.device_proof(code, fingerprint, device_nonce, hub_nonce)
        return self.request(0, "pair", proof=proof, name=name, role=role)

    def wait_closed(self, timeout: float) -> Frame | None:
        """Read (and drop) everything until the hub closes the connection; returns its close
        frame, if any. Raises TimeoutError if it is still open after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the hub kept the connection open")
            self.sock.settimeout(left)
            try:
                self.next_frame()
            except Closed as closed:
                return closed.frame
            except TimeoutError:
                raise TimeoutError("the hub kept the connection open") from None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


def wait_eof(sock: socket.socket | ssl.SSLSocket, timeout: float) -> bytes:
    """Read until the peer closes (or resets) the connection; returns what was read. Raises
    TimeoutError if it is still open after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    received = b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("still open")
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, BrokenPipeError, ssl.SSLError):
            return received
        except TimeoutError:
            raise TimeoutError("still open") from None
        if not chunk:
            return received
        received += chunk
