"""Messages from clients: good ones carried out, bad ones answered with a reason, never a crash."""

import json
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from kiosk.core.policies import Policies
from kiosk.hub.handler import CommandHandler, Session, staff_actor
from kiosk.hub.protocol import MAX_MESSAGE_BYTES
from kiosk.hub.service import HubService
from kiosk.store import visits
from kiosk.store.database import open_database
from kiosk.store.devices import DeviceRole


@pytest.fixture
def handler(hub: HubService, db: Database) -> CommandHandler:
    return CommandHandler(hub, db)


def kiosk_session() -> Session:
    return Session(role=DeviceRole.KIOSK, device="lobby kiosk")


def ask(handler: CommandHandler, session: Session | None = None, **message) -> dict:
    raw = json.dumps({"v": 1, "id": 7, **message})
    return json.loads(handler.handle(raw, session or kiosk_session()))


def test_a_kiosk_checks_in_and_checks_out(handler: CommandHandler, staff) -> None:
    hosts = ask(handler, type="find_hosts", text="nun")["result"]["hosts"]
    assert [h["name"] for h in hosts] == ["José Núñez"]
    done = ask(
        handler, type="check_in", name="maria garcia", host_id=hosts[0]["id"], key="k1k1k1k1"
    )
    assert done == {
        "v": 1,
        "type": "reply",
        "id": 7,
        "result": {"visit_id": 1, "first_name": "maria", "returning": False},
    }
    found = ask(handler, type="find_my_visit", name="María García")["result"]["visits"]
    assert found == [{"visit_id": 1, "masked_contact": "", "host_name": "José Núñez"}]
    assert ask(handler, type="check_out", visit_id=1)["type"] == "reply"
    assert ask(handler, type="rate_welcome", visit_id=1, rating=5)["type"] == "reply"


def test_two_visitors_with_one_name_see_only_masked_contacts(handler, hub, staff) -> None:
    hub.check_in("Maria Garcia", host_id=staff["priya"], contact="maria.g@example.com")
    hub.check_in("Maria Garcia", host_id=staff["jose"], contact="+44 7700 900123")
    matches = ask(handler, type="look_up_visitor", name="maria garcia")["result"]["matches"]
    assert sorted(m["masked_contact"] for m in matches) == ["m•••@example.com", "•••23"]
    assert "maria.g" not in json.dumps(matches)


def test_the_kiosk_hears_who_is_on_the_way(handler, hub, staff) -> None:
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"]).visit
    hub.acknowledge(visit.id, staff_actor(staff["sam"]))
    (event,) = [e for e in hub.events_after(0) if e.type == "acknowledged"]
    message = json.loads(handler.event_for(event, DeviceRole.KIOSK))
    assert message == {
        "v": 1,
        "type": "event",
        "seq": 2,
        "event": "acknowledged",
        "visit_id": visit.id,
        "by": "Sam",
    }
    (checked_in,) = [e for e in hub.events_after(0) if e.type == "checked_in"]
    assert handler.event_for(checked_in, DeviceRole.KIOSK) is None  # never other arrivals


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        (b"not json", "invalid", "not a JSON object"),
        (b"[1, 2]", "invalid", "Invalid message"),
        (b'{"v": 1, "id": 3, "type": "launch_rockets"}', "invalid", "Invalid message"),
        (b'{"v": 1, "id": 3, "type": "find_hosts"}', "invalid", "missing required field `text`"),
        (b'{"v": 1, "id": 3, "type": "find_hosts", "text": 5}', "invalid", "Expected `str`"),
        (b'{"v": 1, "id": 3, "type": "find_hosts", "text": "ab", "x": 1}', "invalid", "`x`"),
        (b'{"v": 2, "id": 3, "type": "find_hosts", "text": "ab"}', "invalid", "version 2"),
        (b'{"v": 1, "id": 3, "type": "check_out", "visit_id": 99}', "refused", "no visit 99"),
        (
            b'{"v": 1, "id": 3, "type": "rate_welcome", "visit_id": 1, "rating": 11}',
            "invalid",
            "<= 5",
        ),
        (
            json.dumps({"v": 1, "id": 3, "type": "find_hosts", "text": "a" * 500}).encode(),
            "invalid",
            "length <= 120",
        ),
        (b"{" + b" " * MAX_MESSAGE_BYTES + b"}", "invalid", "too large"),
        (
            json.dumps(
                {
                    "v": 1,
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
    return CommandHandler(HubService(fuzz_db, Policies(), tz=UTC), fuzz_db)


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
    ["hello", "pair", "find_hosts", "look_up_visitor", "check_in", "find_my_visit", "check_out",
     "rate_welcome", "cancel", "acknowledge", "welcome", "mark_left_unseen", "shown", "queue",
     "your_day", "receptionists", "nonsense"]
)  # fmt: skip
field_names = st.sampled_from(
    ["name", "text", "host_id", "visit_id", "staff_id", "rating", "purpose", "key", "token",
     "code", "role", "after_seq", "visitor_id", "extra"]
)  # fmt: skip
messages = st.fixed_dictionaries(
    {"v": st.sampled_from([1, 1, 1, 2, "1"]), "id": st.integers(0, 2**40), "type": known_types},
).flatmap(
    lambda base: st.dictionaries(field_names, json_values | st.integers(1, 5), max_size=5).map(
        lambda fields: {**fields, **base}
    )
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    message=messages,
    role=st.sampled_from([None, DeviceRole.KIOSK, DeviceRole.DESK, DeviceRole.DASHBOARD]),
)
def test_random_well_formed_messages_are_answered_and_keep_the_log_consistent(
    shared_handler: CommandHandler, fuzz_db: Database, message: dict, role: DeviceRole | None
) -> None:
    answer = json.loads(shared_handler.handle(json.dumps(message), Session(role=role)))
    assert answer["type"] in ("error", "reply")
    if answer["type"] == "error":
        assert answer["message"] and answer["code"] in (
            "invalid", "refused", "unauthorised", "unavailable"
        )  # fmt: skip
    assert visits.rebuild_visits(fuzz_db) == visits.all_visits(fuzz_db)
