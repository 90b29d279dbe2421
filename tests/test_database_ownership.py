"""Our database carries our mark; another program's SQLite file is refused and left as it was."""

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from kiosk.store.database import APPLICATION_ID, DatabaseError, open_database, writing
from kiosk.store.people import add_staff, all_staff
from kiosk.store.schema import MIGRATIONS


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes, and every file beside it (a -wal, -shm or -journal would show here)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(
        p.name for p in path.parent.iterdir()
    )


def test_the_mark_spells_front_desk_kiosk() -> None:
    assert APPLICATION_ID.to_bytes(4, "big") == b"FDsk"


def test_a_new_database_carries_our_mark(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    open_database(path).close()
    assert application_id(path) == APPLICATION_ID
    with path.open("rb") as file:  # where `file` and hex dumps look for it
        assert file.read(100)[68:72] == b"FDsk"


def test_an_empty_file_is_taken_for_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.touch()
    db = open_database(path)
    assert db["visits"].exists()
    db.close()
    assert application_id(path) == APPLICATION_ID


def test_a_kiosk_database_from_before_the_mark_is_recognised_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    older = Database(path)
    MIGRATIONS.apply(older)  # what versions before the mark made: our changes, no mark
    with writing(older):
        add_staff(older, "Priya Raman")
    older.close()
    assert application_id(path) == 0
    db = open_database(path)
    assert [person.name for person in all_staff(db)] == ["Priya Raman"]
    db.close()
    assert application_id(path) == APPLICATION_ID


def _marked_by_another_application(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1196444487")  # GeoPackage's "GPKG"
    conn.execute("CREATE TABLE features (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


def _tables_and_no_migrations(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('buy milk')")
    conn.commit()
    conn.close()


def _another_programs_migrations(path: Path) -> None:
    theirs = Migrations("recipes")

    @theirs()
    def create_recipes(db: Database) -> None:
        db["recipes"].create({"id": int, "title": str}, pk="id")

    db = Database(path)
    theirs.apply(db)
    db.close()


def _changes_we_do_not_know(path: Path) -> None:
    db = Database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "kiosk", "name": "add_parking_spaces", "applied_at": "2030-01-01"}
    )
    db["parking_spaces"].insert({"id": 1})
    db.close()


def _in_wal_mode(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, taken TEXT)")
    conn.commit()
    conn.close()  # a clean close folds the -wal file back in and removes it


@pytest.mark.parametrize(
    "make",
    [
        _marked_by_another_application,
        _tables_and_no_migrations,
        _another_programs_migrations,
        _changes_we_do_not_know,
        _in_wal_mode,
    ],
)
@pytest.mark.parametrize("create", [True, False])
def test_another_programs_database_is_refused_and_left_untouched(
    tmp_path: Path, make: Callable[[Path], None], create: bool
) -> None:
    path = tmp_path / "kiosk.db"
    make(path)
    before = fingerprint(path)
    assert before[1] == ["kiosk.db"]
    with pytest.raises(DatabaseError, match="belongs to another program") as refused:
        open_database(path, create=create)
    assert str(path) in str(refused.value)
    assert fingerprint(path) == before


def test_a_file_that_is_not_sqlite_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.write_text("shopping list: milk, eggs, bread " * 100)
    before = fingerprint(path)
    with pytest.raises(DatabaseError, match="nor any SQLite database"):
        open_database(path)
    assert fingerprint(path) == before


def test_a_newer_kiosk_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    db = open_database(path)
    with writing(db):
        db["_sqlite_migrations"].insert(
            {"migration_set": "kiosk", "name": "add_parking_spaces", "applied_at": "2030-01-01"}
        )
    db.close()
    before = fingerprint(path)
    with pytest.raises(DatabaseError, match="newer version of Front Desk Kiosk"):
        open_database(path)
    assert fingerprint(path) == before
