"""The hub service: commands stamped by the hub's clock, written, then published in order."""

from datetime import UTC, datetime, time

import pytest
from sqlite_utils import Database

from kiosk.core.lifecycle import EndedHow, Event, EventType, VisitState
from kiosk.core.names import InvalidName
from kiosk.core.policies import Policies, Targets
from kiosk.core.purposes import Purpose
from kiosk.hub.service import CommandRefused, HubService
from kiosk.store import people, visits
from tests.conftest import FakeClock


def test_a_visit_from_check_in_to_check_out(hub: HubService, clock, staff) -> None:
    arrival = hub.check_in("Maria Garcia", host_id=staff["priya"], kiosk="lobby")
    assert arrival.returning is False
    assert arrival.visit.state is VisitState.WAITING
    clock.advance(25)
    hub.acknowledge(arrival.visit.id, "desk-1")
    clock.advance(70)
    hub.welcome(arrival.visit.id, "desk-1")
    clock.advance(3600)
    visit = hub.check_out(arrival.visit.id)
    assert visit.state is VisitState.DEPARTED
    assert visit.acknowledged_at - visit.checked_in_at == 25_000
    assert visit.welcomed_at - visit.checked_in_at == 95_000
    assert visit.ended_how is EndedHow.CHECKED_OUT
    assert hub.on_site_now() == []


def test_the_same_visitor_is_welcomed_back(hub: HubService, db: Database, clock, staff) -> None:
    first = hub.check_in("Maria Garcia", host_id=staff["priya"], pronunciation="ma-REE-ah")
    clock.advance(540)
    hub.welcome(first.visit.id, "desk-1")
    hub.check_out(first.visit.id)
    clock.advance(86_400)
    again = hub.check_in("maria  garcía", host_id=staff["jose"], visitor_id=first.visitor.id)
    assert again.returning is True
    assert again.visitor.visit_count == 1
    assert again.visitor.last_wait_s == 540  # the desk can see she waited 9 minutes last time
    assert again.visitor.pronunciation == "ma-REE-ah"
    remembered = people.get_visitor(db, first.visitor.id)
    assert remembered.visit_count == 2
    assert remembered.last_host_id == staff["jose"]


def test_a_visitor_id_must_belong_to_the_name_typed(hub: HubService, staff) -> None:
    maria = hub.check_in("Maria Garcia", host_id=staff["priya"])
    with pytest.raises(CommandRefused, match="couldn't find your earlier visit"):
        hub.check_in("Someone Else", host_id=staff["priya"], visitor_id=maria.visitor.id)


def test_check_in_refuses_bad_input_and_writes_nothing(hub: HubService, db: Database, staff):
    with pytest.raises(InvalidName):
        hub.check_in("\x07", host_id=staff["sam"])
    with pytest.raises(CommandRefused, match="choose whom you are visiting"):
        hub.check_in("Maria Garcia")
    with pytest.raises(CommandRefused, match="not on the staff list"):
        hub.check_in("Maria Garcia", host_id=999)
    assert visits.last_seq(db) == 0
    assert db["visitors"].count == 0


BAD_CHARACTERS = ["\x00", "\x1b[2J", "\r\n", "\u202e", "\u2067"]


@pytest.mark.parametrize("bad", BAD_CHARACTERS, ids=["nul", "esc", "crlf", "rlo", "rli"])
@pytest.mark.parametrize(
    ("field", "reason"),
    [
        ("pronunciation", "invalid_pronunciation"),
        ("contact", "invalid_contact"),
        ("kiosk", "invalid_device_name"),
    ],
)
def test_check_in_refuses_control_characters_in_every_text_field(
    hub: HubService, db: Database, staff, field: str, reason: str, bad: str
) -> None:
    with pytest.raises(CommandRefused, match="control characters") as refused:
        hub.check_in("Maria Garcia", host_id=staff["priya"], **{field: f"ma{bad}ria"})
    assert refused.value.reason == reason
    assert visits.last_seq(db) == 0 and db["visitors"].count == 0


