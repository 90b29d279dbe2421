"""Dashboard: from choosing another 90 days to the figures and charts drawn anew, over a history
of 1,000,000 visits; and the longest the window's thread is kept from answering meanwhile.
Prints median and p99; asserts nothing.

    uv run python bench/bench_dashboard.py                  # 1,000,000 visits, 30 changes
    uv run python bench/bench_dashboard.py --visits 100000 --runs 10

The history is `bench_export.seeded_database` (seeded once into bench/out/, reused after),
copied into a throw-away home, where `kiosk hub` runs as its own process on loopback, as on a
site. The dashboard opens in this process as `kiosk dashboard` does on the hub's computer (the
local manager credential, the pinned certificate), at 1280 by 800 on the figures page, on
the display in DISPLAY (Xvfb will do), or without one on Qt's offscreen platform, where
the scene is drawn by software on the window's own thread.

Each run types a range of 90 days and presses "Show these days", alternating between two ranges
so that every change asks the hub anew, and times, from the press, the figures' reply (the
hub's work, TLS both ways, decoding), its showing (the view models and the bindings of the
page), and the first frame drawn after that (the charts laid out and rendered).
A 1 ms heartbeat timer on the window's thread records the longest gap between its beats within
each run: how long a click would have waited. Targets: 100 ms to the frame, no gap over 16 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_export import NOW_MS, seeded_database  # noqa: E402

DAYS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Hub:
    """`kiosk hub` in a child process, over the home given."""

    def __init__(self, home: Path) -> None:
        self.port = free_port()
        env = {**os.environ, "KIOSK_HOME": str(home)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "hub", "--listen", "127.0.0.1", "--port",
             str(self.port)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
        )  # fmt: skip
        line = self.process.stdout.readline()
        if "is listening" not in line:
            raise SystemExit(f"The hub did not start: {line!r}")
        if not re.search(r"fingerprint is", self.process.stdout.readline()):
            raise SystemExit("The hub did not print its certificate's fingerprint.")

    def stop(self) -> None:
        self.process.terminate()
        self.process.communicate(timeout=30)


class Heartbeat:
    """A 1 ms timer on the window's thread: the longest gap between its beats since `reset`."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0


def ranges(end: date) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two ranges of DAYS days, the later ending on `end`."""
    first = end - timedelta(days=DAYS - 1)
    before = first - timedelta(days=DAYS)
    return (
        (first.isoformat(), end.isoformat()),
        (before.isoformat(), (first - timedelta(days=1)).isoformat()),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    path, db = seeded_database(args.visits)
    db.close()
    home = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    shutil.copyfile(path, home / "kiosk.db")
    print(f"Starting the hub over a copy of {path.name} ...", flush=True)
    hub = Hub(home)
    try:
        run(home, hub.port, args.runs)
    finally:
        hub.stop()
        shutil.rmtree(home, ignore_errors=True)


def run(home: Path, port: int, runs: int) -> None:
    from kiosk.app.qt_environment import prepare_kiosk_environment

    # On a display (Xvfb will do) as on a manager's desktop: the scene is drawn by OpenGL on a
    # render thread of its own; without one, on the offscreen platform, by software on this one.
    prepare_kiosk_environment(offscreen=not os.environ.get("DISPLAY"), keyboard=False)
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from kiosk.hub.main_thread_collector import MainThreadCollector
    from kiosk.launch.dashboard import open_dashboard
    from kiosk.store.settings import Paths, Settings

    app = QApplication([])
    MainThreadCollector(app)  # cycles collected on this thread, as in the program
    settings = Settings(site_name="Bench", hub_port=port, hub_listen="127.0.0.1")
    dashboard = open_dashboard(None, settings, paths=Paths.resolve(home), folder=home)
    view_model, window = dashboard.view_model, dashboard.window

    def wait_for(condition, timeout_s: float = 60) -> None:
        deadline = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > deadline:
                raise SystemExit("The dashboard did not get its figures in time.")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    wait_for(lambda: view_model.property("connected") and view_model.figures.property("loaded"))
    arrived_at: list[float] = []
    shown_at: list[float] = []
    frames: list[float] = []
    show = view_model.figures.show

    def timed_show(result: dict) -> None:
        arrived_at.append(time.perf_counter())
        show(result)
        shown_at.append(time.perf_counter())

    view_model.figures.show = timed_show
    window.frameSwapped.connect(lambda: frames.append(time.perf_counter()))
    view_model.range.choose("custom")
    end = min(date.today(), datetime.fromtimestamp(NOW_MS / 1000, tz=UTC).date())
    choices = ranges(end)
    beat = Heartbeat()
    to_reply: list[float] = []
    showing: list[float] = []
    drawing: list[float] = []
    to_frame: list[float] = []
    stalls: list[float] = []
    for n in range(runs + 2):  # the first two warm up
        first, last = choices[n % 2]
        arrived_at.clear()
        shown_at.clear()
        app.processEvents()
        beat.reset()
        pressed = time.perf_counter()
        view_model.range.useTyped(first, last)
        wait_for(lambda: bool(shown_at) and any(f > shown_at[0] for f in frames))
        drawn = next(f for f in frames if f > shown_at[0])
        if n >= 2:
            to_reply.append((arrived_at[0] - pressed) * 1000)
            showing.append((shown_at[0] - arrived_at[0]) * 1000)
            drawing.append((drawn - shown_at[0]) * 1000)
            to_frame.append((drawn - pressed) * 1000)
            stalls.append(beat.longest * 1000)
    # The same heartbeat with nothing asked: what the machine itself (the hub, the display)
    # costs the window's thread, to read the gaps above against.
    idle: list[float] = []
    for _ in range(10):
        beat.reset()
        settle = time.perf_counter() + statistics.median(to_frame) / 1000
        wait_for(lambda: time.perf_counter() > settle)  # noqa: B023 (used at once)
        idle.append(beat.longest * 1000)
    visits = view_model.figures.property("visits")
    print(f"{runs} changes between two ranges of {DAYS} days ({visits:,} visits in the last):")
    for label, values in (
        ("press to the reply (the hub's work, TLS, decoding)", to_reply),
        ("reply shown (view models and bindings)", showing),
        ("shown to the next frame (charts laid out and drawn)", drawing),
        ("press to the next frame, in all", to_frame),
        ("longest gap of the 1 ms heartbeat", stalls),
        ("the same, idle for as long", idle),
    ):
        print(
            f"  {label}: median {statistics.median(values):.1f} ms, "
            f"p99 {percentile(values, 0.99):.1f} ms, max {max(values):.1f} ms"
        )
    print("  targets: 100 ms to the frame; no heartbeat gap over 16 ms")
    dashboard.close()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main()
