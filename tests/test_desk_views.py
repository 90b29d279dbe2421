"""The views beside the desk's queue, driven as a receptionist would against a real hub: who is on
site and the roll call, the list on paper (with the hub down too), who is expected today, the
form that expects a visitor, and an invited visitor's card. Screenshots at two sizes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from kiosk.app.desk_window import CONSOLE
from kiosk.hub.local import LocalHub
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import Settings
from tests.desk_helpers import (  # prepares Qt on import
    MARIA_CONTACT,
    DeskDriver,
    KioskAtTheDoor,
    make_office,
    start_desk,
    stop_desk,
)

SETTINGS = Settings(site_name="Harbour Works")
WIDE = (1280, 800)
LARGE = (1920, 1080)
SMALLEST_DESK = (1024, 700)
NARROW = (CONSOLE.minimum_size[0], 760)  # the console in a third of a screen: the view goes above


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "kiosk.db"
    return path, make_office(path)


@pytest.fixture
def local_hub(office: tuple[Path, dict[str, int]]) -> Iterator[LocalHub]:
    hub = LocalHub(office[0], SETTINGS)
    yield hub
    hub.stop()


@pytest.fixture
def door(qtbot: QtBot, local_hub: LocalHub, office) -> Iterator[KioskAtTheDoor]:
    at_the_door = KioskAtTheDoor(qtbot, local_hub.url, local_hub.fingerprint, office[0])
    yield at_the_door
    at_the_door.close()


def open_desk_at(qtbot: QtBot, local_hub: LocalHub, office, tmp_path: Path,
                 size: tuple[int, int]) -> DeskDriver:  # fmt: skip
    return start_desk(qtbot, local_hub.client(DeviceRole.DESK), SETTINGS,
                      receptionist_id=office[1]["sam"], size=size, pdf_folder=tmp_path)  # fmt: skip


def fill_site(door: KioskAtTheDoor, ids: dict[str, int]) -> list[int]:
    return [
        door.check_in(name="Maria Garcia", host_id=ids["priya"], proven_by=MARIA_CONTACT),
        door.check_in(name="Kwame Mensah", purpose="delivery"),
        door.check_in(name="Zhang Wěi 张伟", host_id=ids["jose"]),
    ]


def the_queue_stays_in_view(desk: DeskDriver, visit: int) -> None:
    """The view beside the queue never hides it: the card's timer and buttons can be used."""
    card = desk.scroll_to(desk.card(visit))
    assert desk.item("visitorName", card).width() >= 120, "the name is squeezed away"
    for name in ("waitTimer", "welcomed", "leftUnseen", "sayName"):
        item = desk.item(name, card)
        if name == "waitTimer":
            centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
            assert 0 <= centre.x() < desk.window.width()
            assert 0 <= centre.y() < desk.window.height()
        else:
            assert desk.why_a_tap_misses(item) is None, name


@pytest.mark.parametrize("size", [WIDE, LARGE], ids=["1280", "1920"])
def test_on_site_and_a_roll_call(
    qtbot: QtBot, local_hub: LocalHub, office, door: KioskAtTheDoor, tmp_path: Path, size
) -> None:
    desk = open_desk_at(qtbot, local_hub, office, tmp_path, size)
    try:
        visits = fill_site(door, office[1])
        qtbot.waitUntil(lambda: desk.desk.property("waitingCount") == 3, timeout=10000)
        desk.click("showOnSite")
        qtbot.waitUntil(lambda: desk.find(f"onSite_{visits[2]}") is not None, timeout=5000)
        assert desk.text_in(desk.window.contentItem(), "headcount") == "3 people on site"
        row = desk.item(f"onSite_{visits[0]}")
        assert desk.text_in(row, "personName") == "Maria Garcia"
        assert desk.text_in(row, "personDetails").startswith("Visiting Priya Raman · in since ")
        the_queue_stays_in_view(desk, visits[0])
        desk.screenshot(f"desk_on_site_{size[0]}")

        desk.click("startRollCall")
        qtbot.waitUntil(lambda: desk.find("accountedFor", row) is not None, timeout=5000)
        desk.click("accountedFor", desk.item(f"onSite_{visits[1]}"))
        qtbot.waitUntil(
            lambda: desk.find("accountedMark", desk.item(f"onSite_{visits[1]}")) is not None,
            timeout=5000,
        )
        text = desk.text_in(desk.window.contentItem(), "rollCallText")
        assert text.startswith("Roll call since ") and text.endswith("1 of 3 accounted for")
        the_queue_stays_in_view(desk, visits[0])
        assert desk.texts_read_as_markup() == []
        desk.screenshot(f"desk_roll_call_{size[0]}")

        desk.click("savePdf")
        qtbot.waitUntil(lambda: any(tmp_path.glob("On site *.pdf")), timeout=5000)
        assert desk.desk.message.property("text").startswith("The list is saved as ")

        # Ending with people not accounted for asks once.
        desk.click("endRollCall")
        desk.click("confirmEndYes")
        qtbot.waitUntil(lambda: desk.find("startRollCall") is not None, timeout=5000)
    finally:
        stop_desk(desk)


