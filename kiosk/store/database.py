"""Opening the kiosk database: only our own file, durable settings, the schema, one way to write.

Every kiosk database carries our mark, `PRAGMA application_id = APPLICATION_ID`, in its header.
Before anything is written, a look through a read-only connection decides whether a file is ours:
a marked file is; so is an empty or new one, and an unmarked one whose sqlite-utils migrations
are all changes this program knows (made before the mark existed; it is marked now). Anything
else is another program's, and is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database, Migrations

from kiosk.store import places
from kiosk.store.places import ELSEWHERE
from kiosk.store.schema import KNOWN_CHANGES, MIGRATIONS

BUSY_TIMEOUT_MS = 5000
# Our mark in the header of every kiosk database (bytes 68 to 71). The four bytes spell "FDsk",
# for Front Desk Kiosk, so a hex dump shows whose file it is. Never change it: a file without it
# and without our migrations is taken for another program's.
APPLICATION_ID = int.from_bytes(b"FDsk", "big")  # 0x4644736B
_KIND = "database"


class DatabaseError(RuntimeError):
    """A database that can't be used; the message says what to do about it."""


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and if needed create or upgrade) the database at `path`.

    WAL lets the dashboard read while the hub writes; synchronous=FULL because a check-in is a
    promise that somebody is waiting, and must survive a power cut.
    """
    path = Path(path)
    _make_room(path, create=create)
    marked = _check_ours(path)
    problem = _read_only(path)
    if problem is not None:
        raise problem
    conn = None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        with db.ensure_autocommit_on():
            conn.execute("PRAGMA journal_mode=WAL")
            if not marked:
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA synchronous=FULL")
        # A deleted or moved row is overwritten with zeros, not just unlinked: an erased visitor's
        # name would otherwise stay in the file's free space, readable in any copy of it.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        MIGRATIONS.apply(db)
    except sqlite3.Error as error:
        if conn is not None:
            conn.close()
        raise _sentence_for(error, path) from error
    return db


def explain(error: sqlite3.Error, path: Path) -> DatabaseError | None:
    """The sentence for an SQLite error at `path` that a person can do something about.

    None for any other error: that is a bug, and should be seen as one.
    """
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseError(
            f"The database {path} is busy: another program has held it for over "
            f"{BUSY_TIMEOUT_MS // 1000} seconds; close that program, or try again in a moment."
        )
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and places.disk_is_full(path)):
        return DatabaseError(places.full_disk(path))
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return (
            _misplaced(path)
            or _read_only(path)
            or DatabaseError(
                f"The database {path} can't be opened for writing ({error}); "
                "check that the user who runs the kiosk may write to it and to its folder."
            )
        )
    if code == sqlite3.SQLITE_NOTADB:
        return DatabaseError(
            f"{path} is not a kiosk database, nor any SQLite database; "
            f"move it away, or {ELSEWHERE}."
        )
    if code == sqlite3.SQLITE_CORRUPT:
        return DatabaseError(
            f"The database {path} is damaged; restore it from a backup, or {ELSEWHERE}."
        )
    if code == sqlite3.SQLITE_IOERR:
        return DatabaseError(
            f"The database {path} could not be read or written ({error}); "
            "check the disk, then try again."
        )
    return None


def _sentence_for(error: sqlite3.Error, path: Path) -> DatabaseError:
    return explain(error, path) or DatabaseError(f"{path} can't be opened ({error}); {ELSEWHERE}.")


def _make_room(path: Path, *, create: bool) -> None:
    """Refuse a folder where the file belongs or a file where its folder belongs; make the
    folder of a new database."""
    problem = _misplaced(path)
    if problem is not None:
        raise problem
    if path.exists():
        return
    if not create:
        raise DatabaseError(
            f"There is no kiosk database at {path}. Start the hub once, or give the right --home."
        )
    try:
        # Visitors' names live here: the folder and the file are their owner's alone. SQLite
        # gives its -wal and -shm files the database file's permissions.
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # made by another process a moment ago
    except OSError as error:
        raise DatabaseError(places.cannot_write(path, error, _KIND)) from error


def _check_ours(path: Path) -> bool:
    """Whether the file already carries our mark; DatabaseError if it isn't ours at all.

    Reads only. A read-only connection to a file in WAL mode still makes a -wal and a -shm file
    beside it, so unless a -wal file is already there (the file is open, or was not closed
    cleanly) the file is read as `immutable`, which makes nothing.
    """
    if not path.exists() or path.stat().st_size == 0:
        return False
    immutable = not Path(f"{path}-wal").exists()
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            (application_id,) = conn.execute("PRAGMA application_id").fetchone()
            tables = {
                name
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
                )
            }
            changes: list[tuple[str, str]] = []
            if Migrations.migrations_table in tables:
                changes = conn.execute(
                    f"SELECT migration_set, name FROM [{Migrations.migrations_table}] "
                    "ORDER BY rowid"
                ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise _sentence_for(error, path) from error
    ours = [name for migration_set, name in changes if migration_set == MIGRATIONS.name]
    unknown = [name for name in ours if name not in KNOWN_CHANGES]
    if application_id == APPLICATION_ID:
        if unknown:
            raise DatabaseError(
                f"{path} was written by a newer version of Front Desk Kiosk "
                f"(it has the change '{unknown[-1]}'). Update the program before opening it."
            )
        return True
    only_our_changes = len(ours) == len(changes) and not unknown
    has_data = bool(tables - {Migrations.migrations_table})
    if application_id == 0 and only_our_changes and (ours or not has_data):
        return False
    raise DatabaseError(
        f"{path} belongs to another program, so the kiosk leaves it untouched; {ELSEWHERE}."
    )


def _misplaced(path: Path) -> DatabaseError | None:
    if path.is_dir():
        return DatabaseError(f"{path} is a folder, not a database; move it away, or {ELSEWHERE}.")
    blocker = places.file_in_the_way(path.parent)
    if blocker is not None:
        return DatabaseError(places.a_file_in_the_way(blocker, path.parent, _KIND))
    return None


def _read_only(path: Path) -> DatabaseError | None:
    """A read-only database, or a read-only folder (WAL keeps two more files beside it).

    os.access answers as the system will judge our writes: the file's and the folder's
    permissions, whether this user may override them, and a read-only file system.
    """
    if path.exists() and not os.access(path, os.W_OK):
        return DatabaseError(places.read_only_file(path, _KIND))
    folder = places.nearest_folder(path.parent)
    if not os.access(folder, os.W_OK | os.X_OK):
        return DatabaseError(places.read_only_folder(folder, _KIND))
    return None


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
        if db.conn.in_transaction:  # after a full disk, say, SQLite has rolled back already
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
