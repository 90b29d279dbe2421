"""Attacks on a real `kiosk hub` process from loopback, each bounded in count and time.

The stranger on the office network is played by raw TLS sockets (tests/raw_websocket.py) bound
to loopback addresses of their own (127.0.0.2, 127.0.0.3, ...: all of 127.0.0.0/8 is loopback on
Linux), so the hub sees many computers. A relay that copies every byte, and one that puts its own
certificate in the middle, play the network itself. No test asserts a duration: the waits are
generous bounds for something that must happen.
"""

from __future__ import annotations

import contextlib
import re
import select
import socket
import ssl
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core import pairing
from kiosk.core.pairing import typed
from kiosk.hub.client import CERTIFICATE_CHANGED, HubClient
from kiosk.store.devices import DeviceRole
from tests.hub_process import HubProcess, kiosk_command
from tests.raw_websocket import (
    TEXT,
    Closed,
    RawClient,
    close_all,
    frame,
    insecure_context,
    parse_frames,
    tcp_connection,
    tls_connection,
    wait_eof,
)

# Close codes the hub sends (RFC 6455): policy violated, message too big.
POLICY_VIOLATED, TOO_BIG = 1008, 1009


@pytest.fixture(autouse=True)
def no_socket_left_open() -> Iterator[None]:
    yield
    close_all()


def stop_and_read_stderr(hub: HubProcess) -> str:
    """Stop the hub as SIGTERM would, and everything it wrote to its standard error."""
    hub.process.terminate()
    _out, err = hub.process.communicate(timeout=10)
    return err


def wrong_code(right: str) -> str:
    while (guess := pairing.new_code()) == right:
        pass
    return guess


# --- guessing the pairing code --------------------------------------------------------------


def test_guesses_from_many_connections_and_addresses_void_the_code(
    hub_process: HubProcess,
) -> None:
    code = typed(hub_process.pairing_code("desk"))
    # 30 connections open at once, from eight addresses (at most four guesses from any one, far
    # under the per-address limit): only the count across all connections can stop them.
    sources = [f"127.0.0.{2 + n % 8}" for n in range(30)]
    attackers = [RawClient(hub_process.port, source) for source in sources]
    nonces = [pairing.new_nonce() for _ in attackers]
    for n, (attacker, nonce) in enumerate(zip(attackers, nonces, strict=True)):
        attacker.send({"type": "pair_begin", "id": n, "nonce": nonce})
    hub_nonces = [a.reply_to(n)["result"]["nonce"] for n, a in enumerate(attackers)]
    for n, attacker in enumerate(attackers):
        # An attacker sees the hub's real certificate: only the code is wrong.
        proof = pairing.device_proof(
            wrong_code(code), hub_process.fingerprint, nonces[n], hub_nonces[n]
        )
        attacker.send({"type": "pair", "id": n, "proof": proof, "name": "x", "role": "desk"})
    answers = [a.reply_to(n) for n, a in enumerate(attackers)]
    for attacker in attackers:
        attacker.close()
    assert Counter(a.get("reason") for a in answers) == {
        "bad_pairing_code": 10,  # the tenth voids the code
        "no_pairing_code": 20,
    }
    # The person at the new desk now types the right code, from a computer of its own.
    honest = RawClient(hub_process.port, "127.0.0.10")
    assert honest.pair(code, hub_process.fingerprint)["reason"] == "no_pairing_code"
    honest.close()

    audit = kiosk_command(hub_process.home, "audit", "--last", "100").stdout
    wrong = [line for line in audit.splitlines() if "pairing_wrong_proof" in line]
    assert len(wrong) == 10
    assert all(re.search(r"address=127\.0\.0\.[2-9]$", line) for line in wrong)
    assert re.search(r"pairing_code_voided  tries=10, why=wrong_tries", audit)
    assert "device_paired" not in audit
    printed = kiosk_command(hub_process.home, "pair", "--role", "desk").stdout
    assert "The last code was voided at" in printed
    assert "after 10 wrong tries: someone may have been guessing" in printed


