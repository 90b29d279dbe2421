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


@dataclass(frozen=True)
class OnSite:
    """Someone checked in and not yet out."""

    visit_id: int
    name: str  # "" once the visitor is erased
    host: str | None
    checked_in_at: int
    state: str
    accounted: bool  # seen safe in the roll call going on


def on_site(db: Database) -> tuple[RollCall | None, list[OnSite]]:
    """The roll call going on (if any), and everyone on site now, oldest check-in first."""
    going = current(db)
    since = going.started_at if going else None
    rows = db.execute(
        "SELECT v.id, coalesce(p.name, ''), h.name, v.checked_in_at, v.state, "
        "coalesce(v.accounted_at >= ?, 0) FROM visits AS v "
        "LEFT JOIN visitors AS p ON p.id = v.visitor_id "
        "LEFT JOIN staff AS h ON h.id = v.host_id "
        "WHERE v.state IN ('waiting', 'acknowledged', 'welcomed') "
        "ORDER BY v.checked_in_at, v.id",
        [since],
    )
    return going, [
        OnSite(id_, name, host, at, state, bool(accounted))
        for id_, name, host, at, state, accounted in rows
    ]
