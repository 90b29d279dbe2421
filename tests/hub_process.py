"""A `kiosk hub` child process on loopback, and an office for it: a pytest plugin.

Loaded with `-p tests.hub_process` (see pyproject.toml), so any test can ask for the `office`
and `hub_process` fixtures.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.people import Role
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole, add_device
from kiosk.store.people import add_staff


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def kiosk_command(home: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `kiosk ARGS` as a person would on the hub's computer."""
    env = {**os.environ, "KIOSK_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], env=env, capture_output=True, text=True, timeout=60
    )


def pairing_code(home: Path, role: str) -> str:
    """A fresh code from `kiosk pair --role ROLE`, as the person pairing would type it."""
    printed = kiosk_command(home, "pair", "--role", role)
    assert printed.returncode == 0, printed.stderr
    return re.search(r"code for an? \w+: ([0-9A-Z-]{14})", printed.stdout).group(1)


class HubProcess:
    """`kiosk hub` in a child process, on a fixed loopback port so it can be restarted."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.url = f"wss://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.fingerprint = ""

    def start(self) -> None:
        env = {**os.environ, "KIOSK_HOME": str(self.home)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "hub", "--listen", "127.0.0.1", "--port",
             str(self.port)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        listening = self.process.stdout.readline()
        assert "is listening on 127.0.0.1" in listening, self.process.stderr.read()
        printed = re.search(r"fingerprint is ([0-9A-F:]{95})", self.process.stdout.readline())
        self.fingerprint = printed.group(1).replace(":", "").lower()

    def pairing_code(self, role: str = "desk") -> str:
        return pairing_code(self.home, role)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self._reap()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self._reap()

    def _reap(self) -> None:
        self.process.communicate(timeout=10)  # waits, and closes the pipes


@pytest.fixture
def office(tmp_path: Path) -> dict:
    """A database with staff and device tokens for two desks and a kiosk."""
    home = tmp_path / "hub-home"
    db = open_database(home / "kiosk.db")
    with writing(db):
        tokens = {
            "desk-1": add_device(db, "Front desk", DeviceRole.DESK, 0),
            "desk-2": add_device(db, "Back office", DeviceRole.DESK, 0),
            "kiosk": add_device(db, "Lobby kiosk", DeviceRole.KIOSK, 0),
        }
        # A busy site's kiosks: each checks visitors in at a person's pace.
        tokens["kiosks"] = [add_device(db, f"Kiosk {n}", DeviceRole.KIOSK, 0) for n in range(1, 26)]
        staff = {
            "priya": add_staff(db, "Priya Raman"),
            "sam": add_staff(db, "Sam Jones", Role.RECEPTIONIST),
        }
    db.close()
    return {"home": home, "tokens": tokens, "staff": staff}


@pytest.fixture
def hub_process(office: dict) -> Iterator[HubProcess]:
    hub = HubProcess(office["home"])
    hub.start()
    yield hub
    hub.stop()
