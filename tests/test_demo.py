"""`kiosk demo` as a new user meets it: check in, the desk rings, answer, and the wait is kept."""

from datetime import date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.core.people import Role
from kiosk.launch.demo import DEMO_PIN, open_demo
from kiosk.store.database import open_database
from kiosk.store.people import all_staff
from kiosk.store.settings import load_settings, pin_matches
from tests.desk_helpers import DeskDriver
from tests.qt_helpers import KioskDriver


def test_a_first_visit_through_the_demo(qtbot: QtBot, tmp_path: Path) -> None:
    demo = open_demo(tmp_path / "demo")
    try:
        db = open_database(demo.paths.database)
        host = next(s for s in all_staff(db) if s.role is Role.HOST)
        history = db["visits"].count
        db.close()
        assert history >= 1000  # a manager's figures have something to show
        assert pin_matches(DEMO_PIN, load_settings(demo.paths.settings_file).admin_pin_hash)

        kiosk, desk = KioskDriver(qtbot, demo.kiosk), DeskDriver(qtbot, demo.desk)
        demo.kiosk.window.requestActivate()  # the visitor's touch goes to the kiosk window
        qtbot.waitUntil(lambda: demo.kiosk.window.isActive(), timeout=5000)
        # The demo's desk has Sam at it and a sound output: the kiosk may promise reception.
        qtbot.waitUntil(lambda: demo.desk.view_model.person.staff_id > 0, timeout=10000)
        kiosk.check_in_new("Ada Lovelace", host.name.split()[0][:4])
        assert kiosk.text_of("doneStatus") == (
            "Reception knows you're here and is coming to greet you."
        )
        card = desk.item("visitorName", timeout=10000)
        qtbot.waitUntil(lambda: card.property("text") == "Ada Lovelace", timeout=10000)
        assert demo.desk.sounds.level != "quiet"  # the chime is ringing
        # However small the screen, the demo's desk shows every answer whole, to be pressed.
        arrival = desk.scroll_to(desk.card(history + 1))
        for button in ("onMyWay", "welcomed", "leftUnseen", "sayName"):
            assert desk.why_a_tap_misses(desk.item(button, arrival)) is None
        kiosk.screenshot("demo_kiosk")
        desk.screenshot("demo_desk")

        desk.click("onMyWay", desk.item("card_" + str(history + 1)))
        qtbot.waitUntil(lambda: any("on the way" in text for text in kiosk.texts()), timeout=10000)
        desk.click("welcomed", desk.item("card_" + str(history + 1)))
        qtbot.waitUntil(lambda: state_of(demo, history + 1) == "welcomed", timeout=10000)
        person = demo.desk.view_model.person
        # Ada, and whoever of the made-up history Sam welcomed earlier today.
        qtbot.waitUntil(
            lambda: person.property("welcomedToday") == welcomed_today(demo, person.staff_id),
            timeout=10000,
        )

        db = open_database(demo.paths.database)
        state, waited = db.execute(
            "SELECT state, welcomed_at - checked_in_at FROM visits WHERE id = ?", [history + 1]
        ).fetchone()
        db.close()
        assert state == "welcomed" and waited >= 0
    finally:
        demo.close()
    assert not demo.folder.exists()  # the throw-away data is thrown away


def state_of(demo, visit_id: int) -> str:
    db = open_database(demo.paths.database)
    (state,) = db.execute("SELECT state FROM visits WHERE id = ?", [visit_id]).fetchone()
    db.close()
    return state


def welcomed_today(demo, staff_id: int) -> int:
    """How many visitors this member of staff has welcomed since midnight, by the database."""
    midnight = datetime.combine(date.today(), datetime.min.time()).astimezone()
    db = open_database(demo.paths.database)
    (count,) = db.execute(
        "SELECT count(*) FROM visits WHERE welcomed_by = ? AND welcomed_at >= ?",
        [f"staff:{staff_id}", int(midnight.timestamp() * 1000)],
    ).fetchone()
    db.close()
    return count
