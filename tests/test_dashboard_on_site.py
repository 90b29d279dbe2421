"""On site now: the list, the roll call, and the list written for an evacuation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.app.printing import PrintError
from kiosk.viewmodels.dashboard_on_site import DashboardOnSite, pdf_name, row_of
from tests.dashboard_fakes import FakeHub, ask_through

AT = int(datetime(2026, 11, 24, 10, 42).timestamp() * 1000)
MARIA = {"visit_id": 3, "name": "Maria Garcia", "host": "Priya Raman", "state": "welcomed",
         "checked_in_at": AT - 3_600_000, "accounted": False}  # fmt: skip
KWAME = {"visit_id": 4, "name": "Kwame Mensah", "host": None, "state": "waiting",
         "checked_in_at": AT - 60_000, "accounted": False}  # fmt: skip
ROLL_CALL = {"started_at": AT, "started_by": "manager:local"}


def on_site(*visits: dict, roll_call: dict | None = None) -> dict:
    return {"at": AT, "roll_call": roll_call, "visits": list(visits)}


def no_printer(*_args: object, **_kwargs: object) -> str:
    raise PrintError("No printer is set up on this computer.")


def page_over(hub: FakeHub, folder: Path, said: list[str], printer=no_printer) -> DashboardOnSite:
    page = DashboardOnSite("Harbour Works", folder, said.append, printer=printer)
    page.use(ask_through(hub))
    return page


def test_rows() -> None:
    assert row_of(MARIA) == {"visitId": 3, "name": "Maria Garcia", "host": "Priya Raman",
                             "since": "09:42", "status": "With their host",
                             "accounted": False}  # fmt: skip
    assert row_of(KWAME)["host"] == "no host"
    assert row_of(KWAME)["status"] == "Waiting at reception"
    assert pdf_name(AT) == "On site 2026-11-24 10-42.pdf"


def test_a_roll_call_from_start_to_end(qapp, tmp_path: Path) -> None:
    state = {"roll_call": None, "accounted": set()}

    def listing(_fields: dict) -> dict:
        visits = [v | {"accounted": v["visit_id"] in state["accounted"]} for v in (MARIA, KWAME)]
        return on_site(*visits, roll_call=state["roll_call"])

    def start(_fields: dict) -> dict:
        state["roll_call"] = ROLL_CALL
        return {}

    def accounted(fields: dict) -> dict:
        state["accounted"].add(fields["visit_id"])
        return {}

    hub = FakeHub({"on_site": listing, "start_roll_call": start, "accounted_for": accounted,
                   "end_roll_call": lambda _f: {}})  # fmt: skip
    page = page_over(hub, tmp_path, [])
    page.refresh()
    hub.settle()
    assert page.property("headcount") == "2 people on site"
    assert not page.property("rollCall")
    page.startRollCall()
    hub.settle()
    assert page.property("rollCall")
    assert page.property("rollCallText") == "Roll call started at 10:42: 0 of 2 accounted for."
    page.markAccounted(3)
    hub.settle()
    assert hub.last("accounted_for")[1] == {"visit_id": 3}
    assert [r["accounted"] for r in page.rows.rows()] == [True, False]
    assert page.property("rollCallText").endswith("1 of 2 accounted for.")
    # Someone is not accounted for: ending asks first.
    page.endRollCall()
    assert page.property("confirmingEnd")
    assert page.property("confirmText") == (
        "1 person not accounted for yet. End the roll call all the same?"
    )
    assert "end_roll_call" not in hub.commands()
    page.confirmEnd(False)
    assert not page.property("confirmingEnd") and page.property("rollCall")
    page.endRollCall()
    page.confirmEnd(True)
    hub.settle()
    assert "end_roll_call" in hub.commands()


def test_news_from_other_desks_reaches_the_list(qapp, tmp_path: Path) -> None:
    hub = FakeHub({"on_site": on_site(MARIA, KWAME, roll_call=ROLL_CALL)})
    page = page_over(hub, tmp_path, [])
    page.refresh()
    hub.settle()
    page.accounted_for(4)
    assert [r["accounted"] for r in page.rows.rows()] == [False, True]
    page.roll_call_changed(None)
    assert not page.property("rollCall")
    assert [r["accounted"] for r in page.rows.rows()] == [False, False]


def test_nobody_on_site(qapp, tmp_path: Path) -> None:
    hub = FakeHub({"on_site": on_site()})
    page = page_over(hub, tmp_path, [])
    page.refresh()
    hub.settle()
    assert page.property("headcount") == "Nobody is checked in."


def test_the_pdf_holds_the_list_as_the_hub_has_it_now(qapp, tmp_path: Path) -> None:
    answers = iter([on_site(MARIA), on_site(MARIA, KWAME, roll_call=ROLL_CALL)])
    hub = FakeHub({"on_site": lambda _f: next(answers)})
    said: list[str] = []
    page = page_over(hub, tmp_path, said)
    page.refresh()
    hub.settle()
    page.savePdf()  # asks the hub again: Kwame has just arrived
    hub.settle()
    pdf = tmp_path / "On site 2026-11-24 10-42.pdf"
    assert said == [f"The list is saved as {pdf}."]
    assert pdf.read_bytes().startswith(b"%PDF")
    listing = page.listing()
    assert [p.name for p in listing.people] == ["Maria Garcia", "Kwame Mensah"]
    assert listing.roll_call == "Roll call started at 10:42: 0 of 2 accounted for."


def test_with_no_printer_the_list_is_saved_as_a_pdf_and_says_so(qapp, tmp_path: Path) -> None:
    hub = FakeHub({"on_site": on_site(MARIA)})
    said: list[str] = []
    page = page_over(hub, tmp_path, said)
    page.printList()
    hub.settle()
    pdf = tmp_path / "On site 2026-11-24 10-42.pdf"
    assert said == [f"No printer is set up on this computer. The list is saved as {pdf} instead."]
    assert pdf.exists()


def test_printed_on_the_printer(qapp, tmp_path: Path) -> None:
    printed: list[str] = []

    def printer(printout, *, title: str) -> str:
        printed.append(title)
        return "Front office laser"

    hub = FakeHub({"on_site": on_site(MARIA, KWAME)})
    said: list[str] = []
    page = page_over(hub, tmp_path, said, printer)
    page.printList()
    hub.settle()
    assert printed == ["On site at Harbour Works"]
    assert said == ["The list of 2 people is printing on Front office laser."]
    assert list(tmp_path.iterdir()) == []
