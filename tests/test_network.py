"""The hub as its own process on loopback, with kiosk and desk clients talking to it for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QUrl
from PySide6.QtWebSockets import QWebSocket
from pytestqt.qtbot import QtBot

from kiosk.core.pairing import typed
from kiosk.hub.client import HubClient
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole
from tests.hub_process import HubProcess


class Recorder:
    """Everything a client was told, in order."""

    def __init__(self, client: HubClient) -> None:
        self.client = client
        self.events: list[dict] = []
        self.replies: dict[int, dict] = {}
        self.refusals: dict[int, str] = {}
        client.eventReceived.connect(self.events.append)
        client.replied.connect(lambda i, result: self.replies.__setitem__(i, result))
        client.refused.connect(lambda i, message: self.refusals.__setitem__(i, message))

    def seen(self, kind: str) -> list[int]:
        return [e["visit_id"] for e in self.events if e["event"] == kind]


def connect(hub: HubProcess, token: str) -> Recorder:
    return Recorder(HubClient(hub.url, token, hub.fingerprint))


def test_a_check_in_reaches_both_desks_and_one_answer_reaches_all(
    qtbot: QtBot, office: dict, hub_process: HubProcess
) -> None:
    tokens, staff = office["tokens"], office["staff"]
    desk1, desk2 = connect(hub_process, tokens["desk-1"]), connect(hub_process, tokens["desk-2"])
    kiosk = connect(hub_process, tokens["kiosk"])
    for recorder in (desk1, desk2, kiosk):
        qtbot.waitUntil(lambda r=recorder: r.client.connected, timeout=10000)
    asked = kiosk.client.request("check_in", name="Maria Garcia", host_id=staff["priya"])
    qtbot.waitUntil(lambda: asked in kiosk.replies, timeout=10000)
    handle = kiosk.replies[asked]["visit"]
    for desk in (desk1, desk2):
        qtbot.waitUntil(lambda d=desk: len(d.seen("checked_in")) == 1, timeout=10000)
    (visit_id,) = desk1.seen("checked_in")
    for desk in (desk1, desk2):
        card = desk.events[-1]["card"]
        assert card["name"] == "Maria Garcia" and card["host"] == "Priya Raman"
    desk1.client.request("acknowledge", visit_id=visit_id, staff_id=staff["sam"])
    for desk in (desk1, desk2):
        qtbot.waitUntil(lambda d=desk: d.seen("acknowledged") == [visit_id], timeout=10000)
    qtbot.waitUntil(
        lambda: bool(kiosk.events) and kiosk.events[-1]["visit"] == handle, timeout=10000
    )
    assert kiosk.events[-1]["by"] == "Sam" and "visit_id" not in kiosk.events[-1]
    assert all("card" not in event for event in kiosk.events)  # no names reach a kiosk
    late = desk2.client.request("acknowledge", visit_id=visit_id, staff_id=staff["sam"])
    qtbot.waitUntil(lambda: late in desk2.refusals, timeout=10000)
    assert "already has someone on the way" in desk2.refusals[late]


def test_pairing_a_new_desk_with_the_code_the_hub_printed(
    qtbot: QtBot, hub_process: HubProcess
) -> None:
    pinned: list[tuple[str, str]] = []
    code = typed(hub_process.pairing_code("desk"))
    client = HubClient(hub_process.url, pairing=(code, "Reception laptop", DeviceRole.DESK))
    client.paired.connect(lambda token, fingerprint: pinned.append((token, fingerprint)))
    qtbot.waitUntil(lambda: client.connected, timeout=10000)
    assert len(pinned) == 1
    assert pinned[0][1] == hub_process.fingerprint  # the certificate the hub printed is pinned
    listed = subprocess.run(
        [sys.executable, "-m", "kiosk", "devices"],
        env={**os.environ, "KIOSK_HOME": str(hub_process.home)},
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "Reception laptop  (desk, last seen" in listed


def test_no_confirmed_check_in_is_lost_when_the_hub_is_killed(
    qtbot: QtBot, office: dict, hub_process: HubProcess
) -> None:
    tokens, priya = office["tokens"], office["staff"]["priya"]
    desk = connect(hub_process, tokens["desk-1"])
    kiosks = [connect(hub_process, token) for token in tokens["kiosks"][:10]]
    qtbot.waitUntil(lambda: all(k.client.connected for k in kiosks), timeout=10000)
    qtbot.waitUntil(lambda: desk.client.connected, timeout=10000)
    for n in range(40):  # ten kiosks, four visitors each
        kiosks[n % 10].client.request("check_in", name=f"Visitor{n} Kim", host_id=priya)
        qtbot.wait(15)
        if n == 20:
            hub_process.kill()  # mid-stream, with requests in flight
    confirmed_before_kill = [r["first_name"] for k in kiosks for r in k.replies.values()]
    hub_process.start()
    qtbot.waitUntil(lambda: sum(len(k.replies) for k in kiosks) == 40, timeout=30000)
    db = open_database(office["home"] / "kiosk.db")
    names = [row[0] for row in db.execute(
        "SELECT name FROM visits JOIN visitors ON visitors.id = visitor_id ORDER BY visits.id"
    )]  # fmt: skip
    recorded = {row[0] for row in db.execute("SELECT id FROM visits")}
    db.close()
    assert set(confirmed_before_kill) <= {name.split()[0] for name in names}
    assert sorted(names) == sorted(f"Visitor{n} Kim" for n in range(40))  # every one, once
    qtbot.waitUntil(lambda: sorted(desk.seen("checked_in")) == sorted(recorded), timeout=30000)
    assert len(desk.seen("checked_in")) == 40  # none shown twice


def test_a_desk_dropped_a_hundred_times_misses_nothing(
    qtbot: QtBot, office: dict, hub_process: HubProcess
) -> None:
    tokens, priya = office["tokens"], office["staff"]["priya"]
    desk = connect(hub_process, tokens["desk-1"])
    kiosks = [connect(hub_process, token) for token in tokens["kiosks"]]
    qtbot.waitUntil(lambda: all(k.client.connected for k in kiosks), timeout=10000)
    qtbot.waitUntil(lambda: desk.client.connected, timeout=10000)
    drops = 0
    for n in range(100):  # twenty-five kiosks, four visitors each
        kiosks[n % 25].client.request("check_in", name=f"Visitor {n}", host_id=priya)
        qtbot.waitUntil(lambda: desk.client.connected, timeout=10000)
        desk.client._socket.abort()  # the network cable, pulled
        drops += 1
    qtbot.waitUntil(lambda: sum(len(k.replies) for k in kiosks) == 100, timeout=60000)
    db = open_database(office["home"] / "kiosk.db")
    expected = sorted(row[0] for row in db.execute("SELECT id FROM visits"))
    db.close()
    assert len(expected) == 100
    qtbot.waitUntil(lambda: sorted(desk.seen("checked_in")) == expected, timeout=60000)
    assert drops == 100
    assert len(desk.seen("checked_in")) == 100


def raw_socket(qtbot: QtBot, url: str) -> tuple[QWebSocket, list[dict]]:
    """A socket that takes whatever certificate it is shown, as an attacker's would."""
    received: list[dict] = []
    sock = QWebSocket()
    sock.sslErrors.connect(lambda _errors: sock.ignoreSslErrors())
    sock.textMessageReceived.connect(lambda text: received.append(json.loads(text)))
    with qtbot.waitSignal(sock.connected, timeout=10000):
        sock.open(QUrl(url))
    return sock, received