# --- what is not a TLS WebSocket ------------------------------------------------------------


def test_plain_websocket_gets_no_connection(qtbot: QtBot, hub_process: HubProcess) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWebSockets import QWebSocket

    plain = QWebSocket()
    opened: list[bool] = []
    plain.connected.connect(lambda: opened.append(True))
    with qtbot.waitSignal(plain.disconnected, timeout=10000):
        plain.open(QUrl(f"ws://127.0.0.1:{hub_process.port}"))
    assert opened == []
    # The same by hand: a WebSocket upgrade in clear text gets no HTTP answer at all.
    sock = tcp_connection(hub_process.port)
    sock.sendall(
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    answer = wait_eof(sock, timeout=10)
    assert b"HTTP" not in answer
    sock.close()


def test_tls_with_a_plain_http_request_gets_nothing_useful(hub_process: HubProcess) -> None:
    sock = tls_connection(hub_process.port)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n")
    answer = wait_eof(sock, timeout=10)
    assert b" 101 " not in answer and b"{" not in answer  # no WebSocket, no message
    assert b"Front Desk" not in answer and b"Kiosk" not in answer  # nothing about the site
    sock.close()


# --- oversized and deep messages ------------------------------------------------------------


def introduced(hub: HubProcess, token: str, source: str = "127.0.0.1") -> RawClient:
    """A connection that has said a good hello: the five-second limit no longer applies."""
    client = RawClient(hub.port, source)
    assert client.hello(token)["type"] == "reply"
    return client


def still_serves(hub: HubProcess, token: str) -> None:
    desk = introduced(hub, token, "127.0.0.20")
    assert desk.request(1, "queue")["type"] == "reply"
    desk.close()


def test_a_one_megabyte_frame_is_refused_and_the_hub_serves_on(
    office: dict, hub_process: HubProcess
) -> None:
    sender = introduced(hub_process, office["tokens"]["desk-1"])
    # The hub may close the connection before it has all of it.
    with contextlib.suppress(OSError):
        sender.sock.sendall(frame(TEXT, b'"' + b"x" * (1 << 20) + b'"'))
    closing = sender.wait_closed(timeout=10)
    assert closing is not None and closing.close_code == TOO_BIG
    wait_eof(sender.sock, timeout=10)  # and the connection itself ends
    sender.close()
    still_serves(hub_process, office["tokens"]["desk-2"])


def test_a_frame_announcing_400_mib_is_refused_from_its_header(
    office: dict, hub_process: HubProcess
) -> None:
    sender = introduced(hub_process, office["tokens"]["desk-1"])
    # The header says 400 MiB; a little of the body follows, and then nothing: only a hub that
    # judges the frame by its header closes this connection.
    whole = frame(TEXT, b"x" * 1000, announce=400 << 20)
    sender.sock.sendall(whole)
    closing = sender.wait_closed(timeout=10)
    assert closing is not None and closing.close_code == TOO_BIG
    wait_eof(sender.sock, timeout=10)
    sender.close()
    still_serves(hub_process, office["tokens"]["desk-2"])


def hub_rss_kib(hub: HubProcess) -> int:
    status = Path(f"/proc/{hub.process.pid}/status").read_text()
    return int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))


def stream_after_a_huge_header(port: int, source: str, token: str | None) -> None:
    """Twice: announce 400 MiB, then send the body as fast as the hub takes it, at most
    128 MiB, until the hub ends the connection."""
    body = b"\0" * 65536
    for _ in range(2):
        try:
            client = RawClient(port, source)
        except (OSError, Closed):
            continue  # a hub swamped by the others may give up on this one at the door
        with contextlib.suppress(OSError, Closed):  # closed or reset by the hub: the end
            if token:
                client.hello(token)
            client.sock.sendall(frame(TEXT, b"", announce=400 << 20))
            for _ in range(2048):
                client.sock.sendall(body)
        client.close()


