"""Resident memory of the kiosk screen, the hub and a desk through 1,000 check-ins: each
process's RSS after a warm-up, after 500 and after 1,000 check-ins, and its growth over the
second 500, against the targets (at most 150 MB each, at most 2 % growth). Asserts nothing.

    uv run python bench/bench_memory.py                  # 1,000 check-ins after 20 to warm up
    uv run python bench/bench_memory.py --quick          # 100 after 10: a check that it runs

Three processes on loopback, each the real thing on Qt's offscreen platform:

- the hub: `kiosk hub` (its own process, own folder, TLS, SQLite), with one change made by this
  script in that process only: the clock by which the hub paces devices runs --pace times faster
  (the `pace_clock` that tests move by hand). The rules are the product's: one kiosk may check a
  visitor in every 5 s after a burst of 4, and identify at a person's pace. A person needs a
  minute or so per check-in, so 1,000 of them at one kiosk take a day or two; at 30 times, the
  rules let one kiosk check in six visitors a second, about as fast as the screen here builds
  its screens. Everything else in the hub runs on the real clock.
- the kiosk screen: what `kiosk screen` starts (`start_kiosk`: window, view model, hub client,
  voice on Qt's mock engine), paired as a kiosk. A driver in the same process goes through the
  check-in from a timer, calling the slots the screens' buttons and fields call, one keystroke
  at a time: Check in, the name, a contact for every fourth visitor (Skip for the others), three
  letters of the host, the host, Check in, Done, and back to Welcome. It moves on only once the
  screen asked for is built and drawn, so every screen of every visit is really made.
- a desk: what `kiosk desk` starts (`open_desk`: window, view models, sounds, tray, voice on the
  mock engine), paired as a desk, with a receptionist who answers each card as it comes ("On my
  way", then "Welcomed") through the desk's own view model, so the queue stays short as at a
  staffed front desk.

The check-ins are new visitors with names of their own; none checks out, so the hub ends with
1,000 visitors on site, more than a site has at once. The memory of each process is read from
/proc (VmRSS) after the screen rests on Welcome for a few seconds (the median of a few readings);
the peak (VmHWM) is printed at the end. The voices' helper processes are not counted; each of
the three also holds this script's own few imports (under 1 MB). Without a sound server on the
machine, one is started for the run (PulseAudio playing to nowhere, as the tests do), so the desk
plays its chime. The children end when this script does, however it ends.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench_alert import ROOT, free_port, make_site
from paced_hub import pace_faster

TARGET_MB = 150
TARGET_GROWTH_PERCENT = 2
HOST_LETTERS = "pri"  # of Priya Raman, the host make_site adds
SETTLE_S = 3.0  # the screen rests on Welcome this long before memory is read
READINGS = 5  # then this many readings, half a second apart, give the median
STEP_TIMEOUT_S = 60  # a screen that never comes ends the run


# --- every child -----------------------------------------------------------------------------


def end_with_parent(parent: int) -> None:
    """Be sent SIGTERM when the benchmark's process ends, however it ends (Linux)."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != parent:  # it ended before we asked
        os._exit(1)


def say(**message: object) -> None:
    print(json.dumps(message), flush=True)


# --- the hub (child process) -------------------------------------------------------------------


def run_hub(pace: float, port: int) -> None:
    """`kiosk hub` on loopback, its devices paced by a clock `pace` times faster than time."""
    from kiosk import cli

    pace_faster(pace)
    print(f"Devices are paced by a clock {pace:g} times faster.", flush=True)
    sys.argv = ["kiosk", "hub", "--listen", "127.0.0.1", "--port", str(port)]
    cli.main()


# --- the desk (child process) ------------------------------------------------------------------


