"""A manager's commands at the hub: figures, follow-ups, exports page by page, and the roll call
that desks share. Driven through the handler as a paired device would, message by message."""

from __future__ import annotations

import json
from datetime import UTC, date, timedelta

import pytest
from sqlite_utils import Database

from kiosk.core.lifecycle import EventType
from kiosk.core.people import staff_actor
from kiosk.core.policies import Policies
from kiosk.core.purposes import Purpose
from kiosk.hub.handler import CommandHandler
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store import people, visits
from kiosk.store.database import writing
from kiosk.store.devices import DeviceRole
from kiosk.store.export import export_query
from kiosk.store.seed import seed_history
from tests.conftest import MORNING_MS, FakeClock

TODAY = "2026-11-24"
MANAGER = Session(role=DeviceRole.MANAGER, holder="manager:1", device_id=1)
DESK = Session(role=DeviceRole.DESK, holder="desk:2", device_id=2)
WALL = Session(role=DeviceRole.DASHBOARD, holder="dashboard:3", device_id=3)


@pytest.fixture
def handler(hub: HubService, db: Database) -> CommandHandler:
    handler = CommandHandler(hub, db, "ab" * 32)
    handler.announced = []  # type: ignore[attr-defined]
    handler.announce = lambda message: handler.announced.append(json.loads(message))
    return handler


def send(handler: CommandHandler, session: Session, **message) -> dict:
    return json.loads(handler.handle(json.dumps({"v": 2, "id": 7, **message}), session))


def result(handler: CommandHandler, session: Session, **message) -> dict:
    answer = send(handler, session, **message)
    assert answer["type"] == "reply", answer
    return answer["result"]


@pytest.fixture
def long_waits(hub: HubService, clock: FakeClock, staff: dict[str, int]) -> dict[str, int]:
    """Maria waited ten minutes, Bo left unseen, Ann was welcomed within target."""
    ids = {}
    for name, wait in [("Maria Garcia", 600), ("Ann Lee", 60)]:
        visit = hub.check_in(name, host_id=staff["priya"], contact=f"{name[:3]}@example.com").visit
        clock.advance(wait)
        hub.welcome(visit.id, staff_actor(staff["sam"]))
        ids[name] = visit.id
    bo = hub.check_in("Bo Chen", purpose=Purpose.DELIVERY).visit
    clock.advance(300)
    hub.mark_left_unseen(bo.id, staff_actor(staff["sam"]))
    ids["Bo Chen"] = bo.id
    return ids


def test_the_figures_name_receptionists_not_their_numbers(handler, long_waits) -> None:
    body = result(handler, MANAGER, type="figures", first=TODAY, last=TODAY)
    assert body["current"]["visits"] == 3 and body["current"]["left_unseen"] == 1
    assert body["current"]["wait_median_s"] == 330
    assert body["targets"]["welcome_s"] == 180
    (sam,) = body["receptionists"]
    assert (sam["name"], sam["welcomed"], sam["within_target_share"]) == ("Sam Jones", 2, 0.5)
    assert sam["best_week"] == {"monday": "2026-11-23", "within_target": 1}
    assert body["waits"] == [[60, 1], [600, 1]]
    assert body["visits_per_day"] == [{"day": TODAY, "visits": 3}]
    assert result(handler, WALL, type="figures", first=TODAY, last=TODAY) == body


@pytest.mark.parametrize(
    ("first", "last"),
    [("2026-11-30", "2026-11-01"), ("2026-02-30", "2026-03-01"), ("2000-01-01", "2026-01-01")],
)
def test_a_range_that_makes_no_sense_is_refused_with_a_sentence(handler, first, last) -> None:
    for command in ("figures", "follow_ups", "export_rows"):
        refused = send(handler, MANAGER, type=command, first=first, last=last)
        assert refused["reason"] == "bad_range" and refused["message"].endswith(".")


def test_follow_ups_list_the_long_waits_and_the_unseen(handler, long_waits) -> None:
    found = result(handler, MANAGER, type="follow_ups", first=TODAY, last=TODAY)
    assert found["more"] is False
    assert [(v["name"], v["wait_s"], v["left_unseen"]) for v in found["visits"]] == [
        ("Bo Chen", None, True),
        ("Maria Garcia", 600, False),
    ]
    maria = found["visits"][1]
    assert (maria["contact"], maria["host"], maria["welcomed_by"]) == (
        "Mar@example.com", "Priya Raman", "Sam Jones"
    )  # fmt: skip
    assert maria["followed_up_at"] is None and maria["follow_up_note"] is None


def test_a_follow_up_is_recorded_once_with_its_note(handler, long_waits, clock) -> None:
    maria = long_waits["Maria Garcia"]
    done = result(handler, MANAGER, type="follow_up", visit_id=maria, note="  Called; all fine ")
    assert done == {"visit_id": maria, "followed_up_at": clock.now_ms}
    again = send(handler, MANAGER, type="follow_up", visit_id=maria, note="Twice?")
    assert again["reason"] == "not_now"
    listed = result(handler, MANAGER, type="follow_ups", first=TODAY, last=TODAY)["visits"][1]
    assert listed["followed_up_at"] == clock.now_ms
    assert listed["follow_up_note"] == "Called; all fine"