def test_the_list_prints_from_the_desk_with_the_hub_down(
    qtbot: QtBot, local_hub: LocalHub, office, door: KioskAtTheDoor, tmp_path: Path
) -> None:
    desk = open_desk_at(qtbot, local_hub, office, tmp_path, WIDE)
    try:
        visits = fill_site(door, office[1])
        desk.click("showOnSite")
        qtbot.waitUntil(lambda: desk.find(f"onSite_{visits[2]}") is not None, timeout=5000)
        local_hub.stop()
        qtbot.waitUntil(lambda: desk.find("asOf") is not None, timeout=10000)
        said = desk.text_in(desk.item("asOf"), "asOfText") if desk.find("asOfText") else ""
        on_site = desk.desk.panels.onSite
        assert on_site.property("asOf").endswith(", the hub is not answering.")
        assert said in ("", on_site.property("asOf"))
        desk.click("savePdf")
        qtbot.waitUntil(lambda: any(tmp_path.glob("On site *.pdf")), timeout=5000)
        assert on_site.listing().at == on_site.property("asOf")
        assert len(on_site.listing().people) == 3
        assert not desk.item("startRollCall").isEnabled()  # the roll call needs the hub
        desk.screenshot("desk_on_site_hub_down")
    finally:
        stop_desk(desk)


@pytest.mark.parametrize("size", [WIDE, LARGE], ids=["1280", "1920"])
def test_expecting_a_visitor_who_then_comes(
    qtbot: QtBot, local_hub: LocalHub, office, tmp_path: Path, size
) -> None:
    desk = open_desk_at(qtbot, local_hub, office, tmp_path, size)
    kiosk = local_hub.client(DeviceRole.KIOSK)
    try:
        qtbot.waitUntil(lambda: kiosk.connected, timeout=10000)
        desk.click("showExpected")
        desk.item("nobodyExpected")
        desk.click("expectVisitor")
        desk.type_into("expectName", "Aiyana Redcloud")
        desk.type_into("expectEmail", "not an address")
        host = desk.item("expectHost")
        qtbot.waitUntil(lambda: host.property("count") == 4, timeout=5000)
        host.setProperty("currentIndex", 3)  # Priya Raman
        desk.type_into("expectTime", datetime.now().strftime("%H:%M"))
        desk.type_into("expectNote", "Prefers tea")
        desk.screenshot(f"desk_expect_form_{size[0]}")
        desk.click("sendInvitation")
        qtbot.waitUntil(lambda: desk.find("formError") is not None, timeout=5000)
        assert desk.text_in(desk.window.contentItem(), "formError") == (
            "That e-mail address doesn't look right; check it."
        )
        desk.type_into("expectEmail", "")
        desk.click("sendInvitation")
        qtbot.waitUntil(lambda: desk.find("invited") is not None, timeout=5000)
        invited = desk.text_in(desk.window.contentItem(), "invited")
        assert invited.startswith("Aiyana Redcloud is expected. Their invitation code: ")
        code = invited.rsplit(" ", 1)[1]
        row = desk.item("expected_1")
        assert desk.text_in(row, "expectedName") == "Aiyana Redcloud"
        assert desk.text_in(row, "expectedNote") == "Note: Prefers tea"
        assert desk.text_in(row, "expectedStatus") == "Not yet"
        desk.screenshot(f"desk_expected_{size[0]}")

        # She scans her invitation at the kiosk: the card says how she came; the list, that
        # she did.
        kiosk.request("scan", code=code, key="scan-0001")
        qtbot.waitUntil(lambda: desk.desk.property("waitingCount") == 1, timeout=10000)
        card = desk.card(desk.desk.queue.rows()[0]["visitId"])
        assert desk.text_in(card, "expectedLine").startswith("Expected at ")
        assert desk.text_in(card, "expectedLine").endswith(" — on time")
        assert desk.text_in(card, "inviteNote") == "Note: Prefers tea"
        qtbot.waitUntil(
            lambda: desk.text_in(desk.item("expected_1"), "expectedStatus") == "Came on time",
            timeout=5000,
        )
        assert desk.find("withdraw", desk.item("expected_1")) is None
        the_queue_stays_in_view(desk, int(card.property("visitId")))
        assert desk.texts_read_as_markup() == []
        desk.screenshot(f"desk_expected_arrived_{size[0]}")
    finally:
        kiosk.close()
        stop_desk(desk)


