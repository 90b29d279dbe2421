"""The desk's expected-today view: the list, the form that expects a visitor, refusals said by
reason, and withdrawing an invitation, asking once."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.viewmodels.desk_expected import DeskExpected, at_ms, status_of
from tests.dashboard_fakes import FakeHub
from tests.desk_helpers import ask_through

NOW = datetime(2026, 11, 24, 9, 0).timestamp()
TEN_THIRTY = int(datetime(2026, 11, 24, 10, 30).timestamp() * 1000)
AIYANA = {"expected_id": 1, "name": "Aiyana Redcloud", "host": "Priya Raman",
          "expected_at": TEN_THIRTY, "note": "Prefers tea", "pronunciation": None,
          "code": "FDKI…", "visit_id": None, "arrival": None}  # fmt: skip
CAME = AIYANA | {"expected_id": 2, "visit_id": 9, "arrival": {"kind": "late", "minutes": 5}}


def view(hub: FakeHub, said: list[str] | None = None) -> DeskExpected:
    expected = DeskExpected((said if said is not None else []).append, clock=lambda: NOW)
    expected.connected(ask_through(hub))
    hub.settle()
    return expected


def tr(text: str) -> str:
    return text


@pytest.mark.parametrize(
    ("arrival", "said"),
    [
        (None, "Not yet"),
        ({"kind": "on_time", "minutes": 0}, "Came on time"),
        ({"kind": "early", "minutes": 12}, "Came 12 min early"),
        ({"kind": "late", "minutes": 5}, "Came 5 min late"),
    ],
)
def test_status(arrival: dict | None, said: str) -> None:
    assert status_of({"arrival": arrival}, tr) == said


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("10:30", TEN_THIRTY),
        ("10.30", TEN_THIRTY),
        (" 10:30 ", TEN_THIRTY),
        ("9:05", int(datetime(2026, 11, 24, 9, 5).timestamp() * 1000)),
        ("24:00", None),
        ("10:60", None),
        ("10:3", None),
        ("half ten", None),
        ("", None),
    ],
)
def test_times(clock: str, expected: int | None) -> None:
    assert at_ms(date(2026, 11, 24), clock) == expected


def test_the_list(qapp) -> None:
    expected = view(FakeHub({"expected": {"day": "2026-11-24", "visits": [AIYANA, CAME]}}))
    rows = expected.rows.rows()
    assert rows[0] == {"expectedId": 1, "time": "10:30", "name": "Aiyana Redcloud",
                       "host": "Priya Raman", "note": "Prefers tea", "status": "Not yet",
                       "arrived": False, "withdrawable": True}  # fmt: skip
    assert rows[1]["status"] == "Came 5 min late"
    assert not rows[1]["withdrawable"]
    days = [r["label"] for r in expected.days.rows()]
    assert days[:3] == ["Today", "Tomorrow", "Thu 26 Nov"] and len(days) == 14


FORM = {"name": "Aiyana Redcloud", "email": "", "host_id": 3, "day_index": 0,
        "clock": "10:30", "note": "Prefers tea", "pronunciation": ""}  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"name": "  "}, "Please type the visitor's name."),
        ({"host_id": 0}, "Please choose whom they are visiting."),
        ({"clock": "half ten"}, "Please give the time as hours and minutes, like 14:30."),
    ],
)
def test_the_form_says_what_is_missing_before_asking(qapp, changes: dict, error: str) -> None:
    hub = FakeHub({"expected": {"visits": []}})
    expected = view(hub)
    expected.expect(*(FORM | changes).values())
    assert expected.property("formError") == error
    assert "expect" not in hub.commands()


def test_expecting_a_visitor(qapp) -> None:
    hub = FakeHub({"expected": {"visits": []}, "expect": {"expected_id": 1, "code": "FDKIABC"}})
    expected = view(hub)
    expected.expect(*(FORM | {"day_index": 1, "pronunciation": " "}).values())
    hub.settle()
    tomorrow = int(datetime(2026, 11, 25, 10, 30).timestamp() * 1000)
    assert hub.last("expect")[1] == {"name": "Aiyana Redcloud", "host_id": 3, "at": tomorrow,
                                     "note": "Prefers tea"}  # fmt: skip
    assert expected.property("invited") == (
        "Aiyana Redcloud is expected. Their invitation code: FDKIABC"
    )
    assert hub.commands().count("expected") == 2  # the list again
    expected.clearForm()
    assert expected.property("invited") == ""


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("invalid_email", "That e-mail address doesn't look right; check it."),
        ("host_gone", "That host is no longer on the staff list; choose another."),
        ("name_too_long", "That name is too long; please shorten it."),
        ("invalid_note", "The note holds a character that can't be used; retype it."),
        ("invalid_pronunciation",
         "The pronunciation holds a character that can't be used; retype it."),
        ("something_new", "The hub's own sentence."),
    ],
)  # fmt: skip
def test_refusals_are_said_by_reason(qapp, reason: str, said: str) -> None:
    hub = FakeHub({"expected": {"visits": []}})
    expected = view(hub)
    expected.expect(*FORM.values())
    hub.refuse(hub.last("expect")[0], "The hub's own sentence.", reason)
    assert expected.property("formError") == said


def test_withdrawing_asks_once(qapp) -> None:
    said: list[str] = []
    hub = FakeHub({"expected": {"visits": [AIYANA]}})
    expected = view(hub, said)
    expected.withdraw(1)
    assert expected.property("confirmingWithdraw") == 1
    expected.confirmWithdraw(False)
    assert expected.property("confirmingWithdraw") == 0
    assert "withdraw_invitation" not in hub.commands()
    expected.withdraw(1)
    expected.confirmWithdraw(True)
    assert hub.last("withdraw_invitation")[1] == {"expected_id": 1}
    hub.refuse(hub.last("withdraw_invitation")[0], "Used already.", "not_now")
    assert said == ["That invitation has been used or withdrawn already."]


def test_an_invitation_sent_by_e_mail_is_not_shown_on_the_desk(qapp) -> None:
    reply = {"expected_id": 1, "code": "FDKIABC", "mailed": True}
    hub = FakeHub({"expected": {"visits": []}, "expect": reply})
    expected = view(hub)
    expected.expect(*(FORM | {"day_index": 1, "email": "aiyana@example.com"}).values())
    hub.settle()
    assert expected.property("invited") == (
        "Aiyana Redcloud is expected, and their invitation is on its way by e-mail."
    )
