"""The desk's on-site view: the list, the roll call, and the list on paper, from the last list
the hub gave, with the hub down too."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kiosk.app.printing import PrintError
from kiosk.viewmodels.desk_on_site import DeskOnSite, pdf_name, row_of
from tests.dashboard_fakes import FakeHub
from tests.desk_helpers import ask_through

AT = int(datetime(2026, 11, 24, 10, 42).timestamp() * 1000)
MARIA = {"visit_id": 3, "name": "Maria Garcia", "host": "Priya Raman", "state": "welcomed",
         "checked_in_at": AT - 3_600_000, "accounted": False}  # fmt: skip
KWAME = {"visit_id": 4, "name": "Kwame Mensah", "host": None, "state": "waiting",
         "checked_in_at": AT - 60_000, "accounted": False}  # fmt: skip
ROLL_CALL = {"started_at": AT, "started_by": "staff:1"}


def listing(*visits: dict, roll_call: dict | None = None) -> dict:
    return {"at": AT, "roll_call": roll_call, "visits": list(visits)}


def no_printer(*_args: object, **_kwargs: object) -> str:
    raise PrintError("No printer is set up on this computer.")


def view(hub: FakeHub, folder: Path, said: list[str], **services) -> DeskOnSite:
    on_site = DeskOnSite("Harbour Works", folder, said.append, **services)
    on_site.connected(ask_through(hub), lambda: {"staff_id": 7})
    hub.settle()
    return on_site


@pytest.mark.parametrize(
    ("visit", "expected"),
    [
        (MARIA, {"visitId": 3, "name": "Maria Garcia", "host": "Priya Raman", "since": "09:42",
                 "waiting": False, "accounted": False}),
        (KWAME, {"visitId": 4, "name": "Kwame Mensah", "host": "", "since": "10:41",
                 "waiting": True, "accounted": False}),
        (MARIA | {"accounted": True, "state": "acknowledged"},
         {"visitId": 3, "name": "Maria Garcia", "host": "Priya Raman", "since": "09:42",
          "waiting": True, "accounted": True}),
    ],
)  # fmt: skip
def test_rows(visit: dict, expected: dict) -> None:
    assert row_of(visit) == expected


def test_pdf_name() -> None:
    assert pdf_name(AT) == "On site 2026-11-24 10-42.pdf"


@pytest.mark.parametrize(
    ("visits", "headcount"),
    [((), "Nobody is checked in."), ((MARIA,), "1 person on site"),
     ((MARIA, KWAME), "2 people on site")],
)  # fmt: skip
def test_headcount(qapp, tmp_path: Path, visits: tuple, headcount: str) -> None:
    on_site = view(FakeHub({"on_site": listing(*visits)}), tmp_path, [])
    assert on_site.property("headcount") == headcount


def test_a_roll_call_from_start_to_end(qapp, tmp_path: Path) -> None:
    state: dict = {"roll_call": None, "accounted": set()}

    def now(_fields: dict) -> dict:
        visits = [v | {"accounted": v["visit_id"] in state["accounted"]} for v in (MARIA, KWAME)]
        return listing(*visits, roll_call=state["roll_call"])

    def start(_fields: dict) -> dict:
        state["roll_call"] = ROLL_CALL
        return {}

    def accounted(fields: dict) -> dict:
        state["accounted"].add(fields["visit_id"])
        return {}

    def end(_fields: dict) -> dict:
        state["roll_call"] = None
        return {}

    hub = FakeHub({"on_site": now, "start_roll_call": start, "accounted_for": accounted,
                   "end_roll_call": end})  # fmt: skip
    on_site = view(hub, tmp_path, [])
    assert not on_site.property("rollCall")
    on_site.startRollCall()
    hub.settle()
    assert hub.last("start_roll_call")[1] == {"staff_id": 7}
    assert on_site.property("rollCall")
    assert on_site.property("rollCallText") == "Roll call since 10:42: 0 of 2 accounted for"
    on_site.markAccounted(3)
    hub.settle()
    assert hub.last("accounted_for")[1] == {"visit_id": 3, "staff_id": 7}
    assert [r["accounted"] for r in on_site.rows.rows()] == [True, False]
    assert on_site.property("rollCallText").endswith("1 of 2 accounted for")
    on_site.endRollCall()  # Kwame is not accounted for: it asks first
    assert on_site.property("confirmingEnd")
    assert on_site.property("confirmText") == (
        "Not accounted for yet: 1. End the roll call all the same?"
    )
    on_site.confirmEnd(False)
    assert "end_roll_call" not in hub.commands()
    on_site.endRollCall()
    on_site.confirmEnd(True)
    hub.settle()
    assert not on_site.property("rollCall")
    assert [r["accounted"] for r in on_site.rows.rows()] == [False, False]


def test_another_desk_accounts_for_someone(qapp, tmp_path: Path) -> None:
    hub = FakeHub({"on_site": listing(MARIA, KWAME, roll_call=ROLL_CALL)})
    on_site = view(hub, tmp_path, [])
    on_site.accounted_for(4)
    assert [r["accounted"] for r in on_site.rows.rows()] == [False, True]
    on_site.roll_call_changed(None)  # ended elsewhere
    assert not on_site.property("rollCall")
    assert on_site.property("rollCallText") == ""


def wait_for_print(qtbot, on_site: DeskOnSite) -> None:
    qtbot.waitUntil(lambda: not on_site.property("busy"), timeout=3000)


@pytest.mark.parametrize(
    ("how", "printer", "said"),
    [
        ("printList", lambda *_a, **_k: "Laser", "The list is printing on Laser."),
        ("printList", no_printer, "No printer is set up on this computer. The list is saved as "),
        ("savePdf", no_printer, "The list is saved as "),
    ],
)  # fmt: skip
def test_printing(qtbot, tmp_path: Path, how: str, printer, said: str) -> None:
    heard: list[str] = []
    hub = FakeHub({"on_site": listing(MARIA, KWAME)})
    written: list[Path] = []
    on_site = view(hub, tmp_path, heard, printer=printer,
                   pdf_writer=lambda path, *_a, **_k: written.append(path) or 1)  # fmt: skip
    getattr(on_site, how)()
    assert on_site.property("busy")
    wait_for_print(qtbot, on_site)
    assert heard[-1].startswith(said)
    if how == "savePdf" or printer is no_printer:
        assert written == [tmp_path / pdf_name(AT)]


def test_a_pdf_that_cannot_be_written_is_a_sentence(qtbot, tmp_path: Path) -> None:
    heard: list[str] = []

    def full(*_args: object, **_kwargs: object) -> int:
        raise PrintError("The disk is full.")

    on_site = view(FakeHub({"on_site": listing(MARIA)}), tmp_path, heard, pdf_writer=full)
    on_site.savePdf()
    wait_for_print(qtbot, on_site)
    assert heard == ["The disk is full."]


def test_with_the_hub_down_the_last_list_prints_and_says_how_old_it_is(qapp, tmp_path) -> None:
    on_site = view(FakeHub({"on_site": listing(MARIA, KWAME)}), tmp_path, [])
    assert on_site.property("asOf") == "" and on_site.property("online")
    on_site.disconnected()
    assert not on_site.property("online")
    assert on_site.property("asOf") == "As of 10:42, the hub is not answering."
    paper = on_site.listing()
    assert paper.at == "As of 10:42, the hub is not answering."
    assert [p.name for p in paper.people] == ["Maria Garcia", "Kwame Mensah"]
    assert paper.title == "On site at Harbour Works"