def test_withdrawing_an_invitation_asks_once(
    qtbot: QtBot, local_hub: LocalHub, office, tmp_path: Path
) -> None:
    desk = open_desk_at(qtbot, local_hub, office, tmp_path, SMALLEST_DESK)
    try:
        desk.click("showExpected")
        desk.click("expectVisitor")
        desk.type_into("expectName", "Lars Eriksson")
        host = desk.item("expectHost")
        qtbot.waitUntil(lambda: host.property("count") == 4, timeout=5000)
        host.setProperty("currentIndex", 2)
        desk.type_into("expectTime", "23:59")
        desk.screenshot("desk_expect_form_1024")
        desk.click("sendInvitation")
        row = desk.item("expected_1")
        desk.click("withdraw", row)
        desk.click("keepInvitation", row)
        desk.click("withdraw", row)
        desk.click("confirmWithdraw", row)
        qtbot.waitUntil(lambda: desk.find("expected_1") is None, timeout=5000)
        desk.item("nobodyExpected")
    finally:
        stop_desk(desk)


@pytest.mark.parametrize("size", [SMALLEST_DESK, NARROW], ids=["1024", "narrow"])
def test_the_views_leave_the_queue_usable(
    qtbot: QtBot, local_hub: LocalHub, office, door: KioskAtTheDoor, tmp_path: Path, size
) -> None:
    desk = open_desk_at(qtbot, local_hub, office, tmp_path, size)
    try:
        visits = fill_site(door, office[1])
        qtbot.waitUntil(lambda: desk.desk.property("waitingCount") == 3, timeout=10000)
        on_site = desk.desk.panels.onSite
        qtbot.waitUntil(lambda: on_site.property("headcount") == "3 people on site", timeout=5000)
        for view in ("showOnSite", "showExpected"):
            desk.click(view)
            desk.settle()
            desk.screenshot(f"desk_{view}_{size[0]}")
            if size == NARROW:  # the view above the queue, which scrolls on below it
                assert desk.item("queueList").height() >= 0.3 * size[1]
                assert desk.find("aboveQueue") is not None
            else:
                the_queue_stays_in_view(desk, visits[0])
    finally:
        stop_desk(desk)


def test_a_banner_says_when_hosts_cant_be_reached(
    qtbot: QtBot, local_hub: LocalHub, office, tmp_path: Path
) -> None:
    desk = open_desk_at(qtbot, local_hub, office, tmp_path, WIDE)
    try:
        # The queue's reply (which says how the hosts' messages go) comes before the staff list.
        qtbot.waitUntil(lambda: desk.desk.who.property("name") == "Sam Jones", timeout=5000)
        assert desk.find("hostProblemBanner") is None
        panels = desk.desk.panels
        sentence = "E-mails to hosts are not going out: the mail server refuses the password."
        panels.notice({"notice": "host_messages", "waiting": 2, "failing": 2, "given_up": 0,
                       "problem": "retrying", "message": sentence})  # fmt: skip
        banner = desk.item("hostProblemBanner")
        assert desk.text_in(banner, "offlineText") == sentence
        desk.screenshot("desk_hosts_unreachable")
        panels.notice({"notice": "host_messages", "waiting": 0, "failing": 0, "given_up": 0,
                       "problem": "", "message": ""})  # fmt: skip
        qtbot.waitUntil(lambda: desk.find("hostProblemBanner") is None, timeout=3000)
    finally:
        stop_desk(desk)


def test_a_card_says_we_called_them_back(
    qtbot: QtBot, local_hub: LocalHub, office, door: KioskAtTheDoor, tmp_path: Path
) -> None:
    manager = local_hub.client(DeviceRole.MANAGER)
    desk = open_desk_at(qtbot, local_hub, office, tmp_path, WIDE)
    try:
        qtbot.waitUntil(lambda: manager.connected, timeout=10000)
        answered: list[dict] = []
        manager.replied.connect(lambda _i, result: answered.append(result))
        manager.request("follow_up", visit_id=1, note="Apologised on the phone")
        qtbot.waitUntil(lambda: bool(answered), timeout=5000)
        visit = door.check_in(name="Maria Garcia", host_id=office[1]["priya"],
                              proven_by=MARIA_CONTACT)  # fmt: skip
        line = desk.text_in(desk.card(visit, timeout=10000), "followedUpLine")
        assert line.startswith("We called Maria after their long wait on ")
    finally:
        manager.close()
        stop_desk(desk)