@pytest.mark.parametrize(
    ("note", "reason"), [("Called\x1b[2J", "invalid_note"), ("x" * 201, "note_too_long")]
)
def test_a_bad_note_is_refused_and_nothing_is_recorded(handler, long_waits, db, note, reason):
    maria = long_waits["Maria Garcia"]
    assert send(handler, MANAGER, type="follow_up", visit_id=maria, note=note)["reason"] == reason
    assert visits.get_visit(db, maria).followed_up_at is None


def test_the_note_goes_when_the_visitor_is_forgotten(handler, long_waits, db) -> None:
    maria = long_waits["Maria Garcia"]
    send(handler, MANAGER, type="follow_up", visit_id=maria, note="Prefers tea")
    with writing(db):
        people.forget_visitor(db, visits.get_visit(db, maria).visitor_id)
    assert db.execute("SELECT count(*) FROM follow_up_notes").fetchone() == (0,)
    assert visits.get_visit(db, maria).followed_up_at is not None  # the fact stays, no words


def test_only_managers_hear_of_follow_ups(handler, long_waits, hub) -> None:
    send(handler, MANAGER, type="follow_up", visit_id=long_waits["Maria Garcia"], note="")
    (event,) = [e for e in hub.events_after(0) if e.type is EventType.FOLLOWED_UP]
    assert handler.event_for(event, DESK) is None
    assert json.loads(handler.event_for(event, MANAGER))["event"] == "followed_up"


def test_the_next_proven_visit_tells_the_desk_of_the_follow_up(handler, long_waits, hub, clock):
    maria = long_waits["Maria Garcia"]
    send(handler, MANAGER, type="follow_up", visit_id=maria, note="Sorry again")
    followed = clock.now_ms
    visitor_id = visits.get_visit(hub._db, maria).visitor_id
    clock.advance(7 * 24 * 3600)
    back = hub.check_in("Maria Garcia", host_id=1, visitor_id=visitor_id).visit
    assert handler.cards.desk_card(back)["followed_up_at"] == followed
    stranger = hub.check_in("Maria Garcia", host_id=1).visit  # unproven: no word of it
    assert handler.cards.desk_card(stranger)["followed_up_at"] is None


def test_a_roll_call_marks_the_people_on_site_live(handler, hub, staff, clock) -> None:
    here = [hub.check_in(n, purpose=Purpose.DELIVERY).visit.id for n in ("Ada Byron", "Bo Chen")]
    gone = hub.check_in("Cy Twombly", purpose=Purpose.DELIVERY).visit.id
    hub.cancel(gone, "desk")
    listed = result(handler, DESK, type="on_site")
    assert listed["roll_call"] is None
    assert [v["visit_id"] for v in listed["visits"]] == here  # the list is what is open now
    early = send(handler, DESK, type="accounted_for", visit_id=here[0])
    assert early["reason"] == "no_roll_call"

    result(handler, MANAGER, type="start_roll_call", staff_id=staff["sam"])
    assert handler.announced[-1]["notice"] == "roll_call"
    assert handler.announced[-1]["roll_call"]["started_by_name"] == "Sam Jones"
    assert handler.announced[-1]["roll_call"]["started_at"] == clock.now_ms
    clock.advance(30)
    result(handler, DESK, type="accounted_for", visit_id=here[0], staff_id=staff["sam"])
    marked = [e for e in hub.events_after(0) if e.type is EventType.ACCOUNTED_FOR][-1]
    assert json.loads(handler.event_for(marked, DESK))["card"]["accounted"] is True
    listed = result(handler, MANAGER, type="on_site")
    assert [v["accounted"] for v in listed["visits"]] == [True, False]

    result(handler, DESK, type="end_roll_call")
    assert handler.announced[-1]["roll_call"] is None
    clock.advance(600)
    result(handler, DESK, type="start_roll_call")  # a new roll call starts with nobody marked
    assert [v["accounted"] for v in result(handler, DESK, type="on_site")["visits"]] == [False] * 2


def test_an_export_comes_page_by_page_and_whole(db: Database, staff) -> None:
    seed_history(db, 700, now_ms=MORNING_MS, tz=UTC)
    hub = HubService(db, Policies(), clock=FakeClock(), tz=UTC)
    handler = CommandHandler(hub, db, "ab" * 32)
    first = str(date(2026, 11, 24) - timedelta(days=60))
    rows, after, pages = [], 0, 0
    while after is not None:
        page = result(handler, MANAGER, type="export_rows", first=first, last=TODAY,
                      after=after, limit=50)  # fmt: skip
        rows += page["rows"]
        after, pages = page["next"], pages + 1
    start = int(hub.day_start_ms(date.fromisoformat(first)))
    whole = db.execute(export_query(for_csv=False), {"start_ms": start, "end_ms": MORNING_MS * 2})
    assert rows == [list(row) for row in whole] and len(rows) > 100 and pages > 2
    first_page = result(handler, MANAGER, type="export_rows", first=first, last=TODAY, limit=5)
    assert first_page["total"] == len(rows) and "total" not in page
    assert page["columns"][:3] == ["visit_id", "visitor_id", "visitor_name"]
    anonymous = result(handler, MANAGER, type="export_rows", first=first, last=TODAY,
                       anonymous=True, csv=True, limit=5)  # fmt: skip
    assert "visitor_name" not in anonymous["columns"]
    assert "follow_up_note" not in anonymous["columns"]
    assert all(isinstance(cell, str) for row in anonymous["rows"] for cell in row)
