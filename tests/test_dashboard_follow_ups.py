"""Follow-ups: the rows a manager reads, and the note that someone followed up."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.viewmodels.dashboard_follow_ups import DashboardFollowUps, checked_note, row_of
from tests.dashboard_fakes import FakeHub, ask_through

AT = int(datetime(2026, 11, 24, 9, 42).timestamp() * 1000)
LONG_WAIT = {
    "visit_id": 7,
    "name": "Maria Garcia",
    "contact": "maria@example.com",
    "host": "Priya Raman",
    "checked_in_at": AT,
    "wait_s": 431,
    "left_unseen": False,
    "welcomed_by": "Sam Jones",
    "followed_up_at": None,
    "follow_up_note": None,
}
LEFT = LONG_WAIT | {"visit_id": 8, "name": "", "contact": None, "host": None, "wait_s": None,
                    "left_unseen": True, "welcomed_by": None}  # fmt: skip


def test_a_long_wait_as_its_row_says_it() -> None:
    assert row_of(LONG_WAIT) == {
        "visitId": 7,
        "name": "Maria Garcia",
        "contact": "maria@example.com",
        "host": "Priya Raman",
        "checkedIn": "Tue 24 Nov 2026, 09:42",
        "wait": "Waited 7 min 11 s",
        "leftUnseen": False,
        "welcomedBy": "Welcomed by Sam Jones",
        "followedUp": False,
        "followUp": "",
    }


def test_someone_who_left_unseen_and_was_erased() -> None:
    row = row_of(LEFT)
    assert (row["name"], row["contact"], row["wait"], row["welcomedBy"]) == (
        "(name erased)",
        "no contact given",
        "Left without being seen",
        "",
    )


def test_a_follow_up_made_shows_when_and_the_note() -> None:
    row = row_of(LONG_WAIT | {"followed_up_at": AT + 3_600_000, "follow_up_note": "Called"})
    assert row["followedUp"]
    assert row["followUp"] == "Followed up on Tue 24 Nov 2026, 10:42: Called"


@pytest.mark.parametrize(
    ("typed", "note"),
    [("  Called, apologised ", "Called, apologised"), ("", ""), ("x" * 200, "x" * 200)],
)
def test_notes_taken(typed: str, note: str) -> None:
    assert checked_note(typed) == note


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("x" * 201, "Keep the note to 200 characters; this one has 201."),
        ("Called\u202eevil", "A note can't contain control characters. Please type it again."),
        ("line\nbreak", "A note can't contain control characters. Please type it again."),
    ],
)
def test_notes_refused(typed: str, sentence: str) -> None:
    with pytest.raises(ValueError, match=sentence.replace("(", r"\(").replace(")", r"\)")):
        checked_note(typed)


def test_marking_followed_up_sends_the_note_and_shows_it(qapp) -> None:
    hub = FakeHub({"follow_up": lambda f: {"visit_id": f["visit_id"], "followed_up_at": AT}})
    page = DashboardFollowUps()
    page.use(ask_through(hub))
    page.show({"visits": [LONG_WAIT, LEFT], "more": False})
    assert page.property("summary") == "2 to follow up, 0 followed up already."
    page.markFollowedUp(7, " Called to apologise ")
    assert page.property("saving") == 7
    hub.settle()
    assert hub.last("follow_up")[1] == {"visit_id": 7, "note": "Called to apologise"}
    row = page.rows.row(0)
    assert row["followedUp"] and row["followUp"].endswith(": Called to apologise")
    assert page.property("summary") == "1 to follow up, 1 followed up already."
    assert page.property("saving") == 0


def test_a_refused_note_is_said_on_its_row_and_nothing_is_sent(qapp) -> None:
    hub = FakeHub()
    page = DashboardFollowUps()
    page.use(ask_through(hub))
    page.show({"visits": [LONG_WAIT], "more": True})
    page.markFollowedUp(7, "x" * 250)
    assert hub.sent == []
    assert page.property("noteErrorVisit") == 7
    assert page.property("noteError") == "Keep the note to 200 characters; this one has 250."
    assert page.property("more")


def test_the_hubs_refusal_is_said_on_the_row(qapp) -> None:
    hub = FakeHub({"follow_up": "This visit has already been followed up."})
    page = DashboardFollowUps()
    page.use(ask_through(hub))
    page.show({"visits": [LONG_WAIT], "more": False})
    page.markFollowedUp(7, "Called")
    hub.settle()
    assert page.property("noteError") == "This visit has already been followed up."
    assert page.property("saving") == 0


def test_nobody_to_follow_up(qapp) -> None:
    page = DashboardFollowUps()
    page.show({"visits": [], "more": False})
    assert page.property("summary") == (
        "Nobody waited past the welcome target or left unseen in these days."
    )
