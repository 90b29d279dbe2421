"""Exported visit logs, opened the way a manager would: csv, openpyxl, json."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from kiosk.core.metrics import VisitTimes
from kiosk.core.people import staff_actor
from kiosk.core.policies import Policies
from kiosk.core.purposes import Purpose
from kiosk.hub.service import HubService
from kiosk.store import export, export_files
from kiosk.store.database import writing
from kiosk.store.export import (
    ExportError,
    export_columns,
    export_query,
    export_visits,
    format_for,
)
from kiosk.store.seed import seed_history
from tests.conftest import MORNING_MS, FakeClock

ALL_TIME = (0, 2**62)
PARIS = timezone(timedelta(hours=1))


@pytest.fixture
def paris_hub(db: Database, clock: FakeClock) -> HubService:
    """The hub of a site in Paris in November (UTC+1)."""
    return HubService(db, Policies(), clock=clock, tz=PARIS)


@pytest.fixture
def morning(paris_hub: HubService, clock: FakeClock, staff: dict[str, int]) -> dict[str, int]:
    """Maria's meeting from check-in to rating, a courier, a visitor who gave up, one waiting.

    Sam, at the desk, answers each of them, named in the log by staff number as the hub does."""
    hub = paris_hub
    sam = staff_actor(staff["sam"])
    clock.advance(5)  # 10:00:05 in Paris
    maria = hub.check_in("María García", host_id=staff["priya"], kiosk="lobby").visit.id
    clock.advance(0.8)
    hub.note_alerted(maria, "desk-1")
    clock.advance(24.2)
    hub.acknowledge(maria, sam)
    clock.advance(70)
    hub.welcome(maria, sam)
    clock.advance(3600)
    hub.check_out(maria)
    hub.rate_welcome(maria, 4)
    clock.advance(60)
    courier = hub.check_in("Smith, Jr.", purpose=Purpose.DELIVERY).visit.id
    clock.advance(12.5)
    hub.welcome(courier, sam)
    clock.advance(60)
    gave_up = hub.check_in("=HYPERLINK(1)", host_id=staff["jose"]).visit.id
    clock.advance(600)
    hub.mark_left_unseen(gave_up, sam)
    waiting = hub.check_in("王芳", host_id=staff["jose"]).visit.id
    return {"maria": maria, "courier": courier, "gave_up": gave_up, "waiting": waiting}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        assert reader.fieldnames == export_columns()
        return list(reader)


def test_csv_has_one_row_per_visit_with_every_time(db: Database, morning, tmp_path) -> None:
    out = tmp_path / "visits.csv"
    assert export_visits(db, *ALL_TIME, "csv", out) == 4
    rows = _csv_rows(out)
    assert [int(row["visit_id"]) for row in rows] == list(morning.values())  # oldest first
    maria = rows[0]
    assert maria["visitor_name"] == "María García" and maria["host_name"] == "Priya Raman"
    assert maria["purpose"] == "meeting" and maria["kiosk"] == "lobby"
    assert maria["state"] == "departed" and maria["ended_how"] == "checked_out"
    assert maria["checked_in_at"] == "2026-11-24T10:00:05+01:00"
    assert maria["welcomed_at"] == "2026-11-24T10:01:40+01:00"
    for column in ("checked_in_at", "alerted_at", "acknowledged_at", "welcomed_at", "ended_at"):
        moment = datetime.fromisoformat(maria[column])
        assert moment.utcoffset() == timedelta(hours=1), column
    checked_in = datetime.fromisoformat(maria["checked_in_at"])
    assert checked_in == datetime(2026, 11, 24, 9, 0, 5, tzinfo=UTC)
    assert float(maria["time_to_alert_s"]) == 0.8
    assert float(maria["time_to_acknowledge_s"]) == 25
    assert float(maria["wait_s"]) == 95
    assert float(maria["visit_length_s"]) == 3695
    assert maria["acknowledged_by"] == maria["welcomed_by"] == "Sam Jones"
    assert maria["escalations"] == "0" and maria["feedback"] == "4"


def test_durations_follow_the_wait_metrics(db: Database, paris_hub, morning, tmp_path) -> None:
    out = tmp_path / "visits.csv"
    export_visits(db, *ALL_TIME, "csv", out)
    for row in _csv_rows(out):
        times = VisitTimes.of(paris_hub.visit(int(row["visit_id"])))
        for column, expected in [
            ("time_to_alert_s", times.time_to_alert),
            ("time_to_acknowledge_s", times.time_to_acknowledge),
            ("wait_s", times.wait),
            ("visit_length_s", times.visit_length),
        ]:
            assert (float(row[column]) if row[column] else None) == expected, column


def test_what_did_not_happen_is_empty(db: Database, morning, tmp_path) -> None:
    out = tmp_path / "visits.csv"
    export_visits(db, *ALL_TIME, "csv", out)
    courier, gave_up, waiting = _csv_rows(out)[1:]
    assert courier["host_id"] == courier["host_name"] == courier["acknowledged_at"] == ""
    assert courier["purpose"] == "delivery"
    assert gave_up["ended_how"] == "left_unseen" and gave_up["wait_s"] == ""
    assert gave_up["visit_length_s"] == "" and gave_up["ended_at"] != ""
    assert int(gave_up["escalations"]) >= 0
    assert waiting["state"] == "waiting" and waiting["ended_how"] == "on site"
    assert waiting["ended_at"] == waiting["feedback"] == ""


def test_csv_opens_in_excel_with_accents_commas_and_no_formulas(db: Database, morning, tmp_path):
    out = tmp_path / "visits.csv"
    export_visits(db, *ALL_TIME, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the mark that tells Excel it is UTF-8
    assert b'"Smith, Jr."' in raw and b"\r\n" in raw
    names = [row["visitor_name"] for row in _csv_rows(out)]
    assert names == ["María García", "Smith, Jr.", "'=HYPERLINK(1)", "王芳"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"], ids=repr)
def test_no_typed_field_of_a_csv_starts_a_formula(
    db: Database, morning, tmp_path, start: str
) -> None:
    # Text stored before control characters were refused, or written by an older version, can
    # still start with a tab or a carriage return, after which some spreadsheets read a formula.
    formula = f"{start}cmd|' /C calc'!A0"
    db.execute("UPDATE visitors SET name = ? WHERE name = 'María García'", [formula])
    db.execute("UPDATE staff SET name = ? WHERE name IN ('Priya Raman', 'Sam Jones')", [formula])
    db.execute("UPDATE visits SET kiosk = ?, acknowledged_by = ?", [formula, formula])
    out = tmp_path / "visits.csv"
    export_visits(db, *ALL_TIME, "csv", out)
    maria = _csv_rows(out)[0]
    for column in ("visitor_name", "host_name", "kiosk", "acknowledged_by", "welcomed_by"):
        assert maria[column] == "'" + formula, column


@pytest.mark.parametrize("name", [" =1+1", "x\t=1", "José", "\u22125, a minus sign"])
def test_text_that_starts_no_formula_is_exported_as_it_is(
    db: Database, morning, tmp_path, name: str
) -> None:
    db.execute("UPDATE visitors SET name = ? WHERE name = 'María García'", [name])
    out = tmp_path / "visits.csv"
    export_visits(db, *ALL_TIME, "csv", out)
    assert _csv_rows(out)[0]["visitor_name"] == name


def test_anonymous_export_names_no_visitor(db: Database, morning, tmp_path) -> None:
    out = tmp_path / "visits.csv"
    assert export_visits(db, *ALL_TIME, "csv", out, anonymous=True) == 4
    text = out.read_text(encoding="utf-8-sig")
    for name in ("María", "Smith", "HYPERLINK", "王芳"):
        assert name not in text
    with out.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
    assert "visitor_name" not in reader.fieldnames and "visitor_id" not in reader.fieldnames
    assert rows[0]["host_name"] == "Priya Raman" and rows[0]["wait_s"] == "95.0"
    # Staff are not the public: who answered the desk is what the figures are about.
    assert rows[0]["acknowledged_by"] == rows[0]["welcomed_by"] == "Sam Jones"


def test_only_the_period_is_exported(db: Database, morning, tmp_path) -> None:
    out = tmp_path / "visits.csv"
    maria_at = MORNING_MS + 5000
    assert export_visits(db, maria_at, maria_at + 3600_000 + 95_000, "csv", out) == 1
    assert export_visits(db, maria_at + 1, 2**62, "csv", out) == 3
    assert export_visits(db, 0, maria_at, "csv", out) == 0
    assert out.read_text(encoding="utf-8-sig").strip() == ",".join(export_columns())


def test_xlsx_opens_with_real_dates_and_a_frozen_bold_header(db: Database, morning, tmp_path):
    out = tmp_path / "visits.xlsx"
    assert export_visits(db, *ALL_TIME, "xlsx", out) == 4
    sheet = openpyxl.load_workbook(out).active
    header = [cell.value for cell in sheet[1]]
    assert header == [*export_columns(), "utc_offset"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)]
    assert len(rows) == 4
    maria = rows[0]
    assert maria["checked_in_at"] == datetime(2026, 11, 24, 10, 0, 5)  # the site's wall clock
    assert maria["utc_offset"] == "+01:00"
    assert maria["wait_s"] == 95 and maria["visit_id"] == morning["maria"]
    assert maria["visitor_name"] == "María García"
    assert rows[2]["visitor_name"] == "=HYPERLINK(1)"  # kept as text: openpyxl reads no formula
    assert sheet.cell(4, header.index("visitor_name") + 1).data_type == "s"
    assert rows[3]["ended_at"] is None and rows[3]["ended_how"] == "on site"
    assert maria["acknowledged_by"] == maria["welcomed_by"] == "Sam Jones"


def test_jsonl_has_one_object_per_line_with_the_same_keys(db: Database, morning, tmp_path):
    out = tmp_path / "visits.jsonl"
    assert export_visits(db, *ALL_TIME, "jsonl", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    visits = [json.loads(line) for line in lines]
    assert len(visits) == 4 and all(list(v) == export_columns() for v in visits)
    maria, courier = visits[0], visits[1]
    assert maria["wait_s"] == 95.0 and maria["visit_id"] == morning["maria"]
    assert maria["checked_in_at"] == "2026-11-24T10:00:05+01:00"
    assert courier["host_id"] is None and courier["visitor_name"] == "Smith, Jr."
    assert visits[2]["visitor_name"] == "=HYPERLINK(1)"  # JSON is data, not a spreadsheet
    assert "王芳" in lines[3]  # readable, not \\u escapes


def test_an_unknown_format_is_refused_with_a_sentence(db: Database, tmp_path) -> None:
    out = tmp_path / "visits.pdf"
    with pytest.raises(ExportError) as refused:
        export_visits(db, *ALL_TIME, "pdf", out)
    assert str(refused.value) == "Unknown format 'pdf'. Use csv, xlsx or jsonl."
    assert isinstance(refused.value, ValueError)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_the_receptionist_is_named_as_on_the_staff_list_today(
    db: Database, morning, tmp_path
) -> None:
    """The log keeps the staff number, so the export names whoever it is now: a name corrected
    on the list is exported corrected, in every format; other actors stay as recorded."""
    with writing(db):
        db.execute("UPDATE staff SET name = 'Sam Jones-Okafor' WHERE name = 'Sam Jones'")
        db.execute(
            "UPDATE visits SET welcomed_by = 'front desk' WHERE id = ?", [morning["courier"]]
        )
    for fmt in ("csv", "jsonl", "xlsx"):
        out = tmp_path / f"visits.{fmt}"
        export_visits(db, *ALL_TIME, None, out)
        if fmt == "csv":
            rows = _csv_rows(out)
        elif fmt == "jsonl":
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        else:
            sheet = openpyxl.load_workbook(out).active
            header = [cell.value for cell in sheet[1]]
            rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)]
        maria, courier, gave_up, _ = rows
        assert maria["acknowledged_by"] == maria["welcomed_by"] == "Sam Jones-Okafor", fmt
        assert courier["welcomed_by"] == "front desk", fmt
        assert gave_up["welcomed_by"] in ("", None), fmt
        assert "staff:" not in out.read_bytes().decode("utf-8", "replace"), fmt


@pytest.mark.parametrize(
    ("name", "fmt", "chosen"),
    [
        ("visits.csv", None, "csv"),
        ("visits.xlsx", None, "xlsx"),
        ("VISITS.XLSX", None, "xlsx"),
        ("visits.jsonl", None, "jsonl"),
        ("visits.xlsx", "xlsx", "xlsx"),
        ("visits.xlsx", "XLSX", "xlsx"),
        ("visits.txt", "csv", "csv"),  # an extension that names no format: as asked
        ("visits", "jsonl", "jsonl"),
    ],
)
def test_the_format_comes_from_the_extension_unless_asked(name, fmt, chosen) -> None:
    assert format_for(Path(name), fmt) == chosen


@pytest.mark.parametrize(
    ("name", "fmt", "sentence"),
    [
        (
            "visits.xlsx",
            "csv",
            "visits.xlsx is named for Excel (xlsx), but --format asks for CSV; name the file "
            "visits.csv, or leave out --format.",
        ),
        (
            "visits.csv",
            "jsonl",
            "visits.csv is named for CSV, but --format asks for JSON Lines; name the file "
            "visits.jsonl, or leave out --format.",
        ),
        (
            "visits.txt",
            None,
            "Can't tell which format to write from the name visits.txt; end it in .csv, .xlsx "
            "or .jsonl, or give --format.",
        ),
        (
            "visits",
            None,
            "Can't tell which format to write from the name visits; end it in .csv, .xlsx or "
            ".jsonl, or give --format.",
        ),
        ("visits.pdf", "pdf", "Unknown format 'pdf'. Use csv, xlsx or jsonl."),
    ],
)
def test_a_format_the_file_name_contradicts_is_refused(
    db: Database, morning, tmp_path, name: str, fmt, sentence: str
) -> None:
    out = tmp_path / name
    with pytest.raises(ExportError) as refused:
        export_visits(db, *ALL_TIME, fmt, out)
    assert str(refused.value) == sentence
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("kiosk.db")]


def test_an_xlsx_file_never_holds_csv(db: Database, morning, tmp_path) -> None:
    out = tmp_path / "visits.xlsx"
    with pytest.raises(ExportError):
        export_visits(db, *ALL_TIME, "csv", out)
    assert not out.exists()
    export_visits(db, *ALL_TIME, None, out)
    assert out.read_bytes().startswith(b"PK")  # a zip, as every xlsx is
    assert openpyxl.load_workbook(out).active.max_row == 5


def _a_file_where_the_folder_should_be(tmp_path: Path) -> Path:
    (tmp_path / "reports").write_text("notes")
    return tmp_path / "reports" / "visits.csv"


def _a_folder_where_the_file_should_be(tmp_path: Path) -> Path:
    (tmp_path / "visits.csv").mkdir()
    return tmp_path / "visits.csv"


@pytest.mark.parametrize(
    ("place", "sentence"),
    [
        (
            lambda tmp: tmp / "no such folder" / "visits.csv",
            "There is no folder {tmp}/no such folder; make it first, or write the export "
            "somewhere else.",
        ),
        (
            _a_folder_where_the_file_should_be,
            "{tmp}/visits.csv is a folder; give the name of the file to write, such as "
            "{tmp}/visits.csv/visits.csv.",
        ),
        (
            _a_file_where_the_folder_should_be,
            "{tmp}/reports is a file, not a folder; write the export somewhere else.",
        ),
    ],
    ids=["no-folder", "a-folder", "a-file-for-a-folder"],
)
def test_a_place_an_export_cannot_go_is_one_sentence(
    db: Database, morning, tmp_path, place, sentence: str
) -> None:
    out = place(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(ExportError) as refused:
        export_visits(db, *ALL_TIME, None, out)
    assert str(refused.value) == sentence.format(tmp=tmp_path)
    assert sorted(tmp_path.rglob("*")) == before


def test_a_finished_export_is_flushed_to_disk_before_it_takes_the_name(
    db: Database, morning, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "visits.csv"
    synced: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(handle: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{handle}"))
        real_fsync(handle)

    def replace(source, target) -> None:
        assert synced and Path(synced[-1]) == Path(source), "renamed before it was on disk"
        real_replace(source, target)

    monkeypatch.setattr(export_files.os, "fsync", fsync)
    monkeypatch.setattr(export_files.os, "replace", replace)
    export_visits(db, *ALL_TIME, None, out)
    assert Path(synced[-1]) == tmp_path  # and the new name with it
    assert len(_csv_rows(out)) == 4


def test_a_failed_export_leaves_no_half_file(
    db: Database, morning, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    outs = [folder / f"visits.{fmt}" for fmt in ("csv", "xlsx", "jsonl")]
    for out in outs:
        out.write_text("last month's export")

    def one_chunk_then_a_full_disk(cursor):
        yield cursor.fetchmany(2)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_chunks", one_chunk_then_a_full_disk)
    for out in outs:
        with pytest.raises(ExportError) as refused:
            export_visits(db, *ALL_TIME, None, out)
        assert str(refused.value) == (
            f"The disk that holds {out} is full; free some space and try again."
        )
        assert out.read_text() == "last month's export"
    assert sorted(folder.iterdir()) == sorted(outs)


def test_more_visits_than_a_sheet_holds_are_refused(
    db: Database, morning, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 3)
    out = tmp_path / "visits.xlsx"
    with pytest.raises(ExportError, match="more than an Excel sheet can hold"):
        export_visits(db, *ALL_TIME, "xlsx", out)
    assert not out.exists()


def test_the_quick_csv_path_writes_what_csv_writer_would(db: Database, tmp_path) -> None:
    seed_history(db, 400, now_ms=MORNING_MS, tz=PARIS)
    out = tmp_path / "visits.csv"
    export_visits(db, *ALL_TIME, "csv", out)
    expected = io.StringIO(newline="")
    writer = csv.writer(expected)
    cursor = db.execute(export_query(), {"start_ms": ALL_TIME[0], "end_ms": ALL_TIME[1]})
    writer.writerow([d[0] for d in cursor.description])
    writer.writerows(cursor)
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert file.read() == expected.getvalue()
