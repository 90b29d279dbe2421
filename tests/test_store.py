"""The database file: durable settings, schema versions, the append-only log and its rebuild."""

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from kiosk.core.lifecycle import EventType, IllegalTransition
from kiosk.store import visits, wait_counts
from kiosk.store.database import DatabaseError, open_database, writing


def test_the_database_is_durable(db: Database) -> None:
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('kiosk', 'add_parking_spaces', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer version of Front Desk Kiosk"):
        open_database(path)


def test_a_missing_database_is_named(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="There is no kiosk database at"):
        open_database(tmp_path / "nowhere.db", create=False)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, eggs, bread " * 100)
    with pytest.raises(DatabaseError, match="is not a kiosk database"):
        open_database(path)


def test_the_event_log_cannot_be_rewritten(db: Database) -> None:
    with writing(db):
        visits.append_event(db, EventType.CHECKED_IN, None, 1000, "kiosk", {"kiosk": "lobby"})
    for sql in ("UPDATE events SET actor = 'someone else'", "DELETE FROM events"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"), writing(db):
            db.execute(sql)
    assert db.execute("SELECT actor FROM events").fetchall() == [("kiosk",)]


def test_a_refused_step_leaves_no_trace(db: Database) -> None:
    with writing(db):
        _, visit = visits.append_event(db, EventType.CHECKED_IN, None, 1000, "kiosk", {})
        visits.append_event(db, EventType.WELCOMED, visit.id, 2000, "desk", {})
    with pytest.raises(IllegalTransition), writing(db):
        visits.append_event(db, EventType.ACKNOWLEDGED, visit.id, 3000, "desk", {})
    assert visits.last_seq(db) == 2
    assert visits.get_visit(db, visit.id).acknowledged_at is None


def test_open_visits_and_date_ranges(db: Database) -> None:
    with writing(db):
        for at in (1000, 2000, 3000):
            visits.append_event(db, EventType.CHECKED_IN, None, at, "kiosk", {})
        visits.append_event(db, EventType.WELCOMED, 2, 2500, "desk", {})
        visits.append_event(db, EventType.DEPARTED, 3, 3500, "kiosk", {})
    assert [v.id for v in visits.open_visits(db)] == [1, 2]
    assert [v.id for v in visits.waiting_visits(db)] == [1]
    assert [v.id for v in visits.visits_between(db, 2000, 3001)] == [2, 3]


def test_queries_use_their_indexes(db: Database) -> None:
    def plan(sql: str) -> str:
        return " ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))

    assert "idx_visits_checked_in_at" in plan(
        "SELECT * FROM visits WHERE checked_in_at >= 1 AND checked_in_at < 2"
    )
    assert "idx_visitors_name_key" in plan("SELECT * FROM visitors WHERE name_key = 'x'")
    assert "idx_visits_open" in plan(
        "SELECT * FROM visits WHERE state IN ('waiting', 'acknowledged', 'welcomed') "
        "ORDER BY checked_in_at"
    )


# Random sequences of commands, legal or not, against a handful of visits. Whatever happens,
# folding the log again must give exactly the table.
commands = st.lists(
    st.tuples(
        st.sampled_from(list(EventType)),
        st.integers(min_value=1, max_value=4),
        st.integers(min_value=0, max_value=600_000),
        st.fixed_dictionaries(
            {"rating": st.integers(1, 5)},
            optional={"auto": st.booleans(), "utc_offset_min": st.integers(-720, 840)},
        ),
        st.sampled_from(["staff:1", "staff:2", "desk"]),
    ),
    max_size=40,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=commands)
def test_rebuilding_from_events_gives_the_same_visits_and_counts(
    tmp_path: Path, steps: list
) -> None:
    path = tmp_path / "prop.db"
    path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(path)
    now = 0
    for kind, visit_id, delay, payload, actor in steps:
        now += delay
        target = None if kind is EventType.CHECKED_IN else visit_id
        try:
            with writing(db):
                visits.append_event(db, kind, target, now, actor, payload)
        except IllegalTransition:
            pass
    rebuilt = visits.rebuild_visits(db)
    assert rebuilt == visits.all_visits(db)
    # The wait counts, undos and all, are those of the visits as the log leaves them.
    assert wait_counts.table(db) == wait_counts.count_visits(rebuilt)
    db.close()


def test_a_new_home_is_its_owners_alone(tmp_path: Path) -> None:
    """Names, contacts, the PIN's hash and device tokens: no other user of the computer reads
    them."""
    from kiosk.store.settings import load_settings

    home = tmp_path / "home"
    open_database(home / "kiosk.db").close()
    load_settings(home / "settings.toml")
    for path in (home / "kiosk.db", home / "settings.toml"):
        assert path.stat().st_mode & 0o077 == 0, path.name
    assert home.stat().st_mode & 0o077 == 0