HOSTILE = [
    ("not json at all", "invalid"),
    ('{"v": 2, "id": 1, "type": "queue"}', "unauthorised"),
    ('{"v": 2, "id": 3, "type": "hello", "token": 12345}', "invalid"),
    ('{"v": 2, "id": 4, "type": "drop_tables"}', "invalid"),
    ('{"v": 2, "id": 5, "type": "find_hosts", "text": "' + "x" * 15_000 + '"}', "invalid"),
    ('{"v": 2, "id": 6, "type": "pair", "code": "12345", "name": "x", "role": "desk"}', "invalid"),
    ('{"v": 2, "id": 7, "type": "pair", "proof": "00", "name": "x", "role": "god"}', "invalid"),
    (
        '{"v": 2, "id": 8, "type": "pair", "proof": "'
        + "0" * 64
        + '", "name": "x", "role": "desk"}',
        "refused",
    ),
    ('{"v": 1, "id": 9, "type": "queue"}', "invalid"),
    ('{"v": 2, "id": 10, "type": "queue", "x": ' + "[" * 5000 + "]" * 5000 + "}", "invalid"),
    ('{"v": 2, "id": 2, "type": "hello", "token": "' + "A" * 43 + '"}', "unauthorised"),
]


def test_hostile_messages_get_errors_and_the_hub_keeps_serving(
    qtbot: QtBot, office: dict, hub_process: HubProcess
) -> None:
    sock, received = raw_socket(qtbot, hub_process.url)
    for text, _ in HOSTILE:
        sock.sendTextMessage(text)
    qtbot.waitUntil(lambda: len(received) == len(HOSTILE), timeout=10000)
    assert [m["code"] for m in received] == [code for _, code in HOSTILE]
    assert all(m["type"] == "error" and m["message"] for m in received)
    # Replaying a revoked token: it worked once, then the device was revoked.
    db = open_database(office["home"] / "kiosk.db")
    with writing(db):
        db.execute("UPDATE devices SET revoked_at = 1 WHERE name = 'Back office'")
    db.close()
    sock2, received2 = raw_socket(qtbot, hub_process.url)
    sock2.sendTextMessage(
        json.dumps({"v": 2, "id": 9, "type": "hello", "token": office["tokens"]["desk-2"]})
    )
    qtbot.waitUntil(lambda: len(received2) == 1, timeout=10000)
    assert "no longer valid" in received2[-1]["message"]
    sock2.close()
    kiosk = connect(hub_process, office["tokens"]["kiosk"])
    asked = kiosk.client.request("find_hosts", text="pri")
    qtbot.waitUntil(lambda: asked in kiosk.replies, timeout=10000)
    sock.close()


