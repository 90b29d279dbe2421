"""A visitor's paths through the real kiosk QML, against the real hub on a real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.store.database import open_database
from tests.qt_helpers import *  # noqa: F403 (the kiosk fixtures)
from tests.qt_helpers import KioskDriver, desk_client


def visits_in(path: Path) -> list[dict]:
    db = open_database(path)
    try:
        return list(db.query("SELECT * FROM visits ORDER BY id"))
    finally:
        db.close()


def test_a_new_visitor_checks_in_and_is_greeted_by_name(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.start_check_in("Siobhan O'Neill", then="host")
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


def events_in(path: Path, kind: str) -> list[dict]:
    db = open_database(path)
    try:
        return list(db.query("SELECT * FROM events WHERE type = ? ORDER BY seq", [kind]))
    finally:
        db.close()


def test_a_returning_visitor_is_welcomed_back_and_offered_last_times_host(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    # Typed all in lower case, as a touchscreen keyboard starts: greeted with a capital.
    kiosk.start_check_in("maria  garcia", contact="Maria@Example.com", then="returning")
    assert kiosk.text_of("welcomeBack") == "Welcome back, Maria!"
    assert kiosk.text_of("sameHost") == "I'm visiting Priya Raman again"
    kiosk.tap("sameHost")
    kiosk.wait_screen("pronunciation")
    assert kiosk.item("pronunciationField").property("text") == "mah-REE-ah"
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    assert kiosk.text_of("doneGreeting") == "Welcome, Maria!"
    assert kiosk.screen.speech.said[-1] == "Welcome, mah-REE-ah!"
    (visit,) = visits_in(office[0])
    assert visit["host_id"] == office[1]["priya"]
    assert visit["visitor_id"] == 1  # Maria as remembered, not a new visitor


@pytest.mark.parametrize("contact", ["", "someone@example.com", "+44 7700 900999"])
def test_a_known_name_without_its_contact_tells_the_screen_nothing(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]], contact: str
) -> None:
    kiosk.start_check_in("Maria Garcia", contact=contact, then="host")
    shown = " ".join(kiosk.all_texts())
    assert "Priya" not in shown and "mah-REE-ah" not in shown and "back" not in shown
    assert not any("maria@" in t for t in kiosk.kiosk.visitor_texts())
    kiosk.tap("purposeDelivery")
    kiosk.wait_screen("pronunciation")
    assert kiosk.item("pronunciationField").property("text") == ""
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    (visit,) = visits_in(office[0])
    assert visit["visitor_id"] != 1  # not joined to the remembered Maria without proof


def test_two_visitors_with_one_name_are_told_apart_by_their_contact(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.start_check_in("Alex Kim", contact="07700 900123", then="host")  # a digit short: no
    kiosk.tap("backButton")
    kiosk.wait_screen("contact")
    kiosk.item("contactField").setProperty("text", "")
    kiosk.kiosk.setContact("")
    kiosk.type("+44 7700 900123")
    kiosk.tap("contactNext")
    kiosk.wait_screen("returning")
    assert kiosk.text_of("welcomeBack") == "Welcome back, Alex!"
    kiosk.tap("someoneElse")
    kiosk.wait_screen("host")
    kiosk.type("núñ")
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    (visit,) = visits_in(office[0])
    assert (visit["visitor_id"], visit["host_id"]) == (3, office[1]["jose"])


def listening_desk(local_hub, office, *, sound: bool = True, chosen: bool = True):
    """A desk with Sam at it (or nobody chosen) that says whether it can make a sound."""
    desk = desk_client(local_hub)
    told: list[int] = []
    desk.replied.connect(lambda request_id, _result: told.append(request_id))
    asked = desk.request(
        "status", sound=sound, receptionist_id=office[1]["sam"] if chosen else None
    )
    return desk, lambda: asked in told


def test_done_shows_who_is_coming_then_returns_to_welcome(
    kiosk: KioskDriver, local_hub, office: tuple[Path, dict[str, int]]
) -> None:
    desk, ready = listening_desk(local_hub, office)
    kiosk.qtbot.waitUntil(ready, timeout=5000)
    kiosk.check_in_new("Maya Lin", "pri")
    assert kiosk.text_of("doneStatus") == (
        "Reception knows you're here and is coming to greet you."
    )
    (visit,) = visits_in(office[0])
    desk.request("acknowledge", visit_id=visit["id"], staff_id=office[1]["sam"])
    kiosk.qtbot.waitUntil(lambda: kiosk.text_of("doneStatus") == "Sam is on the way.", timeout=5000)
    desk.close()
    # done_timeout_s is 10 s by default; the test does not wait for it, it moves it.
    kiosk.kiosk._idle.setInterval(50)
    kiosk.kiosk._idle.start()
    kiosk.wait_screen("welcome")


def test_check_out_with_name_and_contact_then_one_question(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.start_check_in("Maya Lin", contact="maya@example.com", then="host")
    kiosk.type("pri")
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    kiosk.tap("doneButton")
    kiosk.tap("checkOutStart")
    kiosk.enter_name_and_contact("maya lin", "MAYA@example.com")
    kiosk.wait_screen("feedback")
    assert kiosk.text_of("feedbackQuestion") == "You're checked out. How was your welcome?"
    kiosk.tap("face_4")
    kiosk.wait_screen("thanks")
    kiosk.qtbot.waitUntil(lambda: bool(events_in(office[0], "feedback")), timeout=5000)
    (visit,) = visits_in(office[0])
    assert visit["state"] == "departed"
    assert json.loads(events_in(office[0], "feedback")[0]["payload"]) == {"rating": 4}


@pytest.mark.parametrize("contact", ["", "wrong@example.com"])
def test_check_out_without_proof_looks_the_same_and_ends_nothing(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]], contact: str
) -> None:
    kiosk.start_check_in("Maya Lin", contact="maya@example.com", then="host")
    kiosk.tap("purposeDelivery")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    kiosk.tap("doneButton")
    kiosk.tap("checkOutStart")
    kiosk.enter_name_and_contact("Maya Lin", contact)
    kiosk.wait_screen("feedback")  # the same thank-you as for the real Maya
    kiosk.tap("face_2")
    kiosk.wait_screen("thanks")
    (visit,) = visits_in(office[0])
    assert visit["state"] == "waiting"  # a stranger can't check Maya out
    assert events_in(office[0], "feedback") == []


def test_spanish_is_chosen_on_welcome_and_used_to_the_end(kiosk: KioskDriver) -> None:
    kiosk.tap("languageEs")
    assert kiosk.text_of("checkInStart") == "Registrar entrada"
    kiosk.check_in_new("Lucía Pérez", "pri")
    assert kiosk.text_of("doneGreeting") == "¡Bienvenido, Lucía!"
    assert kiosk.screen.speech.said[-1] == "¡Bienvenido, Lucía!"
    kiosk.tap("doneButton")
    assert kiosk.text_of("checkInStart") == "Check in"  # the next visitor starts in English


def test_a_refusal_from_the_hub_reaches_a_spanish_visitor_in_spanish(
    kiosk: KioskDriver, office
) -> None:
    kiosk.tap("languageEs")
    kiosk.start_check_in("Lucía Pérez", then="host")
    kiosk.type("pri")
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    db = open_database(office[0])  # meanwhile, Priya leaves the company
    db.execute("UPDATE staff SET active = 0 WHERE id = ?", [office[1]["priya"]])
    db.conn.commit()
    db.close()
    kiosk.tap("checkInButton")
    expected = "Esa persona ya no figura en la lista del personal. Elija de nuevo, por favor."
    kiosk.qtbot.waitUntil(lambda: expected in kiosk.texts(), timeout=5000)


def test_a_proven_visitor_already_here_is_told_so_and_nothing_is_recorded_twice(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.start_check_in("Maria Garcia", contact="maria@example.com", then="returning")
    kiosk.tap("sameHost")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")
    kiosk.tap("doneButton")
    kiosk.start_check_in("maria garcia", contact="Maria@example.com", then="already")
    assert kiosk.text_of("alreadyTitle") == "You're already checked in, Maria."
    kiosk.screenshot("landscape-en-already")
    assert len(visits_in(office[0])) == 1


def test_the_name_screen_says_who_sees_the_name_and_for_how_long(kiosk: KioskDriver) -> None:
    kiosk.tap("checkInStart")
    kiosk.item("nameField")
    assert kiosk.text_of("privacyNotice") == (
        "Only reception sees your name. It is erased after 90 days."
    )
