"""Shared fixtures: each test gets its own data folder and a hub clock it moves itself; the
printing tests share the session's own CUPS."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.core.people import Role
from kiosk.core.policies import Policies
from kiosk.hub.main_thread_collector import MainThreadCollector
from kiosk.hub.service import HubService
from kiosk.store.database import open_database, writing
from kiosk.store.people import add_staff
from tests.cups_server import cups  # noqa: F401 (a fixture, started by the first test using it)

# A Tuesday morning at the site, in UTC so that figures in tests are easy to read.
MORNING_MS = int(datetime(2026, 11, 24, 9, 0, tzinfo=UTC).timestamp() * 1000)


class FakeClock:
    """The hub's clock, moved by the test instead of by time."""

    def __init__(self, now_ms: int = MORNING_MS) -> None:
        self.now_ms = now_ms

    def __call__(self) -> int:
        return self.now_ms

    def advance(self, seconds: float) -> None:
        self.now_ms += int(seconds * 1000)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point KIOSK_HOME at a fresh folder so no test reads or writes a real profile."""
    home = tmp_path / "home"
    monkeypatch.setenv("KIOSK_HOME", str(home))
    return home


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "kiosk.db")
    yield database
    database.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def hub(db: Database, clock: FakeClock) -> HubService:
    return HubService(db, Policies(), clock=clock, tz=UTC)


@pytest.fixture
def staff(db: Database) -> dict[str, int]:
    """A small office: two hosts and a receptionist, by first name."""
    with writing(db):
        return {
            "sam": add_staff(db, "Sam Jones", Role.RECEPTIONIST),
            "jose": add_staff(db, "José Núñez", department="Engineering"),
            "priya": add_staff(db, "Priya Raman", email="priya@example.com"),
        }


@pytest.fixture(autouse=True)
def cycles_collected_in_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that makes Qt objects collects reference cycles the way the program does: on the
    main thread only (kiosk.hub.main_thread_collector), never in a hub's or a printer's thread;
    what is left is collected when the test ends."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    collector = MainThreadCollector()
    yield
    collector.stop()
    collector.deleteLater()
