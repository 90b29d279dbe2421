"""What protects visitors and the kiosk: idle reset, odd input, an unreachable hub, lock-down."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMetaType, QObject

from kiosk.hub.local import LocalHub
from kiosk.store.database import open_database
from kiosk.store.settings import Settings, hash_pin
from tests.qt_helpers import *  # noqa: F403 (the kiosk fixtures)
from tests.qt_helpers import ADMIN_PIN, KioskDriver, desk_client


def property_texts(view_model: QObject) -> list[str]:
    """Every property of the view model (and of its flows and list models), as text."""
    found = []
    for obj in (view_model, *view_model.findChildren(QObject)):
        meta = obj.metaObject()
        for i in range(meta.propertyCount()):
            prop = meta.property(i)
            if prop.metaType().flags() & QMetaType.TypeFlag.PointerToQObject:
                continue  # a flow or a list model: a child, read in its own turn
            value = obj.property(prop.name())
            if isinstance(value, str | int | float):
                found.append(str(value))
        if hasattr(obj, "rows"):
            found += [str(v) for row in obj.rows() for v in row.values()]
    return found


@pytest.mark.parametrize("kiosk_settings", [Settings(site_name="Harbour Works", idle_timeout_s=1)])
def test_idle_reset_forgets_the_visitor_everywhere(kiosk: KioskDriver) -> None:
    kiosk.tap("languageEs")
    kiosk.start_check_in("Zuzanna Wójcik", then="host")
    kiosk.type("pri")
    kiosk.item("host_0")
    assert "Zuzanna Wójcik" in property_texts(kiosk.kiosk)
    # No touch for idle_timeout_s (1 s here).
    kiosk.wait_screen("welcome", timeout=4000)
    assert kiosk.text_of("checkInStart") == "Check in"  # the language is reset too
    remembered = property_texts(kiosk.kiosk) + kiosk.all_texts() + kiosk.kiosk.visitor_texts()
    for fragment in ("Zuzanna", "Wójcik", "Priya", "pri"):
        assert not any(fragment in text for text in remembered), fragment
    assert kiosk.screen.speech.said == []


@pytest.mark.parametrize("kiosk_settings", [Settings(site_name="Harbour Works", idle_timeout_s=1)])
def test_touching_keeps_the_visitor_from_being_reset(kiosk: KioskDriver) -> None:
    kiosk.tap("checkInStart")
    kiosk.item("nameField")
    for letter in "Ana Pe":
        kiosk.qtbot.wait(400)
        kiosk.type(letter)
    assert kiosk.kiosk.property("screen") == "name"


GOOD_NAMES = [
    ("محمد علي", "محمد"),
    ("王小明", "王小明"),
    ("अनन्या शर्मा", "अनन्या"),
    ("Zoë 🌟 Smith", "Zoë"),
    ("Seán O'Brien-Murphy", "Seán"),
    ("👩🏽‍💻 Dev", "👩🏽‍💻"),
]


@pytest.mark.parametrize(("typed", "greeted"), GOOD_NAMES)
def test_names_in_any_script_are_accepted_and_shown(
    kiosk: KioskDriver, typed: str, greeted: str, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.check_in_new(typed, "pri")
    assert kiosk.text_of("doneGreeting") == f"Welcome, {greeted}!"
    db = open_database(office[0])
    try:
        names = [row["name"] for row in db.query("SELECT name FROM visitors")]
    finally:
        db.close()
    assert typed in names
    kiosk.screenshot(f"input-{len(typed)}-{ord(typed[0]):x}")


BAD_NAMES = [
    ("Ana\x07Perez", "Names can't contain control characters. Please type your name again."),
    ("Ana\x1b[2J", "Names can't contain control characters. Please type your name again."),
    ("Ana \u202eareP", "Names can't contain control characters. Please type your name again."),
    ("\u2067Ana\u2069", "Names can't contain control characters. Please type your name again."),
    ("A" * 81, "That name is too long. Please keep it under 80 characters."),
    ("Ana " + "de la " * 20 + "Cruz", "That name is too long. Please keep it under 80 characters."),
]


@pytest.mark.parametrize(("typed", "message"), BAD_NAMES)
def test_bad_input_gets_a_clear_inline_message(
    kiosk: KioskDriver, typed: str, message: str
) -> None:
    kiosk.tap("checkInStart")
    kiosk.item("nameField")
    kiosk.commit(typed)
    assert kiosk.text_of("nameError") == message
    assert not kiosk.item("nameNext").isEnabled()
    assert kiosk.kiosk.property("screen") == "name"


def test_bad_input_message_in_spanish(kiosk: KioskDriver) -> None:
    kiosk.tap("languageEs")
    kiosk.tap("checkInStart")
    kiosk.item("nameField")
    kiosk.type("B" * 90)
    assert kiosk.text_of("nameError") == (
        "Ese nombre es demasiado largo. Use menos de 80 caracteres, por favor."
    )


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "How to say your name can't contain control characters. Please type it again."),
        (
            "es",
            "La forma de decir su nombre no puede contener caracteres de control. "
            "Vuelva a escribirla, por favor.",
        ),
    ],
)
def test_a_pronunciation_turned_backwards_is_refused_in_the_visitors_language(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]], language: str, sentence: str
) -> None:
    if language == "es":
        kiosk.tap("languageEs")
    kiosk.start_check_in("Maya Lin", then="host")
    kiosk.type("pri")
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("pronunciationField")
    kiosk.commit("\u202eha-YM")  # pasted: it would read "MY-ah" on the desk, backwards
    kiosk.tap("checkInButton")
    kiosk.qtbot.waitUntil(lambda: kiosk.find("message") is not None, timeout=5000)
    assert kiosk.text_of("message") == sentence
    assert kiosk.kiosk.property("screen") == "pronunciation"
    kiosk.screenshot(f"landscape-{language}-pronunciation-refused")
    assert open_database(office[0])["visits"].count == 0


def test_an_unreachable_hub_keeps_what_was_typed_and_tries_again(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.start_check_in("Maya Lin", then="host")
    kiosk.type("pri")
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("pronunciationField")
    kiosk.type("MY-ah")
    # Another program holds the database's write lock longer than the hub will wait.
    blocker = open_database(office[0])
    blocker.conn.execute("BEGIN EXCLUSIVE")
    try:
        kiosk.tap("checkInButton")
        kiosk.qtbot.waitUntil(lambda: kiosk.find("tryingAgain") is not None, timeout=15000)
        kiosk.screenshot("landscape-en-trying-again")
        assert kiosk.item("pronunciationField").property("text") == "MY-ah"
        assert kiosk.kiosk.property("screen") == "pronunciation"
    finally:
        blocker.conn.execute("ROLLBACK")
        blocker.close()
    kiosk.wait_screen("done", timeout=15000)
    assert kiosk.find("tryingAgain") is None
    assert kiosk.text_of("doneGreeting") == "Welcome, Maya!"
    (visit,) = open_database(office[0]).query("SELECT host_id FROM visits")
    assert visit["host_id"] == office[1]["priya"]


def test_closing_the_window_is_refused(kiosk: KioskDriver) -> None:
    kiosk.window.close()
    kiosk.settle()
    assert kiosk.window.isVisible()


def test_five_taps_in_the_corner_and_the_pin_open_the_admin_panel(
    kiosk: KioskDriver, local_hub: LocalHub
) -> None:
    for _ in range(4):
        kiosk.tap("adminCorner")
    assert kiosk.kiosk.property("screen") == "welcome"
    kiosk.tap("adminCorner")
    kiosk.wait_screen("admin_pin")
    for digit in "1111":
        kiosk.tap(f"pin_{digit}")
    kiosk.tap("pinOk")
    assert kiosk.text_of("pinMessage") == "Wrong PIN. Try again in 1 second."
    assert not kiosk.item("pin_1").isEnabled()
    kiosk.qtbot.waitUntil(lambda: kiosk.item("pin_1").isEnabled(), timeout=3000)
    for digit in "2222":
        kiosk.tap(f"pin_{digit}")
    kiosk.tap("pinOk")
    assert kiosk.text_of("pinMessage") == "Wrong PIN. Try again in 2 seconds."
    kiosk.qtbot.waitUntil(lambda: kiosk.item("pin_1").isEnabled(), timeout=4000)
    for digit in ADMIN_PIN:
        kiosk.tap(f"pin_{digit}")
    kiosk.tap("pinOk")
    kiosk.wait_screen("admin")
    kiosk.tap("speechToggle")
    assert kiosk.kiosk.admin.property("speechOn") is False
    assert kiosk.text_of("acknowledgeTargetValue") == "1:00"
    kiosk.tap("acknowledgeTargetMore")
    kiosk.qtbot.waitUntil(lambda: kiosk.text_of("acknowledgeTargetValue") == "1:15")
    kiosk.tap("welcomeTargetLess")
    kiosk.qtbot.waitUntil(lambda: kiosk.text_of("welcomeTargetValue") == "2:45")
    # The hub escalates by the new targets at once: a desk asking for the queue hears them.
    desk = desk_client(local_hub)
    answers: list[dict] = []
    desk.replied.connect(lambda _id, result: answers.append(result))
    desk.request("queue")
    kiosk.qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert answers[0]["targets"]["acknowledge_s"] == 75
    assert answers[0]["targets"]["welcome_s"] == 165
    desk.close()
    kiosk.tap("exitKiosk")
    assert kiosk.kiosk.admin.property("exitAllowed") is True


@pytest.mark.parametrize("kiosk_settings", [Settings(site_name="Harbour Works")])
def test_without_a_pin_the_admin_panel_stays_shut(kiosk: KioskDriver) -> None:
    for _ in range(5):
        kiosk.tap("adminCorner")
    kiosk.wait_screen("admin_pin")
    assert "kiosk pin" in kiosk.text_of("pinMessage")
    kiosk.tap("pin_1")
    kiosk.tap("pinOk")
    assert kiosk.kiosk.property("screen") == "admin_pin"


@pytest.mark.parametrize(
    "kiosk_settings",
    [Settings(site_name="Harbour Works", show_host_list=False, admin_pin_hash=hash_pin("1234"))],
)
def test_a_site_that_hides_the_staff_list_asks_for_the_full_name(
    kiosk: KioskDriver, office: tuple[Path, dict[str, int]]
) -> None:
    kiosk.start_check_in("Maya Lin", then="host")
    kiosk.type("pri")
    kiosk.settle()
    assert kiosk.find("host_0") is None
    kiosk.tap("hostNext")
    kiosk.qtbot.waitUntil(lambda: kiosk.find("message") is not None, timeout=5000)
    assert kiosk.text_of("message").startswith("We couldn't find anyone with that name")
    kiosk.type("ya raman")
    kiosk.tap("hostNext")
    kiosk.wait_screen("pronunciation")
    assert kiosk.text_of("visiting").startswith("You're visiting Priya Raman.")
