"""The kiosk's admin panel view model without QML, and the lock in front of it."""

from __future__ import annotations

from kiosk.store.settings import Settings
from kiosk.viewmodels.admin_lock import AdminLock
from kiosk.viewmodels.kiosk import KioskViewModel
from tests.kiosk_fakes import FakeHub, FakeLanguages, FakeSite, FakeVoice, make


def unlock(vm) -> None:
    for _ in range(5):
        vm.admin.cornerTapped()
    for digit in "1357":
        vm.admin.pinDigit(digit)
    vm.admin.pinSubmit()


def test_the_admin_pin_goes_with_a_change_of_targets_and_is_forgotten(qapp) -> None:
    hub, site = FakeHub(), FakeSite(Settings())
    vm = KioskViewModel(hub, site, FakeVoice(), FakeLanguages())
    unlock(vm)
    assert vm.property("screen") == "admin"
    vm.admin.adjustTarget("acknowledge", 15)
    assert hub.sent[-1][1] == "set_targets" and hub.sent[-1][2]["pin"] == "1357"
    hub.answer({"acknowledge_s": 75, "welcome_s": 180})
    assert site.saved[-1] == ("targets", (75, 180))
    vm.reset()
    assert "1357" not in vm.visitor_texts()


def test_speech_off_in_settings_keeps_the_kiosk_quiet(qapp) -> None:
    vm, _, voice = make(qapp, speech=False)
    assert voice.enabled is False
    assert vm.admin.property("speechOn") is False


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
