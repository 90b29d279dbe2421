"""The dashboard and a `kiosk hub` in a process of its own: on the hub's computer it waits,
saying how to start the hub, and connects once the hub is up; on another computer it pairs as a
manager with a code and keeps the pairing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.store.settings import Paths, Settings, load_settings
from tests.dashboard_helpers import (  # prepares Qt on import
    qt_ends_before_the_display,  # noqa: F401 (a fixture: see its docstring)
    start_dashboard,
    stop_dashboard,
)
from tests.hub_process import HubProcess


def test_no_hub_yet_then_it_connects_when_the_hub_starts(
    qtbot: QtBot, office: dict, tmp_path: Path
) -> None:
    hub = HubProcess(office["home"])  # this computer's hub, not started yet
    settings = Settings(site_name="Harbour Works", hub_port=hub.port, hub_listen="127.0.0.1")
    paths = Paths.resolve(office["home"])
    dashboard = start_dashboard(qtbot, None, tmp_path, settings=settings, paths=paths,
                                wait_connected=False)  # fmt: skip
    try:
        banner = dashboard.item("offlineText", timeout=10000)
        assert banner.property("text") == (
            "The hub is not running — start it with `kiosk run` or `kiosk hub`. The dashboard "
            "connects as soon as it is up."
        )
        assert dashboard.text_of("connectionState") == "○ Not connected"
        dashboard.screenshot("dashboard-1280x800-no-hub")
        hub.start()
        qtbot.waitUntil(lambda: dashboard.view_model.property("connected"), timeout=20000)
        dashboard.wait_figures()
        assert dashboard.find("offlineText") is None
        assert dashboard.text_of("connectionState") == "● Connected"
        hub.kill()
        dashboard.item("offlineText", timeout=10000)
    finally:
        stop_dashboard(dashboard)
        hub.stop()


def test_elsewhere_it_pairs_as_a_manager_and_remembers(
    qtbot: QtBot, hub_process: HubProcess, tmp_path: Path
) -> None:
    elsewhere = Paths.resolve(tmp_path / "managers-pc")  # no database: not the hub's computer
    settings = load_settings(elsewhere.settings_file)
    dashboard = start_dashboard(qtbot, None, tmp_path, settings=settings, paths=elsewhere,
                                wait_connected=False)  # fmt: skip
    try:
        assert dashboard.view_model.property("screen") == "pairing"
        dashboard.type_into("pairingCode", "1234")
        dashboard.type_into("hubAddress", f"127.0.0.1:{hub_process.port}")
        dashboard.click("pairButton")
        assert dashboard.text_of("pairingStatus").startswith("A pairing code has 12 letters")
        dashboard.screenshot("dashboard-1280x800-pairing")
        dashboard.type_into("pairingCode", hub_process.pairing_code("manager"))
        dashboard.click("pairButton")
        qtbot.waitUntil(lambda: dashboard.view_model.property("connected"), timeout=20000)
        dashboard.wait_figures()
    finally:
        stop_dashboard(dashboard)
    kept = load_settings(elsewhere.settings_file)  # as `kiosk dashboard` reads it next time
    assert kept.dashboard is not None and kept.dashboard.fingerprint == hub_process.fingerprint
    assert kept.device_token == ""  # a desk's pairing apart
    again = start_dashboard(qtbot, None, tmp_path, settings=kept, paths=elsewhere)
    try:
        assert again.view_model.property("screen") == "dashboard"
        again.wait_figures()
    finally:
        stop_dashboard(again)
