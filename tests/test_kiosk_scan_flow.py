"""The scan flow's view model without QML: what it sends, where each answer leads, and the
sentence for each code that can't be used."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.viewmodels.kiosk_refusals import REFUSALS
from tests.kiosk_fakes import make
from tests.test_camera_scan import CODE, frame

INVITATION = "FDKIYQPC4AAAAAA2TMP4IJHT2G44Z5GA"
BADGE = "FDKBYQPC4AAAAAA2TMP4IJHT2G44Z5GA"
CHECKED_IN = {
    "did": "checked_in", "visit": "a" * 32, "first_name": "Maria", "pronunciation": "mah-REE-ah",
    "host": "Priya Raman", "returning": False, "listening": True,
}  # fmt: skip


def test_a_scan_sends_the_code_with_a_fresh_key(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.scan.scanned(f" {INVITATION} ")
    vm.scan.forget()
    vm.scan.scanned(INVITATION)
    (_, first, sent), (_, _, again) = hub.sent[-2:]
    assert first == "scan" and sent["code"] == INVITATION and sent["kiosk"] == "lobby"
    assert len(sent["key"]) == 32 and sent["key"] != again["key"]


def test_an_invitation_checks_in_and_the_session_is_the_visitor_s(qapp) -> None:
    vm, hub, voice = make(qapp)
    vm.startCheckIn()
    vm.setName("Someone Else")
    vm.scan.scanned(INVITATION)
    assert vm.property("name") == ""  # the half-typed name of whoever was here has gone
    hub.answer(CHECKED_IN)
    assert vm.property("screen") == "done"
    assert vm.property("greetingName") == "Maria"
    assert vm.check_in.property("receptionListening") is True
    assert vm.check_in.property("hostName") == "Priya Raman"
    assert voice.said == ["Welcome, mah-REE-ah!"]
    assert vm.session.visit == "a" * 32
    vm.reset()
    assert hub.sent[-1][1:] == ("release", {"visit": "a" * 32})


def test_a_badge_checks_out_to_the_question(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.scan.scanned(BADGE)
    hub.answer({"did": "checked_out", "visit": "b" * 32})
    assert vm.property("screen") == "feedback"
    vm.check_out.rate(4)
    assert hub.sent[-1][1:] == ("rate_welcome", {"visit": "b" * 32, "rating": 4})


def test_the_language_chosen_on_welcome_stays_for_the_scan(qapp) -> None:
    vm, _, _ = make(qapp)
    vm.setLanguage("es")
    vm.scan.scanned(INVITATION)
    assert vm.property("language") == "es"


@pytest.mark.parametrize("reason", sorted(r for r in REFUSALS if r.startswith("code_")))
def test_each_refusal_is_said_by_its_reason_with_the_name_path(qapp, reason: str) -> None:
    vm, hub, _ = make(qapp)
    vm.scan.scanned(INVITATION)
    hub.refused.emit(hub.sent[-1][0], "An English sentence from the hub.", reason)
    assert vm.property("screen") == "scan_refused"
    assert vm.scan.property("problem") == REFUSALS[reason]
    vm.scan.nameInstead()
    assert vm.property("screen") == "name" and vm.scan.property("problem") == ""


def test_a_used_badge_thanks_the_visitor_and_offers_checking_out_by_name(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.scan.scanned(BADGE)
    hub.refused.emit(hub.sent[-1][0], "You've checked out already. Thank you!", "code_used")
    assert vm.scan.property("problem") == REFUSALS["badge_used"]
    vm.scan.nameInstead()
    assert vm.property("screen") == "checkout_name"


def test_a_reason_the_kiosk_does_not_know_is_said_in_the_hub_s_words(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.scan.scanned(INVITATION)
    hub.refused.emit(hub.sent[-1][0], "Please wait a moment.", "slow_down")
    assert vm.scan.property("problem") == "Please wait a moment."


@pytest.mark.parametrize("screen", ["admin_pin", "admin"])
def test_the_staff_screens_take_no_scans(qapp, screen: str) -> None:
    vm, hub, _ = make(qapp)
    vm.go(screen)
    assert vm.scan.takes_scans() is False
    vm.scan.scanned(INVITATION)
    assert hub.sent == [] and vm.property("screen") == screen


def test_one_code_at_a_time(qapp) -> None:
    vm, hub, _ = make(qapp)
    vm.scan.scanned(INVITATION)
    vm.scan.scanned(BADGE)
    assert [c for _, c, _ in hub.sent] == ["scan"]
    assert vm.scan.property("reading") is True
    hub.answer(CHECKED_IN)
    assert vm.scan.property("reading") is False


def test_without_a_camera_the_camera_screen_is_not_opened(qapp, qtbot) -> None:
    vm, _, _ = make(qapp)
    qtbot.wait(1100)  # the kiosk looks for a camera once Welcome is up
    assert vm.scan.property("cameraAvailable") is False  # none here
    vm.scan.openCamera()
    assert vm.property("screen") == "welcome"


def test_the_kiosk_tells_the_desks_whether_it_has_a_camera(qapp) -> None:
    _kiosk, hub, _ = make(qapp)  # held: the view model answers the hub's signal
    hub.connectionChanged.emit(True)
    _, command, fields = hub.sent[-1]
    assert command == "status" and fields["camera"] is False


class Sink(QObject):
    """The part of a QVideoSink the scan flow uses."""

    videoFrameChanged = Signal(object)


class Frame:
    """The part of a QVideoFrame the scan flow uses."""

    def __init__(self, image: QImage) -> None:
        self.image = image
        self.made = 0

    def toImage(self) -> QImage:
        self.made += 1
        return self.image


def test_the_viewfinder_s_frames_are_read_and_the_code_sent(qapp, qtbot) -> None:
    vm, hub, _ = make(qapp)
    vm.go("camera")
    sink = Sink()
    vm.scan.watch(sink)
    shown = Frame(frame(8, 0, True))
    for _ in range(3):  # the reader is busy with the first: the others are not even converted
        sink.videoFrameChanged.emit(shown)
    assert shown.made == 1
    qtbot.waitUntil(lambda: [c for _, c, _ in hub.sent] == ["scan"], timeout=5000)
    assert hub.sent[-1][2]["code"] == CODE
    assert vm.property("screen") == "camera"  # the viewfinder stays while the hub answers
    vm.scan.close()
