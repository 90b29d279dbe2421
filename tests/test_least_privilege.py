"""Least privilege at the hub: each role sends only its own commands, a kiosk acts only on the
visits it made and learns about a visitor only from their proof, and nobody outpaces a person."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from kiosk.hub.handler import CommandHandler
from kiosk.hub.kiosk_commands import FixedRules
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store.devices import DeviceRole

HANDLE = "0" * 32


class PaceClock:
    """The clock that times how fast a device asks, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pace_clock() -> PaceClock:
    return PaceClock()


@pytest.fixture
def rules() -> FixedRules:
    return FixedRules(pin="2468")


@pytest.fixture
def handler(hub: HubService, db: Database, pace_clock: PaceClock, rules) -> CommandHandler:
    return CommandHandler(hub, db, "ab" * 32, rules=rules, pace_clock=pace_clock)


def kiosk(n: int = 1) -> Session:
    return Session(role=DeviceRole.KIOSK, holder=f"device:{n}", device_id=n)


def send(handler: CommandHandler, session: Session, **message) -> dict:
    return json.loads(handler.handle(json.dumps({"v": 2, "id": 5, **message}), session))


def check_in(handler, session, name="Maria Garcia", key="k" * 8, **fields) -> dict:
    fields.setdefault("purpose", "delivery")
    return send(handler, session, type="check_in", name=name, key=key, **fields)


# Every command a client may send, with fields that would be carried out if allowed.
COMMANDS = {
    "find_hosts": {"text": "pri"},
    "find_host_by_full_name": {"name": "Priya Raman"},
    "identify": {"name": "Maria Garcia", "contact": "maria@example.com"},
    "check_in": {"name": "Ann Lee", "key": "z" * 8, "purpose": "delivery"},
    "scan": {"code": "FDKI" + "A" * 28, "key": "y" * 8},
    "leaving": {"name": "Ann Lee", "contact": "ann@example.com"},
    "check_out": {"visit": HANDLE},
    "rate_welcome": {"visit": HANDLE, "rating": 3},
    "cancel": {"visit": HANDLE},
    "release": {"visit": HANDLE},
    "badge": {"visit": HANDLE},
    "acknowledge": {"visit_id": 1, "staff_id": 1},
    "welcome": {"visit_id": 1, "staff_id": 1},
    "mark_left_unseen": {"visit_id": 1, "staff_id": 1},
    "undo_left_unseen": {"visit_id": 1},
    "shown": {"visit_id": 1},
    "queue": {},
    "your_day": {"staff_id": 1},
    "receptionists": {},
    "figures": {"first": "2026-11-01", "last": "2026-11-30"},
    "follow_ups": {"first": "2026-11-01", "last": "2026-11-30"},
    "follow_up": {"visit_id": 1, "note": "Called back"},
    "export_rows": {"first": "2026-11-01", "last": "2026-11-30"},
    "on_site": {},
    "start_roll_call": {},
    "end_roll_call": {},
    "accounted_for": {"visit_id": 1},
    "expected": {},
    "expect": {"name": "Ada Lovelace", "host_id": 1, "at": 1_795_000_000_000},
    "withdraw_invitation": {"expected_id": 1},
}
KIOSK_ONLY = {
    "find_hosts", "find_host_by_full_name", "identify", "check_in", "scan", "leaving",
    "check_out", "rate_welcome", "cancel", "release", "badge",
}  # fmt: skip
MANAGER_ONLY = {"figures", "follow_ups", "follow_up", "export_rows"}
STAFF = set(COMMANDS) - KIOSK_ONLY - MANAGER_ONLY
ALLOWED = {
    None: set(),
    DeviceRole.KIOSK: KIOSK_ONLY,
    DeviceRole.DESK: STAFF,
    DeviceRole.MANAGER: STAFF | MANAGER_ONLY,
    # A wall display: the queue without visitors' details, and figures that name nobody.
    DeviceRole.DASHBOARD: {"queue", "figures"},
}


