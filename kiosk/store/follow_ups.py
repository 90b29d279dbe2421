"""Visits a manager should follow up (a wait over the welcome target, or left unseen), and the
notes written on following them up.

A note may say anything about the visitor, so it lives in `follow_up_notes`, apart from the event
log, and goes with the visitor when they are erased (a trigger made by the schema).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.core.people import STAFF_ACTOR

MAX_NOTE_LENGTH = 200
# Whole seconds begun, as the wait counts take them (kiosk.core.wait_counts.whole_seconds).
_WAIT_S = "(v.welcomed_at - v.checked_in_at + 999) / 1000"


@dataclass(frozen=True)
class FollowUp:
    visit_id: int
    name: str | None  # None once the visitor is erased
    contact: str | None
    host: str | None
    checked_in_at: int
    wait_s: int | None  # None for a visitor who left unseen
    left_unseen: bool
    welcomed_by: str | None
    followed_up_at: int | None
    note: str | None


def save_note(db: Database, visit_id: int, note: str) -> None:
    """Keep the note of a follow-up; call inside `writing(db)`, with the event."""
    db.execute("INSERT INTO follow_up_notes (visit_id, note) VALUES (?, ?)", [visit_id, note])


def to_follow_up(
    db: Database, start_ms: int, end_ms: int, target_s: int, limit: int
) -> list[FollowUp]:
    """The visits that checked in in [start_ms, end_ms) and waited over `target_s` or left
    unseen, newest first, at most `limit`."""
    rows = db.execute(
        f"""
        SELECT v.id, p.name, p.contact, h.name, v.checked_in_at,
               CASE WHEN v.welcomed_at IS NOT NULL THEN {_WAIT_S} END,
               v.state = 'left_unseen', coalesce(w.name, v.welcomed_by), v.followed_up_at, n.note
        FROM visits AS v
        LEFT JOIN visitors AS p ON p.id = v.visitor_id
        LEFT JOIN staff AS h ON h.id = v.host_id
        LEFT JOIN staff AS w ON v.welcomed_by = '{STAFF_ACTOR}' || w.id
        LEFT JOIN follow_up_notes AS n ON n.visit_id = v.id
        WHERE v.checked_in_at >= ? AND v.checked_in_at < ?
          AND (v.state = 'left_unseen' OR {_WAIT_S} > ?)
        ORDER BY v.checked_in_at DESC, v.id DESC
        LIMIT ?
        """,
        [start_ms, end_ms, target_s, limit],
    )
    return [
        FollowUp(id_, name, contact, host, at, wait, bool(unseen), by, followed, note)
        for id_, name, contact, host, at, wait, unseen, by, followed, note in rows
    ]
