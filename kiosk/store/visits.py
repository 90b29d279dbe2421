"""The event log and the `visits` projection: appending events, reading visits, rebuilding."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, fields
from typing import Any

from sqlite_utils import Database

from kiosk.core.lifecycle import EndedHow, Event, EventType, Visit, VisitState, apply
from kiosk.store import wait_counts

VISIT_COLUMNS = tuple(f.name for f in fields(Visit))
_OPEN_STATES = "('waiting', 'acknowledged', 'welcomed')"


def append_event(
    db: Database,
    event_type: EventType,
    visit_id: int | None,
    at_ms: int,
    actor: str,
    payload: Mapping[str, Any] | None = None,
) -> tuple[Event, Visit]:
    """Append one event and update its visit; call inside `writing(db)`.

    `visit_id` is None for a check-in, which opens a new visit. An event that does not fit the
    visit raises IllegalTransition, and the caller's transaction rolls the append back.
    """
    if visit_id is None:
        (visit_id,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM visits").fetchone()
        current = None
    else:
        current = get_visit(db, visit_id)
    payload = dict(payload or {})
    seq = db.execute(
        "INSERT INTO events (visit_id, type, at_ms, actor, payload) VALUES (?, ?, ?, ?, ?)",
        (visit_id, str(event_type), at_ms, actor, json.dumps(payload, separators=(",", ":"))),
    ).lastrowid
    event = Event(
        seq=seq, visit_id=visit_id, type=event_type, at_ms=at_ms, actor=actor, payload=payload
    )
    visit = apply(current, event)
    _save_visit(db, visit)
    wait_counts.record(db, current, visit)
    return event, visit


def _save_visit(db: Database, visit: Visit) -> None:
    row = asdict(visit)
    placeholders = ", ".join("?" for _ in VISIT_COLUMNS)
    db.execute(
        f"INSERT OR REPLACE INTO visits ({', '.join(VISIT_COLUMNS)}) VALUES ({placeholders})",
        [row[name] for name in VISIT_COLUMNS],
    )


def visit_from_row(row: Mapping[str, Any]) -> Visit:
    values = {name: row[name] for name in VISIT_COLUMNS}
    values["state"] = VisitState(values["state"])
    if values["ended_how"] is not None:
        values["ended_how"] = EndedHow(values["ended_how"])
    return Visit(**values)


def _visits(db: Database, where: str, params: list[Any]) -> Iterator[Visit]:
    cursor = db.execute(f"SELECT {', '.join(VISIT_COLUMNS)} FROM visits {where}", params)
    for values in cursor:
        yield visit_from_row(dict(zip(VISIT_COLUMNS, values, strict=True)))


def get_visit(db: Database, visit_id: int) -> Visit | None:
    return next(_visits(db, "WHERE id = ?", [visit_id]), None)


def each_visit(db: Database) -> Iterator[Visit]:
    """Every visit, by id, one at a time."""
    return _visits(db, "ORDER BY id", [])


def all_visits(db: Database) -> list[Visit]:
    return list(each_visit(db))


def open_visits(db: Database) -> list[Visit]:
    """Visitors on site now (waiting, acknowledged or welcomed), oldest check-in first."""
    return list(_visits(db, f"WHERE state IN {_OPEN_STATES} ORDER BY checked_in_at", []))


def waiting_visits(db: Database) -> list[Visit]:
    """Visitors nobody has welcomed yet, oldest first: the desk's queue."""
    return [v for v in open_visits(db) if v.state is not VisitState.WELCOMED]


def visits_between(db: Database, start_ms: int, end_ms: int) -> list[Visit]:
    """Visits that checked in at or after `start_ms` and before `end_ms`, oldest first."""
    return list(
        _visits(
            db,
            "WHERE checked_in_at >= ? AND checked_in_at < ? ORDER BY checked_in_at",
            [start_ms, end_ms],
        )
    )


def earlier_visit(db: Database, visit: Visit) -> Visit | None:
    """The same visitor's most recent visit before `visit`."""
    if visit.visitor_id is None:
        return None
    return next(
        _visits(
            db,
            "WHERE visitor_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
            [visit.visitor_id, visit.id],
        ),
        None,
    )


def earlier_visit_count(db: Database, visit: Visit) -> int:
    if visit.visitor_id is None:
        return 0
    (count,) = db.execute(
        "SELECT count(*) FROM visits WHERE visitor_id = ? AND id < ?", [visit.visitor_id, visit.id]
    ).fetchone()
    return count


def events_after(db: Database, seq: int, limit: int | None = None) -> list[Event]:
    """Every event numbered above `seq`, in order: what a reconnecting client missed."""
    sql = "SELECT seq, visit_id, type, at_ms, actor, payload FROM events WHERE seq > ? ORDER BY seq"
    params: list[Any] = [seq]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_event_from_row(row) for row in db.execute(sql, params)]


def visit_for_check_in_key(db: Database, key: str) -> Visit | None:
    """The visit opened by the check-in the kiosk tagged with `key`, if it was recorded."""
    row = db.execute(
        "SELECT visit_id FROM events WHERE type = 'checked_in' "
        "AND json_extract(payload, '$.key') = ?",
        [key],
    ).fetchone()
    return get_visit(db, row[0]) if row else None


def check_in_event(db: Database, visit_id: int) -> Event:
    row = db.execute(
        "SELECT seq, visit_id, type, at_ms, actor, payload FROM events "
        "WHERE visit_id = ? AND type = 'checked_in'",
        [visit_id],
    ).fetchone()
    return _event_from_row(row)


def newest_open_visit_of_name(db: Database, name_key: str, states: Iterable[str]) -> int | None:
    """The newest visit in one of `states` of anyone whose name has this matching key."""
    wanted = list(states)
    marks = ",".join("?" * len(wanted))
    row = db.execute(
        "SELECT visits.id FROM visitors JOIN visits ON visits.visitor_id = visitors.id "
        f"WHERE visitors.name_key = ? AND visits.state IN ({marks}) "
        "ORDER BY visits.id DESC LIMIT 1",
        [name_key, *wanted],
    ).fetchone()
    return row[0] if row else None


def last_said_at(db: Database, visit_id: int, event_type: EventType) -> int | None:
    """When `event_type` was last recorded of this visit (checked in again, said leaving)."""
    row = db.execute(
        "SELECT max(at_ms) FROM events WHERE visit_id = ? AND type = ?",
        [visit_id, str(event_type)],
    ).fetchone()
    return row[0] if row else None


def last_seq(db: Database) -> int:
    (seq,) = db.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()
    return seq


def _event_from_row(row: tuple[Any, ...]) -> Event:
    seq, visit_id, event_type, at_ms, actor, payload = row
    return Event(
        seq=seq,
        visit_id=visit_id,
        type=EventType(event_type),
        at_ms=at_ms,
        actor=actor,
        payload=json.loads(payload),
    )


def rebuild_visits(db: Database) -> list[Visit]:
    """Fold the whole event log into visits again, ordered by id, without touching the table."""
    visits: dict[int, Visit] = {}
    for event in events_after(db, 0):
        visits[event.visit_id] = apply(visits.get(event.visit_id), event)
    return [visits[visit_id] for visit_id in sorted(visits)]
