"""Importing a staff list from a spreadsheet: good rows kept, bad ones named by their line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.core.names import MAX_NAME_LENGTH
from kiosk.store.database import open_database
from kiosk.store.people import all_staff, import_staff_csv


def kiosk(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_HOME": str(home)},
        timeout=120,
    )


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


def test_a_semicolon_list_saved_by_a_spreadsheet_imports(db: Database, tmp_path: Path) -> None:
    """Where the comma is the decimal mark, spreadsheets save CSV with semicolons, a byte order
    mark, CRLF line ends and blank rows as bare semicolons."""
    sheet = tmp_path / "staff.csv"
    sheet.write_bytes(
        "\ufeffName;Role;Email;Phone;Department\r\n"
        "Siobhán O'Brien;host;siobhan@example.com;+353 1 555 0100;Sales, EMEA\r\n"
        "Sam Jones;Receptionist;;;\r\n"
        ";;;;\r\n"
        '"Smith; Jr.";host;;;"Legal; Compliance"\r\n'.encode()
    )
    report = import_staff_csv(db, sheet)
    assert report.problems == []
    assert (report.added, report.updated) == (3, 0)
    by_name = {s.name: s for s in all_staff(db)}
    assert sorted(by_name) == ["Sam Jones", "Siobhán O'Brien", "Smith; Jr."]
    assert by_name["Siobhán O'Brien"].department == "Sales, EMEA"
    assert by_name["Siobhán O'Brien"].phone == "+353 1 555 0100"
    assert by_name["Smith; Jr."].department == "Legal; Compliance"


@pytest.mark.parametrize(
    "text",
    [
        "name\trole\temail\nPriya Raman\thost\tpriya@example.com\nSam Jones\treceptionist\t\n",
        "name,role,email\nPriya Raman,host,priya@example.com\nSam Jones,receptionist,\n",
        "name\nPriya Raman\nSam Jones\n",  # one column: nothing to separate
    ],
    ids=["tabs", "commas", "names-only"],
)
def test_commas_tabs_or_a_single_column_import_alike(db: Database, tmp_path, text: str) -> None:
    sheet = tmp_path / "staff.csv"
    sheet.write_text(text, encoding="utf-8")
    report = import_staff_csv(db, sheet)
    assert report.problems == [] and report.added == 2
    assert sorted(s.name for s in all_staff(db)) == ["Priya Raman", "Sam Jones"]


def test_an_address_that_is_not_an_email_is_named_by_line_and_its_row_skipped(
    db: Database, tmp_path: Path
) -> None:
    sheet = tmp_path / "staff.csv"
    sheet.write_text(
        "name,email\n"
        "Priya Raman,priya@example.com\n"  # line 2
        "Ana Lima,not-an-email\n"  # line 3
        "Bo Chen,bo chen@example.com\n"  # line 4
        "Kim Park,kim@example\n"  # line 5
        "Lee Roy,lee@@example.com\n"  # line 6
        "Zoë Faure,Zoe.Faure@Example.COM\n"  # line 7: the domain is kept in lower case
        "Jürgen Groß,jürgen@bücher.example\n",  # line 8: addresses in any script
        encoding="utf-8",
    )
    report = import_staff_csv(db, sheet)
    assert report.problems[0] == (
        "Line 3: the email 'not-an-email' is not an email address "
        "(an email address must have an @-sign); skipped."
    )
    # Why, in the words of the library made for the job, whose wording may change.
    for problem, line, email in zip(
        report.problems,
        [3, 4, 5, 6],
        ["not-an-email", "bo chen@example.com", "kim@example", "lee@@example.com"],
        strict=True,
    ):
        assert problem.startswith(f"Line {line}: the email '{email}' is not an email address (")
        assert problem.endswith("); skipped.")
    emails = {s.name: s.email for s in all_staff(db)}
    assert emails == {
        "Priya Raman": "priya@example.com",
        "Zoë Faure": "Zoe.Faure@example.com",
        "Jürgen Groß": "jürgen@bücher.example",
    }


def test_problems_are_told_in_the_words_of_a_staff_list(db: Database, tmp_path: Path) -> None:
    """The manager reads about their spreadsheet, not the kiosk's "Please type your name"."""
    sheet = tmp_path / "staff.csv"
    sheet.write_text(
        "name,role\n"
        "   ,host\n"  # line 2
        f"{'A' * (MAX_NAME_LENGTH + 1)},host\n"  # line 3
        "Ana Lima,janitor\n"  # line 4
        "Bo Chen,host,extra\n"  # line 5
        ",\n",  # line 6: a blank row, passed over
        encoding="utf-8",
    )
    report = import_staff_csv(db, sheet)
    assert report.problems == [
        "Line 2: the name is empty; skipped.",
        f"Line 3: the name is longer than {MAX_NAME_LENGTH} characters; skipped.",
        "Line 4: the role 'janitor' is not 'host' or 'receptionist'; skipped.",
        "Line 5: it has more fields than the header; skipped.",
    ]
    assert report.added == 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "{sheet} needs a header row with a 'name' column, its columns separated by commas, "
         "semicolons or tabs."),
        ("full name|role\nAna|host\n", "{sheet} needs a header row with a 'name' column, its "
         "columns separated by commas, semicolons or tabs."),
    ],
    ids=["empty", "pipes"],
)  # fmt: skip
def test_a_file_without_a_name_column_is_one_sentence(
    db: Database, tmp_path: Path, text: str, problem: str
) -> None:
    sheet = tmp_path / "staff.csv"
    sheet.write_text(text, encoding="utf-8")
    assert import_staff_csv(db, sheet).problems == [problem.format(sheet=sheet)]


def test_the_command_imports_a_semicolon_list_and_names_bad_rows(tmp_path: Path) -> None:
    home = tmp_path / "home"
    sheet = tmp_path / "staff.csv"
    sheet.write_bytes(
        "\ufeffname;role;email\r\n"
        "Priya Raman;host;priya@example.com\r\n"
        "Ana Lima;host;not-an-email\r\n"
        ";receptionist;\r\n"
        "Sam Jones;receptionist;\r\n".encode()
    )
    result = kiosk(home, "staff", "import", str(sheet))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Added 2 and updated 0 staff.\n"
    assert result.stderr.splitlines() == [
        "Line 3: the email 'not-an-email' is not an email address "
        "(an email address must have an @-sign); skipped.",
        "Line 4: the name is empty; skipped.",
    ]
    db = open_database(home / "kiosk.db")
    assert sorted(name for (name,) in db.execute("SELECT name FROM staff")) == [
        "Priya Raman",
        "Sam Jones",
    ]
    db.close()
    nothing = tmp_path / "nothing.csv"
    nothing.write_text("name;email\nAna Lima;not-an-email\n", encoding="utf-8")
    refused = kiosk(home, "staff", "import", str(nothing))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stdout == "Added 0 and updated 0 staff.\n"
    folder = kiosk(home, "staff", "import", str(tmp_path))
    assert folder.returncode == 1
    assert folder.stderr == f"{tmp_path} is a folder; give the staff list's CSV file.\n"
