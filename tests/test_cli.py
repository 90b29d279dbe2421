"""The `kiosk` command as a manager or installer runs it: in a real process, on real files."""

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from kiosk.cli import cli
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole, add_device
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
    result = kiosk(
        isolated_home, "export", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x.csv"
    )
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
    assert "Line 4: the name is empty; skipped." in result.stderr
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


def test_names_reach_the_terminal_as_text_never_as_control_sequences(tmp_path: Path) -> None:
    # Stored before the hub refused such names: an old database, or one edited by hand.
    db = open_database(tmp_path / "kiosk.db")
    with writing(db):
        add_device(db, "Desk\x1b]0;pwned\x07 one", DeviceRole.DESK, 0)
        db.execute(
            "INSERT INTO staff (name, name_key, role, active) VALUES (?, 'eve', 'host', 1)",
            ["Eve \x1b[2J\u202eevil"],
        )
    db.close()
    devices = kiosk(tmp_path, "devices")
    staff = kiosk(tmp_path, "staff", "list")
    assert "Desk\\u001b]0;pwned\\u0007 one" in devices.stdout
    assert "Eve \\u001b[2J\\u202eevil" in staff.stdout
    assert "\x1b" not in devices.stdout + staff.stdout and "\u202e" not in staff.stdout


def test_pairing_codes_come_on_demand_for_one_role_and_void_the_one_before(
    tmp_path: Path,
) -> None:
    assert kiosk(tmp_path, "pair").returncode != 0  # --role is required
    first = kiosk(tmp_path, "pair", "--role", "kiosk").stdout
    second = kiosk(tmp_path, "pair", "--role", "desk").stdout
    code = re.search(r"Pairing code for a desk: ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})", second)
    assert code and "Pairing code for a kiosk" in first
    assert set(code.group(1).replace("-", "")) <= set("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    log = kiosk(tmp_path, "audit").stdout
    assert "pairing_code_issued  role=kiosk" in log and "pairing_code_voided  why=replaced" in log
    assert code.group(1) not in log and code.group(1).replace("-", "") not in log


def test_a_renewed_certificate_unpairs_every_device(tmp_path: Path) -> None:
    before = kiosk(tmp_path, "certificate").stdout
    db = open_database(tmp_path / "kiosk.db")
    with writing(db):
        add_device(db, "Front desk", DeviceRole.DESK, 0)
    db.close()
    renewed = kiosk(tmp_path, "certificate", "--renew").stdout
    assert "pair the 1 paired device(s) again" in renewed
    fingerprint = re.compile(r"Fingerprint: ([0-9A-F:]{95})")
    assert fingerprint.search(before).group(1) != fingerprint.search(renewed).group(1)
    assert "revoked" in kiosk(tmp_path, "devices").stdout
    key = tmp_path / "hub-key.pem"
    assert key.stat().st_mode & 0o077 == 0  # the key is its owner's alone
