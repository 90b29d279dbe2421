"""The Qt hub client against the hub running in its own thread, on a real database file."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.people import Role
from kiosk.hub.client import HubClient
from kiosk.hub.local import LocalHub
from kiosk.store.database import open_database, writing
from kiosk.store.people import add_staff
from kiosk.store.settings import Settings


@pytest.fixture
def local_hub(tmp_path: Path, qtbot: QtBot):
    path = tmp_path / "kiosk.db"
    db = open_database(path)
    with writing(db):
        add_staff(db, "Priya Raman")
        add_staff(db, "Sam Jones", Role.RECEPTIONIST)
    db.close()
    hub = LocalHub(path, Settings())
    yield hub
    hub.stop()


def ask(qtbot: QtBot, client: HubClient, command: str, **fields) -> dict:
    answers: list = []
    client.replied.connect(lambda i, result: answers.append((i, result)))
    client.refused.connect(lambda i, message: answers.append((i, message)))
    request_id = client.request(command, **fields)
    qtbot.waitUntil(lambda: any(i == request_id for i, _ in answers), timeout=5000)
    return next(answer for i, answer in answers if i == request_id)


def test_a_check_in_through_the_hub_thread(qtbot: QtBot, local_hub: LocalHub) -> None:
    client = local_hub.client()
    (priya,) = ask(qtbot, client, "find_hosts", text="pri")["hosts"]
    done = ask(qtbot, client, "check_in", name="Maria Garcia", host_id=priya["id"])
    assert done["first_name"] == "Maria" and done["returning"] is False
    assert len(done["visit"]) == 32  # the kiosk holds a handle to its visit, not its number
    refused = ask(qtbot, client, "check_in", name="   ", host_id=priya["id"])
    assert refused == "Please type your name."


def test_two_clients_get_their_own_answers(qtbot: QtBot, local_hub: LocalHub) -> None:
    kiosk, other = local_hub.client(), local_hub.client()
    stray: list = []
    other.replied.connect(lambda i, result: stray.append(i))
    assert ask(qtbot, kiosk, "find_hosts", text="sa")["hosts"][0]["name"] == "Sam Jones"
    assert stray == []


def test_a_busy_database_is_retried_until_the_check_in_lands(
    qtbot: QtBot, local_hub: LocalHub, tmp_path: Path
) -> None:
    client = local_hub.client()
    (priya,) = ask(qtbot, client, "find_hosts", text="pri")["hosts"]
    # Another program holds the write lock for longer than the hub's busy timeout.
    blocker = open_database(tmp_path / "kiosk.db")
    blocker.conn.execute("BEGIN EXCLUSIVE")
    states: list[bool] = []
    client.connectionChanged.connect(states.append)
    answers: list = []
    client.replied.connect(lambda i, result: answers.append(result))
    client.request("check_in", name="Maria Garcia", host_id=priya["id"])
    qtbot.waitUntil(lambda: states == [False], timeout=15000)
    blocker.conn.execute("ROLLBACK")
    blocker.close()
    qtbot.waitUntil(lambda: bool(answers), timeout=15000)
    assert [(a["first_name"], a["returning"]) for a in answers] == [("Maria", False)]
    assert states == [False, True]


def test_targets_set_at_a_desk_outlive_a_restart_of_the_hub(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.store.devices import DeviceRole
    from kiosk.store.settings import load_settings

    settings_file = tmp_path / "settings.toml"
    settings = load_settings(settings_file)
    hub = LocalHub(tmp_path / "kiosk.db", settings, settings_file=settings_file)
    try:
        desk = hub.client(DeviceRole.DESK)
        assert ask(qtbot, desk, "set_targets", acknowledge_s=45, welcome_s=150) == {
            "acknowledge_s": 45,
            "welcome_s": 150,
        }
        desk.close()
    finally:
        hub.stop()
    targets = load_settings(settings_file).policies.targets
    assert (targets.acknowledge_s, targets.welcome_s) == (45, 150)
