"""Roll calls: while one is on, desks and managers mark each visitor on site accounted for."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class RollCall:
    id: int
    started_at: int
    started_by: str


def current(db: Database) -> RollCall | None:
    """The roll call going on now, if any."""
    row = db.execute(
        "SELECT id, started_at, started_by FROM roll_calls WHERE ended_at IS NULL "
        "ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return RollCall(*row) if row else None


def start(db: Database, at_ms: int, by: str) -> RollCall:
    """Start a roll call, or return the one already on; call inside `writing(db)`."""
    going = current(db)
    if going is not None:
        return going
    cursor = db.execute(
        "INSERT INTO roll_calls (started_at, started_by) VALUES (?, ?)", [at_ms, by]
    )
    return RollCall(cursor.lastrowid, at_ms, by)


def end(db: Database, at_ms: int) -> bool:
    """End the roll call going on; False if there was none. Call inside `writing(db)`."""
    return (
        db.execute("UPDATE roll_calls SET ended_at = ? WHERE ended_at IS NULL", [at_ms]).rowcount
        > 0
    )
