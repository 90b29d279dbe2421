"""The outbox: messages to hosts waiting to go, how each try went, and where reading the log got to.

A row says which news about which visit goes to which host by which channel; the words are
written when it goes. An invitation to an expected visitor is a row too, naming the expected
visit instead of a visit. Call the writing functions inside `writing(db)`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kiosk.core.notifications import Channel, News, OutboxState

WAITING = "waiting"
SENT = "sent"
MOOT = "moot"
GIVEN_UP = "given_up"

_COLUMNS = (
    "id, message_id, channel, news, visit_id, expected_id, host_id, webhook, created_at, tries"
)


@dataclass(frozen=True)
class Outgoing:
    """One message waiting to go."""

    id: int
    # The same on every try, so a receiver can tell a retry from new news.
    message_id: str
    channel: Channel
    news: News
    visit_id: int | None  # None for an invitation
    expected_id: int | None  # an invitation's expected visit
    host_id: int
    webhook: str
    created_at: int
    tries: int


def _outgoing(row: tuple[Any, ...]) -> Outgoing:
    id_, message_id, channel, news, visit_id, expected_id, host_id, webhook, at, tries = row
    return Outgoing(
        id_, message_id, Channel(channel), News(news), visit_id, expected_id, host_id, webhook,
        at, tries,
    )  # fmt: skip


def add(
    db: Database,
    channel: Channel,
    news: News,
    visit_id: int,
    host_id: int,
    at_ms: int,
    webhook: str = "",
) -> bool:
    """Queue news, due at once; False if this news was queued before (a log read again)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO outbox (message_id, channel, news, visit_id, host_id, webhook, "
        "created_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            f"msg_{secrets.token_urlsafe(18)}",
            str(channel), str(news), visit_id, host_id, webhook, at_ms, at_ms,
        ],
    )  # fmt: skip
    return cursor.rowcount == 1


def add_invitation(db: Database, expected_id: int, host_id: int, at_ms: int) -> bool:
    """Queue the e-mail that carries an expected visitor's invitation, due at once."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO outbox (message_id, channel, news, expected_id, host_id, "
        "created_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            f"msg_{secrets.token_urlsafe(18)}", str(Channel.EMAIL), str(News.INVITED),
            expected_id, host_id, at_ms, at_ms,
        ],
    )  # fmt: skip
    return cursor.rowcount == 1


def due(db: Database, now_ms: int, limit: int = 50) -> list[Outgoing]:
    """Messages whose time has come, oldest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state = ? AND due_at <= ? ORDER BY due_at, id "
        "LIMIT ?",
        [WAITING, now_ms, limit],
    )
    return [_outgoing(r) for r in rows]


def sent(db: Database, message_id: int, at_ms: int) -> None:
    _finish(db, message_id, SENT, at_ms)


def moot(db: Database, message_id: int, at_ms: int) -> None:
    """No longer news (the visitor left, or was welcomed, before it could go)."""
    _finish(db, message_id, MOOT, at_ms)


def given_up(db: Database, message_id: int, at_ms: int, why: str) -> None:
    """Never to be sent: a day of tries failed, or it can't go at all; `why` says which."""
    db.execute(
        "UPDATE outbox SET state = ?, done_at = ?, last_error = ? WHERE id = ?",
        [GIVEN_UP, at_ms, why, message_id],
    )


def _finish(db: Database, message_id: int, state: str, at_ms: int) -> None:
    db.execute("UPDATE outbox SET state = ?, done_at = ? WHERE id = ?", [state, at_ms, message_id])


def failed(db: Database, message_id: int, why: str, retry_at_ms: int | None, at_ms: int) -> None:
    """A try failed: the next is due at `retry_at_ms`, or, with None, the message is given up."""
    if retry_at_ms is None:
        db.execute(
            "UPDATE outbox SET tries = tries + 1, last_error = ?, state = ?, done_at = ? "
            "WHERE id = ?",
            [why, GIVEN_UP, at_ms, message_id],
        )
    else:
        db.execute(
            "UPDATE outbox SET tries = tries + 1, last_error = ?, due_at = ? WHERE id = ?",
            [why, retry_at_ms, message_id],
        )


def put_off(db: Database, message_id: int, until_ms: int) -> None:
    """Not now, and not a failure: the host has had enough e-mail for the moment."""
    db.execute("UPDATE outbox SET due_at = ? WHERE id = ?", [until_ms, message_id])


def emails_sent_to(db: Database, host_id: int, since_ms: int) -> list[int]:
    """When e-mails to this host went, since `since_ms` (invitations went to their visitors)."""
    rows = db.execute(
        "SELECT done_at FROM outbox WHERE host_id = ? AND done_at >= ? AND channel = ? "
        "AND state = ? AND news != ?",
        [host_id, since_ms, str(Channel.EMAIL), SENT, str(News.INVITED)],
    )
    return [at for (at,) in rows]


def state(db: Database, given_up_since_ms: int) -> OutboxState:
    """How many messages wait, how many of them failed, how many were given up since
    `given_up_since_ms`, and the latest failure's sentence. `next_try` is left to the caller,
    who knows the site's time: see `next_failing_try`."""
    waiting, failing = db.execute(
        "SELECT count(*), coalesce(sum(tries > 0), 0) FROM outbox WHERE state = ?",
        [WAITING],
    ).fetchone()
    (gave_up,) = db.execute(
        "SELECT count(*) FROM outbox WHERE state = ? AND done_at >= ?",
        [GIVEN_UP, given_up_since_ms],
    ).fetchone()
    latest = db.execute(
        "SELECT last_error FROM outbox WHERE last_error IS NOT NULL AND "
        "(state = ? AND tries > 0 OR state = ? AND done_at >= ?) "
        "ORDER BY state = ? DESC, coalesce(done_at, due_at) DESC LIMIT 1",
        [WAITING, GIVEN_UP, given_up_since_ms, WAITING],
    ).fetchone()
    return OutboxState(waiting, failing, gave_up, latest[0] if latest else "")


def next_failing_try(db: Database) -> int | None:
    """When the next try of a message that has failed before is due."""
    (at,) = db.execute(
        "SELECT min(due_at) FROM outbox WHERE state = ? AND tries > 0", [WAITING]
    ).fetchone()
    return at


def delete_done_before(db: Database, cutoff_ms: int) -> int:
    """Forget messages sent, or dropped as no longer news, before `cutoff_ms`."""
    return db.execute(
        "DELETE FROM outbox WHERE state IN (?, ?) AND done_at < ?", [SENT, MOOT, cutoff_ms]
    ).rowcount


def erase_before(db: Database, cutoff_ms: int) -> int:
    """The retention purge: every message about news older than `cutoff_ms`, whatever became of
    it."""
    return db.execute("DELETE FROM outbox WHERE created_at < ?", [cutoff_ms]).rowcount


def last_read(db: Database) -> int | None:
    """The number of the last event read for news, or None before the first reading."""
    row = db.execute("SELECT last_seq FROM outbox_cursor WHERE id = 1").fetchone()
    return row[0] if row else None


def read_up_to(db: Database, seq: int) -> None:
    db.execute(
        "INSERT INTO outbox_cursor (id, last_seq) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq",
        [seq],
    )
