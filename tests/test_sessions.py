"""Who may talk to the hub: pairing, device tokens, revocation, and what each role may do."""

import json

import pytest
from sqlite_utils import Database

from kiosk.core import pairing
from kiosk.core.people import staff_actor
from kiosk.hub.handler import CommandHandler
from kiosk.hub.kiosk_commands import FixedRules
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store import audit, devices
from kiosk.store.database import writing
from kiosk.store.devices import DeviceRole

FINGERPRINT = "ab" * 32  # the hub's certificate, as both sides see it with no one between


PIN = "2468"


@pytest.fixture
def handler(hub: HubService, db: Database) -> CommandHandler:
    return CommandHandler(hub, db, FINGERPRINT, rules=FixedRules(pin=PIN))


def send(handler: CommandHandler, session: Session, **message) -> dict:
    return json.loads(handler.handle(json.dumps({"v": 2, "id": 5, **message}), session))


def issue(db: Database, hub: HubService, role: DeviceRole = DeviceRole.DESK) -> str:
    with writing(db):
        return devices.issue_pairing_code(db, role, hub.now_ms())


def pair(
    handler: CommandHandler,
    session: Session,
    code: str,
    *,
    role: str = "desk",
    seen: str = FINGERPRINT,
    name: str = "Reception PC",
) -> dict:
    """Pair as a device does: nonces first, then the proof over the certificate it was shown."""
    device_nonce = pairing.new_nonce()
    hub_nonce = send(handler, session, type="pair_begin", nonce=device_nonce)["result"]["nonce"]
    proof = pairing.device_proof(code, seen, device_nonce, hub_nonce)
    answer = send(handler, session, type="pair", proof=proof, name=name, role=role)
    if answer["type"] == "reply":
        expected = pairing.hub_proof(code, seen, device_nonce, hub_nonce)
        assert answer["result"]["proof"] == expected  # the hub proves it knows the code too
    return answer


def test_an_unpaired_client_gets_nothing(handler, hub, staff) -> None:
    stranger = Session()
    answer = send(handler, stranger, type="queue")
    assert answer["code"] == "unauthorised"
    assert "not paired" in answer["message"]
    hub.check_in("Maria Garcia", host_id=staff["priya"])
    assert send(handler, stranger, type="find_hosts", text="pri")["code"] == "unauthorised"
    assert send(handler, Session(), type="hello", token="x" * 40)["code"] == "unauthorised"
    assert stranger.role is None


def test_pairing_with_a_code_gives_a_token_that_works_next_time(handler, hub, db) -> None:
    code = issue(db, hub)
    first = Session(address="10.0.0.5")
    token = pair(handler, first, code)["result"]["token"]
    assert first.role is DeviceRole.DESK
    later = Session()
    hello = send(handler, later, type="hello", token=token, after_seq=0)
    assert hello["result"]["role"] == "desk" and later.replay_after == 0
    assert send(handler, later, type="queue")["type"] == "reply"
    again = send(handler, later, type="hello", token=token)
    assert again["code"] == "invalid"  # one hello per connection
    reused = pair(handler, Session(), code, name="Another")
    assert reused["reason"] == "no_pairing_code"  # a code works once


def test_a_code_proven_over_another_certificate_is_refused(handler, hub, db) -> None:
    code = issue(db, hub)
    # A machine in the middle shows its own certificate: the device's proof names that one.
    answer = pair(handler, Session(), code, seen="cd" * 32)
    assert answer["reason"] == "bad_pairing_code"
    assert devices.all_devices(db) == []


def test_an_expired_code_is_refused(handler, hub, db, clock) -> None:
    code = issue(db, hub)
    clock.advance(11 * 60)
    assert pair(handler, Session(), code)["reason"] == "no_pairing_code"


def test_a_code_pairs_only_the_role_it_was_made_for(handler, hub, db) -> None:
    code = issue(db, hub, DeviceRole.KIOSK)
    answer = pair(handler, Session(), code, role="desk")
    assert answer["reason"] == "wrong_role" and "kiosk pair --role desk" in answer["message"]
    assert pair(handler, Session(), code, role="kiosk")["type"] == "reply"


