"""Bad local state as a person meets it: each command, in a real process, says one sentence.

The kiosk runs as a user whom file permissions bind. When the tests run as root, whom chmod
does not stop, the command runs with root's power to override permissions taken away
(`setpriv`), so a read-only file or folder is as read-only for it as for anyone else.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.store.database import open_database, writing
from kiosk.store.places import ELSEWHERE
from kiosk.store.settings import load_settings

BOUND_BY_PERMISSIONS = (
    ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
    if os.geteuid() == 0
    else []
)
COMMANDS = {
    "where": ["where"],
    "export": ["export", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "visits.csv"],
    "devices": ["devices"],
    "pair": ["pair", "--role", "desk"],
    "staff list": ["staff", "list"],
    "hub": ["hub", "--listen", "127.0.0.1", "--port", "0"],
}
DATABASE_COMMANDS = ["export", "devices", "pair", "staff list", "hub"]


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str


def start(
    home: Path, *args: str, cwd: Path, stdin: str | None = None, prefix: list[str] | None = None
) -> subprocess.Popen:
    command = [*(BOUND_BY_PERMISSIONS if prefix is None else prefix)]
    command += [sys.executable, "-m", "kiosk", *args]
    return subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, "KIOSK_HOME": str(home)},
        stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, stdin: str | None = None) -> Finished:
    """Wait for the command to end; a hub that listens when it should have refused is stopped
    and reported."""
    try:
        stdout, stderr = process.communicate(stdin, timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        pytest.fail(f"`{' '.join(process.args)}` kept running: {stdout}{stderr}")
    return Finished(process.returncode, stdout, stderr)


def kiosk(home: Path, *args: str, cwd: Path, stdin: str | None = None, **options) -> Finished:
    """Run `kiosk ARGS` with KIOSK_HOME=home, in `cwd`."""
    return finish(start(home, *args, cwd=cwd, stdin=stdin, **options), stdin)


def each_command(home: Path, names: list[str], cwd: Path) -> dict[str, Finished]:
    """Run the commands side by side (each refuses before writing anything)."""
    started = {name: start(home, *COMMANDS[name], cwd=cwd) for name in names}
    return {name: finish(process) for name, process in started.items()}


def assert_one_sentence(result: Finished, *words: str) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode != 0, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    (line,) = lines
    assert line.startswith("Error: ") and line.endswith("."), line
    for word in words:
        assert word in line, line
    return line


def assert_each_says(results: dict[str, Finished], sentence: str) -> None:
    """Every command ended with exactly `sentence` (or, ending in "…", a line beginning so)."""
    wrong = []
    for name, result in results.items():
        try:
            line = assert_one_sentence(result)
            if sentence.endswith("…"):
                assert line.startswith(f"Error: {sentence[:-1]}"), line
            else:
                assert line == f"Error: {sentence}", line
        except AssertionError as error:
            wrong.append(f"kiosk {name}: {error}")
    assert not wrong, "\n".join(wrong)


def a_good_home(home: Path) -> Path:
    """A kiosk home as the hub leaves it: the settings file and a database."""
    load_settings(home / "settings.toml")
    open_database(home / "kiosk.db").close()
    return home


def fingerprint(path: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(
        p.name for p in path.parent.iterdir()
    )


@pytest.fixture
def read_only() -> Iterator:
    """chmod a file or folder read-only for the test; its mode comes back afterwards."""
    changed: list[tuple[Path, int]] = []

    def make_read_only(path: Path, mode: int = 0o555) -> None:
        changed.append((path, path.stat().st_mode))
        path.chmod(mode)

    yield make_read_only
    for path, mode in reversed(changed):
        path.chmod(mode)


@pytest.fixture(scope="module")
def permissions_bind(tmp_path_factory) -> None:
    """Prove the commands really can't write what is read-only, before relying on it."""
    locked = tmp_path_factory.mktemp("locked") / "file"
    locked.write_text("")
    locked.chmod(0o444)
    probe = subprocess.run(
        [*BOUND_BY_PERMISSIONS, sys.executable, "-c", f"open({str(locked)!r}, 'a')"],
        capture_output=True,
        text=True,
    )
    locked.chmod(0o644)
    assert probe.returncode != 0, "this machine can't make a file read-only for the commands"


# --- the kiosk's folder ------------------------------------------------------------------------


