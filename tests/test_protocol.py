"""Messages from clients: good ones carried out, bad ones answered with a reason, never a crash."""

import json
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from kiosk.core.people import staff_actor
from kiosk.core.policies import Policies
from kiosk.hub.handler import CommandHandler
from kiosk.hub.protocol import MAX_MESSAGE_BYTES
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store import visits
from kiosk.store.database import open_database
from kiosk.store.devices import DeviceRole


@pytest.fixture
def handler(hub: HubService, db: Database) -> CommandHandler:
    return CommandHandler(hub, db, "ab" * 32)


def kiosk_session() -> Session:
    return Session(role=DeviceRole.KIOSK, device="lobby kiosk", holder="device:1")


def ask(handler: CommandHandler, session: Session | None = None, **message) -> dict:
    raw = json.dumps({"v": 2, "id": 7, **message})
    return json.loads(handler.handle(raw, session or kiosk_session()))


def test_a_kiosk_checks_in_and_checks_out(handler: CommandHandler, staff) -> None:
    hosts = ask(handler, type="find_hosts", text="nun")["result"]["hosts"]
    assert [h["name"] for h in hosts] == ["José Núñez"]
    done = ask(
        handler,
        type="check_in",
        name="maria garcia",
        host_id=hosts[0]["id"],
        key="k1k1k1k1",
        contact="maria@example.com",
    )["result"]
    assert done["first_name"] == "Maria" and done["returning"] is False
    assert len(done["visit"]) == 32 and "visit_id" not in done  # a handle, not an id
    assert ask(handler, type="check_out", visit=done["visit"])["type"] == "reply"
    assert ask(handler, type="rate_welcome", visit=done["visit"], rating=5)["type"] == "reply"


def test_the_kiosk_hears_who_is_on_the_way_for_its_own_visit_only(handler, hub, staff) -> None:
    mine = ask(handler, type="check_in", name="Maria Garcia", host_id=staff["priya"], key="a" * 8)
    handle = mine["result"]["visit"]
    other = hub.check_in("Tom Byrne", host_id=staff["priya"]).visit  # at another kiosk
    hub.acknowledge(1, staff_actor(staff["sam"]))
    hub.acknowledge(other.id, staff_actor(staff["sam"]))
    acknowledged = [e for e in hub.events_after(0) if e.type == "acknowledged"]
    message = json.loads(handler.event_for(acknowledged[0], kiosk_session()))
    assert message == {
        "v": 2,
        "type": "event",
        "seq": acknowledged[0].seq,
        "event": "acknowledged",
        "visit": handle,
        "by": "Sam",
    }
    assert handler.event_for(acknowledged[1], kiosk_session()) is None  # not this kiosk's
    another_kiosk = Session(role=DeviceRole.KIOSK, holder="device:2")
    assert handler.event_for(acknowledged[0], another_kiosk) is None
    (checked_in, _) = [e for e in hub.events_after(0) if e.type == "checked_in"]
    assert handler.event_for(checked_in, kiosk_session()) is None  # never arrivals


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        (b"not json", "invalid", "not a JSON object"),
        (b"[1, 2]", "invalid", "Invalid message"),
        (b'{"v": 2, "id": 3, "type": "launch_rockets"}', "invalid", "Invalid message"),
        (b'{"v": 2, "id": 3, "type": "find_hosts"}', "invalid", "missing required field `text`"),
        (b'{"v": 2, "id": 3, "type": "find_hosts", "text": 5}', "invalid", "Expected `str`"),
        (b'{"v": 2, "id": 3, "type": "find_hosts", "text": "ab", "x": 1}', "invalid", "`x`"),
        (b'{"v": 1, "id": 3, "type": "find_hosts", "text": "ab"}', "invalid", "version 2"),
        (
            b'{"v": 2, "id": 3, "type": "check_out", "visit": "' + b"0" * 32 + b'"}',
            "refused",
            "moved on",
        ),
        (
            b'{"v": 2, "id": 3, "type": "rate_welcome", "visit": "' + b"0" * 32 + b'", '
            b'"rating": 11}',
            "invalid",
            "<= 5",
        ),
        (
            json.dumps({"v": 2, "id": 3, "type": "find_hosts", "text": "a" * 500}).encode(),
            "invalid",
            "length <= 120",
        ),
        (b"{" + b" " * MAX_MESSAGE_BYTES + b"}", "invalid", "too large"),
        # Nested 8,000 deep, inside the size limit: refused before any decoder recurses into it.
        (
            b'{"v": 2, "id": 3, "type": "queue", "x": ' + b"[" * 8000 + b"]" * 8000 + b"}",
            "invalid",
            "nested deeper",
        ),
        (b"[" * 8000, "invalid", "nested deeper"),
        # Brackets inside a string are text, not nesting.
        (
            b'{"v": 2, "id": 3, "type": "find_hosts", "text": "' + b"[" * 130 + b'"}',
            "invalid",
            "length <= 120",
        ),
        (
            json.dumps(
                {
                    "v": 2,
                    "id": 3,
                    "type": "check_in",
                    "name": "Bob\x1b",
                    "purpose": "delivery",
                    "key": "abcdefgh",
                }
            ).encode(),
            "refused",
            "control characters",
        ),
    ],
)
def test_bad_messages_get_a_reason(handler: CommandHandler, raw: bytes, code: str, words: str):
    answer = json.loads(handler.handle(raw, kiosk_session()))
    assert answer["type"] == "error" and answer["code"] == code
    assert words in answer["message"]
    assert ask(handler, type="find_hosts", text="zz")["type"] == "reply"  # still serving


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("name", "Bob\x1b[2J", "invalid_name"),
        ("name", "Bob\u202eevil", "invalid_name"),
        ("pronunciation", "bob\r\nX-Injected: 1", "invalid_pronunciation"),
        ("contact", "bob@example.com\x00", "invalid_contact"),
        ("kiosk", "lobby\u2066", "invalid_device_name"),
    ],
)
def test_a_refused_text_field_is_answered_with_its_reason(
    handler: CommandHandler, db: Database, field: str, value: str, reason: str
) -> None:
    message = {"type": "check_in", "name": "Bob", "purpose": "delivery", "key": "abcdefgh"}
    answer = ask(handler, **{**message, field: value})
    assert answer["type"] == "error" and answer["code"] == "refused"
    assert answer["reason"] == reason and "control characters" in answer["message"]
    assert db["visitors"].count == 0 and visits.last_seq(db) == 0


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    return open_database(tmp_path_factory.mktemp("fuzz") / "kiosk.db")


