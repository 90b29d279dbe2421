"""Forgetting a visitor on request, and the retention purge: what a person typed leaves every
table and the file itself, while the times of their visits stay in the figures."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.core.people import staff_actor
from kiosk.core.policies import Policies
from kiosk.hub.service import DAY_MS, HubService, wall_clock_ms
from kiosk.store import audit, people, visits
from kiosk.store.database import open_database, writing
from kiosk.store.export import export_visits
from tests.conftest import FakeClock
from tests.test_cli_local_state import a_good_home

# What Zebulon typed at the kiosk, and the key his name is found by: none of it may remain.
NAME = "Zébulon Quackenbush"
TYPED = (NAME, "zebulon quackenbush", "zeb@quack.example", "ZEB-you-lon")


def kiosk(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_HOME": str(home)},
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        timeout=120,
    )


def morning_days_ago(days: int) -> FakeClock:
    """A clock at 9 o'clock (UTC) `days` ago: a visit that takes an hour and a bit then ends
    before the site's closing time, whatever the time of day the test runs."""
    today = datetime.fromtimestamp(wall_clock_ms() / 1000, UTC).date()
    morning = datetime(today.year, today.month, today.day, 9, tzinfo=UTC)
    return FakeClock(int(morning.timestamp() * 1000) - days * DAY_MS)


def visit_like_zebulon(hub: HubService, clock: FakeClock, staff: dict[str, int]) -> int:
    """Every step a visit can take, for a visitor who gave a contact and a pronunciation."""
    done = hub.check_in(
        NAME,
        host_id=staff["priya"],
        contact="zeb@quack.example",
        pronunciation="ZEB-you-lon",
        kiosk="lobby",
        key="lobby:k-0001",
    )
    clock.advance(2)
    hub.note_alerted(done.visit.id, "front desk")
    clock.advance(400)  # long enough to escalate
    hub.tick()
    hub.acknowledge(done.visit.id, staff_actor(staff["sam"]))
    clock.advance(30)
    hub.welcome(done.visit.id, staff_actor(staff["sam"]))
    clock.advance(3600)
    hub.check_out(done.visit.id)
    hub.rate_welcome(done.visit.id, 5)
    return done.visitor.id


def every_text(db: Database) -> str:
    """Everything stored in every column of every table, as one text."""
    found = []
    for table in db.table_names():
        for row in db.execute(f"SELECT * FROM [{table}]"):
            found += [str(value) for value in row if value is not None]
    return "\n".join(found)


def file_bytes(database: Path) -> bytes:
    """The database file and its write-ahead log, as anyone with a copy would read them."""
    return b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))


def assert_nothing_typed_remains(db: Database, database: Path | None = None) -> None:
    stored = every_text(db)
    for typed in TYPED:
        assert typed not in stored, typed
        if database is not None:
            assert typed.encode() not in file_bytes(database), typed


# --- where personal data is kept --------------------------------------------------------------


def test_every_table_is_placed_as_erased_or_kept(db: Database) -> None:
    """A new table must say whether it holds a visitor's personal data before it can be added."""
    tables = {t for t in db.table_names() if not t.startswith("sqlite_")}
    assert tables == set(people.PERSONAL_DATA)
    erased = {t for t, why in people.PERSONAL_DATA.items() if why.startswith("erased")}
    assert erased == {"visitors", "follow_up_notes", "expected_visits", "outbox"}


def test_the_log_and_the_audit_hold_nothing_a_visitor_typed(
    db: Database, hub: HubService, clock: FakeClock, staff
) -> None:
    visit_like_zebulon(hub, clock, staff)
    kept = "\n".join(
        str(v)
        for table in ("visits", "events", "audit", "devices", "pairing_code")
        for row in db.execute(f"SELECT * FROM [{table}]")
        for v in row
    )
    assert "escalated" in kept and "lobby:k-0001" in kept  # the log really was read
    for typed in TYPED:
        assert typed not in kept, typed


# --- forgetting one visitor -------------------------------------------------------------------


