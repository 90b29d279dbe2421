"""A hub in a child process of this program (`kiosk hub --supervised`), as the demo runs it:
on loopback, on a free port, over a folder of its own; it dies with this process."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.hub.certificate import load_identity
from kiosk.launch.child_process import has_ended, kiosk_command, start_child, stop_group

STOP_GRACE_S = 10.0


class HubDidNotStart(RuntimeError):
    """The hub's process ended or stayed silent; what it said went to this process's stderr."""


@dataclass
class HubChild:
    process: subprocess.Popen
    port: int
    fingerprint: str
    stopped: bool = False

    @property
    def url(self) -> str:
        return f"wss://127.0.0.1:{self.port}"

    def wait_until_listening(self, timeout_s: float = 60.0) -> None:
        """Return once the hub takes connections; raise if its process ends first."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if has_ended(self.process):
                raise HubDidNotStart(
                    f"The hub stopped as it started (exit code {self.process.wait()})."
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise HubDidNotStart(f"The hub did not start within {timeout_s:g} seconds.")

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        stop_group(self.process, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_S
        while not has_ended(self.process) and time.monotonic() < deadline:
            time.sleep(0.05)
        stop_group(self.process, signal.SIGKILL)  # if it would not stop, and what it left behind
        self.process.wait()


def start_hub_child(home: Path) -> HubChild:
    """Start the hub for the data in `home` on a free loopback port; it is still starting when
    this returns (see `wait_until_listening`). Its certificate is made here first, so the
    clients of this process can pin it."""
    fingerprint = load_identity(home).fingerprint
    port = _free_port()
    command = kiosk_command(
        "hub", "--supervised", "--listen", "127.0.0.1", "--port", str(port), home=str(home)
    )
    # Its notes on pairing desks are not for a demo's user; its errors are.
    process = start_child(command, signal.SIGTERM, stdout=subprocess.DEVNULL)
    return HubChild(process, port, fingerprint)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
