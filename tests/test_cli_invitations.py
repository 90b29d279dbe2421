"""`kiosk invite` and `kiosk expected` as a receptionist or manager runs them, in a real process:
the code it prints and the QR code it writes check the visitor in at a kiosk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from kiosk.core.policies import Policies
from kiosk.hub.handler import CommandHandler
from kiosk.hub.local_credential import site_secret
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store.database import open_database
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import save_setting
from tests.hub_process import kiosk_command

TODAY = date.today().isoformat()


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    staff = tmp_path / "staff.csv"
    staff.write_text("name,role,email\nJane Park,host,jane@example.com\n", encoding="utf-8")
    assert kiosk_command(home, "staff", "import", str(staff)).returncode == 0
    return home


def test_an_invitation_s_qr_code_checks_the_visitor_in(tmp_path: Path) -> None:
    home = _home(tmp_path)
    png = tmp_path / "maria.png"
    made = kiosk_command(home, "invite", "Maria Garcia", "--host", "jane park",
                         "--at", f"{TODAY} 10:30", "--email", "maria@example.com",
                         "--pronunciation", "mah-REE-ah", "-o", str(png))  # fmt: skip
    assert made.returncode == 0, made.stderr
    printed = made.stdout.split("Their code: ")[1].split()[0]
    (read,) = zxingcpp.read_barcodes(
        QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    )
    assert read.text == printed and read.format == zxingcpp.BarcodeFormat.QRCode
    # The kiosk sends what the camera read; the hub on this computer knows the site's secret.
    db = open_database(home / "kiosk.db")
    hub = HubService(db, Policies())
    handler = CommandHandler(hub, db, "ab" * 32, site_secret=site_secret(home))
    message = {"v": 2, "id": 1, "type": "scan", "code": read.text, "key": "k" * 8}
    kiosk = Session(role=DeviceRole.KIOSK, holder="device:1", device_id=1)
    answer = json.loads(handler.handle(json.dumps(message), kiosk))
    assert answer["result"]["first_name"] == "Maria", answer
    assert answer["result"]["pronunciation"] == "mah-REE-ah"
    db.close()
    listed = kiosk_command(home, "expected")
    assert "Maria Garcia" in listed.stdout and "Jane Park" in listed.stdout
    assert "arrived" in listed.stdout


def test_a_list_of_visitors_is_invited_row_by_row(tmp_path: Path) -> None:
    home = _home(tmp_path)
    rows = tmp_path / "visitors.csv"
    rows.write_text(
        "name;host;at;email;note\n"
        f"Ada Lovelace;Jane Park;{TODAY} 11:00;ada@example.com;tea\n"
        f"Bo Chen;Nobody Here;{TODAY} 11:00;;\n"
        "Cy Twombly;Jane Park;soon;;\n"
        f";Jane Park;{TODAY} 12:00;;\n"
        f"Di Prince;Jane Park;{TODAY} 12:30;not-an-email;\n",
        encoding="utf-8",
    )
    done = kiosk_command(home, "invite", "--csv", str(rows))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Ada Lovelace: FDKI")
    problems = done.stderr.splitlines()
    assert [p.split(":")[0] for p in problems] == ["Line 3", "Line 4", "Line 5", "Line 6"]
    assert "no one called Nobody Here" in problems[0]
    assert "is not a date and time" in problems[1]
    assert "The name is empty" in problems[2]
    assert "Traceback" not in done.stderr
    assert "Invited 1; 4 could not be." in done.stdout
    assert "Ada Lovelace" in kiosk_command(home, "expected", "--date", TODAY).stdout


def test_bad_invitations_are_one_sentence(tmp_path: Path) -> None:
    home = _home(tmp_path)
    for args, words in [
        (["Bo", "--host", "Jane Park", "--at", "tomorrow"], "is not a date and time"),
        (["Bo", "--host", "Jane Park"], "Give the visitor's name, --host and --at"),
        (
            ["Bo", "--host", "Jane Park", "--at", f"{TODAY} 10:00", "-o", "bo.txt"],
            "neither a .png nor a .pdf",
        ),
        (["Bo\x1b[2J", "--host", "Jane Park", "--at", f"{TODAY} 10:00"], "control"),
    ]:
        done = kiosk_command(home, "invite", *args)
        assert done.returncode != 0 and words in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert "Nobody is expected" in kiosk_command(home, "expected").stdout


def test_expected_at_is_the_site_s_local_time(tmp_path: Path) -> None:
    home = _home(tmp_path)
    kiosk_command(home, "invite", "Ada Lovelace", "--host", "Jane Park", "--at",
                  f"{TODAY} 09:15")  # fmt: skip
    db = open_database(home / "kiosk.db")
    (at_ms,) = db.execute("SELECT expected_at FROM expected_visits").fetchone()
    db.close()
    assert datetime.fromtimestamp(at_ms / 1000).strftime("%H:%M") == "09:15"


def test_a_printable_invitation_is_a_page_whose_code_scans(tmp_path: Path, qapp) -> None:
    home = _home(tmp_path)
    pdf = tmp_path / "maria.pdf"
    env_without_display = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    made = subprocess.run(
        [sys.executable, "-m", "kiosk", "--home", str(home), "invite", "Maria Garcia",
         "--host", "Jane Park", "--at", "2026-12-01 10:30", "-o", str(pdf)],
        capture_output=True, text=True, env=env_without_display, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    code = made.stdout.split("Their code: ")[1].split()[0]
    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1
    words = document.getAllText(0).text()
    assert "Welcome, Maria" in words
    assert "Jane Park expects you on Tuesday 1 December at 10:30." in words
    paper = page_as_printed(document)
    document.close()
    assert [found.text for found in zxingcpp.read_barcodes(paper)] == [code]


def test_the_invitation_page_carries_the_site_s_logo(tmp_path: Path, qapp) -> None:
    home = _home(tmp_path)
    logo = QImage(400, 100, QImage.Format.Format_RGB32)
    logo.fill(QColor("#D81B60"))
    assert logo.save(str(home / "logo.png"))
    plain = kiosk_command(home, "invite", "Ada Lovelace", "--host", "Jane Park", "--at",
                          f"{TODAY} 10:30", "-o", str(tmp_path / "a.pdf"))  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    save_setting(home / "settings.toml", "site", "logo", "logo.png")  # beside the settings
    pdf = tmp_path / "maria.pdf"
    made = kiosk_command(home, "invite", "Maria Garcia", "--host", "Jane Park", "--at",
                         f"{TODAY} 10:30", "-o", str(pdf))  # fmt: skip
    assert made.returncode == 0, made.stderr
    for path, has_logo in ((tmp_path / "a.pdf", False), (pdf, True)):
        document = QPdfDocument()
        assert document.load(str(path)) == QPdfDocument.Error.None_
        page = page_as_printed(document)
        document.close()
        # 20 pt below the top margin (15 mm), at 6 pixels a point.
        top_centre = page.pixelColor(page.width() // 2, round(6 * (15 / 25.4 * 72 + 20)))
        logo_pink = abs(top_centre.red() - 0xD8) + abs(top_centre.green() - 0x1B) < 8
        assert logo_pink == has_logo, (path, top_centre.name())
        assert len(zxingcpp.read_barcodes(page)) == 1  # the code still scans below it
    (home / "logo.png").write_text("not a picture")
    broken = kiosk_command(home, "invite", "Ana Lima", "--host", "Jane Park", "--at",
                           f"{TODAY} 11:00", "-o", str(tmp_path / "ana.pdf"))  # fmt: skip
    assert broken.returncode == 1
    assert "can't be read as a picture" in broken.stderr and "The invitation is kept." in (
        broken.stderr
    )
    assert "Ana Lima" in kiosk_command(home, "expected").stdout


def page_as_printed(document: QPdfDocument) -> QImage:
    """The first page at 6 pixels a point on white: its background is paper, not nothing."""
    size = document.pagePointSize(0)
    page = document.render(0, QSize(int(size.width() * 6), int(size.height() * 6)))
    paper = QImage(page.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, page)
    painter.end()
    return paper


@pytest.mark.parametrize(("label", "portrait"), [("62mm", True), ("cr80", False)])
def test_a_badge_prints_the_visitor_and_its_code_checks_them_out(
    tmp_path: Path, qapp, label: str, portrait: bool
) -> None:
    home = _home(tmp_path)
    db = open_database(home / "kiosk.db")
    hub = HubService(db, Policies())
    visit = hub.check_in("Siobhán Ó Dálaigh", host_id=1).visit
    pdf = tmp_path / "badge.pdf"
    env_without_display = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    made = subprocess.run(
        [sys.executable, "-m", "kiosk", "--home", str(home), "badge", str(visit.id),
         "-o", str(pdf), "--label", label],
        capture_output=True, text=True, env=env_without_display, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    size = document.pagePointSize(0)
    assert (size.height() > size.width()) == portrait
    words = document.getAllText(0).text()
    assert "Dálaigh" in words and "Visiting Jane Park" in words
    (read,) = zxingcpp.read_barcodes(page_as_printed(document))
    document.close()
    handler = CommandHandler(hub, db, "ab" * 32, site_secret=site_secret(home))
    message = {"v": 2, "id": 1, "type": "scan", "code": read.text, "key": "b" * 8}
    kiosk = Session(role=DeviceRole.KIOSK, holder="device:2", device_id=2)
    answer = json.loads(handler.handle(json.dumps(message), kiosk))
    assert answer["result"]["did"] == "checked_out"
    assert hub.visit(visit.id).state == "departed"
    db.close()


def test_a_badge_for_no_such_visit_is_one_sentence(tmp_path: Path) -> None:
    home = _home(tmp_path)
    done = kiosk_command(home, "badge", "99", "-o", str(tmp_path / "b.pdf"))
    assert done.returncode != 0 and "There is no visit number 99." in done.stderr
