"""What the desk's views beside the queue hear: the hosts banner, the kiosks' problems, and which
news refreshes which list."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.viewmodels.desk_panels import DeskPanels
from tests.dashboard_fakes import FakeHub
from tests.desk_helpers import ask_through

SENTENCE = "E-mails to hosts are not going out: the mail server refuses the password."


def panels_over(hub: FakeHub, tmp_path: Path) -> DeskPanels:
    panels = DeskPanels("Harbour Works", tmp_path, lambda _s: None)
    panels.connected(ask_through(hub), dict)
    hub.settle()
    return panels


def test_what_is_wrong_at_each_kiosk_is_a_line_of_its_own(qapp, tmp_path: Path) -> None:
    panels = panels_over(FakeHub(), tmp_path)
    stopped = "The printer Badges is stopped (Out of labels). Badges are not printing."
    missing = "There is no printer called “QL” on this computer."
    problems = [{"kiosk": "Lobby", "problem": stopped}, {"kiosk": "", "problem": missing}]
    panels.notice({"notice": "kiosks", "problems": problems})
    assert panels.property("kioskProblem") == (f"Lobby: {stopped}\nThe hub's own kiosk: {missing}")
    panels.queue({"visits": [], "kiosk_problems": []})  # the picture after a reconnect
    assert panels.property("kioskProblem") == ""
    panels.queue({"visits": [], "kiosk_problems": problems[:1]})
    assert panels.property("kioskProblem") == f"Lobby: {stopped}"


@pytest.mark.parametrize(
    ("status", "banner"),
    [
        ({"problem": "retrying", "message": SENTENCE}, SENTENCE),
        ({"problem": "given_up", "message": SENTENCE}, SENTENCE),
        ({"problem": "retrying", "message": ""},
         "Hosts can't be told of their visitors just now."),
        ({"problem": "", "message": "All well."}, ""),
        ({}, ""),
    ],
)  # fmt: skip
def test_the_hosts_banner(qapp, tmp_path: Path, status: dict, banner: str) -> None:
    panels = panels_over(FakeHub(), tmp_path)
    panels.notice({"notice": "host_messages", **status})
    assert panels.property("hostProblem") == banner
    panels.notice({"notice": "host_messages", "problem": ""})
    assert panels.property("hostProblem") == ""
    panels.queue({"visits": [], "host_messages": status})
    assert panels.property("hostProblem") == banner


@pytest.mark.parametrize(
    ("news", "asked"),
    [
        ({"type": "event", "event": "checked_in", "visit_id": 1}, ["on_site", "expected"]),
        ({"type": "event", "event": "departed", "visit_id": 1}, ["on_site"]),
        ({"type": "event", "event": "accounted_for", "visit_id": 1}, []),
        ({"type": "notice", "notice": "expected"}, ["expected"]),
        ({"type": "notice", "notice": "roll_call", "roll_call": None}, ["on_site"]),
        ({"type": "notice", "notice": "targets"}, []),
    ],
)
def test_news_refreshes_the_lists_it_changes(qtbot, tmp_path: Path, news: dict, asked) -> None:
    hub = FakeHub({"on_site": {"at": 0, "roll_call": None, "visits": []},
                   "expected": {"visits": []}})  # fmt: skip
    panels = panels_over(hub, tmp_path)
    before = len(hub.sent)
    if news["type"] == "event":
        panels.visit_news(news)
    else:
        panels.notice(news)
    qtbot.wait(400)  # a burst of news asks once, a moment later
    assert sorted(c for _, c, _ in hub.sent[before:]) == sorted(asked)
