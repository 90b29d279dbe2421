"""The dashboard's view model over a fake hub: what it asks, which answers count, what it says
when the hub is away, and how events keep its pages up to date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.viewmodels import dashboard as module
from kiosk.viewmodels.dashboard import DashboardViewModel
from tests.dashboard_fakes import FakeHub, figures_reply

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "OFFLINE_GRACE_MS", 20)
    monkeypatch.setattr(module, "ON_SITE_SETTLE_MS", 10)
    monkeypatch.setattr(module, "FIGURES_SETTLE_MS", 10)


def dashboard(tmp_path: Path, *, local: bool = True) -> DashboardViewModel:
    return DashboardViewModel("Harbour Works", tmp_path, local=local, today=lambda: TODAY)


def test_connected_it_asks_for_what_it_shows(qapp, tmp_path: Path) -> None:
    hub = FakeHub()
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    assert hub.commands() == ["figures", "on_site"]
    assert hub.sent[0][2] == {"first": "2026-10-26", "last": "2026-11-24"}
    assert view_model.property("updating")
    assert view_model.property("connected")
    # The follow-ups when their page opens, once for the days shown.
    view_model.show("follow_ups")
    view_model.show("figures")
    view_model.show("follow_ups")
    assert hub.commands() == ["figures", "on_site", "follow_ups"]
    assert hub.last("follow_ups")[1] == {"first": "2026-10-26", "last": "2026-11-24"}
    view_model.range.choose("today")
    assert hub.commands()[-2:] == ["figures", "follow_ups"]


def test_only_the_newest_range_is_shown(qapp, tmp_path: Path) -> None:
    hub = FakeHub()
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    view_model.range.choose("today")
    first_asked, _ = hub.last("figures")
    view_model.range.choose("week")
    newest, fields = hub.last("figures")
    assert fields == {"first": "2026-11-23", "last": "2026-11-24"}
    hub.reply(newest, figures_reply(visits=5))
    hub.reply(first_asked, figures_reply(visits=1))  # late, and no longer wanted
    assert view_model.figures.property("visits") == 5
    assert not view_model.property("updating")


def test_the_hub_away_on_this_computer_says_how_to_start_it(qtbot: QtBot, tmp_path: Path) -> None:
    view_model = dashboard(tmp_path, local=True)
    hub = FakeHub(connected=False)
    view_model.attach(hub)
    assert not view_model.property("offline")  # not straight away: it may be starting
    qtbot.waitUntil(lambda: view_model.property("offline"), timeout=2000)
    assert view_model.property("offlineText").startswith(
        "The hub is not running — start it with `kiosk run` or `kiosk hub`."
    )
    hub.go_online()
    assert not view_model.property("offline")
    assert hub.commands() == ["figures", "on_site"]


def test_a_hub_elsewhere_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    view_model = dashboard(tmp_path, local=False)
    view_model.attach(FakeHub(connected=False), "wss://192.168.1.20:8765")
    qtbot.waitUntil(lambda: view_model.property("offline"), timeout=2000)
    assert view_model.property("offlineText") == (
        "Can't reach the hub at 192.168.1.20:8765 — trying again…"
    )


def test_a_revoked_pairing_asks_to_pair_again(qapp, tmp_path: Path) -> None:
    view_model = dashboard(tmp_path, local=False)
    hub = FakeHub()
    view_model.attach(hub)
    hub.unauthorised.emit("This device's pairing is no longer valid. Pair it again.")
    assert view_model.property("screen") == "pairing"
    assert view_model.property("message") == (
        "This device's pairing is no longer valid. Pair it again."
    )
    view_model.dismissMessage()
    assert view_model.property("message") == ""


def test_arrivals_and_departures_refresh_who_is_on_site(qtbot: QtBot, tmp_path: Path) -> None:
    hub = FakeHub({"on_site": {"at": 0, "roll_call": None, "visits": []}})
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    hub.sent.clear()
    for seq, kind in enumerate(("checked_in", "checked_in", "departed"), start=1):
        hub.eventReceived.emit({"type": "event", "seq": seq, "event": kind, "visit_id": seq})
    # One request for the burst; and today's figures follow, a little later.
    qtbot.waitUntil(lambda: "figures" in hub.commands(), timeout=2000)
    assert hub.commands().count("on_site") == 1


def test_a_past_range_is_not_asked_again_for_todays_events(qtbot: QtBot, tmp_path: Path) -> None:
    hub = FakeHub({"on_site": {"at": 0, "roll_call": None, "visits": []}})
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    view_model.range.choose("custom")
    view_model.range.useTyped("2026-10-01", "2026-10-31")
    hub.sent.clear()
    hub.eventReceived.emit({"type": "event", "seq": 1, "event": "welcomed", "visit_id": 1})
    qtbot.waitUntil(lambda: "on_site" in hub.commands(), timeout=2000)
    qtbot.wait(50)
    assert "figures" not in hub.commands()


def test_a_roll_call_started_elsewhere_shows_here(qtbot: QtBot, tmp_path: Path) -> None:
    roll_call = {"started_at": 0, "started_by": "desk:1"}
    hub = FakeHub({"on_site": {"at": 0, "roll_call": None, "visits": []}})
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    hub.settle()
    hub.answers["on_site"] = {"at": 0, "roll_call": roll_call, "visits": []}
    hub.noticeReceived.emit({"type": "notice", "notice": "roll_call", "roll_call": roll_call})
    assert view_model.on_site.property("rollCall")


def test_new_targets_ask_for_the_figures_again(qapp, tmp_path: Path) -> None:
    hub = FakeHub()
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    hub.sent.clear()
    targets = {"acknowledge_s": 30, "welcome_s": 90, "escalation_repeat_s": 60}
    hub.noticeReceived.emit({"type": "notice", "notice": "targets", "targets": targets})
    assert hub.commands() == ["figures"]


def test_a_refusal_nobody_waits_for_is_said(qapp, tmp_path: Path) -> None:
    hub = FakeHub({"start_roll_call": "The hub could not write just now."})
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    view_model.on_site.startRollCall()
    hub.settle()
    assert view_model.property("message") == "The hub could not write just now."


def test_pages(qapp, tmp_path: Path) -> None:
    view_model = dashboard(tmp_path)
    assert view_model.property("view") == "figures"
    view_model.show("on_site")
    view_model.show("nowhere")
    assert view_model.property("view") == "on_site"


def test_todays_events_leave_a_note_being_typed_alone(qtbot: QtBot, tmp_path: Path) -> None:
    hub = FakeHub({"on_site": {"at": 0, "roll_call": None, "visits": []}})
    view_model = dashboard(tmp_path)
    view_model.attach(hub)
    view_model.show("follow_ups")
    hub.sent.clear()
    hub.eventReceived.emit({"type": "event", "seq": 1, "event": "welcomed", "visit_id": 1})
    qtbot.waitUntil(lambda: "figures" in hub.commands(), timeout=2000)
    assert "follow_ups" not in hub.commands()
