"""`kiosk run` as a supervisor: the hub and the kiosk screen are separate processes, so the desks
keep hearing check-ins and escalations whatever happens to the screen.

Real processes throughout: `kiosk run --windowed` (its screen on Qt's offscreen platform) on a
temporary home, a desk paired with a code from `kiosk pair`, and a second kiosk client checking
visitors in. Every process a test starts is killed, by process group, whatever the outcome.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.pairing import typed
from kiosk.hub.certificate import load_identity
from kiosk.hub.client import HubClient
from kiosk.hub.local_credential import CREDENTIAL_FILE
from kiosk.launch.child_process import kiosk_command
from kiosk.launch.supervisor import (
    FIRST_PAUSE_S,
    LONGEST_PAUSE_S,
    STEADY_S,
    Child,
    Supervisor,
    hub_child,
    hub_here,
    screen_child,
)
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole, add_device
from kiosk.store.people import add_staff
from kiosk.store.settings import Settings, load_settings, save_setting
from tests.hub_process import free_port, pairing_code
from tests.test_quick_start import printed_by

CONNECTED = "The kiosk screen is connected to the hub."


def children_of(pid: int) -> dict[str, int]:
    """The supervisor's children by their names, as `ps -e` shows them: {"hub": pid,
    "screen": pid}."""
    found: dict[str, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The name is in brackets and may hold spaces; the parent's pid comes after the last ")".
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) != pid or fields[0] == "Z":
            continue
        if name in ("kiosk-screen", "kiosk-hub"):
            found[name.removeprefix("kiosk-")] = int(entry.name)
    return found


def is_gone(pid: int) -> bool:
    """True once `pid` has ended (a zombie that nobody reaped yet counts as ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat[stat.rindex(")") + 2] == "Z"


class RunningKiosk:
    """`kiosk run --windowed` in a session of its own, with everything it prints kept."""

    def __init__(self, home: Path) -> None:
        env = {**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--windowed"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self.seen: set[int] = set()  # every child pid met, to be sure none is left behind
        self._readers = [
            threading.Thread(target=self._keep, args=(self.process.stdout, self.out), daemon=True),
            threading.Thread(target=self._keep, args=(self.process.stderr, self.err), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _keep(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line)

    def children(self) -> dict[str, int]:
        found = children_of(self.process.pid)
        self.seen.update(found.values())
        return found

    def connections(self) -> int:
        return sum(line.strip() == CONNECTED for line in self.out)

    def stderr(self) -> str:
        return "".join(self.err)

    def kill_everything(self) -> None:
        self.seen.update(children_of(self.process.pid).values())
        for group in (self.process.pid, *self.seen):
            if not is_gone(group):
                try:
                    os.killpg(group, signal.SIGCONT)
                    os.killpg(group, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        try:
            self.process.wait(timeout=10)
        finally:
            for reader in self._readers:
                reader.join(timeout=5)
            self.process.stdout.close()
            self.process.stderr.close()


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, int]:
    """A kiosk's folder on loopback, with quick targets: a visitor unseen for 3 s escalates,
    and again every 2 s (the targets' only bound is that they are positive)."""
    home = tmp_path / "kiosk-home"
    port = free_port()
    settings_file = home / "settings.toml"
    load_settings(settings_file)
    for section, key, value in (
        ("hub", "port", port),
        ("hub", "listen", "127.0.0.1"),
        ("targets", "acknowledge_seconds", 3),
        ("targets", "welcome_seconds", 3),
        ("targets", "escalation_repeat_seconds", 2),
        ("kiosk", "speech", False),
    ):
        save_setting(settings_file, section, key, value)
    return home, port


@pytest.fixture
def kiosk_run(qtbot: QtBot, home: tuple[Path, int]) -> Iterator[RunningKiosk]:
    running = RunningKiosk(home[0])
    try:
        qtbot.waitUntil(lambda: running.connections() >= 1, timeout=30000)
        qtbot.waitUntil(lambda: set(running.children()) == {"hub", "screen"}, timeout=5000)
        yield running
    finally:
        running.kill_everything()


class Listener:
    """A hub client and everything it heard, each event with when it arrived."""

    def __init__(self, client: HubClient) -> None:
        self.client = client
        self.events: list[tuple[float, dict]] = []
        self.replies: dict[int, dict] = {}
        client.eventReceived.connect(lambda event: self.events.append((time.monotonic(), event)))
        client.replied.connect(lambda i, result: self.replies.__setitem__(i, result))

    def heard(self, kind: str) -> list[float]:
        return [at for at, event in self.events if event["event"] == kind]


def pair_desk(qtbot: QtBot, home: Path, port: int) -> Listener:
    code = typed(pairing_code(home, "desk"))
    desk = HubClient(f"wss://127.0.0.1:{port}", pairing=(code, "Front desk", DeviceRole.DESK))
    qtbot.waitUntil(lambda: desk.connected, timeout=20000)
    return Listener(desk)


def second_kiosk(qtbot: QtBot, home: Path, port: int) -> Listener:
    """A paired kiosk besides the screen `kiosk run` started, to check visitors in from here."""
    db = open_database(home / "kiosk.db")
    try:
        with writing(db):
            token = add_device(db, "Side door kiosk", DeviceRole.KIOSK, 0)
    finally:
        db.close()
    kiosk = HubClient(f"wss://127.0.0.1:{port}", token, load_identity(home).fingerprint)
    qtbot.waitUntil(lambda: kiosk.connected, timeout=20000)
    return Listener(kiosk)


def add_host(home: Path) -> int:
    db = open_database(home / "kiosk.db")
    try:
        with writing(db):
            return add_staff(db, "Priya Raman")
    finally:
        db.close()


def test_desks_hear_escalations_while_the_screen_is_frozen(
    qtbot: QtBot, home: tuple[Path, int], kiosk_run: RunningKiosk
) -> None:
    folder, port = home
    host = add_host(folder)
    desk, kiosk = pair_desk(qtbot, folder, port), second_kiosk(qtbot, folder, port)
    asked = kiosk.client.request("check_in", name="Maria Garcia", host_id=host)
    qtbot.waitUntil(lambda: asked in kiosk.replies, timeout=10000)
    qtbot.waitUntil(lambda: bool(desk.heard("checked_in")), timeout=10000)
    screen = kiosk_run.children()["screen"]
    os.kill(screen, signal.SIGSTOP)
    try:
        frozen_at = time.monotonic()
        qtbot.wait(10000)  # the screen stays frozen for 10 s
        thawed_at = time.monotonic()
    finally:
        os.kill(screen, signal.SIGCONT)
    # Escalated at 3 s after the check-in, then every 2 s: several while the screen was frozen.
    while_frozen = [at for at in desk.heard("escalated") if frozen_at <= at <= thawed_at]
    assert len(while_frozen) >= 3, desk.events
    # A frozen screen is not a stopped one: the supervisor left it alone.
    assert kiosk_run.children()["screen"] == screen
    desk.client.close()
    kiosk.client.close()


def test_a_killed_screen_comes_back_and_the_hub_never_stops(
    qtbot: QtBot, home: tuple[Path, int], kiosk_run: RunningKiosk
) -> None:
    folder, port = home
    desk = pair_desk(qtbot, folder, port)
    before = kiosk_run.children()
    os.kill(before["screen"], signal.SIGKILL)
    asked = desk.client.request("queue")
    qtbot.waitUntil(lambda: asked in desk.replies, timeout=5000)  # the hub answers all along
    qtbot.waitUntil(lambda: kiosk_run.connections() >= 2, timeout=30000)  # a new screen is in
    after = kiosk_run.children()
    assert after["screen"] != before["screen"]
    assert after["hub"] == before["hub"]
    assert "The kiosk screen stopped (ended by SIGKILL)" in kiosk_run.stderr()
    asked = desk.client.request("queue")
    qtbot.waitUntil(lambda: asked in desk.replies, timeout=5000)
    desk.client.close()


def descriptors(pid: int) -> dict[int, str]:
    """What each of a process's open descriptors is ("pipe:[1234]", "/dev/null", ...)."""
    found = {}
    for entry in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):  # closed meanwhile
            found[int(entry.name)] = os.readlink(entry)
    return found


def test_the_children_start_as_fresh_processes_would(kiosk_run: RunningKiosk) -> None:
    """Each child is a copy of the supervisor, started without re-running Python: named for what
    it runs, in a process group of its own, reading nothing, and holding none of the
    supervisor's pipes (its wake-up pipe, the pipes its children say they are shown through)."""
    supervisor = kiosk_run.process.pid
    theirs = {w for fd, w in descriptors(supervisor).items() if fd > 2 and w.startswith("pipe:")}
    assert theirs  # what the check is about
    for name, pid in kiosk_run.children().items():
        held = descriptors(pid)
        assert held[0] == os.devnull, name
        assert os.getpgid(pid) == pid, name
        shared = {what for fd, what in held.items() if fd > 2 and what in theirs}
        assert shared == set(), name


def test_sigterm_stops_the_kiosk_and_both_its_processes(
    qtbot: QtBot, kiosk_run: RunningKiosk
) -> None:
    children = kiosk_run.children()
    kiosk_run.process.terminate()
    assert kiosk_run.process.wait(timeout=20) == 0
    for pid in children.values():
        assert is_gone(pid)
    qtbot.waitUntil(lambda: not kiosk_run._readers[1].is_alive(), timeout=5000)
    assert "Traceback" not in kiosk_run.stderr(), kiosk_run.stderr()


def test_the_hub_and_the_screen_die_with_a_killed_supervisor(
    qtbot: QtBot, kiosk_run: RunningKiosk
) -> None:
    children = kiosk_run.children()
    kiosk_run.process.kill()
    kiosk_run.process.wait(timeout=10)
    qtbot.waitUntil(lambda: all(is_gone(pid) for pid in children.values()), timeout=5000)


@pytest.mark.parametrize(
    ("runs_s", "pauses"),
    [
        # Quick stops: the pause doubles up to its longest.
        ([0.1] * 9, [0.5, 1, 2, 4, 8, 16, 30, 30, 30]),
        # A child that ran a minute was healthy: its next pause is the first one again.
        ([0.1, 0.1, 0.1, STEADY_S, 0.1], [0.5, 1, 2, 0.5, 1]),
    ],
)
def test_a_child_that_keeps_stopping_waits_longer_each_time(
    runs_s: list[float], pauses: list[float]
) -> None:
    child = Child("The hub", ["true"], signal.SIGTERM)
    assert [child.pause_after(ran) for ran in runs_s] == pauses
    assert FIRST_PAUSE_S == 0.5 and LONGEST_PAUSE_S == 30


def test_the_supervisor_loads_no_qt() -> None:
    """`kiosk run` stays small: neither the command line nor the supervisor loads PySide6."""
    loaded = printed_by(
        "import sys, kiosk.cli, kiosk.launch.supervisor; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    assert loaded == "[]"


def test_the_supervisor_leaves_its_copies_nothing_to_run_at_exit() -> None:
    """Its children are copies of it that run what is registered to run at exit: only their
    own, as a fresh process would, if the supervisor registers nothing (with the settings and
    the credential code it loads before starting the hub)."""
    registered = printed_by(
        "import atexit, kiosk.__main__, kiosk.launch.supervisor, kiosk.store.settings, "
        "kiosk.hub.local_credential, kiosk.hub.certificate; print(atexit._ncallbacks())"
    )
    assert registered == "0"


def supervise_for(seconds: float, children: list[Child]) -> str:
    """Run a supervisor in this very process, stopped by a SIGTERM after `seconds`; returns
    what it said."""
    said = io.StringIO()
    stop = threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGTERM))
    stop.start()
    try:
        assert Supervisor(children, log=said).run() == 0
    finally:
        stop.cancel()
    return said.getvalue()


def test_the_hub_starts_once_the_screen_shows_welcome(tmp_path: Path) -> None:
    """The screen's first frame does not share the processor with the hub's start."""
    starts = tmp_path / "starts"
    screen = Child(
        "screen",
        [sys.executable, "-c", STAMP.format(starts=str(starts), name="screen")
         + "time.sleep(0.5); fd = int(os.environ['KIOSK_SHOWN_FD']); "
         "stamp('shown'); os.write(fd, b'shown'); time.sleep(60)"],
        signal.SIGKILL,
        tells_shown=True,
    )  # fmt: skip
    hub = Child(
        "hub",
        [sys.executable, "-c", STAMP.format(starts=str(starts), name="hub") + "time.sleep(60)"],
        signal.SIGTERM,
        after=screen,
    )
    supervise_for(4.0, [screen, hub])
    lines = starts.read_text().split()
    assert [line.split(":")[0] for line in lines] == ["screen", "shown", "hub"]


def test_a_child_that_stops_is_started_again_after_a_growing_pause(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    quitter = Child(
        "quitter",
        [sys.executable, "-c", STAMP.format(starts=str(starts), name="quitter") + "sys.exit(3)"],
        signal.SIGKILL,
    )
    said = supervise_for(2.5, [quitter]).splitlines()
    # Started at once, then after 0.5 s, then after 1 s more (then 2 s, past the test's end).
    assert said[:2] == [
        "quitter stopped (exit code 3); starting it again in 0.5 s.",
        "quitter stopped (exit code 3); starting it again in 1 s.",
    ]
    times = [float(line.split(":")[1]) for line in starts.read_text().split()]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) >= 1 and gaps[0] >= 0.5 and all(gap >= 1.0 for gap in gaps[1:]), gaps


STAMP = (
    "import os, sys, time\n"
    "def stamp(what):\n"
    "    with open({starts!r}, 'a') as file: file.write(f'{{what}}:{{time.monotonic()}}\\n')\n"
    "stamp({name!r})\n"
)


def test_a_kiosk_whose_hub_is_elsewhere_runs_only_its_screen(tmp_path: Path) -> None:
    elsewhere = Settings(hub_url="wss://192.0.2.7:8765", device_token="t" * 43)
    screen = screen_child(None, windowed=False)
    assert screen.command[-1] == "screen" and screen.tells_shown
    assert not hub_here(elsewhere, tmp_path)
    assert not (tmp_path / CREDENTIAL_FILE).exists()  # no local hub, no local credential

    screen = screen_child(str(tmp_path), windowed=True)
    hub = hub_child(str(tmp_path), screen)
    assert hub_here(Settings(), tmp_path)
    assert screen.command[-2:] == ["screen", "--windowed"]
    assert hub.command[-2:] == ["hub", "--supervised"] and hub.after is screen
    assert ["--home", str(tmp_path.resolve())] == screen.command[-4:-2] == hub.command[-4:-2]
    assert (tmp_path / CREDENTIAL_FILE).exists()


def test_the_children_run_the_same_program_frozen_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    assert kiosk_command("screen") == [sys.executable, "-m", "kiosk", "screen"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert kiosk_command("screen") == [sys.executable, "screen"]
