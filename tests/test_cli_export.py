"""`kiosk export` as a manager runs it, in a real process: the format the file's name asks for,
who answered the desk by name, and one sentence for every place the file can't go."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import UTC
from pathlib import Path

import openpyxl
import pytest

from kiosk.core.people import Role, staff_actor
from kiosk.core.policies import Policies
from kiosk.core.purposes import Purpose
from kiosk.hub.service import HubService
from kiosk.store.database import open_database, writing
from kiosk.store.people import add_staff
from kiosk.store.seed import seed_history
from tests import test_cli_local_state
from tests.conftest import MORNING_MS, FakeClock
from tests.test_cli_local_state import a_good_home, assert_one_sentence, kiosk, on_a_small_disk

# The local-state tests' way of making a file or folder read-only even for root, shared.
read_only = test_cli_local_state.read_only
permissions_bind = test_cli_local_state.permissions_bind

DAYS = ("--from", "2026-11-23", "--to", "2026-11-25")  # the morning, whatever the local zone


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A kiosk home with one morning: Sam at the desk answers Maria and a courier."""
    home = a_good_home(tmp_path / "home")
    db = open_database(home / "kiosk.db")
    clock = FakeClock(MORNING_MS)
    hub = HubService(db, Policies(), clock=clock, tz=UTC)
    with writing(db):
        sam = add_staff(db, "Sam Jones", Role.RECEPTIONIST)
        priya = add_staff(db, "Priya Raman")
    maria = hub.check_in("María García", host_id=priya).visit.id
    clock.advance(20)
    hub.acknowledge(maria, staff_actor(sam))
    clock.advance(40)
    hub.welcome(maria, staff_actor(sam))
    courier = hub.check_in("Quick Parcels", purpose=Purpose.DELIVERY).visit.id
    clock.advance(10)
    hub.welcome(courier, staff_actor(sam))
    db.close()
    return home


def _export(home: Path, cwd: Path, *args: str):
    return kiosk(home, "export", *DAYS, *args, cwd=cwd, prefix=[])


def test_the_extension_decides_the_format(home: Path, tmp_path: Path) -> None:
    for name in ("visits.csv", "visits.xlsx", "visits.jsonl"):
        result = _export(home, tmp_path, "-o", name)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith(f"to {name}.")
    assert openpyxl.load_workbook(tmp_path / "visits.xlsx")["Visits"].max_row == 3
    assert (tmp_path / "visits.jsonl").read_text(encoding="utf-8").count("\n") == 2
    with (tmp_path / "visits.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["visitor_name"] for row in rows] == ["María García", "Quick Parcels"]


def test_an_excel_export_opens_on_the_summary_of_those_days(home: Path, tmp_path) -> None:
    assert _export(home, tmp_path, "-o", "visits.xlsx").returncode == 0
    book = openpyxl.load_workbook(tmp_path / "visits.xlsx")
    assert book.sheetnames == ["Summary", "Visits"] and book.active.title == "Summary"
    figures = {row[0]: row[1:] for row in book["Summary"].iter_rows(values_only=True)}
    assert figures["Visits"][:2] == (2, 0)  # this period, and the days before
    assert figures["Median wait (s)"][0] == 35  # 60 s and 10 s
    assert figures["Left without being seen"][0] == 0
    assert figures["09:00"][:3] == (2, 35, 55)


def test_a_follow_up_is_exported_and_its_note_only_by_name(home: Path, tmp_path) -> None:
    db = open_database(home / "kiosk.db")
    hub = HubService(db, Policies(), clock=FakeClock(MORNING_MS + 3600_000), tz=UTC)
    hub.follow_up(1, "Called, =apologised", "manager:1")
    db.close()
    for args, note in [([], "Called, =apologised"), (["--anonymous"], None)]:
        assert _export(home, tmp_path, "-o", "visits.csv", *args).returncode == 0
        with (tmp_path / "visits.csv").open(encoding="utf-8-sig", newline="") as file:
            maria, courier = csv.DictReader(file)
        assert maria["followed_up_at"] == "2026-11-24T10:00:00+00:00"
        assert courier["followed_up_at"] == ""
        assert maria.get("follow_up_note") == note, args


def test_the_receptionist_is_exported_by_name_even_anonymously(home: Path, tmp_path) -> None:
    for args in ([], ["--anonymous"]):
        result = _export(home, tmp_path, "-o", "visits.csv", *args)
        assert result.returncode == 0, result.stderr
        with (tmp_path / "visits.csv").open(encoding="utf-8-sig", newline="") as file:
            maria, courier = csv.DictReader(file)
        assert maria["acknowledged_by"] == maria["welcomed_by"] == "Sam Jones", args
        assert courier["welcomed_by"] == "Sam Jones" and courier["acknowledged_by"] == ""
    assert "María" not in (tmp_path / "visits.csv").read_text(encoding="utf-8-sig")
    shown = kiosk(home, "export", "--help", cwd=tmp_path, prefix=[]).stdout
    assert "staff, not the public" in " ".join(shown.split())


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ["--format", "csv", "-o", "visits.xlsx"],
            "visits.xlsx is named for Excel (xlsx), but --format asks for CSV; name the file "
            "visits.csv, or leave out --format.",
        ),
        (
            ["-o", "visits.txt"],
            "Can't tell which format to write from the name visits.txt; end it in .csv, .xlsx "
            "or .jsonl, or give --format.",
        ),
        (
            ["-o", "visits.json"],
            "Can't tell which format to write from the name visits.json; end it in .csv, .xlsx "
            "or .jsonl, or give --format.",
        ),
    ],
    ids=["contradicts", "unknown-extension", "json-not-jsonl"],
)
def test_a_format_the_name_does_not_give_is_one_sentence(
    home: Path, tmp_path: Path, args: list[str], sentence: str
) -> None:
    line = assert_one_sentence(_export(home, tmp_path, *args))
    assert line == f"Error: {sentence}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_a_format_for_an_extension_that_names_none_is_taken_as_asked(home, tmp_path) -> None:
    result = _export(home, tmp_path, "--format", "jsonl", "-o", "visits.txt")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "visits.txt").read_text(encoding="utf-8").startswith('{"visit_id":')


