"""Opening the kiosk database: durable settings, the schema, and the one way to write."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from kiosk.store.schema import KNOWN_CHANGES, MIGRATIONS

BUSY_TIMEOUT_MS = 5000


class DatabaseError(RuntimeError):
    """A database that can't be used; the message says what to do about it."""


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and if needed create or upgrade) the database at `path`.

    WAL lets the dashboard read while the hub writes; synchronous=FULL because a check-in is a
    promise that somebody is waiting, and must survive a power cut.
    """
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError(
            f"There is no kiosk database at {path}. Start the hub once, or give the right --home."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        with db.ensure_autocommit_on():
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is not a kiosk database ({error}).") from error
    _refuse_newer(db, path)
    MIGRATIONS.apply(db)
    return db


def _refuse_newer(db: Database, path: Path) -> None:
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in KNOWN_CHANGES]
    if unknown:
        raise DatabaseError(
            f"{path} was written by a newer version of Front Desk Kiosk "
            f"(it has the change '{unknown[-1]}'). Update the program before opening it."
        )


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock up front (BEGIN IMMEDIATE).

    Taking the lock at the start means a busy database makes us wait at BEGIN, where the busy
    timeout applies, instead of failing half-way through with SQLITE_BUSY.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