@pytest.mark.parametrize("role", list(ALLOWED), ids=lambda r: str(r))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_role_sends_only_its_own_commands(handler, hub, staff, role, command) -> None:
    hub.check_in("Maria Garcia", host_id=staff["priya"], contact="maria@example.com")
    session = Session(role=role, holder=f"{role}:1")
    answer = send(handler, session, type=command, **COMMANDS[command])
    if command in ALLOWED[role]:
        assert answer.get("code") != "unauthorised", answer
    else:
        assert answer["code"] == "unauthorised", answer


@pytest.mark.parametrize("command", ["check_out", "rate_welcome", "cancel", "badge"])
def test_a_kiosk_cannot_touch_a_visit_it_did_not_make(handler, hub, db, command) -> None:
    made = check_in(handler, kiosk(1))["result"]["visit"]
    fields = {"visit": made, **({"rating": 1} if command == "rate_welcome" else {})}
    refused = send(handler, kiosk(2), type=command, **fields)  # another kiosk, the same handle
    assert refused["reason"] == "visit_handle_expired"
    ids = [HANDLE, "f" * 32]  # and no guessing: handles are 128 random bits
    assert all(
        send(handler, kiosk(1), type=command, **{**fields, "visit": h})["reason"]
        == "visit_handle_expired"
        for h in ids
    )
    (visit,) = hub.waiting_now()
    assert visit.state == "waiting" and visit.feedback is None
    own = send(handler, kiosk(1), type=command, **fields)  # its own visit: the handle works
    assert own.get("reason") != "visit_handle_expired"  # (a rating waits for the visit's end)


def test_a_handle_dies_with_release_and_after_five_minutes(handler, clock) -> None:
    first = check_in(handler, kiosk(1), key="a" * 8)["result"]["visit"]
    send(handler, kiosk(1), type="release", visit=first)
    assert send(handler, kiosk(1), type="cancel", visit=first)["reason"] == "visit_handle_expired"
    second = check_in(handler, kiosk(1), name="Tom Byrne", key="b" * 8)["result"]["visit"]
    clock.advance(5 * 60 + 1)
    assert send(handler, kiosk(1), type="cancel", visit=second)["reason"] == (
        "visit_handle_expired"
    )


def test_another_kiosks_check_in_key_finds_nothing_of_its_visit(handler, hub) -> None:
    first = check_in(handler, kiosk(1), name="Maria Garcia", key="shared-key")["result"]
    reused = check_in(handler, kiosk(2), name="Tom Byrne", key="shared-key")["result"]
    assert reused["first_name"] == "Tom"  # a visit of its own, not Maria's name
    assert first["visit"] != reused["visit"] and len(hub.waiting_now()) == 2
    again = check_in(handler, kiosk(1), name="Maria Garcia", key="shared-key")["result"]
    assert len(hub.waiting_now()) == 2 and again["first_name"] == "Maria"  # a resend: once


def test_identify_needs_the_name_and_the_contact(handler, hub, staff, pace_clock) -> None:
    hub.check_in(
        "María García",
        host_id=staff["priya"],
        contact="Maria@Example.com",
        pronunciation="mah-REE-ah",
    )
    stranger = {"identity": None}
    for name, contact in [
        ("Maria Garcia", ""),
        ("Maria Garcia", "maria@example.org"),
        ("Mario Garcia", "maria@example.com"),
        ("Nobody", "maria@example.com"),
    ]:
        pace_clock.now += 2
        answer = send(handler, kiosk(), type="identify", name=name, contact=contact)
        assert answer["result"] == stranger, (name, contact)
    pace_clock.now += 2
    proven = send(
        handler, kiosk(), type="identify", name="maria garcia", contact=" maria@EXAMPLE.com"
    )
    result = proven["result"]
    assert result["first_name"] == "María" and result["pronunciation"] == "mah-REE-ah"
    assert result["last_host"]["name"] == "Priya Raman" and result["on_site"] is True
    assert "contact" not in json.dumps(result)  # the kiosk never reads the contact back
    hub.check_out(1)  # she left; next week she is back
    done = check_in(handler, kiosk(), name="Maria Garcia", identity=result["identity"])
    assert done["result"]["returning"] is True
    assert hub.visit(2).visitor_id == hub.visit(1).visitor_id  # joined to her record
    elsewhere = check_in(
        handler, kiosk(2), name="Tom Byrne", key="x" * 8, identity=result["identity"]
    )
    assert elsewhere["reason"] == "identity_expired"  # another kiosk can't use the proof