def test_forgetting_erases_the_person_and_keeps_the_times(
    db: Database, hub: HubService, clock: FakeClock, staff, tmp_path: Path
) -> None:
    zebulon = visit_like_zebulon(hub, clock, staff)
    clock.advance(86_400)
    hub.check_in(NAME, host_id=staff["jose"], visitor_id=zebulon)  # a second visit
    other = hub.check_in("Maria Garcia", host_id=staff["priya"], contact="maria@example.com")
    before = [asdict(v) for v in visits.all_visits(db)]
    with writing(db):
        forgotten = people.forget_visitor(db, zebulon)
    people.flush_erased(db)
    assert forgotten is not None and forgotten.contact == "zeb@quack.example"
    assert people.get_visitor(db, zebulon) is None
    assert people.get_visitor(db, other.visitor.id) is not None
    assert [asdict(v) for v in visits.all_visits(db)] == before  # every time and wait kept
    assert visits.rebuild_visits(db) == visits.all_visits(db)
    assert_nothing_typed_remains(db, tmp_path / "kiosk.db")
    export_visits(db, 0, 2**62, None, tmp_path / "visits.csv")
    assert "Quackenbush" not in (tmp_path / "visits.csv").read_text(encoding="utf-8-sig")
    with writing(db):
        assert people.forget_visitor(db, zebulon) is None  # nobody left to forget


def test_a_forgotten_visitors_number_is_never_given_to_another(
    db: Database, hub: HubService, staff
) -> None:
    """SQLite would give the last erased visitor's number to the next visitor, and with it the
    erased visitor's history on the desk card."""
    gone = hub.check_in(NAME, host_id=staff["priya"])
    with writing(db):
        people.forget_visitor(db, gone.visitor.id)
    newcomer = hub.check_in("Ana Lima", host_id=staff["priya"])
    assert newcomer.visitor.id != gone.visitor.id
    assert hub.earlier_visit(newcomer.visit) is None
    assert hub.earlier_visit_count(newcomer.visit) == 0


# --- the retention purge ----------------------------------------------------------------------


def test_the_purge_leaves_nothing_typed_in_any_table_or_the_file(
    db: Database, clock: FakeClock, staff, tmp_path: Path
) -> None:
    hub = HubService(db, Policies(retention_days=30), clock=clock, tz=UTC)
    visit_like_zebulon(hub, clock, staff)
    clock.advance(31 * 86_400)
    assert hub.purge() == 1
    people.flush_erased(db)
    assert_nothing_typed_remains(db, tmp_path / "kiosk.db")
    assert db["visits"].count == 1 and db["events"].count >= 7


def test_kiosk_purge_empties_the_log_of_what_it_erased(tmp_path: Path) -> None:
    home = a_good_home(tmp_path / "home")
    db = open_database(home / "kiosk.db")
    with writing(db):
        staff = {
            "priya": people.add_staff(db, "Priya Raman"),
            "sam": people.add_staff(db, "Sam Jones"),
            "jose": people.add_staff(db, "José Núñez"),
        }
    clock = morning_days_ago(120)  # older than the 90 days kept
    visit_like_zebulon(HubService(db, Policies(), clock=clock, tz=UTC), clock, staff)
    db.close()  # the file as a running kiosk leaves it: the name in the log and the file
    result = kiosk(home, "purge")
    assert result.returncode == 0, result.stderr
    assert "Erased the names and contacts of 1 visitors" in result.stdout
    db = open_database(home / "kiosk.db")
    assert_nothing_typed_remains(db, home / "kiosk.db")
    db.close()


# --- `kiosk forget` ---------------------------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A kiosk home where Zebulon has visited twice, two Maria Garcias once each."""
    home = a_good_home(tmp_path / "home")
    db = open_database(home / "kiosk.db")
    with writing(db):
        staff = {
            "priya": people.add_staff(db, "Priya Raman"),
            "sam": people.add_staff(db, "Sam Jones"),
            "jose": people.add_staff(db, "José Núñez"),
        }
    clock = morning_days_ago(3)
    hub = HubService(db, Policies(), clock=clock, tz=UTC)
    zebulon = visit_like_zebulon(hub, clock, staff)
    hub.check_in(NAME, host_id=staff["jose"], visitor_id=zebulon)
    hub.check_in("María García", host_id=staff["priya"], contact="maria@example.com")
    clock.advance(DAY_MS)
    hub.check_in("Maria Garcia", host_id=staff["priya"], contact="m.garcia@example.org")
    db.close()
    return home


def _visitors(home: Path) -> dict[int, str]:
    db = open_database(home / "kiosk.db")
    try:
        return dict(db.execute("SELECT id, name FROM visitors").fetchall())
    finally:
        db.close()


