"""Reading a list someone keeps in a spreadsheet and saved as CSV: the staff list, the visitors
expected. Columns may be separated by commas, semicolons or tabs; the header names them in any
case; each row is named by the line it starts on, as the person reading their file counts."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

DELIMITERS = ",;\t"
_SAMPLE_CHARS = 64 * 1024


# Said of a row (after "Line 5: ") that has more fields than the header, which is skipped.
TOO_MANY_FIELDS = "it has more fields than the header; skipped."


@dataclass
class Sheet:
    """The rows of a CSV file as {column: text}, each with the line it starts on (None for a
    row with more fields than the header: TOO_MANY_FIELDS), and what was wrong with the file
    itself, as sentences."""

    rows: list[tuple[int, dict[str, str] | None]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_sheet(path: Path, required: str, what: str) -> Sheet:
    """Read `path`, which must have a header row with a `required` column; `what` names the
    list for a person ("the staff list"). Blank rows are passed over."""
    sheet = Sheet()
    try:
        with path.open(newline="", encoding="utf-8-sig") as file:
            delimiter = _delimiter(file.read(_SAMPLE_CHARS))
            file.seek(0)
            reader = csv.DictReader(file, delimiter=delimiter)
            first_line = 2  # after the header
            raw_rows = []
            for raw in reader:
                # A quoted field may hold a line break: name the line the row starts on.
                raw_rows.append((first_line, raw))
                first_line = reader.line_num + 1
            header = reader.fieldnames or []
    except FileNotFoundError:
        sheet.problems.append(f"There is no file {path}.")
        return sheet
    except IsADirectoryError:
        sheet.problems.append(f"{path} is a folder; give {what}'s CSV file.")
        return sheet
    except UnicodeDecodeError:
        sheet.problems.append(f"{path} is not a UTF-8 text file. Save it as CSV UTF-8.")
        return sheet
    if required not in {(k or "").strip().lower() for k in header}:
        sheet.problems.append(
            f"{path} needs a header row with a '{required}' column, its columns separated by "
            "commas, semicolons or tabs."
        )
        return sheet
    for line, raw in raw_rows:
        if None in raw:
            sheet.rows.append((line, None))
            continue
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if any(row.values()):  # not a blank row of the spreadsheet, saved as delimiters only
            sheet.rows.append((line, row))
    return sheet


def _delimiter(sample: str) -> str:
    """The delimiter of the CSV text that starts with `sample`; a comma if it can't be told (a
    list with only a name column has none)."""
    whole_lines = sample[: sample.rfind("\n") + 1] or sample
    try:
        return csv.Sniffer().sniff(whole_lines, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","
