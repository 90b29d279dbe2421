"""The desk console, driven as a receptionist would, against a hub on a real database file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.policies import Policies, Targets
from kiosk.hub.client import HubClient
from kiosk.hub.local import LocalHub
from kiosk.hub.service import HubService
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole, add_device
from kiosk.store.settings import Settings
from tests.desk_helpers import (  # prepares Qt on import
    MARIA_CONTACT,
    DeskDriver,
    make_office,
    start_desk,
    stop_desk,
)
from tests.hub_process import HubProcess

SETTINGS = Settings(site_name="Harbour Works")


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "kiosk.db"
    return path, make_office(path)


@pytest.fixture
def hub_settings() -> Settings:
    return SETTINGS


@pytest.fixture
def local_hub(office: tuple[Path, dict[str, int]], hub_settings: Settings) -> Iterator[LocalHub]:
    hub = LocalHub(office[0], hub_settings)
    yield hub
    hub.stop()


@pytest.fixture
def kiosk_client(qtbot: QtBot, local_hub: LocalHub) -> Iterator[HubClient]:
    client = local_hub.client(DeviceRole.KIOSK)
    qtbot.waitUntil(lambda: client.connected, timeout=10000)
    yield client
    client.close()


@pytest.fixture
def desk(
    qtbot: QtBot, local_hub: LocalHub, office: tuple[Path, dict[str, int]], hub_settings: Settings
) -> Iterator[DeskDriver]:
    driver = start_desk(
        qtbot, local_hub.client(DeviceRole.DESK), hub_settings, receptionist_id=office[1]["sam"]
    )
    yield driver
    stop_desk(driver)


def check_in(qtbot: QtBot, kiosk: HubClient, office, proven_by: str = "", **fields) -> int:
    """Check in at `kiosk` (a returning visitor proven by their contact) and return the visit's
    number as the desks know it: the kiosk itself is told only a handle."""
    answers: dict[int, dict] = {}
    kiosk.replied.connect(lambda i, result: answers.__setitem__(i, result))
    if proven_by:
        asked = kiosk.request("identify", name=fields["name"], contact=proven_by)
        qtbot.waitUntil(lambda: asked in answers, timeout=5000)
        fields["identity"] = answers[asked]["identity"]
    asked = kiosk.request("check_in", **fields)
    qtbot.waitUntil(lambda: asked in answers, timeout=5000)
    db = open_database(office[0])
    try:
        return db.execute("SELECT max(id) FROM visits").fetchone()[0]
    finally:
        db.close()


def test_a_check_in_shows_a_card_with_name_host_and_notes_and_chimes(
    qtbot: QtBot, desk: DeskDriver, kiosk_client: HubClient, office
) -> None:
    ids = office[1]
    visit = check_in(qtbot, kiosk_client, office, name="Maria Garcia", host_id=ids["priya"],
                     proven_by=MARIA_CONTACT)  # fmt: skip
    card = desk.card(visit)
    assert desk.text_in(card, "visitorName") == "Maria Garcia"
    assert desk.text_in(card, "pronunciation") == "say it: mah-REE-ah"
    assert desk.text_in(card, "visiting") == "Visiting Priya Raman"
    assert desk.text_in(card, "returningNotes").startswith(
        "Returning visitor — visits before: 1, the last on"
    )
    assert desk.text_in(card, "lastWaitLine") == "Last time Maria waited 9 minutes — make it right"
    sounds = desk.console.sounds
    assert sounds.level == "chime" and sounds.rings["chime"] >= 1
    assert desk.console.tray.count == 1
    assert desk.console.tray.notices[-1][:2] == ("Maria Garcia is here", "To see Priya Raman")
    desk.click("sayName", card)
    assert desk.console.speech.said[-1] == "mah-REE-ah"
    desk.screenshot("desk_one_waiting")


def test_a_first_visit_has_no_last_time_line(
    qtbot: QtBot, desk: DeskDriver, kiosk_client: HubClient, office
) -> None:
    visit = check_in(qtbot, kiosk_client, office, name="Kwame Mensah", purpose="delivery")
    card = desk.card(visit)
    assert desk.text_in(card, "visiting") == "Delivery"
    assert desk.text_in(card, "returningNotes") == "First visit"
    assert desk.find("lastWaitLine", card) is None


def test_on_my_way_reaches_the_kiosk_and_every_desk(
    qtbot: QtBot, desk: DeskDriver, local_hub: LocalHub, kiosk_client: HubClient, office
) -> None:
    other = start_desk(qtbot, local_hub.client(DeviceRole.DESK), SETTINGS,
                       receptionist_id=office[1]["ana"])  # fmt: skip
    heard: list[dict] = []
    kiosk_client.eventReceived.connect(heard.append)
    visit = check_in(qtbot, kiosk_client, office, name="Maria Garcia", host_id=office[1]["priya"])
    desk.card(visit)
    other.card(visit)
    assert other.console.sounds.level == "chime"
    desk.click("onMyWay", desk.card(visit))
    qtbot.waitUntil(lambda: any(e["event"] == "acknowledged" for e in heard), timeout=5000)
    assert heard[-1]["by"] == "Sam"
    # On the other desk the card stays (the visitor is not welcomed yet) but it is answered:
    # no more "On my way", the chime stops, and it says who is coming.
    qtbot.waitUntil(lambda: other.find("onMyWay", other.card(visit)) is None, timeout=5000)
    assert other.text_in(other.card(visit), "stateText") == "Sam is on the way"
    assert other.console.sounds.level == "quiet"
    assert desk.console.sounds.level == "quiet"
    stop_desk(other)


def test_welcomed_takes_the_card_off_every_desk_and_the_wait_is_recorded(
    qtbot: QtBot, desk: DeskDriver, local_hub: LocalHub, kiosk_client: HubClient, office
) -> None:
    other = start_desk(qtbot, local_hub.client(DeviceRole.DESK), SETTINGS,
                       receptionist_id=office[1]["ana"])  # fmt: skip
    visit = check_in(qtbot, kiosk_client, office, name="Maria Garcia", host_id=office[1]["priya"])
    other.card(visit)
    desk.click("welcomed", desk.card(visit))
    qtbot.waitUntil(lambda: not desk.has_card(visit) and not other.has_card(visit), timeout=5000)
    assert desk.desk.property("waitingCount") == 0 and other.console.tray.count == 0
    qtbot.waitUntil(lambda: desk.desk.person.property("welcomedToday") == 1, timeout=5000)
    assert desk.text_in(desk.window.contentItem(), "welcomedToday") == "You welcomed 1 visitor"
    db = open_database(office[0])
    row = db.execute("SELECT state, welcomed_at - checked_in_at, welcomed_by FROM visits "
                     "WHERE id = ?", [visit]).fetchone()  # fmt: skip
    db.close()
    assert row[0] == "welcomed" and row[1] >= 0 and row[2] == f"staff:{office[1]['sam']}"
    stop_desk(other)


def test_left_without_being_seen_asks_once_and_can_be_undone_for_a_minute(
    qtbot: QtBot, desk: DeskDriver, kiosk_client: HubClient, office
) -> None:
    visit = check_in(qtbot, kiosk_client, office, name="Maria Garcia", host_id=office[1]["priya"])
    desk.click("leftUnseen", desk.card(visit))
    desk.click("keepWaiting", desk.card(visit))  # pressed by mistake: nothing happens
    desk.settle()
    desk.item("leftUnseen", desk.card(visit))  # its buttons back, the visit untouched
    desk.click("leftUnseen", desk.card(visit))
    assert desk.text_in(desk.card(visit), "confirmLeft") == "Yes, Maria left"
    desk.screenshot("desk_left_unseen_confirm")
    desk.click("confirmLeft", desk.card(visit))
    qtbot.waitUntil(lambda: not desk.has_card(visit), timeout=5000)
    assert desk.console.sounds.level == "quiet"
    bar = desk.item("messageBar")
    assert desk.text_in(bar, "messageText") == "Maria Garcia marked as left without being seen."
    desk.screenshot("desk_left_unseen_undo")
    desk.click("noteAction", bar)  # Undo
    desk.card(visit)  # back, as it was
    qtbot.waitUntil(lambda: desk.console.sounds.level == "chime", timeout=5000)
    db = open_database(office[0])
    kinds = [r[0] for r in db.execute("SELECT type FROM events WHERE visit_id = ?", [visit])]
    state = db.execute("SELECT state FROM visits WHERE id = ?", [visit]).fetchone()[0]
    db.close()
    assert kinds[-2:] == ["left_unseen", "left_unseen_undone"] and state == "waiting"


def test_the_desk_hears_what_a_visitor_says_at_a_kiosk(
    qtbot: QtBot, desk: DeskDriver, kiosk_client: HubClient, local_hub: LocalHub, office
) -> None:
    visit = check_in(qtbot, kiosk_client, office, name="Ada Byron", purpose="delivery",
                     contact="ada@example.com")  # fmt: skip
    card = desk.card(visit)
    second = local_hub.client(DeviceRole.KIOSK)
    qtbot.waitUntil(lambda: second.connected, timeout=5000)
    second.request("check_in", name="ada byron", purpose="delivery")
    qtbot.waitUntil(lambda: desk.find("againLine", card) is not None, timeout=5000)
    assert desk.text_in(card, "againLine").startswith("Checked in again at ")
    assert desk.desk.property("waitingCount") == 1  # one visitor, one card
    second.request("leaving", name="Ada Byron", contact="")
    qtbot.waitUntil(
        lambda: desk.text_in(card, "againLine").startswith("Says they are leaving"), timeout=5000
    )
    assert desk.console.view_model.note.property("text") == (
        "Ada Byron says they are leaving — not confirmed."
    )
    desk.screenshot("desk_says_leaving")
    second.close()


def test_a_check_out_while_someone_is_on_the_way_is_told(
    qtbot: QtBot, desk: DeskDriver, kiosk_client: HubClient, office
) -> None:
    visit = check_in(qtbot, kiosk_client, office, name="Maria Garcia", host_id=office[1]["priya"],
                     contact="maria@example.com")  # fmt: skip
    desk.click("onMyWay", desk.card(visit))
    qtbot.waitUntil(
        lambda: desk.text_in(desk.card(visit), "stateText") == "Sam is on the way", timeout=5000
    )
    kiosk_client.request("leaving", name="Maria Garcia", contact="maria@example.com")
    qtbot.waitUntil(lambda: not desk.has_card(visit), timeout=5000)
    assert desk.console.view_model.note.property("text") == (
        "Maria Garcia checked out at a kiosk while Sam was on the way."
    )


@pytest.mark.parametrize(
    "hub_settings",
    [Settings(site_name="Harbour Works",
              policies=Policies(targets=Targets(acknowledge_s=1, welcome_s=3,
                                                escalation_repeat_s=1)))],
)  # fmt: skip
def test_an_unanswered_visitor_escalates_on_every_desk(
    qtbot: QtBot, desk: DeskDriver, kiosk_client: HubClient, office, hub_settings: Settings
) -> None:
    visit = check_in(qtbot, kiosk_client, office, name="Maria Garcia", host_id=office[1]["priya"])
    desk.card(visit)
    qtbot.waitUntil(lambda: desk.console.sounds.level == "alarm", timeout=8000)
    card = desk.card(visit)
    assert desk.text_in(card, "stateText") == "Over target — nobody has answered"
    assert desk.text_in(card, "timerLevel") == "over target"
    title, _body, urgent = desk.console.tray.notices[-1]
    assert urgent and title == "Maria Garcia is still waiting for someone"
    desk.screenshot("desk_escalated")
    desk.click("onMyWay", card)
    qtbot.waitUntil(lambda: desk.console.sounds.level != "alarm", timeout=5000)


def test_the_console_says_when_the_hub_is_unreachable_and_catches_up(
    qtbot: QtBot, tmp_path: Path
) -> None:
    home = tmp_path / "hub-home"
    ids = make_office(home / "kiosk.db")
    db = open_database(home / "kiosk.db")
    with writing(db):
        desk_token = add_device(db, "Front desk", DeviceRole.DESK, 0)
        kiosk_token = add_device(db, "Lobby", DeviceRole.KIOSK, 0)
    db.close()
    hub = HubProcess(home)
    hub.start()
    desk_client = HubClient(hub.url, desk_token, hub.fingerprint)
    desk = start_desk(qtbot, desk_client, SETTINGS, receptionist_id=ids["sam"])
    kiosk = HubClient(hub.url, kiosk_token, hub.fingerprint)
    try:
        qtbot.waitUntil(lambda: kiosk.connected, timeout=10000)
        first = check_in(
            qtbot, kiosk, (home / "kiosk.db",), name="Maria Garcia", host_id=ids["priya"]
        )
        desk.card(first)
        second = check_in(
            qtbot, kiosk, (home / "kiosk.db",), name="Kwame Mensah", purpose="delivery"
        )
        desk.card(second)
        hub.kill()
        banner = desk.item("offlineBanner")
        assert desk.text_in(banner, "offlineText") == (
            "Can't reach the front desk hub — trying again…"
        )
        assert desk.has_card(first) and desk.has_card(second)  # what was known stays on screen
        desk.screenshot("desk_offline")
        # While the desk is away: one visitor is welcomed elsewhere, a new one arrives.
        db = open_database(home / "kiosk.db")
        service = HubService(db, SETTINGS.policies)
        service.welcome(first, f"staff:{ids['ana']}")
        third = service.check_in("Yuki Tanaka", host_id=ids["jose"]).visit.id
        db.close()
        hub.start()
        qtbot.waitUntil(lambda: desk.find("offlineBanner") is None, timeout=15000)
        desk.card(third)
        qtbot.waitUntil(lambda: not desk.has_card(first), timeout=5000)
        assert desk.has_card(second)
        assert [r["visitId"] for r in desk.desk.queue.rows()] == [second, third]
        assert desk.console.tray.notices[-1][0] == "Yuki Tanaka is here"
    finally:
        kiosk.close()
        stop_desk(desk)
        hub.stop()


def test_the_desk_times_cards_by_the_hubs_targets_not_its_own(
    qtbot: QtBot, office: tuple[Path, dict[str, int]]
) -> None:
    hub_targets = Targets(acknowledge_s=30, welcome_s=120, escalation_repeat_s=30)
    hub = LocalHub(office[0], Settings(policies=Policies(targets=hub_targets)))
    try:
        driver = start_desk(
            qtbot, hub.client(DeviceRole.DESK), Settings(), receptionist_id=office[1]["sam"]
        )
        view_model = driver.console.view_model
        qtbot.waitUntil(lambda: view_model.acknowledgeTarget == 30, timeout=10000)
        assert view_model.welcomeTarget == 120
        stop_desk(driver)
    finally:
        hub.stop()


def test_targets_changed_elsewhere_reach_the_open_desk_at_once(
    qtbot: QtBot, desk: DeskDriver, local_hub: LocalHub
) -> None:
    other = local_hub.client(DeviceRole.DESK)  # another desk, or a manager
    qtbot.waitUntil(lambda: other.connected, timeout=5000)
    other.request("set_targets", acknowledge_s=30, welcome_s=90)
    view_model = desk.console.view_model
    qtbot.waitUntil(lambda: view_model.property("welcomeTarget") == 90, timeout=5000)
    assert view_model.property("acknowledgeTarget") == 30
    assert desk.text_in(desk.window.contentItem(), "targets") == (
        "Targets: answer within 0:30, welcome within 1:30."
    )
    other.close()


def test_staff_imported_while_a_desk_is_open_appear_on_it(
    qtbot: QtBot, desk: DeskDriver, office, tmp_path: Path
) -> None:
    desk.click("changeReceptionist")
    desk.item("receptionist_0")
    staff_file = tmp_path / "staff.csv"
    staff_file.write_text("name,role\nNadia Haddad,receptionist\n", encoding="utf-8")
    imported = subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", "import", str(staff_file)],
        env={**os.environ, "KIOSK_HOME": str(office[0].parent)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert imported.returncode == 0, imported.stderr
    staff = desk.console.view_model.person.staff
    qtbot.waitUntil(lambda: "Nadia Haddad" in [r["name"] for r in staff.rows()], timeout=10000)
    assert staff.rows()[0]["name"] == "Ana Lima"  # receptionists still first, by name