def test_a_home_that_is_a_file(tmp_path: Path) -> None:
    home = tmp_path / "usb"
    home.write_text("a file, not a folder")
    assert_each_says(
        each_command(home, list(COMMANDS), tmp_path),
        f"{home} is a file, not a folder; point --home or KIOSK_HOME at the folder for the "
        "kiosk's settings and data.",
    )


def test_home_option_naming_a_file(tmp_path: Path) -> None:
    home = tmp_path / "usb"
    home.write_text("a file, not a folder")
    result = kiosk(tmp_path / "elsewhere", "--home", str(home), "where", cwd=tmp_path)
    assert_one_sentence(result, f"{home} is a file, not a folder")


def test_a_home_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "usb").write_text("a file, not a folder")
    assert_each_says(
        each_command(tmp_path / "usb" / "kiosk", list(COMMANDS), tmp_path),
        f"{tmp_path / 'usb'} is a file, not a folder…",
    )


# --- the settings file -------------------------------------------------------------------------


def _settings_text(text: str):
    def make(settings: Path) -> None:
        settings.write_text(text)

    return make


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (Path.mkdir, "is a folder, not a settings file"),
        (_settings_text("[site\n"), "is not valid TOML"),
        (_settings_text("site = 3\n"), "site should be a section [site] with its settings under"),
        (_settings_text("[[desk]]\nnotifications = true\n"), "desk should be a section [desk]"),
        (_settings_text('[hub]\nport = "8765"\n'), "[hub] port should be a whole number"),
        (_settings_text("[desk]\nchime_volume_percent = 170\n"), "percentages, from 0 to 100"),
    ],
    ids=["folder", "not-toml", "value-for-section", "list-for-section", "wrong-type", "range"],
)
def test_settings_a_command_cannot_use(tmp_path: Path, make, words: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    settings = home / "settings.toml"
    make(settings)
    line = assert_one_sentence(kiosk(home, *COMMANDS["hub"], cwd=tmp_path), words)
    assert str(settings) in line


def test_unreadable_settings(tmp_path: Path, read_only, permissions_bind) -> None:
    home = a_good_home(tmp_path / "home")
    settings = home / "settings.toml"
    read_only(settings, 0o000)
    line = assert_one_sentence(kiosk(home, *COMMANDS["hub"], cwd=tmp_path))
    assert line == (
        f"Error: {settings} can't be read (Permission denied); let the user who runs the kiosk "
        "read it, or give the kiosk another folder with --home."
    )


def test_a_read_only_settings_folder(tmp_path: Path, read_only, permissions_bind) -> None:
    home = tmp_path / "home"
    home.mkdir()
    read_only(home)
    line = assert_one_sentence(kiosk(home, *COMMANDS["hub"], cwd=tmp_path))
    assert line == (
        f"Error: The folder {home} is read-only, so the kiosk can't keep its settings file in "
        "it; let the user who runs the kiosk write to it, or give the kiosk another folder with "
        "--home."
    )


def test_a_read_only_settings_file_is_not_changed(tmp_path: Path, read_only, permissions_bind):
    home = a_good_home(tmp_path / "home")
    settings = home / "settings.toml"
    before = settings.read_text()
    read_only(settings, 0o444)
    # No terminal: the new PIN comes on stdin, typed twice, after the prompts on stderr.
    result = kiosk(home, "pin", cwd=tmp_path, stdin="4827\n4827\n")
    assert "Traceback" not in result.stderr and result.returncode != 0
    assert result.stderr.splitlines()[-1] == (
        f"Error: The settings file {settings} is read-only; let the user who runs the kiosk "
        "write to it, or give the kiosk another folder with --home."
    )
    assert settings.read_text() == before


# --- the database ------------------------------------------------------------------------------


def _a_folder(database: Path) -> None:
    database.unlink()
    database.mkdir()


def _not_sqlite(database: Path) -> None:
    database.write_text("shopping list: milk, eggs, bread\n" * 200)


def _another_programs(database: Path) -> None:
    database.unlink()
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('buy milk')")
    conn.commit()
    conn.close()


def _newer(database: Path) -> None:
    db = open_database(database)
    with writing(db):
        db["_sqlite_migrations"].insert(
            {"migration_set": "kiosk", "name": "add_parking_spaces", "applied_at": "2030-01-01"}
        )
    db.close()


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (_a_folder, "{db} is a folder, not a database; move it away, or {elsewhere}."),
        (
            _not_sqlite,
            "{db} is not a kiosk database, nor any SQLite database; move it away, or {elsewhere}.",
        ),
        (
            _another_programs,
            "{db} belongs to another program, so the kiosk leaves it untouched; {elsewhere}.",
        ),
        (
            _newer,
            "{db} was written by a newer version of Front Desk Kiosk (it has the change "
            "'add_parking_spaces'). Update the program before opening it.",
        ),
    ],
    ids=["folder", "not-sqlite", "another-programs", "newer"],
)
def test_a_database_the_kiosk_cannot_use(tmp_path: Path, make, sentence: str) -> None:
    home = a_good_home(tmp_path / "home")
    database = home / "kiosk.db"
    make(database)
    before = fingerprint(database) if database.is_file() else None
    assert_each_says(
        each_command(home, DATABASE_COMMANDS, tmp_path),
        sentence.format(db=database, elsewhere=ELSEWHERE),
    )
    if before is not None:
        assert fingerprint(database) == before  # not a byte changed, no -wal or -shm beside it


