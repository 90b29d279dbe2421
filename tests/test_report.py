"""`kiosk report` as a manager runs it on the hub's computer, with the hub running or not."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from kiosk.core.policies import Targets
from kiosk.store.database import open_database
from kiosk.store.stats import WaitCounts
from tests.hub_process import HubProcess, kiosk_command

HEADLINE = {"from", "to", "visits", "wait_median_s", "wait_p90_s", "within_target_share",
            "acknowledge_median_s", "left_unseen"}  # fmt: skip


def _seeded(home: Path) -> None:
    seeded = kiosk_command(home, "seed", "--visits", "2000")
    assert seeded.returncode == 0, seeded.stderr


def test_the_json_report_is_one_object_with_the_figures(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _seeded(home)
    last = date.today()
    first = last - timedelta(days=29)
    printed = kiosk_command(home, "report", "--from", str(first), "--to", str(last),
                            "--format", "json")  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    report = json.loads(printed.stdout)  # stdout holds the object and nothing else
    assert set(report) == HEADLINE | {"previous", "by_hour"}
    assert set(report["previous"]) == HEADLINE
    db = open_database(home / "kiosk.db")
    counts = WaitCounts(db, Targets())
    now, before = counts.figures(first, last), counts.previous(first, last)
    assert (report["from"], report["to"]) == (str(first), str(last))
    assert report["visits"] == now.visits > 0
    assert (report["wait_median_s"], report["wait_p90_s"]) == (now.wait.median, now.wait.p90)
    assert report["within_target_share"] == now.wait.within_target
    assert report["acknowledge_median_s"] == now.acknowledge.median
    assert report["left_unseen"] == now.left_unseen
    assert report["previous"]["to"] == str(first - timedelta(days=1))
    assert report["previous"]["visits"] == before.visits
    hours = counts.by_hour(first, last)
    assert [h["hour"] for h in report["by_hour"]] == list(hours)
    assert sum(h["visits"] for h in report["by_hour"]) == report["visits"]
    assert report["by_hour"][0]["wait_median_s"] == next(iter(hours.values())).wait.median
    db.close()


def test_the_text_report_reads_as_a_table(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _seeded(home)
    today = str(date.today())
    printed = kiosk_command(home, "report", "--from", "2000-01-01", "--to", today)
    assert printed.returncode == 0, printed.stderr
    for line in ("Visits", "Median wait", "90% welcomed within", "Welcomed within 3 min",
                 "Median time to acknowledge", "Left without being seen", "By hour of check-in",
                 "09:00"):  # fmt: skip
        assert line in printed.stdout


def test_a_range_nobody_visited_says_so(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _seeded(home)
    printed = kiosk_command(home, "report", "--from", "1999-01-01", "--to", "1999-01-31")
    assert printed.returncode == 0, printed.stderr
    assert "Nobody checked in during these days." in printed.stdout
    as_json = kiosk_command(home, "report", "--from", "1999-01-01", "--to", "1999-01-31",
                            "--format", "json")  # fmt: skip
    report = json.loads(as_json.stdout)
    assert (report["visits"], report["wait_median_s"], report["by_hour"]) == (0, None, [])


def test_bad_dates_get_one_clear_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _seeded(home)
    for args, words in [
        (("--from", "yesterday", "--to", "2026-01-01"), "is not a date"),
        (("--from", "2026-02-01", "--to", "2026-01-01"), "The last day comes before the first"),
    ]:
        printed = kiosk_command(home, "report", *args)
        assert printed.returncode != 0
        assert words in printed.stderr and "Traceback" not in printed.stderr


def test_the_report_works_while_the_hub_runs(office: dict) -> None:
    _seeded(office["home"])
    hub = HubProcess(office["home"])
    hub.start()
    try:
        printed = kiosk_command(office["home"], "report", "--from", "2000-01-01",
                                "--to", str(date.today()), "--format", "json")  # fmt: skip
    finally:
        hub.stop()
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout)["visits"] == 2000


def test_onsite_lists_who_is_in_the_building_and_the_roll_call(tmp_path: Path) -> None:
    from kiosk.core.policies import Policies
    from kiosk.core.purposes import Purpose
    from kiosk.hub.service import HubService
    from kiosk.store import roll_calls
    from kiosk.store.database import writing

    home = tmp_path / "home"
    db = open_database(home / "kiosk.db")
    assert "Nobody is on site" in kiosk_command(home, "onsite").stdout
    hub = HubService(db, Policies())
    _, bo, cy = (hub.check_in(n, purpose=Purpose.DELIVERY).visit.id
                 for n in ("Ada Byron", "Bo Chen", "Cy Twombly"))  # fmt: skip
    hub.check_out(cy)
    with writing(db):
        roll_calls.start(db, hub.now_ms(), "desk:1")
    hub.accounted_for(bo, "desk:1")
    db.close()
    printed = kiosk_command(home, "onsite")
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.splitlines()
    assert "2 people" in lines[0] and "1 of 2 accounted for" in lines[1]
    listed = [line for line in lines if "Ada Byron" in line or "Bo Chen" in line]
    assert len(listed) == 2 and "accounted" in listed[1] and "accounted" not in listed[0]
    assert "Cy Twombly" not in printed.stdout
