"""A visitor's paths through the real kiosk QML, against the real hub on a real database."""

from __future__ import annotations

from pathlib import Path

from kiosk.store.database import open_database
from tests.qt_helpers import *  # noqa: F403 (the kiosk fixtures)
from tests.qt_helpers import KioskDriver


def visits_in(path: Path) -> list[dict]:
    db = open_database(path)
    try:
        return list(db.query("SELECT * FROM visits ORDER BY id"))
    finally:
        db.close()


def test_a_new_visitor_checks_in_and_is_greeted_by_name(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.tap("checkInStart")
    kiosk.item("nameField")
    kiosk.type("Siobhan O'Neill")
    kiosk.tap("nameNext")
    kiosk.wait_screen("host")
    kiosk.type("pri")
    kiosk.item("host_0")
    assert "Priya Raman" in kiosk.texts()
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("pronunciationField")
    kiosk.type("shi-VAWN")
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    assert kiosk.text_of("doneGreeting") == "Welcome, Siobhan!"
    assert kiosk.screen.speech.said[-1] == "Welcome, shi-VAWN!"
    (visit,) = [v for v in visits_in(office[0]) if v["host_id"] == office[1]["priya"]]
    assert visit["state"] == "waiting"
