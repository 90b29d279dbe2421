"""Scanning at the real kiosk against the real hub: an invitation read by a USB barcode scanner
(keys typed fast into the window) or by the camera checks the visitor in with no tap; a badge
checks them out; a code that can't be used says why and offers the name path."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from kiosk.core.codes import CodeKind, make_code
from kiosk.hub.local_credential import site_secret
from kiosk.store import expected
from kiosk.store.database import open_database, writing
from tests.hub_process import kiosk_command
from tests.qt_helpers import *  # noqa: F403 (the kiosk fixtures)
from tests.qt_helpers import KioskDriver, desk_client, invite
from tests.test_camera_scan import qr_picture

HOUR_MS = 3_600_000


def now_ms() -> int:
    return int(time.time() * 1000)


def frame_holding(code: str) -> QImage:
    """A 1280x720 camera frame with the code's QR code held up in it (as in test_camera_scan)."""
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a7f70"))
    painter = QPainter(image)
    printed = qr_picture(code, 8)
    side = printed.width()
    painter.translate(QPointF(760, 380))
    painter.fillRect(
        QRectF(-side / 2 - 10, -side / 2 - 10, side + 20, side + 20), Qt.GlobalColor.white
    )
    painter.drawImage(QRect(-side // 2, -side // 2, side, side), printed)
    painter.end()
    return image


def queue_cards(kiosk: KioskDriver, local_hub) -> list[dict]:
    """The desk's cards, as a desk gets them from the hub."""
    desk = desk_client(local_hub)
    try:
        kiosk.qtbot.waitUntil(lambda: bool(desk.connected), timeout=5000)
        answers: list[dict] = []
        desk.replied.connect(lambda _id, result: answers.append(result))
        desk.request("queue")
        kiosk.qtbot.waitUntil(lambda: bool(answers), timeout=5000)
        return answers[0]["visits"]
    finally:
        desk.close()


def visits_of(path: Path) -> list[dict]:
    db = open_database(path)
    try:
        return list(db.query("SELECT * FROM visits ORDER BY id"))
    finally:
        db.close()


def test_a_scanned_invitation_checks_in_with_no_tap(kiosk: KioskDriver, local_hub, office):
    code, _ = invite(office, pronunciation="mah-REE-ah", note="Prefers tea")
    kiosk.scan(code)
    kiosk.wait_screen("done")
    assert kiosk.taps == 0 and kiosk.keys == 0
    assert kiosk.text_of("doneGreeting") == "Welcome, Maria!"
    kiosk.qtbot.waitUntil(lambda: kiosk.screen.speech.said != [], timeout=5000)
    assert kiosk.screen.speech.said[-1] == "Welcome, mah-REE-ah!"
    # No desk is listening: the kiosk promises nothing it can't keep.
    assert "If nobody comes to greet you" in kiosk.text_of("doneStatus")
    (visit,) = visits_of(office[0])
    assert visit["host_id"] == office[1]["priya"] and visit["state"] == "waiting"
    (card,) = queue_cards(kiosk, local_hub)
    assert card["name"] == "Maria Garcia" and card["host"] == "Priya Raman"
    assert card["note"] == "Prefers tea" and card["expected_at"] is not None
    assert card["arrival"] == {"kind": "on_time", "minutes": 0}
    # The session is the visitor's, as after a typed check-in: Finish forgets it all.
    assert "Maria" in kiosk.kiosk.visitor_texts()
    kiosk.tap("doneButton")
    kiosk.wait_screen("welcome")
    assert kiosk.kiosk.visitor_texts() == []


def test_a_scan_on_any_screen_starts_afresh(kiosk: KioskDriver, office) -> None:
    code, _ = invite(office, "Ada Lovelace")
    kiosk.tap("checkInStart")
    kiosk.type("Somebody", into="nameField")
    field = kiosk.item("nameField")
    kiosk.qtbot.waitUntil(lambda: field.property("text") == "Somebody", timeout=1000)
    kiosk.scan(code)
    kiosk.wait_screen("done")
    assert kiosk.text_of("doneGreeting") == "Welcome, Ada!"
    assert "Somebody" not in kiosk.kiosk.visitor_texts()


def test_a_person_typing_is_not_a_scan(kiosk: KioskDriver) -> None:
    """Typed at a person's pace, Enter and all, the name lands in the field as before."""
    kiosk.tap("checkInStart")
    field = kiosk.item("nameField")
    kiosk.qtbot.waitUntil(field.hasActiveFocus, timeout=5000)
    for ch in "Maria Garcia":
        kiosk.type(ch)
        kiosk.qtbot.wait(45)
    kiosk.qtbot.waitUntil(lambda: field.property("text") == "Maria Garcia", timeout=1000)
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
    kiosk.wait_screen("contact")
    assert kiosk.kiosk.property("name") == "Maria Garcia"


def test_a_short_fast_burst_still_reaches_the_field(kiosk: KioskDriver) -> None:
    """A quick word (fewer keys than any code) and Enter: typing, not a scan."""
    kiosk.tap("checkInStart")
    kiosk.type("Bo Chen", into="nameField")
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
    kiosk.wait_screen("contact")
    assert kiosk.kiosk.property("name") == "Bo Chen"


def test_on_the_staff_screens_keys_stay_keys(kiosk: KioskDriver) -> None:
    for _ in range(5):
        kiosk.tap("adminCorner")
    kiosk.wait_screen("admin_pin")
    kiosk.scan("FDKI" + "A" * 28)
    kiosk.settle()
    assert kiosk.kiosk.property("screen") == "admin_pin"


def test_a_badge_checks_the_visitor_out(kiosk: KioskDriver, office) -> None:
    kiosk.check_in_new("Bo Chen", "pri")
    kiosk.tap("doneButton")
    kiosk.wait_screen("welcome")
    (visit,) = visits_of(office[0])
    badge = make_code(CodeKind.BADGE, visit["id"], site_secret(office[0].parent))
    taps = kiosk.taps
    kiosk.scan(badge)
    kiosk.wait_screen("feedback")
    kiosk.tap("face_4")
    kiosk.wait_screen("thanks")
    assert kiosk.taps == taps + 1  # the answer to the question, and nothing else
    (visit,) = visits_of(office[0])
    assert visit["state"] == "departed"


def refused_code(kiosk: KioskDriver, office, reason: str) -> str:
    """A code the hub refuses for `reason`."""
    secret = site_secret(office[0].parent)
    if reason == "code_unreadable":
        return "4006381333931"  # a product's barcode
    if reason == "code_forged":
        genuine = make_code(CodeKind.INVITATION, 1, secret)
        return genuine[:-2] + ("AA" if genuine[-2:] != "AA" else "BB")
    if reason == "code_wrong_site":
        return make_code(CodeKind.INVITATION, 1, b"another site" * 3)
    if reason == "code_too_early":
        return invite(office, at_ms=now_ms() + 3 * HOUR_MS)[0]
    if reason == "code_expired":
        return invite(office, at_ms=now_ms() - 50 * HOUR_MS)[0]
    code, number = invite(office)
    if reason == "code_used":  # Maria checked in with it already
        kiosk.scan(code)
        kiosk.wait_screen("done")
        kiosk.kiosk.reset()
        kiosk.wait_screen("welcome")
        return code
    db = open_database(office[0])
    with writing(db):
        expected.withdraw(db, number, now_ms())
    db.close()
    return code


REASONS = {
    "code_unreadable": "We couldn't read that code.",
    "code_forged": "We can't accept that code.",
    "code_wrong_site": "That code is for another of our sites.",
    "code_too_early": "You're early!",
    "code_expired": "That invitation was for another day.",
    "code_used": "That invitation has been used already.",
    "code_withdrawn": "That invitation has been withdrawn.",
}


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_a_code_that_can_t_be_used_offers_the_name_path(
    kiosk: KioskDriver, office, reason: str
) -> None:
    code = refused_code(kiosk, office, reason)
    visits_before = len(visits_of(office[0]))
    kiosk.scan(code)
    kiosk.wait_screen("scan_refused")
    assert kiosk.text_of("scanProblem").startswith(REASONS[reason])
    assert len(visits_of(office[0])) == visits_before
    kiosk.tap("scanNameInstead")
    kiosk.wait_screen("name")
    kiosk.type("Maria Garcia", into="nameField")
    kiosk.tap("nameNext")
    kiosk.wait_screen("contact")


def test_a_refusal_is_said_in_spanish(kiosk: KioskDriver, office) -> None:
    kiosk.tap("languageEs")
    kiosk.scan(refused_code(kiosk, office, "code_expired"))
    kiosk.wait_screen("scan_refused")
    assert kiosk.text_of("scanProblem").startswith("Esa invitación era para otro día.")
    assert kiosk.text_of("scanNameInstead") == "Escribir mi nombre"


def test_without_a_camera_the_scan_button_is_hidden_and_the_screen_says_so(
    kiosk: KioskDriver,
) -> None:
    kiosk.qtbot.wait(1200)  # the kiosk looks for a camera once Welcome is up
    assert kiosk.find("scanStart") is None
    # There is no camera here to open it by its button; the screen must still be honest.
    kiosk.kiosk.go("camera")
    kiosk.item("cameraHint")
    assert kiosk.text_of("cameraHint").startswith("The camera is not available.")
    assert kiosk.find("viewfinder") is None
    kiosk.tap("cameraNameInstead")
    kiosk.wait_screen("name")


def test_a_code_held_up_to_the_camera_checks_in(kiosk: KioskDriver, office) -> None:
    code, _ = invite(office, pronunciation="mah-REE-ah")
    kiosk.kiosk.go("camera")
    kiosk.item("cameraHint")
    # What the viewfinder's video sink would hand over, frame by frame.
    frames = kiosk.kiosk.scan.camera_frames()
    assert frames.offer(frame_holding(code))
    kiosk.wait_screen("done")
    assert kiosk.text_of("doneGreeting") == "Welcome, Maria!"
    assert kiosk.taps == 0


def test_an_invitation_from_kiosk_invite_checks_in(kiosk: KioskDriver, office, tmp_path):
    """`kiosk invite` in its own process, on the data folder the hub uses; its QR code's text
    typed by the scanner."""
    folder = office[0].parent
    day = time.strftime("%Y-%m-%d %H:%M")
    png = tmp_path / "maria.png"
    made = kiosk_command(
        folder, "invite", "Maria Garcia", "--host", "priya raman", "--at", day, "-o", str(png)
    )
    assert made.returncode == 0, made.stderr
    code = made.stdout.split("Their code: ")[1].split()[0]
    kiosk.scan(code)
    kiosk.wait_screen("done")
    assert kiosk.text_of("doneGreeting") == "Welcome, Maria!"


def test_keys_held_back_reach_the_field_before_a_tap(kiosk: KioskDriver) -> None:
    kiosk.tap("checkInStart")
    kiosk.type("Maria Garcia", into="nameField")
    kiosk.tap("nameNext")  # at once: the keys go first
    kiosk.wait_screen("contact")
    assert kiosk.kiosk.property("name") == "Maria Garcia"


def cut_off(kiosk: KioskDriver) -> list[str]:
    """Texts of ours on screen that are cut short, or that reach past the window's edge."""
    found = []
    width, height = kiosk.window.width(), kiosk.window.height()
    stack = [kiosk.window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.objectName() == "keyboardLoader":
            continue  # the on-screen keyboard is Qt's, and parked below the window
        stack.extend(item.childItems())
        if not item.inherits("QQuickText"):
            continue
        shown = item.mapRectToScene(item.boundingRect())
        outside = shown.left() < -1 or shown.top() < -1
        outside = outside or shown.right() > width + 1 or shown.bottom() > height + 1
        if item.property("truncated") or outside:
            found.append(f"{item.objectName() or 'text'}: {item.property('text')!r}")
    return found


@pytest.mark.parametrize(
    "kiosk_size", [(1280, 800), (1920, 1080), (1080, 1920)], ids=["1280x800", "1080p", "portrait"]
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_scan_screens_fit(kiosk: KioskDriver, office, kiosk_size, language: str) -> None:
    tag = f"scan-{kiosk_size[0]}x{kiosk_size[1]}-{language}"
    if language == "es":
        kiosk.tap("languageEs")
    kiosk.scan(refused_code(kiosk, office, "code_too_early"))
    kiosk.wait_screen("scan_refused")
    kiosk.screenshot(f"{tag}-refused")
    assert cut_off(kiosk) == []
    kiosk.tap("backButton")
    kiosk.wait_screen("welcome")
    if language == "es":
        kiosk.tap("languageEs")
    kiosk.kiosk.go("camera")
    kiosk.item("cameraHint")
    kiosk.screenshot(f"{tag}-camera")
    assert cut_off(kiosk) == []
    kiosk.tap("backButton")
    kiosk.wait_screen("welcome")
    if language == "es":
        kiosk.tap("languageEs")
    kiosk.scan(invite(office, "Maria Garcia")[0])
    kiosk.wait_screen("done")
    kiosk.screenshot(f"{tag}-done")
    assert cut_off(kiosk) == []


def test_a_scan_while_the_hub_is_away_says_so_and_checks_in_after(kiosk: KioskDriver, office):
    code, _ = invite(office)
    # Another program holds the database's write lock longer than the hub will wait.
    blocker = open_database(office[0])
    blocker.conn.execute("BEGIN EXCLUSIVE")
    try:
        kiosk.scan(code)
        kiosk.qtbot.waitUntil(lambda: kiosk.find("tryingAgain") is not None, timeout=15000)
        kiosk.screenshot("scan-trying-again")
    finally:
        blocker.conn.execute("ROLLBACK")
        blocker.close()
    kiosk.wait_screen("done", timeout=15000)
    assert kiosk.text_of("doneGreeting") == "Welcome, Maria!"
    assert kiosk.find("tryingAgain") is None
