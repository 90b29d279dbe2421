"""The check-in flow's view model without QML: hosts, the check-in itself, and Done."""

from __future__ import annotations

import json

from sqlite_utils import Database

from kiosk.hub.handler import CommandHandler
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store.devices import DeviceRole
from tests.kiosk_fakes import make


def to_host_screen(vm, hub) -> None:
    vm.startCheckIn()
    vm.setName("  Maya   Lin ")
    vm.submitName()
    vm.setContact(" maya@example.com ")
    vm.submitContact()
    hub.answer({"identity": None})


def test_a_stale_host_search_does_not_overwrite_a_newer_one(qapp) -> None:
    vm, hub, _ = make(qapp)
    to_host_screen(vm, hub)
    flow = vm.check_in
    flow.setHostQuery("pr")
    first = hub.sent[-1][0]
    flow.setHostQuery("pri")
    hub.answer({"hosts": [{"id": 2, "name": "Priya Raman", "department": None}]})
    hub.replied.emit(first, {"hosts": [{"id": 9, "name": "Pradeep Old", "department": None}]})
    assert [r["name"] for r in flow.hosts.rows()] == ["Priya Raman"]


def test_the_check_in_sends_what_the_visitor_chose(qapp) -> None:
    vm, hub, voice = make(qapp)
    to_host_screen(vm, hub)
    flow = vm.check_in
    flow.chooseReception("interview")
    flow.setPronunciation("MY-ah")
    flow.checkIn()
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
    hub.answer({"visit": "a" * 32, "first_name": "Maya", "returning": False, "listening": True})
    assert vm.property("screen") == "done"
    assert flow.property("receptionListening") is True
    assert voice.said == ["Welcome, MY-ah!"]


def test_a_proven_visitor_is_welcomed_back_or_told_they_are_here_already(qapp) -> None:
    for on_site, screen in ((False, "returning"), (True, "already")):
        vm, hub, _ = make(qapp)
        vm.startCheckIn()
        vm.setName("maria garcia")
        vm.submitName()
        vm.setContact("maria@example.com")
        vm.submitContact()
        hub.answer(
            {
                "identity": "c" * 32,
                "first_name": "Maria",
                "pronunciation": "mah-REE-ah",
                "last_host": {"id": 3, "name": "Priya Raman"},
                "on_site": on_site,
            }
        )
        assert vm.property("screen") == screen
        assert vm.property("greetingName") == "Maria"
        assert vm.check_in.property("lastHostName") == "Priya Raman"


def test_an_acknowledgement_for_another_visit_is_not_shown(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.go("done")
    vm.session.visit = "a" * 32
    hub.eventReceived.emit({"event": "acknowledged", "visit": "b" * 32, "by": "Sam"})
    assert vm.check_in.property("acknowledgedBy") == ""
    hub.eventReceived.emit({"event": "acknowledged", "visit": "a" * 32, "by": "Sam"})
    assert vm.check_in.property("acknowledgedBy") == "Sam"


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
    for visit in range(2):
        vm.reset()
        vm.startCheckIn()
        vm.setName("maria garcia")
        vm.submitName()
        vm.setContact("maria@example.com")
        vm.submitContact()
        the_hub_answers()
        greetings.append((vm.property("screen"), vm.property("greetingName")))
        if vm.property("screen") == "returning":
            vm.check_in.sameHostAgain()
        else:
            vm.check_in.setHostQuery("pri")
            the_hub_answers()
            vm.check_in.chooseHost(0)
        vm.check_in.checkIn()
        the_hub_answers()
        greetings.append((vm.property("screen"), vm.property("greetingName")))
        assert voice.said[-1] == "Welcome, Maria!"
        hub.check_out(visit + 1)  # she leaves; next week she is back
    assert greetings == [
        ("host", "Maria"),
        ("done", "Maria"),
        ("returning", "Maria"),  # "Welcome back, Maria!"
        ("done", "Maria"),  # "Welcome, Maria!"
    ]
    assert db.execute("SELECT name FROM visitors").fetchall() == [("maria garcia",)]  # as typed
