"""Exporting from the dashboard: pages from the hub written in a thread, whole or not at all."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.viewmodels.dashboard_export import DashboardExport, default_name, with_extension
from kiosk.viewmodels.dashboard_range import Days
from tests.dashboard_fakes import FakeHub, ask_through

DAYS = Days(date(2026, 11, 1), date(2026, 11, 24))
COLUMNS = ["visit_id", "visitor_name", "checked_in_at", "wait_s"]
WHEN = "2026-11-24T09:00:05+01:00"


def pages_of(count: int, *, hold_after: int | None = None):
    """export_rows answered from `count` made-up visits, in pages; from the page after visit
    `hold_after`, nothing is answered (the test answers, or cancels)."""

    def answer(fields: dict) -> dict | None:
        after, limit = fields["after"], fields["limit"]
        if hold_after is not None and after >= hold_after:
            return None
        ids = list(range(after + 1, min(after + limit, count) + 1))
        as_text = fields["csv"]
        rows = [[str(i), f"Visitor {i}", WHEN, "61.5"] if as_text else [i, f"Visitor {i}", WHEN,
                61.5] for i in ids]  # fmt: skip
        following = ids[-1] if ids and ids[-1] < count else None
        return {"columns": COLUMNS, "rows": rows, "next": following}

    return answer


def export_over(hub: FakeHub, folder: Path, total: int = 0) -> DashboardExport:
    export = DashboardExport(folder, DAYS)
    export.use(ask_through(hub), lambda _days: total)
    return export


def finish(qtbot: QtBot, export: DashboardExport) -> None:
    qtbot.waitUntil(lambda: not export.property("running"), timeout=10000)


def test_file_names_follow_the_days_and_the_format() -> None:
    assert default_name(DAYS, "csv") == "visits 2026-11-01 to 2026-11-24.csv"
    assert default_name(Days(DAYS.last, DAYS.last), "xlsx") == "visits 2026-11-24.xlsx"
    assert with_extension(Path("a/visits.csv"), "jsonl") == Path("a/visits.jsonl")
    assert with_extension(Path("a/visits.v2"), "csv") == Path("a/visits.v2.csv")


def test_a_csv_export_in_pages(qtbot: QtBot, tmp_path: Path) -> None:
    hub = FakeHub({"export_rows": pages_of(4500)})
    export = export_over(hub, tmp_path, total=4500)
    export.chooseAnonymous(True)
    export.start()
    finish(qtbot, export)
    out = tmp_path / "visits 2026-11-01 to 2026-11-24.csv"
    assert export.property("status") == f"Exported 4,500 visits to {out}."
    assert export.property("progress") == 1.0
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert (
        rows[0] == COLUMNS
        and len(rows) == 4501
        and rows[-1] == ["4500", "Visitor 4500", WHEN, "61.5"]
    )
    assert [f["after"] for _, c, f in hub.sent if c == "export_rows"] == [0, 2000, 4000]
    first = hub.sent[0][2]
    assert first == {"first": "2026-11-01", "last": "2026-11-24", "anonymous": True, "csv": True,
                     "after": 0, "limit": 2000}  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


def test_jsonl_keeps_numbers_as_numbers(qtbot: QtBot, tmp_path: Path) -> None:
    hub = FakeHub({"export_rows": pages_of(3)})
    export = export_over(hub, tmp_path)
    export.chooseFormat("jsonl")
    assert export.property("fileName").endswith("visits 2026-11-01 to 2026-11-24.jsonl")
    export.start()
    finish(qtbot, export)
    out = tmp_path / "visits 2026-11-01 to 2026-11-24.jsonl"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"visit_id": 1, "visitor_name": "Visitor 1", "checked_in_at": WHEN,
                        "wait_s": 61.5}  # fmt: skip
    assert hub.sent[0][2]["csv"] is False


def test_cancelled_midway_leaves_no_file(qtbot: QtBot, tmp_path: Path) -> None:
    hub = FakeHub({"export_rows": pages_of(10_000, hold_after=2000)})
    export = export_over(hub, tmp_path, total=10_000)
    export.start()
    qtbot.waitUntil(lambda: export.property("progress") > 0, timeout=5000)
    assert export.property("running")
    export.cancel()
    finish(qtbot, export)
    assert export.property("status") == "Export cancelled; no file was written."
    assert list(tmp_path.iterdir()) == []
    # The page asked for before the cancel arrives after it: nothing comes of it.
    request_id, _ = hub.last("export_rows")
    hub.reply(request_id, {"columns": COLUMNS, "rows": [["1", "x", WHEN, "1"]], "next": None})
    assert list(tmp_path.iterdir()) == []


def test_cancelled_before_the_first_page_leaves_the_old_file(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "visits.csv"
    out.write_text("kept\n")
    hub = FakeHub({"export_rows": pages_of(10, hold_after=0)})
    export = export_over(hub, tmp_path)
    export.nameFile(str(out))
    export.start()
    assert export.property("confirmingReplace")
    assert export.property("status") == f"{out} is there already. Replace it?"
    export.confirmReplace(True)
    assert export.property("running")
    export.cancel()
    assert export.property("status") == f"Export cancelled; {out} is as it was."
    assert out.read_text() == "kept\n" and list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize(
    ("fmt", "sentence", "content"),
    [
        ("csv", "Nobody checked in during these days: {out} holds the column headings only.",
         "\ufeffvisit_id,visitor_name,checked_in_at,wait_s\r\n"),
        ("jsonl", "Nobody checked in during these days: {out} is empty.", ""),
    ],
)  # fmt: skip
def test_an_empty_range_writes_headings_only_and_says_so(
    qtbot: QtBot, tmp_path: Path, fmt: str, sentence: str, content: str
) -> None:
    hub = FakeHub({"export_rows": pages_of(0)})
    export = export_over(hub, tmp_path)
    export.chooseFormat(fmt)
    export.start()
    finish(qtbot, export)
    out = tmp_path / f"visits 2026-11-01 to 2026-11-24.{fmt}"
    assert export.property("status") == sentence.format(out=out)
    assert out.read_bytes().decode("utf-8") == content


def test_a_refusal_from_the_hub_midway_is_said_and_leaves_no_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    hub = FakeHub({"export_rows": pages_of(5000, hold_after=2000)})
    export = export_over(hub, tmp_path)
    export.start()
    request_id, _ = hub.last("export_rows")
    hub.refuse(request_id, "Choose at most ten years at a time.", "bad_range")
    finish(qtbot, export)
    assert export.property("status") == "Choose at most ten years at a time."
    qtbot.waitUntil(lambda: list(tmp_path.iterdir()) == [], timeout=5000)


def test_more_visits_than_a_sheet_holds_are_refused_before_asking(tmp_path: Path, qapp) -> None:
    hub = FakeHub()
    export = export_over(hub, tmp_path, total=2_000_000)
    export.chooseFormat("xlsx")
    export.start()
    assert export.property("status") == (
        "These days have 2,000,000 visits, more than an Excel sheet can hold (1,048,575). "
        "Choose fewer days, or CSV or JSON Lines."
    )
    assert hub.sent == [] and not export.property("running")


def test_no_such_folder(tmp_path: Path, qapp) -> None:
    export = export_over(FakeHub(), tmp_path)
    export.nameFile(str(tmp_path / "missing" / "visits.csv"))
    export.start()
    assert export.property("status") == (
        f"There is no folder {tmp_path / 'missing'}; make it first, or write the export "
        "somewhere else."
    )


def test_a_name_without_folder_goes_to_the_default_folder_with_its_extension(
    qtbot: QtBot, tmp_path: Path
) -> None:
    hub = FakeHub({"export_rows": pages_of(1)})
    export = export_over(hub, tmp_path)
    export.chooseFormat("xlsx")
    export.nameFile("november")
    export.start()
    finish(qtbot, export)
    assert (tmp_path / "november.xlsx").exists()
    assert export.property("fileName") == str(tmp_path / "november.xlsx")
