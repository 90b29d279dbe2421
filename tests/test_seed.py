"""The made-up history: consistent with the log, shaped like a real front desk, repeatable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
from sqlite_utils import Database

from kiosk.core.lifecycle import EventType, Visit, apply
from kiosk.core.metrics import VisitTimes
from kiosk.core.policies import Targets, escalation_due
from kiosk.store import visits
from kiosk.store.database import open_database
from kiosk.store.seed import SeedReport, seed_history

# A Tuesday at 11:30 in Paris in winter (UTC+1): the morning rush is over, lunch is coming.
PARIS_WINTER = timezone(timedelta(hours=1))
NOW_MS = int(datetime(2026, 11, 24, 11, 30, tzinfo=PARIS_WINTER).timestamp() * 1000)
VISITS = 2000


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, SeedReport]]:
    db = open_database(tmp_path_factory.mktemp("seed") / "kiosk.db")
    report = seed_history(db, VISITS, now_ms=NOW_MS, tz=PARIS_WINTER)
    yield db, report
    db.close()


def _local(visit: Visit) -> datetime:
    offset = timezone(timedelta(minutes=visit.utc_offset_min))
    return datetime.fromtimestamp(visit.checked_in_at / 1000, tz=offset)


def test_the_visits_table_is_the_fold_of_the_log(seeded) -> None:
    db, report = seeded
    assert report.visits == VISITS == db["visits"].count
    assert report.visitors == db["visitors"].count
    assert visits.rebuild_visits(db) == visits.all_visits(db)
    (latest,) = db.execute("SELECT max(at_ms) FROM events").fetchone()
    assert latest <= NOW_MS


def test_the_log_is_in_clock_order(seeded) -> None:
    db, _ = seeded
    times = [at for (at,) in db.execute("SELECT at_ms FROM events ORDER BY seq")]
    assert times == sorted(times)


def test_each_visitor_remembers_their_visits_as_the_hub_would(seeded) -> None:
    db, _ = seeded
    by_visitor: dict[int, list[Visit]] = {}
    for visit in visits.all_visits(db):
        by_visitor.setdefault(visit.visitor_id, []).append(visit)
    rows = db.execute(
        "SELECT id, visit_count, last_visit_at, last_host_id, last_wait_s, created_at FROM visitors"
    ).fetchall()
    assert {row[0] for row in rows} == set(by_visitor)
    for visitor_id, count, last_visit_at, last_host_id, last_wait_s, created_at in rows:
        theirs = sorted(by_visitor[visitor_id], key=lambda v: v.checked_in_at)
        assert count == len(theirs)
        assert created_at == theirs[0].checked_in_at
        assert last_visit_at == theirs[-1].checked_in_at
        hosts = [v.host_id for v in theirs if v.host_id is not None]
        assert last_host_id == (hosts[-1] if hosts else None)
        waits = [VisitTimes.of(v).wait for v in theirs if v.welcomed_at is not None]
        assert last_wait_s == (waits[-1] if waits else None)


def test_visitors_come_only_in_opening_hours(seeded) -> None:
    db, _ = seeded
    for visit in visits.all_visits(db):
        local = _local(visit)
        assert visit.utc_offset_min == 60
        if local.weekday() < 5:
            assert 8 <= local.hour < 18, local
        else:
            assert local.weekday() == 5 and 9 <= local.hour < 12, local  # Saturday deliveries


def test_mornings_are_busiest_with_a_lunchtime_bump(seeded) -> None:
    db, _ = seeded
    by_hour = Counter(_local(v).hour for v in visits.all_visits(db))
    assert by_hour.most_common(1)[0][0] == 9
    assert by_hour[12] > by_hour[11] and by_hour[12] > by_hour[13]
    assert by_hour[17] < by_hour[16] < by_hour[10]
    weekdays = Counter(_local(v).weekday() for v in visits.all_visits(db))
    assert weekdays[5] < weekdays[4] / 5 and 6 not in weekdays


def test_most_are_seen_quickly_but_some_wait_long(seeded) -> None:
    db, _ = seeded
    times = [VisitTimes.of(v) for v in visits.all_visits(db)]
    waits = [t.wait for t in times if t.wait is not None]
    acknowledged = [t.time_to_acknowledge for t in times if t.time_to_acknowledge is not None]
    assert sum(w <= 180 for w in waits) / len(waits) > 0.85
    assert sum(a <= 60 for a in acknowledged) / len(acknowledged) > 0.8
    assert sum(w > 5 * 60 for w in waits) >= 10
    assert any(w > 20 * 60 for w in waits)


def test_every_ending_and_purpose_appears(seeded) -> None:
    db, _ = seeded
    endings = Counter(how for (how,) in db.execute("SELECT coalesce(ended_how, state) FROM visits"))
    assert endings["checked_out"] > VISITS * 0.7
    for how in ("auto_checked_out", "left_unseen", "cancelled"):
        assert 0 < endings[how] < VISITS * 0.15, how
    without_host = Counter(
        purpose for (purpose,) in db.execute("SELECT purpose FROM visits WHERE host_id IS NULL")
    )
    assert set(without_host) == {"delivery", "interview", "not_sure"}
    ratings = Counter(r for (r,) in db.execute("SELECT feedback FROM visits WHERE feedback > 0"))
    assert set(ratings) == {1, 2, 3, 4, 5} and ratings[5] > ratings[1]


def test_today_some_visitors_are_still_here(seeded) -> None:
    db, _ = seeded
    on_site = visits.open_visits(db)
    assert on_site
    assert {_local(v).date() for v in on_site} == {datetime(2026, 11, 24).date()}


def test_escalations_are_where_the_hub_would_raise_them(seeded) -> None:
    db, _ = seeded
    targets = Targets()
    current: dict[int, Visit] = {}
    for event in visits.events_after(db, 0):
        before = current.get(event.visit_id)
        if event.type is EventType.ESCALATED:
            assert escalation_due(before, event.at_ms, targets) == event.payload["reason"]
            assert event.payload["level"] == before.escalations + 1
        current[event.visit_id] = apply(before, event)
    # The hub ticks every couple of seconds: nobody waits past a target unnoticed.
    for visit in current.values():
        first_step = visit.acknowledged_at or visit.welcomed_at or visit.ended_at
        if first_step and first_step - visit.checked_in_at > targets.acknowledge_s * 1000 + 2000:
            assert visit.escalations > 0, visit


def test_visitors_return_and_some_share_a_name(seeded) -> None:
    db, _ = seeded
    (returning,) = db.execute("SELECT count(*) FROM visitors WHERE visit_count > 1").fetchone()
    assert returning > db["visitors"].count * 0.2
    (regular,) = db.execute("SELECT max(visit_count) FROM visitors").fetchone()
    assert regular >= 10
    namesakes = db.execute(
        "SELECT name_key, count(DISTINCT coalesce(contact, id)) FROM visitors "
        "GROUP BY name_key HAVING count(*) > 1"
    ).fetchall()
    assert any(contacts > 1 for _, contacts in namesakes)
    pronunciations = {p for (p,) in db.execute("SELECT pronunciation FROM visitors")}
    assert "shi-VAWN" in pronunciations
    names = [name for (name,) in db.execute("SELECT name FROM visitors")]
    assert any(not name.isascii() and name.isalpha() for name in names)  # "王芳"
    assert any(not ch.isascii() for name in names for ch in name if ch.isalpha())


def test_a_staff_list_is_added_when_there_is_none(seeded) -> None:
    db, report = seeded
    roles = Counter(role for (role,) in db.execute("SELECT role FROM staff"))
    assert report.staff == sum(roles.values()) >= 20
    assert 2 <= roles["receptionist"] <= 3
    names = [name for (name,) in db.execute("SELECT name FROM staff")]
    assert any(not name.isascii() for name in names)
    (hosts,) = db.execute(
        "SELECT count(*) FROM visits JOIN staff ON staff.id = visits.host_id "
        "WHERE staff.role = 'host'"
    ).fetchone()
    (with_host,) = db.execute("SELECT count(*) FROM visits WHERE host_id IS NOT NULL").fetchone()
    assert hosts == with_host


def test_an_existing_staff_list_is_used_as_it_is(db: Database, staff) -> None:
    report = seed_history(db, 200, now_ms=NOW_MS, tz=UTC)
    assert report.staff == 3 and db["staff"].count == 3
    hosts = {h for (h,) in db.execute("SELECT DISTINCT host_id FROM visits WHERE host_id > 0")}
    assert hosts <= {staff["jose"], staff["priya"]}
    actors = {a for (a,) in db.execute("SELECT DISTINCT welcomed_by FROM visits")} - {None}
    assert actors == {f"staff:{staff['sam']}"}  # as the hub names its receptionists


def test_the_same_seed_gives_the_same_history(tmp_path: Path) -> None:
    def history(name: str, seed: int) -> tuple[list, list]:
        db = open_database(tmp_path / name)
        seed_history(db, 300, now_ms=NOW_MS, tz=UTC, seed=seed)
        result = (
            db.execute("SELECT * FROM events ORDER BY seq").fetchall(),
            db.execute("SELECT * FROM visitors ORDER BY id").fetchall(),
        )
        db.close()
        return result

    assert history("a.db", 7) == history("b.db", 7)
    assert history("c.db", 8) != history("a.db", 7)


def test_clock_changes_follow_the_time_zone(tmp_path: Path) -> None:
    try:
        london = ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:
        pytest.skip("This machine has no time zone database.")
    db = open_database(tmp_path / "kiosk.db")
    seed_history(db, 600, now_ms=NOW_MS, tz=london)
    offsets = set()
    for visit in visits.all_visits(db):
        local = datetime.fromtimestamp(visit.checked_in_at / 1000, london)
        assert visit.utc_offset_min == local.utcoffset() // timedelta(minutes=1)
        assert 8 <= local.hour < 18
        offsets.add(visit.utc_offset_min)
    assert offsets == {0, 60}  # winter and British Summer Time
    db.close()


def test_no_visits_asked_adds_only_the_staff(db: Database) -> None:
    report = seed_history(db, 0, now_ms=NOW_MS)
    assert report == SeedReport(staff=26, visitors=0, visits=0)
    assert db["events"].count == 0