def test_streaming_after_an_oversized_header_costs_the_hub_no_memory(
    office: dict, hub_process: HubProcess
) -> None:
    # The hub refuses the frame from its header at once; what the sender goes on sending must
    # not pile up in the hub while the connection winds down.
    before = hub_rss_kib(hub_process)
    # Nine connections from three computers: strangers, and paired desks gone bad.
    tokens = [office["tokens"]["desk-1"], None, office["tokens"]["desk-2"]] * 3
    senders = [
        threading.Thread(
            target=stream_after_a_huge_header,
            args=(hub_process.port, f"127.0.0.{2 + n % 3}", token),
            daemon=True,
        )
        for n, token in enumerate(tokens)
    ]
    for sender in senders:
        sender.start()
    highest = before
    while any(sender.is_alive() for sender in senders):
        highest = max(highest, hub_rss_kib(hub_process))
        time.sleep(0.02)
    for sender in senders:
        sender.join(timeout=60)
    assert (highest - before) / 1024 < 20, f"the hub grew by {(highest - before) / 1024:.0f} MiB"
    still_serves(hub_process, office["tokens"]["desk-1"])


def test_json_nested_8000_deep_gets_an_invalid_reply_and_no_traceback(
    office: dict, hub_process: HubProcess
) -> None:
    client = introduced(hub_process, office["tokens"]["desk-1"])
    depth = 8000
    deep = '{"v": 2, "id": 7, "type": "queue", "x": ' + "[" * depth + "]" * depth + "}"
    assert len(deep.encode()) < 16_384  # under the size limit: only the depth is wrong
    client.send_text(deep)
    answer = client.message()
    assert answer["type"] == "error" and answer["code"] == "invalid"
    assert "nested deeper" in answer["message"]
    # Deep at the top level too, and in a message that is not even an object.
    client.send_text("[" * depth + "]" * depth)
    assert client.message()["code"] == "invalid"
    assert client.request(8, "queue")["type"] == "reply"  # the connection lives on
    client.close()
    stderr = stop_and_read_stderr(hub_process)
    assert "Traceback" not in stderr and "RecursionError" not in stderr


# --- connections that never introduce themselves --------------------------------------------


def test_connections_that_never_say_hello_are_closed(office: dict, hub_process: HubProcess) -> None:
    desk = introduced(hub_process, office["tokens"]["desk-1"])
    upgraded = [RawClient(hub_process.port) for _ in range(10)]
    tls_only = [RawClient(hub_process.port, upgrade=False) for _ in range(10)]
    for client in upgraded:
        closing = client.wait_closed(timeout=15)
        assert closing is not None and closing.close_code == POLICY_VIOLATED
        assert closing.close_reason == "Say hello or pair within five seconds."
        client.close()
    for client in tls_only:
        wait_eof(client.sock, timeout=15)
        client.close()
    assert desk.request(1, "queue")["type"] == "reply"  # a connection that said hello stays
    desk.close()


