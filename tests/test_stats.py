"""The manager's figures, checked against visits whose times we chose and against exports."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from kiosk.core.metrics import WaitSummary
from kiosk.core.policies import Policies, Targets
from kiosk.core.purposes import Purpose
from kiosk.core.spans import cover
from kiosk.hub.service import HubService
from kiosk.store import visits, wait_counts
from kiosk.store.database import open_database
from kiosk.store.export import export_visits
from kiosk.store.schema import MIGRATIONS
from kiosk.store.seed import seed_history
from kiosk.store.stats import BestWeek, Hour, WaitCounts
from kiosk.store.visits import rebuild_visits
from tests.conftest import MORNING_MS, FakeClock

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
TUESDAY = date(2026, 11, 24)  # MORNING_MS is 09:00 UTC that day
EMPTY = WaitSummary.of([], target_s=180)


def _visit(
    hub: HubService,
    clock: FakeClock,
    host: int,
    *,
    acknowledge_after: float | None = None,
    welcome_after: float | None = None,
    by: str = "staff:1",
) -> int:
    """A visit checked in now, acknowledged and welcomed the given seconds after check-in."""
    start = clock.now_ms
    visit = hub.check_in("Maria Garcia", host_id=host).visit
    if acknowledge_after is not None:
        clock.now_ms = start + int(acknowledge_after * 1000)
        hub.acknowledge(visit.id, by)
    if welcome_after is not None:
        clock.now_ms = start + int(welcome_after * 1000)
        hub.welcome(visit.id, by)
    clock.now_ms = start
    return visit.id


@pytest.fixture
def morning(hub: HubService, clock: FakeClock, staff: dict[str, int]) -> None:
    """Five welcomed visitors between 9 and 10, two at 10 and one at 11 who left unseen."""
    host = staff["priya"]
    for ack, wait in [(10, 30), (20, 45), (None, 60), (70, 90), (65, 200)]:
        _visit(hub, clock, host, acknowledge_after=ack, welcome_after=wait)
        clock.advance(600)
    clock.now_ms = MORNING_MS + HOUR_MS
    _visit(hub, clock, host, acknowledge_after=5, welcome_after=40, by="staff:2")
    clock.advance(60)
    _visit(hub, clock, host, welcome_after=20, by="staff:2")
    clock.now_ms = MORNING_MS + 2 * HOUR_MS
    unseen = hub.check_in("Bo Chen", purpose=Purpose.DELIVERY).visit
    clock.advance(900)
    hub.mark_left_unseen(unseen.id, "staff:1")


def test_the_figures_a_manager_reads(db: Database, morning) -> None:
    figures = WaitCounts(db, Targets()).figures(TUESDAY, TUESDAY)
    assert (figures.visits, figures.left_unseen) == (8, 1)
    # Waits 20, 30, 40, 45, 60, 90, 200 s; the visitor who left unseen has none.
    assert figures.wait == WaitSummary(
        count=7, median=45, p90=pytest.approx(134), max=200, within_target=pytest.approx(6 / 7)
    )
    # Acknowledged after 5, 10, 20, 65, 70 s: two of five missed the 60 s target.
    assert figures.acknowledge == WaitSummary(count=5, median=20, p90=68, max=70, within_target=0.6)
    assert dict(figures.waits) == {20: 1, 30: 1, 40: 1, 45: 1, 60: 1, 90: 1, 200: 1}


def test_waits_by_local_hour_of_check_in(db: Database, morning) -> None:
    hours = WaitCounts(db, Targets()).by_hour(TUESDAY, TUESDAY)
    assert list(hours) == [9, 10, 11]
    assert hours[9] == Hour(5, WaitSummary.of([30, 45, 60, 90, 200], target_s=180))
    assert hours[10] == Hour(2, WaitSummary(count=2, median=30, p90=38, max=40, within_target=1))
    # At 11 the only visitor left unseen: the hour is there, with no waits.
    assert hours[11] == Hour(1, EMPTY)


def test_waits_by_receptionist_and_their_best_week(db: Database, morning, hub, clock, staff):
    counts = WaitCounts(db, Targets())
    assert counts.by_receptionist(TUESDAY, TUESDAY) == {
        "staff:1": WaitSummary.of([30, 45, 60, 90, 200], target_s=180),
        "staff:2": WaitSummary.of([40, 20], target_s=180),
    }
    # A week later staff:2 welcomes three within target: that week is their best.
    clock.now_ms = MORNING_MS + 7 * DAY_MS
    for _ in range(3):
        _visit(hub, clock, staff["priya"], welcome_after=50, by="staff:2")
        clock.advance(60)
    monday = TUESDAY - timedelta(days=1)
    assert counts.best_weeks(monday, monday + timedelta(days=13)) == {
        "staff:1": BestWeek(monday, 4),
        "staff:2": BestWeek(monday + timedelta(days=7), 3),
    }


def test_the_hour_and_day_are_the_site_s_local_ones(db: Database, clock, staff) -> None:
    hub = HubService(db, Policies(), clock=clock, tz=timezone(timedelta(hours=-10)))
    _visit(hub, clock, staff["priya"], welcome_after=30)  # 09:00 UTC is 23:00 the day before
    counts = WaitCounts(db, Targets())
    assert counts.figures(TUESDAY, TUESDAY).visits == 0
    monday = TUESDAY - timedelta(days=1)
    assert counts.figures(monday, monday).visits == 1
    assert list(counts.by_hour(monday, monday)) == [23]


def test_a_visit_welcomed_after_midnight_counts_on_its_day_of_check_in(db, hub, clock, staff):
    clock.now_ms = MORNING_MS + 15 * HOUR_MS - 60_000  # 23:59
    _visit(hub, clock, staff["priya"], welcome_after=120)  # welcomed at 00:01
    clock.now_ms = MORNING_MS + 15 * HOUR_MS + 60_000  # 00:01 the next day
    _visit(hub, clock, staff["priya"], welcome_after=30)
    counts = WaitCounts(db, Targets())
    wednesday = TUESDAY + timedelta(days=1)
    assert counts.figures(TUESDAY, TUESDAY).wait == WaitSummary.of([120], target_s=180)
    assert counts.figures(wednesday, wednesday).wait == WaitSummary.of([30], target_s=180)
    assert counts.figures(TUESDAY, wednesday).visits == 2
    assert counts.visits_per_day(TUESDAY, wednesday) == {TUESDAY: 1, wednesday: 1}


def test_a_clock_change_keeps_each_visit_in_its_local_hour(db: Database, clock, staff) -> None:
    # Europe/London goes from summer time (UTC+1) to GMT at 02:00 on Sunday 25 October 2026.
    hub = HubService(db, Policies(), clock=clock, tz=ZoneInfo("Europe/London"))
    saturday, sunday = date(2026, 10, 24), date(2026, 10, 25)
    for day, welcome_after in [(saturday, 40), (sunday, 70)]:
        local_nine = datetime(day.year, day.month, day.day, 9, tzinfo=ZoneInfo("Europe/London"))
        clock.now_ms = int(local_nine.timestamp() * 1000)
        _visit(hub, clock, staff["priya"], welcome_after=welcome_after)
    counts = WaitCounts(db, Targets())
    hours = counts.by_hour(saturday, sunday)
    assert list(hours) == [9]
    assert hours[9] == Hour(2, WaitSummary.of([40, 70], target_s=180))
    assert counts.visits_per_day(saturday, sunday) == {saturday: 1, sunday: 1}


def test_a_fraction_of_a_second_counts_as_a_second_begun(db: Database, hub, clock, staff):
    _visit(hub, clock, staff["priya"], acknowledge_after=60.2, welcome_after=179.9)
    figures = WaitCounts(db, Targets()).figures(TUESDAY, TUESDAY)
    assert figures.acknowledge.max == 61 and figures.acknowledge.within_target == 0
    assert figures.wait.max == 180 and figures.wait.within_target == 1


def test_an_empty_range_has_no_figures(db: Database, morning) -> None:
    counts = WaitCounts(db, Targets())
    monday = TUESDAY - timedelta(days=1)
    figures = counts.figures(monday, monday)
    assert (figures.visits, figures.left_unseen, figures.wait, figures.acknowledge) == (
        0, 0, EMPTY, WaitSummary.of([], target_s=60)
    )  # fmt: skip
    assert counts.by_hour(monday, monday) == {}
    assert counts.by_receptionist(monday, monday) == {}


def test_an_empty_database_has_no_figures(db: Database) -> None:
    figures = WaitCounts(db, Targets()).figures(date(2000, 1, 1), TUESDAY)
    assert (figures.visits, figures.wait) == (0, EMPTY)


def test_the_previous_figures_are_the_same_number_of_days_just_before(db, morning) -> None:
    counts = WaitCounts(db, Targets())
    wednesday, thursday = TUESDAY + timedelta(days=1), TUESDAY + timedelta(days=2)
    before = counts.previous(wednesday, thursday)
    assert (before.first, before.last, before.visits) == (TUESDAY - timedelta(days=1), TUESDAY, 8)


def test_shares_within_target_are_taken_against_the_targets_given(db: Database, morning):
    strict = WaitCounts(db, Targets(acknowledge_s=15, welcome_s=40)).figures(TUESDAY, TUESDAY)
    assert strict.acknowledge.within_target == 0.4
    assert strict.wait.within_target == pytest.approx(3 / 7)


def test_undoing_left_unseen_takes_its_count_back(db: Database, hub, clock, staff) -> None:
    visit = hub.check_in("Bo Chen", purpose=Purpose.DELIVERY).visit
    hub.mark_left_unseen(visit.id, "staff:1")
    counts = WaitCounts(db, Targets())
    assert counts.figures(TUESDAY, TUESDAY).left_unseen == 1
    clock.advance(20)
    hub.undo_left_unseen(visit.id, "staff:1")
    assert counts.figures(TUESDAY, TUESDAY).left_unseen == 0
    assert wait_counts.table(db) == wait_counts.count_visits(rebuild_visits(db))


def test_erasing_visitors_leaves_the_figures_as_they_were(db: Database, clock, staff) -> None:
    hub = HubService(db, Policies(retention_days=1), clock=clock, tz=UTC)
    _visit(hub, clock, staff["priya"], acknowledge_after=12, welcome_after=75)
    counts = WaitCounts(db, Targets())
    before = counts.figures(TUESDAY, TUESDAY)
    clock.advance(3 * 24 * 3600)
    assert hub.purge() == 1
    assert counts.figures(TUESDAY, TUESDAY) == before


def _from_export(path: Path) -> tuple[int, list[int], list[int], int]:
    """Visits, waits and times to acknowledge (whole seconds begun) and left unseen, as a
    manager would compute them from the exported file."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))

    def begun(column: str) -> list[int]:
        return [-int(-float(r[column]) // 1) for r in rows if r[column]]

    unseen = sum(r["ended_how"] == "left_unseen" for r in rows)
    return len(rows), begun("wait_s"), begun("time_to_acknowledge_s"), unseen


@pytest.mark.parametrize("days", [1, 7, 40, 400])
def test_the_figures_are_those_of_an_export_of_the_same_days(db, tmp_path, days: int) -> None:
    seed_history(db, 1500, now_ms=MORNING_MS, tz=UTC)
    first = TUESDAY - timedelta(days=days - 1)
    start_ms = int(datetime.combine(first, datetime.min.time(), UTC).timestamp() * 1000)
    out = tmp_path / "visits.csv"
    export_visits(db, start_ms, MORNING_MS + DAY_MS, "csv", out)
    visits, waits, acknowledges, unseen = _from_export(out)
    figures = WaitCounts(db, Targets()).figures(first, TUESDAY)
    assert (figures.visits, figures.left_unseen) == (visits, unseen)
    assert figures.wait == WaitSummary.of(waits, Targets().welcome_s)
    assert figures.acknowledge == WaitSummary.of(acknowledges, Targets().acknowledge_s)


@given(
    first=st.dates(date(2023, 1, 1), date(2028, 12, 31)),
    length=st.integers(0, 1200),
)
def test_a_range_is_covered_by_spans_holding_exactly_its_days(first: date, length: int) -> None:
    last = first + timedelta(days=length)
    covered: list[date] = []
    for span in cover(first, last):
        covered += _days_of(span)
    assert covered == [first + timedelta(days=i) for i in range(length + 1)]
    # At each end, a part of a month (days to a Monday, up to four weeks, days to the month's
    # end) and up to eleven months; whole years between.
    assert len(cover(first, last)) <= 2 * (6 + 4 + 6 + 11) + length // 365


def _days_of(span: str) -> list[date]:
    kind, rest = span[0], span[1:]
    if kind == "Y":
        start, end = date(int(rest), 1, 1), date(int(rest), 12, 31)
    elif kind == "M":
        year, month = map(int, rest.split("-"))
        start = date(year, month, 1)
        end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    else:
        start = date.fromisoformat(rest)
        end = start + timedelta(days=6 if kind == "W" else 0)
        assert kind in "WD" and (kind == "D" or start.weekday() == 0)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def test_a_database_from_before_the_counts_gets_them_by_migration(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    older = Database(path)
    MIGRATIONS.apply(older, stop_before="count_waits")  # as an older version left it
    older["visits"].insert_all(
        [
            {"id": 1, "state": "departed", "checked_in_at": MORNING_MS, "utc_offset_min": 60,
             "acknowledged_at": MORNING_MS + 9_500, "acknowledged_by": "staff:1",
             "welcomed_at": MORNING_MS + 61_000, "welcomed_by": "staff:1",
             "ended_at": MORNING_MS + 3_600_000, "ended_how": "checked_out", "escalations": 0,
             "last_seq": 4},
            {"id": 2, "state": "left_unseen", "checked_in_at": MORNING_MS + 60_000,
             "utc_offset_min": 60, "ended_at": MORNING_MS + 900_000, "ended_how": "left_unseen",
             "escalations": 2, "last_seq": 7},
        ]
    )  # fmt: skip
    older.close()
    db = open_database(path)
    counts = WaitCounts(db, Targets())
    figures = counts.figures(TUESDAY, TUESDAY)
    assert (figures.visits, figures.left_unseen) == (2, 1)
    assert figures.wait == WaitSummary.of([61], target_s=180)
    assert figures.acknowledge == WaitSummary.of([10], target_s=60)
    assert list(counts.by_hour(TUESDAY, TUESDAY)) == [10]  # 09:00 UTC is 10:00 at UTC+1
    assert wait_counts.table(db) == wait_counts.count_visits(visits.each_visit(db))
    db.close()


def test_a_best_week_begins_within_the_days_asked_about(db: Database, hub, clock, staff) -> None:
    saturday = int(datetime(2026, 10, 31, 10, tzinfo=UTC).timestamp() * 1000)
    tuesday = int(datetime(2026, 11, 3, 10, tzinfo=UTC).timestamp() * 1000)
    for start, count in [(saturday, 3), (tuesday, 1)]:
        clock.now_ms = start
        for _ in range(count):
            _visit(hub, clock, staff["priya"], welcome_after=40, by="staff:2")
            clock.advance(60)
    counts = WaitCounts(db, Targets())
    # November: the week of 26 October began before it, however busy its Saturday was.
    assert counts.best_weeks(date(2026, 11, 1), date(2026, 11, 30)) == {
        "staff:2": BestWeek(date(2026, 11, 2), 1)
    }
    # A single Saturday holds no week's start: the week it falls in counts.
    assert counts.best_weeks(date(2026, 10, 31), date(2026, 10, 31)) == {
        "staff:2": BestWeek(date(2026, 10, 26), 3)
    }
