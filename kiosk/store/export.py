"""Exporting visits, one row each with every time and wait, to CSV, Excel (XLSX) or JSON Lines.

The rows are formatted by SQLite itself (`export_query`), so Python only streams them to the
file; the benchmark runs the very same SELECT in the `sqlite3` shell to compare.

Columns, the same in every format (XLSX adds `utc_offset` at the end, see below):

- `visit_id`, `visitor_id`, `visitor_name`, `host_id`, `host_name`, `purpose`, `kiosk`, `state`
- `ended_how`: checked_out, auto_checked_out, left_unseen, cancelled, or "on site" if still open
- `checked_in_at`, `alerted_at`, `acknowledged_at`, `welcomed_at`, `ended_at`: ISO 8601 local
  time of the site with its UTC offset at check-in, to the second ("2026-11-24T09:00:05+01:00")
- `time_to_alert_s`, `time_to_acknowledge_s`, `wait_s`, `visit_length_s`: seconds, to the
  millisecond, as `kiosk.core.metrics.VisitTimes` defines them
- `acknowledged_by`, `welcomed_by`: the receptionist's name as on the staff list (the event log
  keeps the staff number, so a name corrected on the list is exported corrected)
- `escalations`, `feedback` (1 to 5)
- `followed_up_at` (local time, as above), `follow_up_note`: a manager's call after a long wait

Empty means "did not happen" (or, for a visitor's name, erased after the retention period).

Names are typed by the public at the kiosk, so in CSV a text that a spreadsheet would run as a
formula (starting with =, +, - or @, or with a tab or carriage return, which some spreadsheets skip
before reading the formula) gets a leading apostrophe; XLSX cells are written as text, which
Excel never runs, and JSON Lines keeps the text as typed.

Anonymous exports leave out `visitor_id`, `visitor_name` and `follow_up_note`: the id is a key
to the visitor's name, contact and pronunciation, and a note may say anything about them. The
host's id and name and the receptionists' names stay, because they are staff, not the public,
and the figures are about how the front desk looked after its visitors, not about who visited.

The format is the file's extension (.csv, .xlsx, .jsonl) unless one is asked for; a format that
contradicts the extension is refused, so an Excel file never holds CSV. Each way the output
can't be written (no such folder, a folder in its place, a read-only folder or file, a full
disk) is one sentence (`ExportError`).

CSV starts with a UTF-8 byte order mark: without it Excel on Windows reads the file in the
local code page and mangles "José Núñez" and every non-Latin name, while Python
(`encoding="utf-8-sig"`), LibreOffice, pandas and Google Sheets all skip the mark. XLSX holds real
date-time cells (local time, which Excel cannot zone) plus a `utc_offset` column, a bold, frozen
header row and fitted columns; a sheet holds at most 1,048,575 visits.

Every format is written to a hidden temporary file beside the output and renamed over it only
once complete, so a failed or interrupted export never leaves half a file. The file is readable
by its owner only (it may hold visitors' names); share it on purpose.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.core.people import STAFF_ACTOR
from kiosk.store.export_files import ExportError, check_place, write_export

FORMATS = ("csv", "xlsx", "jsonl")
# How each format is named for a person.
_FORMAT_NAMES = {"csv": "CSV", "xlsx": "Excel (xlsx)", "jsonl": "JSON Lines"}
XLSX_MAX_ROWS = 1_048_575  # Excel's 1,048,576 rows, less the header
# Rows fetched per round trip: big enough that the per-call cost vanishes, small enough to
# keep memory flat whatever the size of the export, and a chunk still in the processor's cache
# while it is joined (four times as many were slower).
CHUNK_ROWS = 5_000

# Fields that lead to a person who visited, and so stay out of anonymous exports.
PERSONAL = frozenset({"visitor_id", "visitor_name", "follow_up_note"})


def _local_time(column: str) -> str:
    """SQL for a ms timestamp as ISO 8601 local time, with the offset stored on the visit."""
    return (
        f"strftime('%Y-%m-%dT%H:%M:%S', v.{column} / 1000 + v.utc_offset_min * 60, 'unixepoch')"
        " || printf('%s%02d:%02d', CASE WHEN v.utc_offset_min < 0 THEN '-' ELSE '+' END,"
        " abs(v.utc_offset_min) / 60, abs(v.utc_offset_min) % 60)"
    )


def _seconds_since_check_in(column: str) -> str:
    return f"(v.{column} - v.checked_in_at) / 1000.0"


# Who did a step, joined to the staff list once per row (an expression would be evaluated again
# by the CSV formula guard): (column of visits, alias of its join).
_ANSWERED_BY = (("acknowledged_by", "ab"), ("welcomed_by", "wb"))


def _join_staff(column: str, alias: str) -> str:
    """SQL joining the member of staff named in the actor `column`, if it names one."""
    prefix = len(STAFF_ACTOR)
    return (
        f"LEFT JOIN staff AS {alias} ON {alias}.id = CASE WHEN substr(v.{column}, 1, {prefix}) "
        f"= '{STAFF_ACTOR}' THEN CAST(substr(v.{column}, {prefix + 1}) AS INTEGER) END\n"
    )


def _staff_name(column: str) -> str:
    """SQL for the name on the staff list of whoever did a step; any other actor (older logs
    named people directly) as it was recorded."""
    alias = dict(_ANSWERED_BY)[column]
    return f"coalesce({alias}.name, v.{column})"


# (column name, SQL expression, whether people typed it), in file order. A name ending in "_at"
# is a local time, one ending in "_s" a duration (kiosk.store.export_files writes them so).
# Durations follow VisitTimes. Free text comes from people: visitors type their names, staff
# lists are imported, desks and kiosks name themselves.
_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("visit_id", "v.id", False),
    ("visitor_id", "v.visitor_id", False),
    ("visitor_name", "p.name", True),
    ("host_id", "v.host_id", False),
    ("host_name", "h.name", True),
    ("purpose", "v.purpose", False),
    ("kiosk", "v.kiosk", True),
    ("state", "v.state", False),
    ("ended_how", "coalesce(v.ended_how, 'on site')", False),
    ("checked_in_at", _local_time("checked_in_at"), False),
    ("alerted_at", _local_time("alerted_at"), False),
    ("acknowledged_at", _local_time("acknowledged_at"), False),
    ("welcomed_at", _local_time("welcomed_at"), False),
    ("ended_at", _local_time("ended_at"), False),
    ("time_to_alert_s", _seconds_since_check_in("alerted_at"), False),
    ("time_to_acknowledge_s", _seconds_since_check_in("acknowledged_at"), False),
    ("wait_s", _seconds_since_check_in("welcomed_at"), False),
    (
        "visit_length_s",
        "CASE WHEN v.ended_how IN ('checked_out', 'auto_checked_out') "
        f"THEN {_seconds_since_check_in('ended_at')} END",
        False,
    ),
    ("acknowledged_by", _staff_name("acknowledged_by"), True),
    ("welcomed_by", _staff_name("welcomed_by"), True),
    ("escalations", "v.escalations", False),
    ("feedback", "v.feedback", False),
    ("followed_up_at", _local_time("followed_up_at"), False),
    ("follow_up_note", "n.note", True),
)


# First characters that make a spreadsheet read a CSV field as a formula (OWASP's list): tab
# and carriage return too, as some spreadsheets skip them and read on.
_FORMULA_STARTS = "('=', '+', '-', '@', char(9), char(13))"


def _as_csv_field(sql: str, typed: bool) -> str:
    """SQL for a value as the text of its CSV field: "" for NULL, and never a formula."""
    if typed:
        sql = (
            f"CASE WHEN substr({sql}, 1, 1) IN {_FORMULA_STARTS} THEN '''' || {sql} ELSE {sql} END"
        )
    return f"ifnull(CAST({sql} AS TEXT), '')"


def export_columns(anonymous: bool = False) -> list[str]:
    """The header row of an export."""
    return [name for name, _, _ in _COLUMNS if not (anonymous and name in PERSONAL)]


def export_query(anonymous: bool = False, *, for_csv: bool = True, after: bool = False) -> str:
    """The one SELECT behind every export, with parameters :start_ms and :end_ms.

    Visits that checked in at or after :start_ms and before :end_ms, oldest first; the index on
    `checked_in_at` gives both the range and the order. `for_csv` makes every value the text of
    its CSV field, so that writing a row is joining it; otherwise numbers stay numbers and NULL
    stays NULL, for JSON Lines and Excel. `after` adds the parameter :after_id, for a page that
    follows that visit (`export_page`).
    """
    selected = ",\n    ".join(
        f"{_as_csv_field(sql, typed) if for_csv else sql} AS {name}"
        for name, sql, typed in _COLUMNS
        if not (anonymous and name in PERSONAL)
    )
    visitors = (
        ""
        if anonymous
        else "LEFT JOIN visitors AS p ON p.id = v.visitor_id\n"
        "LEFT JOIN follow_up_notes AS n ON n.visit_id = v.id\n"
    )
    return (
        f"SELECT\n    {selected}\n"
        "FROM visits AS v\n"
        f"{visitors}"
        "LEFT JOIN staff AS h ON h.id = v.host_id\n"
        f"{''.join(_join_staff(column, alias) for column, alias in _ANSWERED_BY)}"
        "WHERE v.checked_in_at >= :start_ms AND v.checked_in_at < :end_ms\n"
        f"{_AFTER if after else ''}"
        "ORDER BY v.checked_in_at, v.id"
    )


# A page of an export starts after the visit :after_id, in the export's order.
_AFTER = (
    "AND (v.checked_in_at, v.id) > "
    "((SELECT checked_in_at FROM visits WHERE id = :after_id), :after_id)\n"
)


def format_for(out: Path, fmt: str | None = None) -> str:
    """The format to write `out` in: `fmt` if given, else the file's extension.

    ExportError for an unknown format, a file name that says no format and none given, or a
    format that contradicts the file's extension (CSV in "visits.xlsx" would not open in Excel).
    """
    extension = Path(out).suffix.lower().removeprefix(".")
    if fmt is None:
        if extension not in FORMATS:
            raise ExportError(
                f"Can't tell which format to write from the name {Path(out).name}; "
                "end it in .csv, .xlsx or .jsonl, or give --format."
            )
        return extension
    asked = fmt.lower()
    if asked not in FORMATS:
        raise ExportError(f"Unknown format '{fmt}'. Use csv, xlsx or jsonl.")
    if extension in FORMATS and extension != asked:
        raise ExportError(
            f"{Path(out).name} is named for {_FORMAT_NAMES[extension]}, but --format asks for "
            f"{_FORMAT_NAMES[asked]}; name the file {Path(out).stem}.{asked}, or leave out "
            "--format."
        )
    return asked


def export_visits(
    db: Database,
    start_ms: int,
    end_ms: int,
    fmt: str | None,
    out: Path,
    *,
    anonymous: bool = False,
    summary: list[list[Any]] | None = None,
) -> int:
    """Write the visits that checked in in [start_ms, end_ms) to `out`; return how many.

    `fmt` None takes the format from the file's extension (`format_for`). `summary`: rows for a
    first sheet in front of the visits, in an Excel file (`summary_rows`). Any reason the file
    can't be written raises ExportError with its sentence; `out` is then as it was before.
    """
    out = Path(out)
    fmt = format_for(out, fmt)
    params = {"start_ms": start_ms, "end_ms": end_ms}
    if fmt == "xlsx":
        count = count_between(db, start_ms, end_ms)
        if count > XLSX_MAX_ROWS:
            raise ExportError(
                f"Those days have {count:,} visits, more than an Excel sheet can hold "
                f"({XLSX_MAX_ROWS:,}). Export fewer days, or use csv or jsonl."
            )
    check_place(out)
    with _text_as_bytes(db.conn, fmt == "csv"):
        cursor = db.execute(export_query(anonymous, for_csv=fmt == "csv"), params)
        header = [description[0] for description in cursor.description]
        return write_export(out, fmt, header, _chunks(cursor), summary=summary)


@contextmanager
def _text_as_bytes(conn: sqlite3.Connection, wanted: bool) -> Iterator[None]:
    """While `wanted`, text comes from the database as the UTF-8 bytes it is stored in: a CSV
    field goes to the file as it is, never decoded and encoded again."""
    if not wanted:
        yield
        return
    before, conn.text_factory = conn.text_factory, bytes
    try:
        yield
    finally:
        conn.text_factory = before


def count_between(db: Database, start_ms: int, end_ms: int) -> int:
    """How many visits an export of [start_ms, end_ms) holds."""
    (count,) = db.execute(
        "SELECT count(*) FROM visits WHERE checked_in_at >= ? AND checked_in_at < ?",
        [start_ms, end_ms],
    ).fetchone()
    return count


def export_page(
    db: Database,
    start_ms: int,
    end_ms: int,
    *,
    anonymous: bool,
    for_csv: bool,
    after_id: int,
    limit: int,
) -> tuple[list[str], list[list[Any]], int | None]:
    """One page of an export, for a program that writes the file elsewhere: the header, up to
    `limit` rows after the visit `after_id` (0 for the first page), and the id to ask after
    next (None after the last page)."""
    query = export_query(anonymous, for_csv=for_csv, after=after_id > 0) + "\nLIMIT :limit"
    cursor = db.execute(
        query, {"start_ms": start_ms, "end_ms": end_ms, "after_id": after_id, "limit": limit}
    )
    header = [description[0] for description in cursor.description]
    rows = [list(row) for row in cursor.fetchall()]
    following = int(rows[-1][0]) if len(rows) == limit else None
    return header, rows, following


def _chunks(cursor: Any) -> Iterator[list[Any]]:
    while rows := cursor.fetchmany(CHUNK_ROWS):
        yield rows