def _day(at_ms: int) -> str:
    return f"{datetime.fromtimestamp(at_ms / 1000).astimezone():%Y-%m-%d}"


def test_forget_by_name_erases_them_says_what_and_audits_without_the_name(home: Path) -> None:
    (zebulon,) = [i for i, name in _visitors(home).items() if name == NAME]
    running_hub = open_database(home / "kiosk.db")  # keeps the log from going with the command
    assert running_hub["visitors"].count == 3
    result = kiosk(home, "forget", "zebulon QUACKENBUSH", "--yes")
    assert result.returncode == 0, result.stderr
    for typed in TYPED:
        assert typed.encode() not in file_bytes(home / "kiosk.db"), typed
    running_hub.close()
    assert result.stdout == (
        f"Forgot visitor {zebulon}: erased their name, contact and pronunciation, and what the "
        "desk remembered of them. The times of their 2 visits stay in the figures, with no "
        "name.\n"
    )
    assert zebulon not in _visitors(home) and len(_visitors(home)) == 2
    db = open_database(home / "kiosk.db")
    try:
        assert_nothing_typed_remains(db, home / "kiosk.db")
        entry = audit.last(db, "visitor_forgotten")
        assert entry is not None and entry.detail == {"visitor": zebulon}
        assert db.execute("SELECT count(*) FROM visits WHERE visitor_id = ?", [zebulon]).fetchone()
    finally:
        db.close()
    audited = kiosk(home, "audit").stdout
    assert f"visitor_forgotten  visitor={zebulon}" in audited and "Quack" not in audited


@pytest.mark.parametrize(("answer", "erased"), [("n\n", False), ("", False), ("y\n", True)])
def test_forget_asks_first(home: Path, answer: str, erased: bool) -> None:
    (zebulon,) = [i for i, name in _visitors(home).items() if name == NAME]
    result = kiosk(home, "forget", NAME, stdin=answer)
    assert result.stdout.startswith(
        f"Forget visitor {zebulon}, {NAME} (last visit "
    ) and result.stdout.count("? Their name, contact and pronunciation are erased for good")
    assert (zebulon not in _visitors(home)) is erased
    if erased:
        assert result.returncode == 0 and "Forgot visitor" in result.stdout
    else:
        assert result.returncode == 1 and result.stderr == "Error: Nothing was erased.\n"


def test_forget_lists_everyone_of_that_name_to_choose_one(home: Path) -> None:
    marias = {i: name for i, name in _visitors(home).items() if name != NAME}
    result = kiosk(home, "forget", "maria garcia", "--yes")
    assert result.returncode == 1
    assert result.stderr == "Error: Nothing was erased. Choose one: kiosk forget --visitor ID.\n"
    db = open_database(home / "kiosk.db")
    last = {v.id: v.last_visit_at for v in people.visitors_named(db, "maria garcia")}
    db.close()
    newer, older = sorted(marias, key=lambda i: -last[i])
    assert result.stdout.splitlines() == [
        "2 visitors are called maria garcia:",
        f"{newer:>8}  Maria Garcia (last visit {_day(last[newer])}, 1 visit, m•••@example.org)",
        f"{older:>8}  María García (last visit {_day(last[older])}, 1 visit, m•••@example.com)",
    ]
    assert len(_visitors(home)) == 3  # nobody erased
    chosen = kiosk(home, "forget", "--visitor", str(older), "--yes")
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.startswith(f"Forgot visitor {older}: erased their name and contact,")
    assert set(_visitors(home)) == set(marias) - {older} | {
        i for i, n in _visitors(home).items() if n == NAME
    }


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        ([], "Give the visitor's name, or --visitor ID."),
        (["Nobody Here"], "No visitor called Nobody Here is on file; nothing was erased."),
        (["--visitor", "999"], "There is no visitor number 999; nothing was erased."),
        (
            ["Maria Garcia", "--visitor", "1"],
            "Visitor 1 is not called Maria Garcia; nothing was erased.",
        ),
    ],
    ids=["nobody", "unknown-name", "unknown-number", "name-and-number-disagree"],
)
def test_forget_refuses_in_one_sentence(home: Path, args: list[str], sentence: str) -> None:
    before = _visitors(home)
    result = kiosk(home, "forget", *args, "--yes")
    assert result.returncode == 1 and result.stderr == f"Error: {sentence}\n"
    assert _visitors(home) == before
