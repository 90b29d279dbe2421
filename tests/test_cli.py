"""The `kiosk` command as a manager or installer runs it: in a real process, on real files."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from kiosk.cli import cli
from kiosk.store.database import open_database
from kiosk.store.settings import load_settings, pin_matches


def kiosk(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "KIOSK_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


def every_command(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found += every_command(command, prefix + name + " ")
    return found


@pytest.mark.parametrize(("name", "command"), every_command(cli))
def test_every_sub_command_has_help_text(name: str, command: click.Command) -> None:
    assert command.help and len(command.help.split()) >= 4, f"`kiosk {name}` needs help text"
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in ("help",):
            assert param.help, f"`kiosk {name} {param.opts[0]}` needs help text"


def test_help_lists_the_sub_commands(isolated_home: Path) -> None:
    result = kiosk(isolated_home, "--help")
    assert result.returncode == 0
    for name in ("export", "seed", "purge", "staff", "pin", "where"):
        assert f"  {name}" in result.stdout


def test_seed_then_export_gives_a_file_a_manager_can_open(isolated_home: Path, tmp_path) -> None:
    seeded = kiosk(isolated_home, "seed", "--visits", "300")
    assert seeded.returncode == 0, seeded.stderr
    out = tmp_path / "visits.csv"
    result = kiosk(
        isolated_home, "export", "--from", "2000-01-01", "--to", "2100-01-01", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 300
    assert "Wrote 300 visits" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["export", "--from", "2026-13-01", "--to", "2026-12-01", "-o", "x.csv"], "is not a date"),
        (["export", "--from", "2026-12-02", "--to", "2026-12-01", "-o", "x.csv"], "comes before"),
        (
            ["export", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "pdf", "-o", "x"],
            "Unknown format 'pdf'",
        ),
    ],
)
def test_bad_export_requests_get_one_clear_line(isolated_home: Path, args, words) -> None:
    kiosk(isolated_home, "seed", "--visits", "5")
    result = kiosk(isolated_home, *args)
    assert result.returncode != 0
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_export_without_a_database_says_so(isolated_home: Path) -> None:
    result = kiosk(isolated_home, "export", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x")
    assert result.returncode == 1
    assert "There is no kiosk database at" in result.stderr
    assert "Traceback" not in result.stderr


def test_staff_import_keeps_good_rows_and_names_bad_ones(isolated_home: Path, tmp_path) -> None:
    sheet = tmp_path / "staff.csv"
    sheet.write_text(
        "Name,Role,Email,Phone,Department\n"
        "Priya Raman,host,priya@example.com,,Sales\n"
        "Sam Jones,Receptionist,,,\n"
        ",host,,,\n"
        "Ana Lima,janitor,,,\n"
        "José Núñez,,jose@example.com,,Engineering\n",
        encoding="utf-8",
    )
    result = kiosk(isolated_home, "staff", "import", str(sheet))
    assert result.returncode == 0
    assert "Added 3 and updated 0 staff." in result.stdout
    assert "Line 4: Please type your name. Skipped." in result.stderr
    assert "Line 5: the role 'janitor' is not 'host' or 'receptionist'; skipped." in result.stderr
    again = kiosk(isolated_home, "staff", "import", str(sheet))
    assert "Added 0 and updated 3 staff." in again.stdout
    listed = kiosk(isolated_home, "staff", "list").stdout
    assert "José Núñez  (host, Engineering, jose@example.com)" in listed
    assert "Sam Jones  (reception)" in listed


def test_staff_import_of_a_missing_file(isolated_home: Path) -> None:
    result = kiosk(isolated_home, "staff", "import", "nowhere.csv")
    assert result.returncode == 1
    assert "There is no file nowhere.csv." in result.stderr


def test_purge_erases_old_visitors(isolated_home: Path) -> None:
    kiosk(isolated_home, "seed", "--visits", "400")
    db = open_database(isolated_home / "kiosk.db")
    before = db["visitors"].count
    visits_before = db["visits"].count
    db.close()
    result = kiosk(isolated_home, "purge")
    assert result.returncode == 0
    db = open_database(isolated_home / "kiosk.db")
    erased = before - db["visitors"].count
    assert erased > 0 and db["visits"].count == visits_before
    db.close()
    assert f"Erased the names and contacts of {erased} visitors not seen for 90 days." in (
        result.stdout
    )


def test_pin_is_asked_twice_and_stored_hashed(isolated_home: Path) -> None:
    result = kiosk(isolated_home, "pin", stdin="4827\n4827\n")
    assert result.returncode == 0, result.stderr
    stored = load_settings(isolated_home / "settings.toml").admin_pin_hash
    assert pin_matches("4827", stored)
    bad = kiosk(isolated_home, "pin", stdin="12\n12\n")
    assert "The admin PIN must be 4 to 12 digits." in bad.stderr


def test_where_shows_the_portable_folder(isolated_home: Path) -> None:
    result = kiosk(isolated_home, "where")
    assert f"Database: {isolated_home.resolve() / 'kiosk.db'}" in result.stdout
