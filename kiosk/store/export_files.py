"""Writing an export's rows to a file, whole or not at all: CSV, Excel (XLSX) or JSON Lines.

The rows come shaped by kiosk.store.export (every field as CSV text for csv; numbers, text and
NULL otherwise), from this computer's database or page by page from the hub. See
kiosk.store.export for the columns and the reasons behind each format's choices.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from kiosk.store import places
from kiosk.store.write_behind import writing_behind


class ExportError(ValueError):
    """An export that can't be made as asked; the message says what to do instead."""


def write_export(
    out: Path,
    fmt: str,
    header: list[str],
    chunks: Iterator[list[Any]],
    *,
    summary: list[list[Any]] | None = None,
) -> int:
    """Write rows shaped by `export_query` (text fields for csv) to `out` in `fmt`, whole or not
    at all: into a hidden file beside it, renamed over it once complete. Returns the rows
    written. Any reason the file can't be written raises ExportError with its sentence; an
    exception from `chunks` (a cancel, say) leaves `out` as it was, and no temporary file."""
    check_place(out)
    try:
        handle, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as error:
        raise ExportError(_cannot_write(out, error)) from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        if fmt == "xlsx":
            rows = _write_xlsx(temp, header, chunks, summary or [])
        else:
            rows = {"csv": _write_csv, "jsonl": _write_jsonl}[fmt](temp, header, chunks)
        # On disk before it takes the name, so a power cut leaves the old file or the new one.
        _sync(temp)
        os.replace(temp, out)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ExportError(_cannot_write(out, error)) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(out.parent)
    return rows


def check_place(out: Path) -> None:
    """Refuse, with its sentence, an output that can't be written, before reading a visit."""
    if out.is_dir():
        raise ExportError(
            f"{out} is a folder; give the name of the file to write, such as "
            f"{out / ('visits' + (out.suffix.lower() or '.csv'))}."
        )
    blocker = places.file_in_the_way(out.parent)
    if blocker is not None:
        raise ExportError(f"{blocker} is a file, not a folder; write the export somewhere else.")
    if not out.parent.exists():
        raise ExportError(
            f"There is no folder {out.parent}; make it first, or write the export somewhere else."
        )
    if out.exists() and not os.access(out, os.W_OK):
        # Replacing it would work (the folder is writable) but undo what someone meant.
        raise ExportError(
            f"{out} is read-only; choose another file name, or make it writable first."
        )


def _cannot_write(out: Path, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return places.full_disk(out)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"The folder {out.parent} is read-only, so the export can't be written there; "
            "write it somewhere else."
        )
    return f"Can't write {out} ({error.strerror or error}); write the export somewhere else."


