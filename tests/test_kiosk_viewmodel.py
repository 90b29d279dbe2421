"""The kiosk view model without QML, with hand-written fakes for the hub, voice and languages."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from kiosk.hub.handler import CommandHandler, Session
from kiosk.hub.service import HubService
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import Settings
from kiosk.viewmodels.admin_lock import AdminLock
from kiosk.viewmodels.kiosk import KioskViewModel
from tests.qt_helpers import *  # noqa: F403 (prepares Qt before the app exists)


class FakeHub(QObject):
    replied = Signal(int, dict)
    refused = Signal(int, str)
    connectionChanged = Signal(bool)
    eventReceived = Signal(dict)

    def __init__(self) -> None:
        super().__init__()
        self.connected = True
        self.sent: list[tuple[int, str, dict[str, Any]]] = []

    def request(self, command: str, **fields: Any) -> int:
        self.sent.append((len(self.sent) + 1, command, fields))
        return len(self.sent)

    def answer(self, result: dict[str, Any]) -> None:
        self.replied.emit(self.sent[-1][0], result)


class FakeVoice:
    def __init__(self) -> None:
        self.enabled = True
        self.said: list[str] = []

    def say(self, text: str, language: str = "en") -> None:
        self.said.append(text)

    def forget(self) -> None:
        self.said.clear()


class FakeLanguages:
    language = "en"

    def use(self, language: str) -> None:
        self.language = language


class FakeSite:
    def __init__(self, settings: Settings) -> None:
        self.current = settings
        self.saved: list[tuple[str, object]] = []

    has_pin = True

    def pin_matches(self, pin: str) -> bool:
        return pin == "1357"

    def save_speech(self, on: bool) -> None:
        self.saved.append(("speech", on))

    def save_language(self, language: str) -> None:
        self.saved.append(("language", language))


def make(qapp, **settings: Any) -> tuple[KioskViewModel, FakeHub, FakeVoice]:
    hub, voice = FakeHub(), FakeVoice()
    vm = KioskViewModel(hub, FakeSite(Settings(**settings)), voice, FakeLanguages())
    return vm, hub, voice


def test_a_stale_host_search_does_not_overwrite_a_newer_one(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.startCheckIn()
    vm.setName("Maya Lin")
    vm.submitName()
    vm.skipContact()
    vm.setHostQuery("pr")
    first = hub.sent[-1][0]
    vm.setHostQuery("pri")
    hub.answer({"hosts": [{"id": 2, "name": "Priya Raman", "department": None}]})
    hub.replied.emit(first, {"hosts": [{"id": 9, "name": "Pradeep Old", "department": None}]})
    assert [r["name"] for r in vm.hosts.rows()] == ["Priya Raman"]


def test_the_check_in_sends_what_the_visitor_chose(qapp) -> None:
    vm, hub, voice = make(qapp)
    vm.startCheckIn()
    vm.setName("  Maya   Lin ")
    vm.submitName()
    vm.setContact(" maya@example.com ")
    vm.submitContact()
    hub.answer({"identity": None})
    vm.chooseReception("interview")
    vm.setPronunciation("MY-ah")
    vm.checkIn()
    _, command, fields = hub.sent[-1]
    assert command == "check_in"
    assert fields == {
        "name": "Maya Lin",
        "host_id": None,
        "purpose": "interview",
        "identity": None,
        "pronunciation": "MY-ah",
        "contact": "maya@example.com",
        "kiosk": "lobby",
    }
    hub.answer({"visit": "a" * 32, "first_name": "Maya", "returning": False})
    assert vm.property("screen") == "done"
    assert voice.said == ["Welcome, MY-ah!"]


def test_a_name_typed_in_lower_case_is_greeted_alike_on_every_screen(
    qapp, hub: HubService, db: Database, staff: dict[str, int]
) -> None:
    """The hub's replies and the kiosk's own greeting both capitalise "maria garcia"."""
    handler = CommandHandler(hub, db, "ab" * 32)
    session = Session(role=DeviceRole.KIOSK, device="lobby", holder="device:1")
    vm, fake, voice = make(qapp)

    def the_hub_answers() -> None:
        _, command, fields = fake.sent[-1]
        if command == "check_in":
            fields = {**fields, "key": f"k-{len(fake.sent):06d}"}
        message = json.dumps({"v": 2, "id": 1, "type": command, **fields})
        fake.answer(json.loads(handler.handle(message, session))["result"])

    greetings = []
    for _visit in range(2):
        vm.reset()
        vm.startCheckIn()
        vm.setName("maria garcia")
        vm.submitName()
        vm.setContact("maria@example.com")
        vm.submitContact()
        the_hub_answers()
        greetings.append((vm.property("screen"), vm.property("greetingName")))
        if vm.property("screen") == "returning":
            vm.sameHostAgain()
        else:
            vm.setHostQuery("pri")
            the_hub_answers()
            vm.chooseHost(0)
        vm.checkIn()
        the_hub_answers()
        greetings.append((vm.property("screen"), vm.property("greetingName")))
        assert voice.said[-1] == "Welcome, Maria!"
    assert greetings == [
        ("host", "Maria"),
        ("done", "Maria"),
        ("returning", "Maria"),  # "Welcome back, Maria!"
        ("done", "Maria"),  # "Welcome, Maria!"
    ]
    assert db.execute("SELECT name FROM visitors").fetchall() == [("maria garcia",)]  # as typed


def test_an_acknowledgement_for_another_visit_is_not_shown(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm._screen, vm._visit = "done", "a" * 32
    hub.eventReceived.emit({"event": "acknowledged", "visit": "b" * 32, "by": "Sam"})
    assert vm.property("acknowledgedBy") == ""
    hub.eventReceived.emit({"event": "acknowledged", "visit": "a" * 32, "by": "Sam"})
    assert vm.property("acknowledgedBy") == "Sam"


def test_going_back_to_welcome_lets_the_visit_handle_go(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm._screen, vm._visit = "done", "a" * 32
    vm.reset()
    assert hub.sent[-1][1:] == ("release", {"visit": "a" * 32})
    assert vm.visitor_texts() == []


def test_the_admin_pin_goes_with_a_change_of_targets_and_is_forgotten(qapp) -> None:
    vm, hub, _ = make(qapp)
    for _ in range(5):
        vm.cornerTapped()
    for digit in "1357":
        vm.pinDigit(digit)
    vm.pinSubmit()
    assert vm.property("screen") == "admin"
    vm.adjustTarget("acknowledge", 15)
    assert hub.sent[-1][1] == "set_targets" and hub.sent[-1][2]["pin"] == "1357"
    vm.reset()
    assert "1357" not in vm.visitor_texts()


def test_a_refusal_is_shown_and_nothing_typed_is_lost(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.startCheckIn()
    vm.setName("Maya Lin")
    vm.submitName()
    vm.setContact("maya@example.com")
    vm.submitContact()
    hub.refused.emit(hub.sent[-1][0], "Please choose again.")
    assert vm.property("message") == "Please choose again."
    assert vm.property("name") == "Maya Lin"
    assert vm.property("busy") is False


def test_speech_off_in_settings_keeps_the_kiosk_quiet(qapp) -> None:
    vm, _, voice = make(qapp, speech=False)
    assert voice.enabled is False
    assert vm.property("speechOn") is False


def test_five_taps_must_fall_within_three_seconds() -> None:
    now = [0.0]
    lock = AdminLock(lambda pin: pin == "1357", clock=lambda: now[0])
    for _ in range(4):
        assert not lock.corner_tapped()
        now[0] += 1.0
    assert not lock.corner_tapped()
    now[0] += 0.1
    assert not lock.corner_tapped()  # the first tap is 4 s old by now: four count
    now[0] += 0.1
    assert lock.corner_tapped()  # taps at 2, 3, 4, 4.1 and this one, within 3 s


def test_wrong_pins_wait_twice_as_long_each_time() -> None:
    now = [0.0]
    lock = AdminLock(lambda pin: pin == "1357", clock=lambda: now[0])
    waits = []
    for _ in range(5):
        assert lock.try_pin("0000") is False
        waits.append(lock.seconds_to_wait())
        assert lock.try_pin("1357") is None  # too soon: not even checked
        now[0] += waits[-1]
    assert waits == [1, 2, 4, 8, 16]
    assert lock.try_pin("1357") is True
    assert lock.failures == 0