def test_a_new_code_voids_the_one_before(handler, hub, db) -> None:
    old = issue(db, hub)
    new = issue(db, hub)
    assert pair(handler, Session(), old)["reason"] == "bad_pairing_code"
    assert pair(handler, Session(), new)["type"] == "reply"


def test_ten_wrong_proofs_from_many_connections_void_the_code(handler, hub, db) -> None:
    code = issue(db, hub)
    wrong = "Z" * 12
    # Each guess on a connection of its own, from addresses of its own: they still add up.
    answers = [pair(handler, Session(address=f"10.0.0.{n}"), wrong) for n in range(12)]
    assert [a["reason"] for a in answers[:10]] == ["bad_pairing_code"] * 10
    assert [a["reason"] for a in answers[10:]] == ["no_pairing_code"] * 2
    assert pair(handler, Session(), code)["reason"] == "no_pairing_code"  # the real one too
    voided = audit.last(db, "pairing_code_voided")
    assert voided is not None and voided.detail == {"why": "wrong_tries", "tries": 10}


def test_pairing_tries_are_limited_per_address(handler, hub, db) -> None:
    answers = [pair(handler, Session(address="10.0.0.9"), "Z" * 12) for _ in range(11)]
    assert answers[-1]["code"] == "slow_down" and answers[-1]["retry_after_ms"] > 0
    assert "Wait a minute" in answers[-1]["message"]
    code = issue(db, hub)
    assert pair(handler, Session(address="10.0.0.10"), code)["type"] == "reply"


def test_a_revoked_device_is_turned_away(handler, hub, db) -> None:
    with writing(db):
        token = devices.add_device(db, "Old laptop", DeviceRole.DESK, hub.now_ms())
    (device,) = devices.all_devices(db)
    with writing(db):
        assert devices.revoke_device(db, device.id, hub.now_ms())
    session = Session()
    answer = send(handler, session, type="hello", token=token)
    assert "no longer valid" in answer["message"] and session.role is None
    assert answer["reason"] == "pairing_revoked"


def test_the_desk_card_remembers_last_time(handler, hub, clock, staff) -> None:
    first = hub.check_in("Maria Garcia", host_id=staff["priya"], pronunciation="ma-REE-ah")
    clock.advance(540)
    hub.welcome(first.visit.id, staff_actor(staff["sam"]))
    hub.check_out(first.visit.id)
    clock.advance(7 * 86_400)
    again = hub.check_in("Maria Garcia", host_id=staff["jose"], visitor_id=first.visitor.id)
    desk = Session(role=DeviceRole.DESK)
    (card,) = send(handler, desk, type="queue")["result"]["visits"]
    assert card["visit_id"] == again.visit.id
    assert card["name"] == "Maria Garcia" and card["pronunciation"] == "ma-REE-ah"
    assert card["host"] == "José Núñez"
    assert card["previous_visits"] == 1
    assert card["last_wait_s"] == 540 and card["last_wait_over_target"] is True
    assert card["last_visit_at"] == first.visit.checked_in_at


def test_your_day_counts_this_receptionists_welcomes(handler, hub, clock, staff) -> None:
    for name, wait in (("Ann Lee", 30), ("Bo Chen", 90), ("Cy Diaz", 300)):
        visit = hub.check_in(name, host_id=staff["priya"]).visit
        clock.advance(wait)
        hub.welcome(visit.id, staff_actor(staff["sam"] if wait < 300 else staff["jose"]))
    desk = Session(role=DeviceRole.DESK)
    day = send(handler, desk, type="your_day", staff_id=staff["sam"])["result"]
    assert day == {"welcomed": 2, "median_wait_s": 60.0}