def _sync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable too, where the system allows it (Windows can't open a folder):
    the file itself is complete by now either way."""
    with contextlib.suppress(OSError):
        _sync(folder)


def _write_csv(path: Path, header: list[str], chunks: Iterator[list[Any]]) -> int:
    """RFC 4180 (comma, double quotes, CRLF) in UTF-8 with its byte order mark. A row's fields
    are text, or UTF-8 bytes straight from the database (`export_visits`), written as they are."""
    written = 0
    with path.open("wb", buffering=1 << 20) as file, writing_behind(file) as out:
        out.write(codecs.BOM_UTF8)
        out.write(_csv_lines([header]))
        for rows in chunks:
            if rows:
                out.write(_csv_lines(rows))
            written += len(rows)
    return written


def _csv_lines(rows: list[Any]) -> bytes:
    """A chunk of rows as CSV lines. The query gives every field as text, so a chunk is joined
    in one go, if the commas, quotes and line breaks in it are only those that join it; a chunk
    where a field held one (a name like "Smith, Jr.") goes through csv.writer, which quotes it."""
    if isinstance(rows[0][0], bytes):
        text = b"\r\n".join([*map(b",".join, rows), b""])  # "" ends the last line too
    else:
        text = "\r\n".join([*map(",".join, rows), ""]).encode()
    joining = (len(rows[0]) - 1) * len(rows) + 2 * len(rows)
    if len(text) - len(text.translate(None, b',"\r\n')) == joining:
        return text
    quoted = io.StringIO(newline="")
    csv.writer(quoted).writerows([_as_text(field) for field in row] for row in rows)
    return quoted.getvalue().encode()


def _as_text(field: str | bytes) -> str:
    return field.decode() if isinstance(field, bytes) else field


def _write_jsonl(path: Path, header: list[str], chunks: Iterator[list[Any]]) -> int:
    written = 0
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with path.open("w", encoding="utf-8", newline="\n", buffering=1 << 20) as file:
        for rows in chunks:
            file.write("".join(encode(dict(zip(header, row, strict=True))) + "\n" for row in rows))
            written += len(rows)
    return written


# Column widths in characters, for what each column usually holds.
_XLSX_WIDTHS = {
    "visitor_name": 24,
    "host_name": 24,
    "ended_how": 16,
    "state": 12,
    "purpose": 11,
    "acknowledged_by": 18,
    "welcomed_by": 18,
}


def _write_xlsx(
    path: Path, header: list[str], chunks: Iterator[list[Any]], summary: list[list[Any]]
) -> int:
    # constant_memory writes each row out as it goes, so a big export needs no more memory than
    # a small one; it also means rows must be written strictly in order.
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        bold = workbook.add_format({"bold": True})
        if summary:
            _summary_sheet(workbook.add_worksheet("Summary"), summary, bold)
        sheet = workbook.add_worksheet("Visits")
        when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        seconds = workbook.add_format({"num_format": "0.0"})
        columns = [*header, "utc_offset"]
        for index, name in enumerate(columns):
            if name.endswith("_at"):
                sheet.set_column(index, index, 19, when)
            elif name.endswith("_s"):
                sheet.set_column(index, index, max(len(name), 8), seconds)
            else:
                sheet.set_column(index, index, _XLSX_WIDTHS.get(name, max(len(name), 8) + 1))
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, columns, bold)
        write_cell = [_xlsx_cell_writer(sheet, name, when) for name in header]
        checked_in = header.index("checked_in_at")
        offset_column = len(header)
        row_number = 0
        for rows in chunks:
            for row in rows:
                row_number += 1
                for index, value in enumerate(row):
                    if value is not None:
                        write_cell[index](row_number, index, value)
                sheet.write_string(row_number, offset_column, row[checked_in][19:])
    finally:
        try:
            workbook.close()
        except FileCreateError as error:
            # The zip is written here, so a full disk shows up here, wrapped: unwrap it.
            cause = error.args[0] if error.args else None
            raise cause if isinstance(cause, OSError) else OSError(str(error)) from None
    return row_number


def _summary_sheet(sheet: Any, rows: list[list[Any]], bold: Any) -> None:
    """The figures in front of the visits: a row a line, the first cell a label (bold for a
    heading row, one with no other cell)."""
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 4, 14)
    for number, row in enumerate(rows):
        if len(row) == 1:
            sheet.write_string(number, 0, str(row[0]), bold)
            continue
        for column, value in enumerate(row):
            if isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(number, column, value)
            elif value is not None:
                sheet.write_string(number, column, str(value))


def _xlsx_cell_writer(sheet: Any, name: str, when: Any) -> Callable[[int, int, Any], Any]:
    if name.endswith("_at"):
        # "2026-11-24T09:00:05+01:00": the cell holds the local time; the offset has its own
        # column, as Excel date-times have no time zone.
        return lambda row, col, text: sheet.write_datetime(
            row, col, datetime.fromisoformat(text[:19]), when
        )

    def write(row: int, col: int, value: Any) -> Any:
        # write_string, never write: a name starting with "=" must stay text, not a formula.
        if isinstance(value, str):
            return sheet.write_string(row, col, value)
        return sheet.write_number(row, col, value)

    return write