@pytest.fixture(scope="module")
def shared_handler(fuzz_db: Database) -> CommandHandler:
    return CommandHandler(HubService(fuzz_db, Policies(), tz=UTC), fuzz_db, "ab" * 32)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_random_bytes_never_crash_the_handler(shared_handler: CommandHandler, raw: bytes) -> None:
    answer = json.loads(shared_handler.handle(raw, kiosk_session()))
    assert answer["type"] in ("error", "reply")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children)
    ),
    max_leaves=8,
)
known_types = st.sampled_from(
    ["hello", "pair_begin", "pair", "find_hosts", "identify", "check_in", "leaving", "check_out",
     "rate_welcome", "cancel", "release", "set_targets", "acknowledge", "welcome",
     "mark_left_unseen", "shown", "queue", "your_day", "receptionists", "scan", "figures",
     "follow_ups", "follow_up", "export_rows", "on_site", "start_roll_call", "end_roll_call",
     "accounted_for", "expected", "expect", "withdraw_invitation", "badge", "status",
     "nonsense"]
)  # fmt: skip
field_names = st.sampled_from(
    ["name", "text", "host_id", "visit_id", "staff_id", "rating", "purpose", "key", "token",
     "code", "role", "after_seq", "identity", "visit", "contact", "pin", "nonce", "proof",
     "first", "last", "day", "note", "after", "limit", "anonymous", "csv", "at", "email",
     "expected_id", "printer", "sound", "extra"]
)  # fmt: skip
messages = st.fixed_dictionaries(
    {"v": st.sampled_from([2, 2, 2, 1, "2"]), "id": st.integers(0, 2**40), "type": known_types},
).flatmap(
    lambda base: st.dictionaries(field_names, json_values | st.integers(1, 5), max_size=5).map(
        lambda fields: {**fields, **base}
    )
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    message=messages,
    role=st.sampled_from([None, *DeviceRole]),
)
def test_random_well_formed_messages_are_answered_and_keep_the_log_consistent(
    shared_handler: CommandHandler, fuzz_db: Database, message: dict, role: DeviceRole | None
) -> None:
    answer = json.loads(shared_handler.handle(json.dumps(message), Session(role=role)))
    assert answer["type"] in ("error", "reply")
    if answer["type"] == "error":
        assert answer["message"] and answer["code"] in (
            "invalid", "refused", "unauthorised", "unavailable", "slow_down"
        )  # fmt: skip
    assert visits.rebuild_visits(fuzz_db) == visits.all_visits(fuzz_db)
