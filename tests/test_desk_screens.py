"""Screenshots of the desk console with one, three and twelve visitors waiting, names in many
scripts, so that a person can look at what a receptionist will see."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMetaObject
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
from tests.scene_driver import is_button

SETTINGS = Settings(site_name="Harbour Works")

VISITORS = [
    ("Maria Garcia", "priya", None, "mah-REE-ah"),
    ("Kwame Mensah", None, "delivery", None),
    ("Zhang Wěi 张伟", "jose", None, "jahng way"),
    ("Alexandrina Konstantinopoulou-Vanderbilt-Ramaswamy", "priya", None, None),
    ("محمد عبد الله", None, "interview", "mo-HAM-mad"),
    ("Ngozi Okonkwo-Adebayo", "jose", None, None),
    ("Дмитрий Соколов", "priya", None, "DMEE-tree"),
    ("田中 由紀", None, "not_sure", "ta-NA-ka YOO-kee"),
    ("Siobhán Ní Bhriain", "jose", None, "shiv-AWN nee VREE-an"),
    ("אברהם כהן", "priya", None, None),
    ("Nguyễn Thị Minh Khai", None, "delivery", None),
    ("Σωκράτης Παπαδόπουλος", "jose", None, None),
]


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "kiosk.db"
    return path, make_office(path)


@pytest.fixture
def local_hub(office: tuple[Path, dict[str, int]]) -> Iterator[LocalHub]:
    hub = LocalHub(office[0], SETTINGS)
    yield hub
    hub.stop()


def fill_queue(door: KioskAtTheDoor, ids: dict[str, int], count: int) -> list[int]:
    visits = []
    for name, host, purpose, pronunciation in VISITORS[:count]:
        fields = {"name": name}
        if host:
            fields["host_id"] = ids[host]
        if purpose:
            fields["purpose"] = purpose
        if pronunciation:
            fields["pronunciation"] = pronunciation
        proof = MARIA_CONTACT if name == "Maria Garcia" else ""
        visits.append(door.check_in(proven_by=proof, **fields))
    return visits


WIDE = (1280, 800)
NARROW = CONSOLE.minimum_size[0], 760  # the console in a third of a screen, beside other work


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["wide", "narrow"])
@pytest.mark.parametrize("count", [1, 3, 12])
def test_screenshot_of_the_console(
    qtbot: QtBot,
    local_hub: LocalHub,
    office: tuple[Path, dict[str, int]],
    count: int,
    size: tuple[int, int],
) -> None:
    ids = office[1]
    desk = start_desk(qtbot, local_hub.client(DeviceRole.DESK), SETTINGS,
                      receptionist_id=ids["sam"], size=size)  # fmt: skip
    shot = f"desk_{count}_waiting" + ("_narrow" if size == NARROW else "")
    door = KioskAtTheDoor(qtbot, local_hub.url, local_hub.fingerprint, office[0])
    try:
        visits = fill_queue(door, ids, count)
        qtbot.waitUntil(lambda: desk.desk.property("waitingCount") == count, timeout=10000)
        if count >= 3:  # someone is on the way to the second visitor
            desk.click("onMyWay", desk.scroll_to(desk.card(visits[1])))
            qtbot.waitUntil(lambda: desk.desk.property("unansweredCount") == count - 1)
        check_no_overlaps(desk)
        assert desk.texts_read_as_markup() == []
        desk.screenshot(shot)
        first = desk.scroll_to(desk.card(visits[0]))
        for button in ("welcomed", "leftUnseen", "sayName"):
            assert desk.why_a_tap_misses(desk.item(button, first)) is None
        if count == 12:
            assert desk.find("moreBelow") is not None
            desk.item("queueList").setProperty("contentY", 560)
            desk.settle()
            check_no_overlaps(desk)
            desk.screenshot(f"{shot}_middle")
            QMetaObject.invokeMethod(desk.item("queueList"), "positionViewAtEnd")
            desk.settle()
            check_no_overlaps(desk)
            desk.screenshot(f"{shot}_end")
    finally:
        door.close()
        stop_desk(desk)


def check_no_overlaps(desk: DeskDriver) -> None:
    """Every card shown fits the list's width, none sits on top of another, and every button
    of a card lies whole on it: none runs off its edge."""
    cards = [i for i in desk.visible_items() if i.objectName().startswith("card_")]
    spans = sorted((c.y(), c.y() + c.height()) for c in cards)
    for (_, bottom), (top, _) in itertools.pairwise(spans):
        assert top >= bottom, "two cards overlap"
    lst = desk.item("queueList")
    assert all(c.width() <= lst.width() for c in cards)
    for card in cards:
        edge = card.mapRectToScene(card.boundingRect())
        for button in desk.visible_items(card):
            if is_button(button):
                where = button.mapRectToScene(button.boundingRect())
                assert edge.contains(where), f"{button.objectName()} runs off {card.objectName()}"


def test_screenshot_of_choosing_who_is_at_the_desk(qtbot: QtBot, local_hub: LocalHub) -> None:
    desk = start_desk(qtbot, local_hub.client(DeviceRole.DESK), SETTINGS)
    try:
        desk.item("receptionist_0")
        assert desk.desk.property("screen") == "who"
        desk.screenshot("desk_who")
        assert desk.texts_read_as_markup() == []
        # Receptionists first, by name (Ana, Sam), then everyone else: never a dead end.
        offered = [desk.item(f"receptionist_{n}").property("text") for n in range(4)]
        assert offered == [
            "Ana Lima — reception",
            "Sam Jones — reception",
            "José Núñez — Engineering",
            "Priya Raman",
        ]
        desk.click("receptionist_1")
        qtbot.waitUntil(lambda: desk.desk.property("screen") == "console")
        assert desk.text_in(desk.window.contentItem(), "iAm") == "I am: Sam Jones"
        desk.click("changeReceptionist")
        desk.click("someoneHere")
        qtbot.waitUntil(lambda: desk.desk.property("screen") == "console")
        assert desk.text_in(desk.window.contentItem(), "iAm") == "I am: Someone at this desk"
    finally:
        stop_desk(desk)