@pytest.mark.parametrize("bad", BAD_CHARACTERS, ids=["nul", "esc", "crlf", "rlo", "rli"])
def test_check_in_refuses_control_characters_in_the_name(
    hub: HubService, db: Database, staff, bad: str
) -> None:
    with pytest.raises(InvalidName, match="control characters") as refused:
        hub.check_in(f"Maria{bad}Garcia", host_id=staff["priya"])
    assert refused.value.reason == "invalid_name"
    assert visits.last_seq(db) == 0 and db["visitors"].count == 0


def test_a_returning_visitors_new_pronunciation_is_checked_too(hub: HubService, db, staff):
    maria = hub.check_in("Maria Garcia", host_id=staff["priya"], pronunciation="mah-REE-ah")
    with pytest.raises(CommandRefused) as refused:
        hub.check_in(
            "Maria Garcia",
            host_id=staff["priya"],
            visitor_id=maria.visitor.id,
            pronunciation="\u202ehA-eeR-ham",
        )
    assert refused.value.reason == "invalid_pronunciation"
    assert people.get_visitor(db, maria.visitor.id).pronunciation == "mah-REE-ah"


def test_names_in_any_script_with_their_joiners_check_in(hub: HubService, staff) -> None:
    for name, pronunciation in [
        ("محمد عبد الله", "mo-HAM-mad"),
        ("Zoë 👩🏽‍💻", "ZOH-ee"),
        ("क्‍षमा शर्मा", "KSHA-maa"),
    ]:
        done = hub.check_in(name, host_id=staff["priya"], pronunciation=pronunciation)
        assert done.visitor.name == name and done.visitor.pronunciation == pronunciation


def test_a_failing_subscriber_logs_where_but_never_the_visitors_name(
    hub: HubService, staff, caplog: pytest.LogCaptureFixture
) -> None:
    heard = []

    def broken(event: Event) -> None:
        raise ValueError(f"could not show {people.get_visitor(hub._db, 1).name}")

    hub.subscribe(broken)
    hub.subscribe(heard.append)
    hub.check_in("Maria Garcia", host_id=staff["priya"], contact="maria@example.com")
    assert [e.type for e in heard] == [EventType.CHECKED_IN]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "A subscriber failed on event 1 with ValueError" in logged and "broken" in logged
    assert "Maria" not in logged and "maria@" not in logged


def test_deliveries_need_no_host(hub: HubService) -> None:
    visit = hub.check_in("Parcel Courier", purpose=Purpose.DELIVERY).visit
    assert visit.host_id is None and visit.purpose == "delivery"


def test_two_desks_cannot_both_acknowledge(hub: HubService, staff) -> None:
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"]).visit
    hub.acknowledge(visit.id, "desk-1")
    with pytest.raises(ValueError, match="already has someone on the way"):
        hub.acknowledge(visit.id, "desk-2")


def test_feedback_is_one_to_five(hub: HubService, staff) -> None:
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"]).visit
    hub.check_out(visit.id)
    with pytest.raises(CommandRefused, match="choose one of the faces"):
        hub.rate_welcome(visit.id, 9)
    assert hub.rate_welcome(visit.id, 5).feedback == 5


def test_subscribers_get_every_event_in_order_after_it_is_durable(
    hub: HubService, db: Database, staff
) -> None:
    seen: list[tuple[int, EventType, bool]] = []

    def listener(event: Event) -> None:
        stored = visits.events_after(db, event.seq - 1)[0]
        seen.append((event.seq, event.type, stored == event))

    hub.subscribe(listener)
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"]).visit
    hub.acknowledge(visit.id, "desk-1")
    hub.welcome(visit.id, "desk-1")
    assert seen == [
        (1, EventType.CHECKED_IN, True),
        (2, EventType.ACKNOWLEDGED, True),
        (3, EventType.WELCOMED, True),
    ]


def test_a_returning_subscriber_catches_up_from_its_last_number(hub: HubService, staff):
    for name in ("Ann Lee", "Bo Chen", "Cy Diaz"):
        hub.check_in(name, host_id=staff["priya"])
    caught_up: list[int] = []
    hub.subscribe(lambda event: caught_up.append(event.seq), after_seq=1)
    hub.check_in("Di Eze", host_id=staff["priya"])
    assert caught_up == [2, 3, 4]


def test_a_failing_subscriber_does_not_silence_the_others(hub: HubService, staff) -> None:
    received: list[int] = []

    def broken(event: Event) -> None:
        raise RuntimeError("desk window closed")

    hub.subscribe(broken)
    hub.subscribe(lambda event: received.append(event.seq))
    hub.check_in("Maria Garcia", host_id=staff["priya"])
    assert received == [1]


