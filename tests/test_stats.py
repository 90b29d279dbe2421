"""Wait figures over a period, checked against visits whose times we chose."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

import pytest
from sqlite_utils import Database

from kiosk.core.metrics import WaitSummary
from kiosk.core.policies import Policies, Targets
from kiosk.core.purposes import Purpose
from kiosk.hub.service import HubService
from kiosk.store import stats
from kiosk.store.seed import seed_history
from kiosk.store.stats import WaitStatistics, wait_statistics
from kiosk.store.visits import visits_between
from tests.conftest import MORNING_MS, FakeClock

HOUR_MS = 3_600_000
ALL_TIME = (0, 2**62)


def _visit(
    hub: HubService,
    clock: FakeClock,
    host: int,
    *,
    acknowledge_after: float | None = None,
    welcome_after: float | None = None,
) -> int:
    """A visit checked in now, acknowledged and welcomed the given seconds after check-in."""
    start = clock.now_ms
    visit = hub.check_in("Maria Garcia", host_id=host).visit
    if acknowledge_after is not None:
        clock.now_ms = start + int(acknowledge_after * 1000)
        hub.acknowledge(visit.id, "desk-1")
    if welcome_after is not None:
        clock.now_ms = start + int(welcome_after * 1000)
        hub.welcome(visit.id, "desk-1")
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
    _visit(hub, clock, host, acknowledge_after=5, welcome_after=40)
    clock.advance(60)
    _visit(hub, clock, host, welcome_after=20)
    clock.now_ms = MORNING_MS + 2 * HOUR_MS
    unseen = hub.check_in("Bo Chen", purpose=Purpose.DELIVERY).visit
    clock.advance(900)
    hub.mark_left_unseen(unseen.id, "desk-1")


def test_the_figures_a_manager_reads(db: Database, morning) -> None:
    figures = wait_statistics(db, *ALL_TIME, Targets())
    assert figures.visits == 8
    # Waits 20, 30, 40, 45, 60, 90, 200 s; the visitor who left unseen has none.
    assert figures.wait == WaitSummary(
        count=7, median=45, p90=pytest.approx(134), max=200, within_target=pytest.approx(6 / 7)
    )
    # Acknowledged after 5, 10, 20, 65, 70 s: two of five missed the 60 s target.
    assert figures.time_to_acknowledge == WaitSummary(
        count=5, median=20, p90=68, max=70, within_target=0.6
    )


def test_waits_by_local_hour_of_check_in(db: Database, morning) -> None:
    figures = wait_statistics(db, *ALL_TIME, Targets())
    assert list(figures.by_hour) == [9, 10, 11]
    assert figures.by_hour[9] == WaitSummary.of([30, 45, 60, 90, 200], target_s=180)
    assert figures.by_hour[10] == WaitSummary(count=2, median=30, p90=38, max=40, within_target=1.0)
    # At 11 the only visitor left unseen: the hour is there, with no waits.
    assert figures.by_hour[11] == WaitSummary(
        count=0, median=None, p90=None, max=None, within_target=None
    )


def test_the_hour_is_the_site_s_local_hour(db: Database, clock, staff) -> None:
    hub = HubService(db, Policies(), clock=clock, tz=timezone(timedelta(hours=-3, minutes=-30)))
    _visit(hub, clock, staff["priya"], welcome_after=30)  # 09:00 UTC is 05:30 in Newfoundland
    assert list(wait_statistics(db, *ALL_TIME, Targets()).by_hour) == [5]


def test_the_period_includes_its_start_and_excludes_its_end(db: Database, morning) -> None:
    nine_to_ten = wait_statistics(db, MORNING_MS, MORNING_MS + HOUR_MS, Targets())
    assert nine_to_ten.visits == 5 and list(nine_to_ten.by_hour) == [9]
    after_nine = wait_statistics(db, MORNING_MS + 1, MORNING_MS + HOUR_MS + 1, Targets())
    assert after_nine.visits == 5  # lost the 9:00 visitor, gained the one at 10:00


def test_a_fraction_of_a_second_counts_as_a_second_begun(db: Database, hub, clock, staff):
    _visit(hub, clock, staff["priya"], acknowledge_after=60.2, welcome_after=179.9)
    figures = wait_statistics(db, *ALL_TIME, Targets())
    assert figures.time_to_acknowledge.max == 61 and figures.time_to_acknowledge.within_target == 0
    assert figures.wait.max == 180 and figures.wait.within_target == 1


def test_a_quiet_period_has_no_figures(db: Database, morning) -> None:
    figures = wait_statistics(db, 0, MORNING_MS, Targets())
    empty = WaitSummary.of([], target_s=180)
    assert figures == WaitStatistics(visits=0, wait=empty, time_to_acknowledge=empty, by_hour={})


def test_targets_come_from_the_settings(db: Database, morning) -> None:
    strict = wait_statistics(db, *ALL_TIME, Targets(acknowledge_s=15, welcome_s=40))
    assert strict.time_to_acknowledge.within_target == 0.4
    assert strict.wait.within_target == pytest.approx(3 / 7)


def test_both_ways_of_reading_give_the_figures_of_every_visit(db: Database) -> None:
    seed_history(db, 1500, now_ms=MORNING_MS, tz=UTC)
    # The whole history reads the histogram indexes end to end; the week sorts its own visits.
    for start, end in [ALL_TIME, (MORNING_MS - 7 * 24 * HOUR_MS, MORNING_MS)]:
        chosen = visits_between(db, start, end)
        waits = [
            (v.welcomed_at - v.checked_in_at + 999) // 1000
            for v in chosen
            if v.welcomed_at is not None
        ]
        figures = wait_statistics(db, start, end, Targets())
        assert figures.visits == len(chosen)
        assert figures.wait == WaitSummary.of(waits, Targets().welcome_s)
    for query, index in [
        (stats._WAIT_BY_HOUR, stats.WAIT_INDEX),
        (stats._ACKNOWLEDGED, stats.ACKNOWLEDGE_INDEX),
    ]:
        plan = " ".join(
            row[3]
            for row in db.execute(
                "EXPLAIN QUERY PLAN " + query.format(index=f"INDEXED BY {index}"),
                {"start_ms": 0, "end_ms": 1},
            )
        )
        assert f"COVERING INDEX {index}" in plan and "TEMP B-TREE" not in plan