def test_the_desk_learns_the_hubs_targets_and_its_receptionists(handler, hub, staff) -> None:
    desk = Session(role=DeviceRole.DESK)
    result = send(handler, desk, type="queue")["result"]
    assert result["targets"] == {"acknowledge_s": 60, "welcome_s": 180, "escalation_repeat_s": 60}
    staff = send(handler, desk, type="receptionists")["result"]["staff"]
    # Everyone may sit at a desk, receptionists first: a desk is never a dead end.
    assert [(s["name"], s["receptionist"]) for s in staff] == [
        ("Sam Jones", True),
        ("José Núñez", False),
        ("Priya Raman", False),
    ]


def test_someone_at_this_desk_answers_without_a_name(handler, hub, staff) -> None:
    desk = Session(role=DeviceRole.DESK, device_id=4, holder="device:4")
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"]).visit
    card = send(handler, desk, type="acknowledge", visit_id=visit.id)["result"]
    assert card["state"] == "acknowledged" and card["acknowledged_by"] == ""
    assert hub.visit(visit.id).acknowledged_by == "desk:4"


def test_a_kiosk_sets_the_targets_only_with_the_admin_pin(handler, hub, staff, db) -> None:
    kiosk = Session(role=DeviceRole.KIOSK, holder="device:1")
    desk = Session(role=DeviceRole.DESK, holder="device:2")
    no_pin = send(handler, kiosk, type="set_targets", acknowledge_s=3600, welcome_s=3600)
    assert no_pin["reason"] == "wrong_pin" and hub.policies.targets.acknowledge_s == 60
    answer = send(handler, kiosk, type="set_targets", acknowledge_s=90, welcome_s=240, pin=PIN)
    assert answer["result"] == {"acknowledge_s": 90, "welcome_s": 240}
    assert hub.policies.targets.acknowledge_s == 90
    assert send(handler, desk, type="queue")["result"]["targets"]["welcome_s"] == 240
    refused = send(handler, kiosk, type="set_targets", acknowledge_s=300, welcome_s=120, pin=PIN)
    assert "can't be shorter" in refused["message"] and refused["reason"] == "bad_targets"
    # A desk is staff: no PIN asked.
    assert send(handler, desk, type="set_targets", acknowledge_s=30, welcome_s=60)["result"]
    changes = [e for e in audit.entries(db) if e.action == "settings_changed"]
    assert [(e.detail["by"], e.detail["welcome_s"]) for e in changes] == [
        ("kiosk", 240),
        ("desk", 60),
    ]


def test_wrong_pins_are_counted_per_device_and_for_the_site(handler, hub, db) -> None:
    def guess(holder: str, pin: str) -> dict:
        session = Session(role=DeviceRole.KIOSK, holder=holder)
        return send(handler, session, type="set_targets", acknowledge_s=90, welcome_s=240, pin=pin)

    answers = [guess("device:1", f"{n:04d}") for n in range(6)]
    assert [a.get("reason") for a in answers[:5]] == ["wrong_pin"] * 5
    assert answers[5]["code"] == "slow_down"
    assert guess("device:1", PIN)["code"] == "slow_down"  # even the right one, for a while
    assert "result" in guess("device:2", PIN)  # another kiosk is not locked out by this one
    for device in range(3, 7):  # twenty wrong across the site lock every kiosk
        for n in range(5):
            guess(f"device:{device}", f"{n:04d}")
    assert guess("device:9", PIN)["code"] == "slow_down"
    # Counted until the site-wide limit: then nothing more is even tried.
    assert sum(e.action == "admin_pin_wrong" for e in audit.entries(db)) == 20


def test_a_device_ahead_of_the_hub_starts_again_from_the_open_visits(handler, hub, db) -> None:
    # The hub's database was restored from last night's backup: its numbers went back.
    with writing(db):
        token = devices.add_device(db, "Front desk", DeviceRole.DESK, hub.now_ms())
    session = Session()
    hello = send(handler, session, type="hello", token=token, after_seq=5000)["result"]
    assert hello["snapshot"] is True and session.replay_after is None
    assert hello["last_seq"] == hub.last_seq()
