"""Bad local state (settings, folders, the database file) is named in one sentence, in process.

Read-only files and folders are tried through the commands, in tests/test_cli_local_state.py:
there the kiosk runs as a user whom permissions bind, even when the tests run as root.
"""

import sqlite3
from pathlib import Path

import pytest

from kiosk.store.database import DatabaseError, explain, open_database, writing
from kiosk.store.settings import Paths, SettingsError, load_settings, save_setting


@pytest.mark.parametrize(
    ("text", "section", "shown"),
    [
        ("site = 3\n", "site", "not 3"),
        ("targets = [60, 180]\n", "targets", "not a list"),
        ("[[desk]]\nchime_volume_percent = 50\n", "desk", "not a list"),
        ('kiosk = "yes"\n', "kiosk", "not 'yes'"),
        ('hub = 8765\n[site]\nname = "Acme"\n', "hub", "not 8765"),
    ],
)
def test_a_value_where_a_section_belongs(tmp_path: Path, text: str, section: str, shown: str):
    path = tmp_path / "settings.toml"
    path.write_text(text)
    with pytest.raises(SettingsError) as raised:
        load_settings(path)
    assert str(raised.value) == (
        f"In {path}, {section} should be a section [{section}] with its settings under it, {shown}."
    )


def test_a_settings_path_that_is_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.mkdir()
    with pytest.raises(SettingsError, match="is a folder, not a settings file") as raised:
        load_settings(path)
    assert str(path) in str(raised.value)


def test_settings_where_a_file_stands_in_for_the_folder(tmp_path: Path) -> None:
    (tmp_path / "config").write_text("not a folder")
    path = tmp_path / "config" / "kiosk" / "settings.toml"
    with pytest.raises(SettingsError) as raised:
        load_settings(path)
    assert str(raised.value).startswith(f"{tmp_path / 'config'} is a file, not a folder")
    with pytest.raises(SettingsError, match="is a file, not a folder"):
        save_setting(path, "site", "name", "Acme")


@pytest.mark.parametrize("below", ["", "kiosk"])
def test_a_home_that_is_a_file(tmp_path: Path, monkeypatch, below: str) -> None:
    file = tmp_path / "usb"
    file.write_text("a file, not a folder")
    home = file / below if below else file
    with pytest.raises(SettingsError) as raised:
        Paths.resolve(home)
    assert str(raised.value) == (
        f"{file} is a file, not a folder; point --home or KIOSK_HOME at the folder for the "
        "kiosk's settings and data."
    )
    monkeypatch.setenv("KIOSK_HOME", str(home))
    with pytest.raises(SettingsError, match="is a file, not a folder"):
        Paths.resolve()


def test_a_database_path_that_is_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.mkdir()
    for create in (True, False):
        with pytest.raises(DatabaseError) as raised:
            open_database(path, create=create)
        assert str(raised.value) == (
            f"{path} is a folder, not a database; move it away, or give the kiosk another "
            "folder with --home."
        )


def test_a_database_where_a_file_stands_in_for_the_folder(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    for path in (tmp_path / "data" / "kiosk.db", tmp_path / "data" / "kiosk" / "kiosk.db"):
        with pytest.raises(DatabaseError) as raised:
            open_database(path)
        assert str(raised.value).startswith(f"{tmp_path / 'data'} is a file, not a folder")


def test_a_busy_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    db = open_database(path)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        db.execute("PRAGMA busy_timeout = 0")  # the real wait is 5 s; the answer is the same
        with pytest.raises(sqlite3.OperationalError) as raised, writing(db):
            pass
    finally:
        blocker.close()
        db.close()
    explained = explain(raised.value, path)
    assert explained is not None
    assert str(explained).startswith(f"The database {path} is busy: another program has held")


def test_a_full_disk_is_named_and_nothing_is_half_written(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    db = open_database(path)
    # SQLite's own limit on the file's size gives the very error a full disk gives.
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(sqlite3.OperationalError) as raised, writing(db):
        db.execute("INSERT INTO staff (name, name_key) VALUES (?, 'x')", ["x" * 100_000])
    assert raised.value.sqlite_errorcode == sqlite3.SQLITE_FULL
    assert not db.conn.in_transaction
    assert db["staff"].count == 0
    db.close()
    explained = explain(raised.value, path)
    assert explained is not None
    assert str(explained) == f"The disk that holds {path} is full; free some space and try again."


def test_a_bug_is_not_dressed_up_as_a_sentence(tmp_path: Path) -> None:
    db = open_database(tmp_path / "kiosk.db")
    with pytest.raises(sqlite3.Error) as raised:
        db.execute("SELECT no_such_column FROM staff")
    db.close()
    assert explain(raised.value, tmp_path / "kiosk.db") is None