@pytest.mark.parametrize(
    ("make", "output", "sentence"),
    [
        (
            lambda tmp: None,
            "missing/visits.csv",
            "There is no folder {tmp}/missing; make it first, or write the export somewhere else.",
        ),
        (
            lambda tmp: (tmp / "visits.xlsx").mkdir(),
            "visits.xlsx",
            "{tmp}/visits.xlsx is a folder; give the name of the file to write, such as "
            "{tmp}/visits.xlsx/visits.xlsx.",
        ),
        (
            lambda tmp: (tmp / "reports").write_text("a file"),
            "reports/visits.csv",
            "{tmp}/reports is a file, not a folder; write the export somewhere else.",
        ),
    ],
    ids=["no-folder", "a-folder", "a-file-for-a-folder"],
)
def test_a_place_the_file_cannot_go_is_one_sentence(
    home: Path, tmp_path: Path, make, output: str, sentence: str
) -> None:
    make(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    line = assert_one_sentence(_export(home, tmp_path, "-o", str(tmp_path / output)))
    assert line == "Error: " + sentence.format(tmp=tmp_path)
    assert sorted(tmp_path.rglob("*")) == before


def test_a_read_only_folder(home: Path, tmp_path: Path, read_only, permissions_bind) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    read_only(shared)
    result = kiosk(home, "export", *DAYS, "-o", str(shared / "visits.csv"), cwd=tmp_path)
    line = assert_one_sentence(result)
    assert line == (
        f"Error: The folder {shared} is read-only, so the export can't be written there; "
        "write it somewhere else."
    )
    assert list(shared.iterdir()) == []


def test_a_read_only_file_is_left_as_it_is(
    home: Path, tmp_path: Path, read_only, permissions_bind
) -> None:
    kept = tmp_path / "visits.csv"
    kept.write_text("last month, kept on purpose")
    read_only(kept, 0o444)
    result = kiosk(home, "export", *DAYS, "-o", str(kept), cwd=tmp_path)
    line = assert_one_sentence(result)
    assert line == (
        f"Error: {kept} is read-only; choose another file name, or make it writable first."
    )
    assert kept.read_text() == "last month, kept on purpose"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "visits.csv"]


def test_a_full_disk_leaves_the_last_export_whole(tmp_path: Path) -> None:
    home = a_good_home(tmp_path / "home")
    db = open_database(home / "kiosk.db")
    seed_history(db, 3000, now_ms=MORNING_MS, tz=UTC)
    db.close()
    disk = tmp_path / "disk"
    out = disk / "visits.csv"
    # The small disk is seen by this one command alone, so the same shell writes last month's
    # export on it first, and shows what the disk holds afterwards.
    script = (
        'printf "last month" > "$0" && "$@"; status=$?; ls -A "${0%/*}"; cat "$0"; exit $status'
    )
    command = [*on_a_small_disk(disk, "64k"), "sh", "-c", script, str(out)]
    command += [sys.executable, "-m", "kiosk", "export", "--from", "2000-01-01"]
    command += ["--to", "2100-01-01", "-o", str(out)]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        env={**os.environ, "KIOSK_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = assert_one_sentence(result)
    assert line == f"Error: The disk that holds {out} is full; free some space and try again."
    assert result.stdout == "visits.csv\nlast month"