def run_desk(home: Path) -> None:
    """`kiosk desk`'s console, on the mock voice, with a receptionist answering every card."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from kiosk.app.qt_environment import prepare_kiosk_environment
    from kiosk.hub.main_thread_collector import MainThreadCollector
    from kiosk.hub.process import stop_on_signals
    from kiosk.launch.desk_console import open_desk
    from kiosk.store.settings import Paths, load_settings

    prepare_kiosk_environment(offscreen=True, keyboard=False)
    app = QApplication(sys.argv[:1])
    MainThreadCollector(app)  # cycles collected on this thread, as in the program
    app.setFont(QFont("Noto Sans"))
    paths = Paths.resolve(home)
    console = open_desk(
        None, load_settings(paths.settings_file), settings_file=paths.settings_file,
        speech_engine="mock",
    )  # fmt: skip
    desk = console.view_model
    answered: dict[int, str] = {}  # visit -> the last state answered, for the cards shown now

    def answer() -> None:
        rows = desk.queue.rows()
        for visit in set(answered) - {row["visitId"] for row in rows}:
            del answered[visit]
        for row in rows:
            visit, state = row["visitId"], row["visitState"]
            if answered.get(visit) == state:
                continue  # asked already; the hub's answer is on its way
            answered[visit] = state
            if state == "waiting":
                desk.acknowledge(visit)
            elif state == "acknowledged":
                desk.welcome(visit)

    receptionist = QTimer(interval=100)
    receptionist.timeout.connect(answer)
    receptionist.start()
    desk.connectedChanged.connect(lambda: say(ready=True) if desk.connected else None)
    stop_on_signals(app)
    app.exec()
    console.close()
    sys.stdout.flush()
    os._exit(0)  # PySide6 can crash tearing objects down at exit; nothing is left to do


# --- the kiosk screen (child process) ----------------------------------------------------------


def visitor(screen: Screen, n: int) -> Iterator[Callable[[], bool]]:
    """One visitor's check-in, from Welcome back to Welcome: the calls the screens' buttons and
    fields make, each step yielding what must be true before the next."""
    kiosk = screen.kiosk
    flow = kiosk.check_in
    kiosk.startCheckIn()
    yield lambda: screen.shown("name")
    name = f"Visitor {n:04d}"
    for length in range(1, len(name) + 1):
        kiosk.setName(name[:length])
        yield lambda: True  # a keystroke, then the event loop turns
    kiosk.submitName()
    yield lambda: screen.shown("contact")
    if n % 4 == 0:
        contact = f"visitor{n}@example.com"
        for length in range(1, len(contact) + 1):
            kiosk.setContact(contact[:length])
            yield lambda: True
        kiosk.submitContact()  # a stranger: the hub proves nothing, the visitor goes on
    else:
        kiosk.skipContact()
    yield lambda: screen.shown("host")
    for length in range(1, len(HOST_LETTERS) + 1):
        flow.setHostQuery(HOST_LETTERS[:length])
        yield lambda: True
    yield lambda: flow.hosts.rowCount() > 0
    flow.chooseHost(0)
    yield lambda: screen.shown("pronunciation")
    flow.checkIn()
    yield lambda: screen.shown("done")
    kiosk.reset()  # Done
    yield lambda: screen.shown("welcome")


class Screen:
    """Drives the kiosk screen through visitors when this script's process says so on stdin
    ("run N"), and says on stdout when they are through."""

    def __init__(self, running: object) -> None:
        from PySide6.QtCore import QObject, QSocketNotifier, QTimer

        self.kiosk = running.screen.view_model
        self.speech = running.screen.speech
        window = running.screen.window
        self.loader = window.findChild(QObject, "screenLoader")
        self.frames = 0
        self.built = ("welcome", -1)  # the screen last built, and the frame count then
        window.frameSwapped.connect(self._frame)
        self.loader.loaded.connect(self._loaded)
        self.visitors = 0
        self.goal = 0
        self.step: Iterator[Callable[[], bool]] | None = None
        self.waiting_for: Callable[[], bool] = lambda: True
        self.since = self.started = 0.0
        self.ticker = QTimer(interval=2)
        self.ticker.timeout.connect(self._tick)
        self.commands = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.commands.activated.connect(self._command)
        self.typed = b""

    def _frame(self) -> None:
        self.frames += 1

    def _loaded(self) -> None:
        self.built = (self.kiosk.screen_now, self.frames)

    def shown(self, name: str) -> bool:
        """The screen `name` is built and has been drawn at least once."""
        screen, at_frame = self.built
        return screen == name == self.kiosk.screen_now and self.frames > at_frame

    def _command(self) -> None:
        chunk = os.read(sys.stdin.fileno(), 4096)
        if not chunk:  # the benchmark has gone
            self.commands.setEnabled(False)
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.exit(1)
            return
        self.typed += chunk
        while b"\n" in self.typed:
            line, self.typed = self.typed.split(b"\n", 1)
            self.goal = self.visitors + int(line.split()[1])
            self.started = time.monotonic()
            self._next_visitor()
            self.ticker.start()

    def _next_visitor(self) -> None:
        self.step = visitor(self, self.visitors)
        self._advance()

    def _advance(self) -> None:
        self.waiting_for = next(self.step)
        self.since = time.monotonic()

    def _tick(self) -> None:
        if not self.waiting_for():
            if time.monotonic() - self.since > STEP_TIMEOUT_S:
                say(error=f"visitor {self.visitors} stuck on {self.kiosk.screen_now!r}")
                self.ticker.stop()
            return
        try:
            self._advance()
        except StopIteration:
            self.visitors += 1
            if self.visitors < self.goal:
                self._next_visitor()
            else:
                self.ticker.stop()
                voice = self.speech.offReason or "on"
                say(done=self.visitors, seconds=time.monotonic() - self.started, voice=voice)


def run_screen(home: Path) -> None:
    """`kiosk screen`'s window, windowed, on the mock voice, driven by `Screen`."""
    from PySide6.QtGui import QFont, QGuiApplication

    from kiosk.app.qt_environment import prepare_kiosk_environment
    from kiosk.app.site_settings import SiteSettings
    from kiosk.hub.main_thread_collector import MainThreadCollector
    from kiosk.hub.process import stop_on_signals
    from kiosk.launch.kiosk_screen import start_kiosk

    prepare_kiosk_environment(offscreen=True)
    app = QGuiApplication(sys.argv[:1])
    MainThreadCollector(app)  # cycles collected on this thread, as in the program
    app.setFont(QFont("Noto Sans"))
    site, database = SiteSettings.for_home(str(home))
    running = start_kiosk(
        site, database.parent, lockdown=False, speech_engine="mock", cache=home / "qm"
    )
    screen = Screen(running)
    running.client.connectionChanged.connect(lambda up: say(ready=True) if up else None)
    stop_on_signals(app)
    app.exec()
    del screen
    running.close()
    sys.stdout.flush()
    os._exit(0)