def client_hello_answer(sock: socket.socket) -> bytes:
    """Send a TLS ClientHello on `sock` and return the first bytes the hub answers with: a
    ServerHello record, or nothing at all if the connection was closed."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = insecure_context().wrap_bio(incoming, outgoing)
    with contextlib.suppress(ssl.SSLWantReadError):
        tls.do_handshake()  # writes the ClientHello, then wants the answer
    try:
        sock.sendall(outgoing.read())
        sock.settimeout(10)
        return sock.recv(65536)
    except (ConnectionResetError, BrokenPipeError):
        return b""


def test_connections_beyond_64_from_one_address_are_dropped_before_tls(
    office: dict, hub_process: HubProcess
) -> None:
    flood = [tcp_connection(hub_process.port, "127.0.0.2") for _ in range(70)]
    # While those 64 wait for their five seconds, a desk on another computer still gets in.
    desk = introduced(hub_process, office["tokens"]["desk-1"], "127.0.0.3")
    answers = [client_hello_answer(sock) for sock in flood]
    for sock in flood:
        sock.close()
    server_hellos = [a for a in answers if a[:1] == b"\x16"]  # a TLS handshake record
    assert len(server_hellos) == 64
    assert answers[64:] == [b""] * 6  # closed before the hub spent any TLS on them
    assert desk.request(1, "queue")["type"] == "reply"
    desk.close()


def test_a_flood_from_eight_addresses_does_not_keep_a_desk_out(
    office: dict, hub_process: HubProcess
) -> None:
    # 64 silent connections from each of eight addresses: as many as the hub lets wait per
    # address, and together all it lets wait in all. Connections are accepted in order, so the
    # hub has taken in the whole flood before the desk's connection reaches it. (A short pause
    # now and then keeps the hub's small listen backlog from overflowing, which would stretch
    # the flood over seconds of TCP retries.)
    flood = []
    for address in range(2, 10):
        for _ in range(64):
            flood.append(tcp_connection(hub_process.port, f"127.0.0.{address}"))
            if len(flood) % 16 == 0:
                time.sleep(0.03)
    # A desk (or a kiosk's screen, restarted) on a computer of its own, connecting now: the
    # strangers must not be able to keep it out for as long as they keep their flood up.
    try:
        desk = introduced(hub_process, office["tokens"]["desk-1"], "127.0.0.10")
    except (OSError, Closed) as error:
        raise AssertionError(f"the flood kept the desk out: {error!r}") from None
    # The flood was still there when the desk came (a hub may let one of it go to make room).
    closed, _, _ = select.select(flood, [], [], 0)
    assert len(closed) <= 8, "the flood had already timed out: this run proves nothing"
    assert desk.request(1, "queue")["type"] == "reply"
    desk.close()
    for sock in flood:
        sock.close()


# --- a client that sends and never reads ----------------------------------------------------


def test_a_desk_that_never_reads_is_dropped_and_the_others_are_served(
    office: dict, hub_process: HubProcess
) -> None:
    # Forty people waiting make every answer to `queue` some twenty kilobytes. They check in at
    # ten kiosks, four each: no kiosk checks people in faster than a person can.
    kiosks = [introduced(hub_process, token) for token in office["tokens"]["kiosks"][:10]]
    for n in range(40):
        kiosk = kiosks[n % 10]
        answer = kiosk.request(
            n + 1,
            "check_in",
            name=f"Visitor Number {n} " + "Longname" * 6,
            key=f"key-{n:08}",
            host_id=office["staff"]["priya"],
            pronunciation="x" * 100,
        )
        assert answer["type"] == "reply", answer
    for kiosk in kiosks:
        kiosk.close()
    # A tiny receive window, and not one byte read after hello.
    sink = RawClient(hub_process.port, rcvbuf=4096)
    assert sink.hello(office["tokens"]["desk-1"])["type"] == "reply"
    dropped = False
    for batch in range(300):  # 50 requests a fifth of a second: a minute at most
        try:
            for n in range(50):
                sink.send({"type": "queue", "id": batch * 50 + n + 1})
        except OSError:  # reset by the hub
            dropped = True
            break
        time.sleep(0.2)
    assert dropped, "the hub kept a client that read nothing"
    sink.close()
    still_serves(hub_process, office["tokens"]["desk-2"])
    stderr = stop_and_read_stderr(hub_process)
    assert "Dropped a client from 127.0.0.1 that was not reading." in stderr
    assert "Traceback" not in stderr


# --- revocation -----------------------------------------------------------------------------


def test_revoking_a_device_closes_its_open_connection(
    office: dict, hub_process: HubProcess
) -> None:
    desk = introduced(hub_process, office["tokens"]["desk-1"])
    listed = kiosk_command(hub_process.home, "devices").stdout
    device_id = re.search(r"^\s*(\d+)  Front desk  \(desk", listed, re.MULTILINE).group(1)
    revoked = kiosk_command(hub_process.home, "devices", "--revoke", device_id)
    assert revoked.returncode == 0, revoked.stderr
    closing = desk.wait_closed(timeout=10)
    assert closing is not None and closing.close_code == POLICY_VIOLATED
    assert closing.close_reason == "This device's pairing was revoked."
    desk.close()
    # And the token no longer opens a connection.
    again = RawClient(hub_process.port)
    assert again.hello(office["tokens"]["desk-1"])["reason"] == "pairing_revoked"
    again.close()
    still_serves(hub_process, office["tokens"]["desk-2"])


# --- on the wire ----------------------------------------------------------------------------


class Relay:
    """Passes every byte between clients and the hub, keeping a copy of each direction. With
    `certificate`, it is a machine in the middle instead: it ends the client's TLS with its own
    certificate, opens TLS of its own to the hub, and copies the decrypted bytes."""

    def __init__(self, hub_port: int, certificate: tuple[Path, Path] | None = None) -> None:
        self.hub_port = hub_port
        self.to_hub = bytearray()
        self.to_client = bytearray()
        self.accepted = 0
        self.handshakes_failed = 0
        self._tls: ssl.SSLContext | None = None
        if certificate is not None:
            self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._tls.load_cert_chain(*certificate)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.url = f"wss://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(10)
        try:
            if self._tls is not None:
                try:
                    client = self._tls.wrap_socket(client, server_side=True)
                except (ssl.SSLError, OSError):
                    self.handshakes_failed += 1
                    return
            upstream = socket.create_connection(("127.0.0.1", self.hub_port), timeout=10)
            if self._tls is not None:
                upstream = insecure_context().wrap_socket(upstream)
            self._pump(client, upstream)
        finally:
            client.close()

    def _pump(self, client: socket.socket, upstream: socket.socket) -> None:
        ends = {client: (upstream, self.to_hub), upstream: (client, self.to_client)}
        try:
            while not self._stop.is_set():
                ready = [s for s in ends if isinstance(s, ssl.SSLSocket) and s.pending()]
                if not ready:
                    ready, _, _ = select.select(list(ends), [], [], 0.1)
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        return
                    other, copy = ends[source]
                    with self._lock:
                        copy.extend(data)
                    other.sendall(data)
        except OSError:
            return
        finally:
            upstream.close()

    def seen(self) -> bytes:
        with self._lock:
            return bytes(self.to_hub) + bytes(self.to_client)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)
        self._listener.close()


@pytest.fixture
def relay(hub_process: HubProcess) -> Iterator[Relay]:
    relay = Relay(hub_process.port)
    yield relay
    relay.stop()


def test_nothing_personal_or_secret_crosses_the_wire_in_clear(
    qtbot: QtBot, office: dict, hub_process: HubProcess, relay: Relay
) -> None:
    shown_code = hub_process.pairing_code("desk")
    code = typed(shown_code)
    desk = HubClient(relay.url, pairing=(code, "Reception laptop", DeviceRole.DESK))
    tokens: list[str] = []
    desk.paired.connect(lambda token, _fingerprint: tokens.append(token))
    events: list[dict] = []
    desk.eventReceived.connect(events.append)
    qtbot.waitUntil(lambda: desk.connected, timeout=10000)
    kiosk = HubClient(relay.url, office["tokens"]["kiosk"], hub_process.fingerprint)
    replies: dict[int, dict] = {}
    kiosk.replied.connect(lambda i, result: replies.__setitem__(i, result))
    asked = kiosk.request("check_in", name="Maria Garcia", host_id=office["staff"]["priya"],
                          contact="maria@example.com")  # fmt: skip
    qtbot.waitUntil(lambda: asked in replies, timeout=10000)
    qtbot.waitUntil(lambda: any(e.get("event") == "checked_in" for e in events), timeout=10000)
    assert events[-1]["card"]["name"] == "Maria Garcia"  # it did cross, through the relay
    desk.close()
    kiosk.close()
    assert len(tokens) == 1
    wire = relay.seen()
    assert len(relay.to_hub) > 1000 and len(relay.to_client) > 1000
    assert relay.to_hub[:1] == b"\x16"  # a TLS handshake, not HTTP
    secrets = [b"Maria Garcia", b"Maria", b"Garcia", b"maria@example.com", b"example.com",
               tokens[0].encode(), office["tokens"]["kiosk"].encode(), code.encode(),
               shown_code.encode()]  # fmt: skip
    for secret in secrets:
        assert secret not in wire, secret


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate of the middleman's own, made as the hub makes its own, named alike."""
    from kiosk.hub.certificate import CERTIFICATE_FILE, KEY_FILE, renew_identity

    middle = folder / "middle"
    renew_identity(middle)
    return middle / CERTIFICATE_FILE, middle / KEY_FILE


