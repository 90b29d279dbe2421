"""Importing a staff list from a spreadsheet: good rows kept, bad ones named by their line."""

from pathlib import Path

from sqlite_utils import Database

from kiosk.store.people import all_staff, import_staff_csv


def test_a_row_holding_a_control_or_override_character_is_skipped_by_line(
    db: Database, tmp_path: Path
) -> None:
    sheet = tmp_path / "staff.csv"
    sheet.write_text(
        "name,role,email,phone,department\n"
        "Priya Raman,host,priya@example.com,,Sales\n"  # line 2
        "Sam\x1b[2J Jones,receptionist,,,\n"  # line 3: escape clears a terminal
        '"Bob\r\nSmith",host,,,\n'  # lines 4 and 5: a line break inside the name
        "Eve \u202enosnhoJ,host,,,\n"  # line 6: reads 'Eve Johnson' backwards
        "Ana Lima,host,,,Sales\u2066\n"  # line 7: an isolate in the department
        "Kim Park,host\x00,,,\n"  # line 8: NUL in the role
        "क्‍षमा शर्मा,host,,,Design\n"  # line 9: a zero-width joiner is welcome
        "Zoë 👩🏽‍💻,receptionist,,,\n",  # line 10
        encoding="utf-8",
        newline="",
    )
    report = import_staff_csv(db, sheet)
    assert report.added == 3 and report.updated == 0
    assert report.problems == [
        "Line 3: the name holds a control or text-direction character (U+001B); "
        "correct it and import again. Skipped.",
        "Line 4: the name holds a control or text-direction character (U+000D); "
        "correct it and import again. Skipped.",
        "Line 6: the name holds a control or text-direction character (U+202E); "
        "correct it and import again. Skipped.",
        "Line 7: the department holds a control or text-direction character (U+2066); "
        "correct it and import again. Skipped.",
        "Line 8: the role holds a control or text-direction character (U+0000); "
        "correct it and import again. Skipped.",
    ]
    assert sorted(s.name for s in all_staff(db)) == sorted(
        ["Priya Raman", "क्‍षमा शर्मा", "Zoë 👩🏽‍💻"]
    )