# --- the benchmark (this process) --------------------------------------------------------------


def status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class Child:
    """One of the three processes, its output read line by line, its errors kept in a file."""

    def __init__(
        self, name: str, folder: Path, *args: str, stdin: int = subprocess.DEVNULL
    ) -> None:
        self.name = name
        self.errors = folder / f"{name}.stderr"
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--child", str(os.getpid()), *args],
            stdin=stdin, stdout=subprocess.PIPE, stderr=self.errors.open("w"), text=True, cwd=ROOT,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()

    def read_in_background(self) -> None:
        def read() -> None:
            for line in self.process.stdout:
                self.lines.put(line)

        threading.Thread(target=read, daemon=True).start()

    def message(self, timeout_s: float) -> dict:
        """The next message the child prints (its other lines are passed over)."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                line = ""
            if line.startswith("{"):
                message = json.loads(line)
                if "error" in message:
                    raise SystemExit(f"The {self.name}: {message['error']}")
                return message
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit(f"The {self.name} did not answer. {self.last_errors()}")

    def last_errors(self) -> str:
        text = self.errors.read_text(errors="replace").strip().splitlines()
        return "Its last words: " + " / ".join(text[-5:]) if text else ""

    def rss_kib(self) -> int:
        return status_kib(self.process.pid, "VmRSS")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_hub(folder: Path, home: Path, pace: float) -> tuple[Child, str, str]:
    """The hub, and its address and certificate's fingerprint once it listens."""
    port = free_port()
    hub = Child("hub", folder, "hub", str(home), str(pace), str(port))
    paced = False
    for line in hub.process.stdout:
        paced = paced or "paced by a clock" in line
        if "is listening" in line:
            break
    printed = re.search(r"fingerprint is ([0-9A-F:]{95})", hub.process.stdout.readline() or "")
    if not paced or printed is None:
        hub.stop()
        raise SystemExit(f"The hub did not start on the benchmark's pace. {hub.last_errors()}")
    return hub, f"wss://127.0.0.1:{port}", printed.group(1).replace(":", "").lower()


def paired_home(folder: Path, url: str, token: str, fingerprint: str, **sections: dict) -> Path:
    """A device's own folder, its settings naming the hub as pairing would have left them."""
    from kiosk.store.settings import save_setting

    settings = folder / "settings.toml"
    connection = {"hub_url": url, "token": token, "fingerprint": fingerprint}
    for section, values in {"connection": connection, **sections}.items():
        for key, value in values.items():
            save_setting(settings, section, key, value)
    return folder


def readings(children: list[Child]) -> dict[str, float]:
    """Each child's RSS in MB: the median of a few readings after the screen has rested."""
    time.sleep(SETTLE_S)
    seen: dict[str, list[int]] = {child.name: [] for child in children}
    for n in range(READINGS):
        if n:
            time.sleep(0.5)
        for child in children:
            seen[child.name].append(child.rss_kib())
    return {name: statistics.median(kib) / 1024 for name, kib in seen.items()}


def visits_by_state(database: Path) -> dict[str, int]:
    from kiosk.store.database import open_database

    db = open_database(database)
    try:
        rows = db.execute("SELECT state, count(*) FROM visits GROUP BY state").fetchall()
    finally:
        db.close()
    return dict(rows)


NAMES = {"screen": "kiosk screen", "hub": "hub", "desk": "desk"}