def test_a_second_check_in_of_a_waiting_name_is_merged_quietly(handler, hub, db) -> None:
    first = check_in(handler, kiosk(1), name="Maria Garcia", key="first-key")["result"]
    again = check_in(handler, kiosk(2), name="maria  garcia", key="other-key")["result"]
    assert again["first_name"] == "Maria" and again["returning"] is False
    assert set(again) == set(first)  # the screen can't tell a merge from a check-in
    (visit,) = hub.waiting_now()  # one visit, not two
    resent = check_in(handler, kiosk(2), name="maria  garcia", key="other-key")["result"]
    assert resent["first_name"] == "Maria"
    kinds = [e.type for e in hub.events_after(0)]
    assert kinds.count("checked_in_again") == 1  # a resend is told once
    # The second kiosk hears of the visit, but can't cancel somebody else's visit.
    send(handler, kiosk(2), type="cancel", visit=again["visit"])
    assert hub.visit(visit.id).state == "waiting"


def test_saying_goodbye_without_proof_tells_the_desks_and_ends_nothing(handler, hub) -> None:
    check_in(handler, kiosk(1), name="Ada Byron", contact="ada@example.com")
    send(handler, kiosk(2), type="leaving", name="Ada Byron", contact="")
    assert [v.state for v in hub.waiting_now()] == ["waiting"]  # still here, as far as we know
    assert [e.type for e in hub.events_after(0)][-1] == "said_leaving"
    desk = Session(role=DeviceRole.DESK, holder="device:8")
    event = hub.events_after(0)[-1]
    message = json.loads(handler.event_for(event, desk))
    assert message["event"] == "said_leaving" and message["card"]["name"] == "Ada Byron"
    assert handler.event_for(event, kiosk(1)) is None  # nothing of it reaches a kiosk


def test_identify_runs_at_a_persons_pace(handler, hub, pace_clock) -> None:
    def ask() -> dict:
        return send(handler, kiosk(), type="identify", name="Ann Lee", contact="ann@example.com")

    sweep = [ask() for _ in range(10)]  # a script, all at once
    slowed = [a for a in sweep if a.get("code") == "slow_down"]
    assert len(slowed) == 7 and all(a["retry_after_ms"] > 0 and a["id"] == 5 for a in slowed)
    answered = 3
    for _ in range(600):  # then one a second for ten minutes
        pace_clock.now += 1.0
        answered += "result" in ask()
    assert 90 <= answered <= 100  # a hundred in ten minutes at most, however steady
    pace_clock.now += 3600
    assert "result" in ask()


def test_a_group_of_forty_at_one_kiosk_is_never_slowed(handler, pace_clock) -> None:
    # Forty people one after another within ten minutes: a check-in every fifteen seconds,
    # with a few coming through in quick succession.
    for n in range(40):
        pace_clock.now += 3 if n % 4 else 27
        answer = check_in(handler, kiosk(), name=f"Guest {n}", key=f"guest-{n:03d}")
        assert "result" in answer, (n, answer)


def test_check_ins_faster_than_a_person_are_slowed(handler, pace_clock) -> None:
    answers = [check_in(handler, kiosk(), name=f"Bot {n}", key=f"bot-{n:05d}") for n in range(20)]
    assert sum("result" in a for a in answers) <= 4
    assert answers[-1]["code"] == "slow_down" and answers[-1]["retry_after_ms"] <= 5000


def test_find_hosts_obeys_show_host_list_at_the_hub(hub, db, staff, pace_clock) -> None:
    hidden = CommandHandler(
        hub, db, "ab" * 32, rules=FixedRules(show_host_list=False), pace_clock=pace_clock
    )
    refused = send(hidden, kiosk(), type="find_hosts", text="pri")
    assert refused["reason"] == "host_list_hidden"
    full = send(hidden, kiosk(), type="find_host_by_full_name", name="Priya Raman")
    assert [h["name"] for h in full["result"]["hosts"]] == ["Priya Raman"]