def test_a_read_only_database(tmp_path: Path, read_only, permissions_bind) -> None:
    home = a_good_home(tmp_path / "home")
    database = home / "kiosk.db"
    read_only(database, 0o444)
    assert_each_says(
        each_command(home, DATABASE_COMMANDS, tmp_path),
        f"The database {database} is read-only; let the user who runs the kiosk write to it, "
        f"or {ELSEWHERE}.",
    )


def test_a_read_only_data_folder(tmp_path: Path, read_only, permissions_bind) -> None:
    home = a_good_home(tmp_path / "home")
    read_only(home)
    assert_each_says(
        each_command(home, DATABASE_COMMANDS, tmp_path),
        f"The folder {home} is read-only, so the kiosk can't keep its database in it; let the "
        f"user who runs the kiosk write to it, or {ELSEWHERE}.",
    )


def test_a_read_only_folder_for_a_new_database(tmp_path, read_only, permissions_bind) -> None:
    home = tmp_path / "home"
    home.mkdir()
    load_settings(home / "settings.toml")
    read_only(home)
    results = each_command(home, DATABASE_COMMANDS, tmp_path)
    # Commands that only read have nothing to open; those that write can't make the file.
    assert_each_says(
        {name: results.pop(name) for name in ("pair", "hub")},
        f"The folder {home} is read-only, so the kiosk can't keep its database in it…",
    )
    assert_each_says(results, f"There is no kiosk database at {home / 'kiosk.db'}…")


def test_a_busy_database(tmp_path: Path) -> None:
    home = a_good_home(tmp_path / "home")
    blocker = sqlite3.connect(home / "kiosk.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock, and keeps it
    try:
        results = each_command(home, ["pair", "hub"], tmp_path)
    finally:
        blocker.close()
    assert_each_says(
        results,
        f"The database {home / 'kiosk.db'} is busy: another program has held it for over 5 "
        "seconds; close that program, or try again in a moment.",
    )


# --- a full disk -------------------------------------------------------------------------------


def on_a_small_disk(disk: Path, size: str) -> list[str]:
    """A prefix that runs a command with a fresh file system of `size` mounted on `disk`, seen
    by that command alone (a private mount namespace; nothing outside changes)."""
    if shutil.which("unshare") is None:
        pytest.skip("this machine has no unshare to make a small disk to fill")
    disk.mkdir()
    as_root = [] if os.geteuid() == 0 else ["--map-root-user"]
    prefix = [
        "unshare",
        *as_root,
        "--mount",
        "sh",
        "-c",
        'mount -t tmpfs -o size="$1" tmpfs "$2" && shift 2 && exec "$@"',
        "sh",
        size,
        str(disk),
    ]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"this machine can't make a small disk to fill: {probe.stderr.strip()}")
    return prefix


@pytest.mark.parametrize(
    ("size", "args"),
    [("24k", ["pair", "--role", "desk"]), ("256k", ["seed", "--visits", "3000"])],
    ids=["at-start", "while-writing"],
)
def test_a_full_disk(tmp_path: Path, size: str, args: list[str]) -> None:
    disk = tmp_path / "disk"
    prefix = on_a_small_disk(disk, size)
    line = assert_one_sentence(kiosk(disk / "home", *args, cwd=tmp_path, prefix=prefix))
    assert line == (
        f"Error: The disk that holds {disk / 'home' / 'kiosk.db'} is full; free some space and "
        "try again."
    )