def measure(folder: Path, batches: list[tuple[str, int]], pace: float) -> dict:
    """Start the three processes, run the batches of check-ins and read memory after each."""
    site = make_site(folder / "hub", desks=1, kiosks=1)
    children: list[Child] = []
    # A sound server (PulseAudio playing to nowhere) if the machine has none, as the tests
    # have: the desk plays its chime as it would at a front desk.
    from tests.session_services import SessionServices

    services = SessionServices()
    try:
        services.start()
        print(services.describe(), flush=True)
        hub, url, fingerprint = start_hub(folder, folder / "hub", pace)
        children.append(hub)
        desk_home = paired_home(
            folder / "desk", url, site["desks"][0], fingerprint,
            desk={"receptionist_id": site["receptionist"]},
        )  # fmt: skip
        kiosk_home = paired_home(
            folder / "kiosk", url, site["kiosks"][0], fingerprint, site={"name": "Harbour Works"}
        )
        desk = Child("desk", folder, "desk", str(desk_home))
        screen = Child("screen", folder, "screen", str(kiosk_home), stdin=subprocess.PIPE)
        children += [desk, screen]
        for child in (desk, screen):
            child.read_in_background()
            child.message(timeout_s=60)  # connected to the hub
        measured = [screen, hub, desk]
        points: list[tuple[str, dict[str, float]]] = []
        seconds = 0.0
        for label, count in batches:
            screen.process.stdin.write(f"run {count}\n")
            screen.process.stdin.flush()
            done = screen.message(timeout_s=STEP_TIMEOUT_S + count * 10)
            if points:  # the warm-up is not timed
                seconds += done["seconds"]
            voice = done["voice"]
            points.append((label, readings(measured)))
            shown = ", ".join(f"{NAMES[name]} {mb:.1f} MB" for name, mb in points[-1][1].items())
            print(f"{label:>20}: {shown}", flush=True)
        peaks = {c.name: status_kib(c.process.pid, "VmHWM") / 1024 for c in measured}
    finally:
        for child in reversed(children):
            child.stop()
        services.stop()
    return {"points": points, "peaks": peaks, "seconds": seconds, "voice": voice,
            "states": visits_by_state(folder / "hub" / "kiosk.db")}  # fmt: skip


def report(found: dict, check_ins: int, warm_up: int, pace: float) -> None:
    points, peaks, seconds = found["points"], found["peaks"], found["seconds"]
    print(
        f"\nresident memory (VmRSS) of each process through {check_ins} check-ins at the kiosk "
        f"screen, after {warm_up} to warm up; the hub paces devices on a clock {pace:g}x faster"
    )
    labels = "".join(f"{label:>22}" for label, _ in points)
    print(f"{'':14}{labels}   growth, 2nd half   peak (VmHWM)")
    for name, title in NAMES.items():
        at = [values[name] for _, values in points]
        growth = (at[-1] - at[-2]) / at[-2] * 100
        figures = "".join(f"{mb:19.1f} MB" for mb in at)
        print(f"{title:14}{figures}   {growth:+15.2f} %   {peaks[name]:8.1f} MB")
    print(
        f"targets: at most {TARGET_MB} MB each after {check_ins} check-ins; growth over the "
        f"second half at most {TARGET_GROWTH_PERCENT} %"
    )
    print(
        f"{check_ins} check-ins took {seconds:.0f} s ({check_ins / seconds:.1f} a second); "
        f"visits at the hub by state: {found['states']} of {warm_up + check_ins} check-ins; "
        f"the screen's voice (mock engine): {found['voice']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-ins", type=int, default=1000, help="check-ins measured")
    parser.add_argument("--warm-up", type=int, default=20, help="check-ins before the first")
    parser.add_argument("--pace", type=float, default=30, help="the hub's pace clock's speed")
    parser.add_argument("--quick", action="store_true", help="100 check-ins after 10")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        parent, role, home, *rest = args.child
        end_with_parent(int(parent))
        os.environ["KIOSK_HOME"] = home
        if role == "hub":
            run_hub(float(rest[0]), int(rest[1]))
        elif role == "desk":
            run_desk(Path(home))
        else:
            run_screen(Path(home))
        return
    if args.quick:
        args.check_ins, args.warm_up = 100, 10
    half = args.check_ins // 2
    batches = [
        (f"after {args.warm_up} to warm up", args.warm_up),
        (f"+{half}", half),
        (f"+{args.check_ins}", args.check_ins - half),
    ]
    with tempfile.TemporaryDirectory() as folder:
        found = measure(Path(folder), batches, args.pace)
    report(found, args.check_ins, args.warm_up, args.pace)


if __name__ == "__main__":
    main()
