"""A new desk's first run: find the hub (in a worker thread), enter the code, keep the token."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.hub.discovery import FoundHub
from kiosk.launch.desk_console import open_desk
from kiosk.store.settings import Settings, load_settings
from kiosk.viewmodels.pairing import hub_url_from
from tests.desk_helpers import DeskDriver, stop_desk  # prepares Qt on import
from tests.hub_process import HubProcess


def test_addresses_as_people_type_them() -> None:
    assert hub_url_from("192.168.1.20") == "wss://192.168.1.20:8765"
    assert hub_url_from(" hub.local:9000 ") == "wss://hub.local:9000"
    assert hub_url_from("ws://10.0.0.5:8765/") == "wss://10.0.0.5:8765"  # only TLS is spoken
    assert hub_url_from("") == ""


def test_pairing_a_new_desk_finds_the_hub_and_keeps_the_token(
    qtbot: QtBot,
    office: dict,
    tmp_path: Path,
) -> None:
    hub = HubProcess(office["home"])
    hub.start()
    settings_file = tmp_path / "desk" / "settings.toml"
    load_settings(settings_file)  # the documented default file
    console = open_desk(
        None,
        Settings(),
        settings_file=settings_file,
        finder=lambda timeout_s, fingerprint: FoundHub("Harbour Works", hub.url, hub.fingerprint),
        quit_app=lambda: None,
    )
    desk = DeskDriver(qtbot, console)
    try:
        qtbot.waitUntil(lambda: console.pairing.property("address") == hub.url, timeout=5000)
        assert "Found Harbour Works" in desk.text_in(desk.window.contentItem(), "pairingStatus")
        desk.screenshot("desk_pairing")
        desk.item("pairingCode").setProperty("text", "123456")
        desk.click("pairButton")
        assert "12 letters and digits" in console.pairing.property("status")
        code = hub.pairing_code("desk")
        desk.item("pairingCode").setProperty("text", "ZZZZ-ZZZZ-ZZZZ")
        desk.click("pairButton")
        qtbot.waitUntil(lambda: "not right" in console.pairing.property("status"), timeout=10000)
        desk.item("pairingCode").setProperty("text", code.lower())  # as a person may type it
        desk.click("pairButton")
        qtbot.waitUntil(lambda: console.view_model.property("screen") == "who", timeout=10000)
        saved = load_settings(settings_file)
        assert saved.hub_url == hub.url and len(saved.device_token) > 20
        assert saved.hub_fingerprint == hub.fingerprint
        # Receptionists first (Sam Jones), then everyone else (Priya Raman), and "someone here".
        desk.item("receptionist_0")
        assert desk.item("receptionist_0").property("text") == "Sam Jones — reception"
        assert desk.item("receptionist_1").property("text") == "Priya Raman"
        assert desk.item("someoneHere").property("visible")
        desk.click("receptionist_0")
        qtbot.waitUntil(lambda: console.view_model.property("screen") == "console")
        assert "receptionist_id = " in settings_file.read_text()
    finally:
        stop_desk(desk)
        hub.stop()
