"""For the speech tests and benchmark: a heartbeat on the GUI thread, a kiosk view model with
fakes around a real voice, and a private speech-dispatcher that has no sound to speak to."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from kiosk.store.settings import Settings
from kiosk.viewmodels.kiosk import KioskViewModel
from tests.kiosk_fakes import FakeHub, FakeLanguages, FakeSite

VISITORS = ["Maya Lin", "José Núñez", "Siobhán Kelly", "Lucía Gómez", "Priya Raman", "Ng Wei"]
# No sound server answers here: libpulse fails at once, and so does anything that needs it.
NO_SOUND_SERVER = "unix:/nonexistent/pulse/native"


class Heartbeat(QObject):
    """Beats every `interval_ms` on the GUI thread; the gaps between beats show every stall."""

    def __init__(self, interval_ms: int = 20) -> None:
        super().__init__()
        self.gaps_ms: list[float] = []
        self._last = time.monotonic()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.monotonic()
        self.gaps_ms.append((now - self._last) * 1000)
        self._last = now

    def stop(self) -> None:
        self._beat()  # a stall still going on at the end counts too
        self._timer.stop()

    @property
    def longest_ms(self) -> float:
        return max(self.gaps_ms, default=0.0)


def kiosk_with(voice: Any, *, done_s: float) -> tuple[KioskViewModel, FakeHub]:
    """The kiosk's view model, as the screen has it, speaking through `voice`; the Done screen
    goes back to Welcome after `done_s` seconds (its idle reset)."""
    hub = FakeHub()
    settings = Settings(done_timeout_s=done_s)  # a fraction of a second, for speed
    return KioskViewModel(hub, FakeSite(settings), voice, FakeLanguages()), hub


def check_in(vm: KioskViewModel, hub: FakeHub, name: str, language: str = "en") -> None:
    """One visitor from Welcome to Done, which greets them by name."""
    vm.setLanguage(language)
    vm.startCheckIn()
    vm.setName(name)
    vm.submitName()
    vm.skipContact()
    vm.check_in.chooseReception("interview")
    vm.check_in.checkIn()
    hub.answer({"visit": "a" * 32, "first_name": name.split()[0], "returning": False})


@contextmanager
def speech_dispatcher_without_sound() -> Iterator[dict[str, str]]:
    """The environment for a speaking process whose speech-dispatcher has no sound server.

    libspeechd starts a speech-dispatcher of its own in this runtime folder; without sound it may
    block or never finish a sentence, which is the point. It is stopped (TERM, then KILL) after.
    """
    folder = Path(tempfile.mkdtemp(prefix="kiosk-nosound-"))  # short: socket paths are limited
    folder.chmod(0o700)
    try:
        yield {"XDG_RUNTIME_DIR": str(folder), "PULSE_SERVER": NO_SOUND_SERVER}
    finally:
        pid_file = folder / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
        if pid_file.exists():
            stop_process(int(pid_file.read_text().strip() or 0), "speech-dispatch")
        shutil.rmtree(folder, ignore_errors=True)


def stop_process(pid: int, name: str) -> None:
    """TERM the process `pid` if it still is `name`, then KILL it if it lingers."""
    comm = Path(f"/proc/{pid}/comm")
    try:
        if not pid or not comm.read_text().startswith(name):
            return
        os.kill(pid, signal.SIGTERM)
        for _ in range(20):
            if not comm.exists():
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except (OSError, ValueError):
        pass  # gone already