def test_leaving_answers_alike_and_ends_only_a_proven_visit(handler, hub, db) -> None:
    check_in(handler, kiosk(), name="Ada Byron", contact="ada@example.com")
    answers = [
        send(handler, kiosk(2), type="leaving", name="Ada Byron", contact=contact)
        for contact in ("", "nobody@example.com")
    ]
    assert all(set(a["result"]) == {"visit"} for a in answers)
    (visit,) = hub.waiting_now()
    assert visit.state == "waiting"
    for answer in answers:  # the faces after it do nothing, and say nothing
        send(handler, kiosk(2), type="rate_welcome", visit=answer["result"]["visit"], rating=1)
    assert hub.visit(visit.id).feedback is None
    proven = send(handler, kiosk(2), type="leaving", name="ada byron", contact="ADA@example.com")
    assert set(proven["result"]) == {"visit"}
    assert hub.visit(visit.id).state == "departed"
    send(handler, kiosk(2), type="rate_welcome", visit=proven["result"]["visit"], rating=5)
    assert hub.visit(visit.id).feedback == 5


def test_a_wall_dashboard_sees_no_visitor(handler, hub, staff) -> None:
    hub.check_in(
        "Maria Garcia", host_id=staff["priya"], pronunciation="mah-REE-ah", contact="m@x.org"
    )
    wall = Session(role=DeviceRole.DASHBOARD, holder="device:9")
    (card,) = send(handler, wall, type="queue")["result"]["visits"]
    assert "Maria" not in json.dumps(card) and "Priya" not in json.dumps(card)
    assert card["state"] == "waiting"
    desk = Session(role=DeviceRole.DESK, holder="device:8")
    (full,) = send(handler, desk, type="queue")["result"]["visits"]
    assert full["name"] == "Maria Garcia"
    event = hub.events_after(0)[0]
    assert b"Maria" not in handler.event_for(event, wall)
    assert b"Maria" in handler.event_for(event, desk)


def test_a_badge_is_made_for_the_kiosk_s_own_visit_only_while_it_is_on_site(
    hub, db, staff, rules, pace_clock
) -> None:
    from kiosk.core.codes import CodeKind, read_code

    secret = b"s" * 32
    handler = CommandHandler(
        hub, db, "ab" * 32, rules=rules, pace_clock=pace_clock, site_secret=secret
    )
    made = check_in(handler, kiosk(1), host_id=staff["priya"], purpose="meeting")["result"]
    badge = send(handler, kiosk(1), type="badge", visit=made["visit"])["result"]["badge"]
    (visit,) = hub.waiting_now()
    assert badge["name"] == "Maria Garcia" and badge["visiting"] == "Visiting Priya Raman"
    code = read_code(badge["code"], secret)
    assert code.kind is CodeKind.BADGE and code.number == visit.id
    # The same name checking in again while waiting: the kiosk hears of that visit, no more.
    again = check_in(handler, kiosk(1), key="j" * 8, host_id=staff["priya"])["result"]
    assert send(handler, kiosk(1), type="badge", visit=again["visit"])["result"] == {}
    hub.check_out(visit.id, "desk")
    assert send(handler, kiosk(1), type="badge", visit=made["visit"])["result"] == {}


@pytest.mark.parametrize("said", ["\x1b[2J\x1b[31mfire!", "Out of labels\u202egnirts", "a\nb"])
def test_a_kiosk_s_status_is_text_never_a_control(handler, said: str) -> None:
    told = []
    handler.announce_to_desks = told.append
    refused = send(handler, kiosk(1), type="status", sound=True, printer=said)
    assert refused["reason"] == "invalid_status" and told == []
    assert (
        send(handler, kiosk(1), type="status", sound=True, printer="Out of labels")["result"] == {}
    )
    assert len(told) == 1  # the desks hear of a problem, in words