def websocket_messages(stream: bytes) -> list[str]:
    """The text messages in one direction of a decrypted WebSocket connection."""
    if b"\r\n\r\n" not in stream:
        return []
    frames, _rest = parse_frames(stream.split(b"\r\n\r\n", 1)[1])
    return [f.payload.decode() for f in frames if f.opcode == TEXT]


@pytest.fixture
def middleman(tmp_path: Path, hub_process: HubProcess) -> Iterator[Relay]:
    relay = Relay(hub_process.port, certificate=self_signed_certificate(tmp_path))
    yield relay
    relay.stop()


def test_a_machine_in_the_middle_cannot_pair_even_with_the_right_code(
    qtbot: QtBot, hub_process: HubProcess, middleman: Relay
) -> None:
    code = typed(hub_process.pairing_code("desk"))
    desk = HubClient(middleman.url, pairing=(code, "Desk in the middle", DeviceRole.DESK))
    tokens: list[str] = []
    refusals: list[str] = []
    desk.paired.connect(lambda token, _fingerprint: tokens.append(token))
    desk.unauthorised.connect(refusals.append)
    qtbot.waitUntil(lambda: bool(refusals), timeout=10000)
    assert tokens == [] and not desk.connected
    assert "That pairing code is not right" in refusals[0]
    # The middleman saw the whole exchange in clear, and no token in it.
    to_hub = websocket_messages(bytes(middleman.to_hub))
    to_client = websocket_messages(bytes(middleman.to_client))
    assert [m for m in to_hub if '"type":"pair"' in m]  # the proof did go through it
    assert any('"reason":"bad_pairing_code"' in m for m in to_client)
    assert not any("token" in m for m in to_client)
    listed = kiosk_command(hub_process.home, "devices").stdout
    assert "Desk in the middle" not in listed
    # The code itself was right: straight to the hub, it pairs.
    direct = HubClient(hub_process.url, pairing=(code, "Reception laptop", DeviceRole.DESK))
    qtbot.waitUntil(lambda: direct.connected, timeout=10000)
    direct.close()


def test_a_paired_desk_refuses_a_machine_in_the_middle_before_saying_hello(
    qtbot: QtBot, office: dict, hub_process: HubProcess, middleman: Relay
) -> None:
    token = office["tokens"]["desk-1"]
    desk = HubClient(middleman.url, token, hub_process.fingerprint)
    refusals: list[str] = []
    desk.unauthorised.connect(refusals.append)
    qtbot.waitUntil(lambda: bool(refusals), timeout=10000)
    assert refusals == [CERTIFICATE_CHANGED]
    assert not desk.connected
    qtbot.waitUntil(lambda: middleman.accepted >= 1, timeout=10000)
    qtbot.wait(300)  # a desk that tried again would be back by now
    assert middleman.accepted == 1  # it gave up: retrying will not make this hub the right one
    seen = middleman.seen()
    assert b"hello" not in seen and token.encode() not in seen
    assert websocket_messages(bytes(middleman.to_hub)) == []