def test_an_unpaired_client_hears_nothing(qtbot: QtBot, office: dict, hub_process) -> None:
    sock, received = raw_socket(qtbot, hub_process.url)
    kiosk = connect(hub_process, office["tokens"]["kiosk"])
    asked = kiosk.client.request("check_in", name="Maria Garcia", host_id=office["staff"]["priya"])
    qtbot.waitUntil(lambda: asked in kiosk.replies, timeout=10000)
    qtbot.wait(300)
    assert received == []
    sock.close()


def test_a_flooding_client_does_not_stall_the_others(
    qtbot: QtBot, office: dict, hub_process: HubProcess
) -> None:
    flood, received = raw_socket(qtbot, hub_process.url)
    hello = {"v": 2, "id": 0, "type": "hello", "token": office["tokens"]["kiosk"]}
    flood.sendTextMessage(json.dumps(hello))
    for n in range(3000):
        flood.sendTextMessage(json.dumps({"v": 2, "id": n + 1, "type": "find_hosts", "text": "pr"}))
    kiosk = connect(hub_process, office["tokens"]["kiosk"])
    asked = kiosk.client.request("find_hosts", text="sam")
    qtbot.waitUntil(lambda: asked in kiosk.replies, timeout=20000)
    assert kiosk.replies[asked]["hosts"][0]["name"] == "Sam Jones"
    qtbot.waitUntil(lambda: len(received) >= 3001, timeout=30000)
    assert any(m.get("code") == "slow_down" for m in received)
    flood.close()
