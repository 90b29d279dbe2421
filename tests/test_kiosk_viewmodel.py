"""The kiosk's view model without QML: screens, the name and contact, the hub's answers."""

from __future__ import annotations

import pytest

from tests.kiosk_fakes import make


def test_name_then_contact_then_identify_asks_the_hub_only_with_a_contact(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.startCheckIn()
    vm.setName("  Maya   Lin ")
    vm.submitName()
    assert vm.property("screen") == "contact" and hub.sent == []
    vm.skipContact()
    assert vm.property("screen") == "host" and hub.sent == []  # nothing to prove: a stranger
    assert vm.property("greetingName") == "Maya"
    vm.back()
    vm.setContact(" maya@example.com ")
    vm.submitContact()
    assert hub.sent[-1][1:] == ("identify", {"name": "Maya Lin", "contact": "maya@example.com"})
    assert vm.property("busy") is True


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("Maya Lin", ""),
        ("Bob\u202eevil", "Names can't contain control characters. Please type your name again."),
        ("B" * 81, "That name is too long. Please keep it under 80 characters."),
        ("   ", ""),  # nothing typed yet is not an error
    ],
)
def test_a_name_is_judged_as_it_is_typed(qapp, typed: str, error: str) -> None:
    vm, _, _ = make(qapp)
    vm.startCheckIn()
    vm.setName(typed)
    assert vm.property("nameError") == error


def test_a_refusal_is_shown_and_nothing_typed_is_lost(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.startCheckIn()
    vm.setName("Maya Lin")
    vm.submitName()
    vm.setContact("maya@example.com")
    vm.submitContact()
    hub.refused.emit(hub.sent[-1][0], "Please choose again.", "")
    assert vm.property("message") == "Please choose again."
    assert vm.property("name") == "Maya Lin"
    assert vm.property("busy") is False


def test_a_refusal_with_a_reason_is_said_in_the_visitors_language(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.startCheckIn()
    vm.setName("Maya Lin")
    vm.submitName()
    vm.setContact("maya@example.com")
    vm.submitContact()
    hub.refused.emit(hub.sent[-1][0], "English words", "identity_expired")
    assert vm.property("message") == "That took a little long. Please check in again."


def test_going_back_to_welcome_lets_the_visit_handle_go(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.startCheckIn()
    vm.setName("Maya Lin")
    vm.session.visit = "a" * 32
    vm.reset()
    assert hub.sent[-1][1:] == ("release", {"visit": "a" * 32})
    assert vm.visitor_texts() == [] and vm.property("screen") == "welcome"


@pytest.mark.parametrize(
    ("screen", "back_to"),
    [("name", "welcome"), ("contact", "name"), ("host", "contact"), ("pronunciation", "host"),
     ("checkout_name", "welcome"), ("checkout_contact", "checkout_name")],
)  # fmt: skip
def test_back_goes_where_the_visitor_came_from(qapp, screen: str, back_to: str) -> None:
    vm, _, _ = make(qapp)
    vm.go(screen)
    vm.back()
    assert vm.property("screen") == back_to