def test_escalation_once_per_interval_until_handled(db: Database, clock: FakeClock, staff) -> None:
    hub = HubService(
        db,
        Policies(targets=Targets(acknowledge_s=60, welcome_s=180, escalation_repeat_s=30)),
        clock=clock,
        tz=UTC,
    )
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"]).visit
    clock.advance(59)
    assert hub.tick() == []
    clock.advance(1)
    (first,) = hub.tick()
    assert first.type is EventType.ESCALATED
    assert dict(first.payload) == {"reason": "not_acknowledged", "level": 1}
    assert hub.tick() == []  # not again until the repeat interval has passed
    clock.advance(30)
    (second,) = hub.tick()
    assert second.payload["level"] == 2
    hub.acknowledge(visit.id, "desk-1")
    clock.advance(60)  # 150 s in: acknowledged, welcome target (180 s) not reached yet
    assert hub.tick() == []
    clock.advance(30)
    (third,) = hub.tick()
    assert dict(third.payload) == {"reason": "not_welcomed", "level": 3}
    hub.welcome(visit.id, "desk-1")
    clock.advance(600)
    assert hub.tick() == []


def test_visitors_still_on_site_at_closing_are_checked_out(db: Database, staff) -> None:
    clock = FakeClock(int(datetime(2026, 11, 24, 19, 30, tzinfo=UTC).timestamp() * 1000))
    hub = HubService(db, Policies(closing_time=time(20, 0)), clock=clock, tz=UTC)
    stayed = hub.check_in("Maria Garcia", host_id=staff["priya"]).visit
    hub.welcome(stayed.id, "desk-1")
    gone = hub.check_in("Bo Chen", host_id=staff["jose"]).visit
    hub.check_out(gone.id)
    clock.advance(29 * 60)
    hub.tick()
    assert hub.visit(stayed.id).state is VisitState.WELCOMED
    clock.advance(60)
    hub.tick()
    assert hub.visit(stayed.id).ended_how is EndedHow.AUTO_CHECKED_OUT
    assert hub.visit(gone.id).ended_how is EndedHow.CHECKED_OUT
    late = hub.check_in("Late Courier", purpose=Purpose.DELIVERY).visit  # after closing
    clock.advance(60)
    hub.tick()
    assert hub.visit(late.id).state is VisitState.WAITING


def test_retention_erases_people_but_keeps_the_waits(db: Database, clock, staff) -> None:
    hub = HubService(db, Policies(retention_days=30), clock=clock, tz=UTC)
    old = hub.check_in("Old Visitor", host_id=staff["priya"], contact="old@example.com")
    clock.advance(100)
    hub.welcome(old.visit.id, "desk-1")
    hub.check_out(old.visit.id)
    clock.advance(29 * 86_400)
    recent = hub.check_in("Recent Visitor", host_id=staff["priya"])
    clock.advance(2 * 86_400)
    hub.tick()  # the daily purge runs from the hub's tick
    assert people.get_visitor(db, old.visitor.id) is None
    assert people.get_visitor(db, recent.visitor.id) is not None
    kept = hub.visit(old.visit.id)
    assert kept.welcomed_at - kept.checked_in_at == 100_000
    names = {name for (name,) in db.execute("SELECT name FROM visitors")}
    assert names == {"Recent Visitor"}
    assert "Old Visitor" not in " ".join(p for (p,) in db.execute("SELECT payload FROM events"))


def test_a_resent_check_in_is_recorded_once(hub: HubService, db: Database, staff) -> None:
    seen: list[int] = []
    hub.subscribe(lambda event: seen.append(event.seq))
    first = hub.check_in("Maria Garcia", host_id=staff["priya"], key="k-0001-lobby")
    again = hub.check_in("Maria Garcia", host_id=staff["priya"], key="k-0001-lobby")
    assert again.visit == first.visit
    assert again.returning is False
    assert db["visits"].count == 1 and db["visitors"].count == 1
    assert seen == [1]
    other = hub.check_in("Maria Garcia", host_id=staff["priya"], key="k-0002-lobby")
    assert other.visit.id != first.visit.id
