"""`kiosk run`: a small supervisor, without Qt, that keeps the hub and the kiosk screen running.

The hub and the screen are two child processes (`kiosk hub --supervised`, `kiosk screen`), each a
copy of this one that runs its command (`fork_kiosk`: Python is not started again), so a
frozen screen, a stuck speech engine or a crashed window never stops the desks from hearing
check-ins and escalations. A child that exits is started again after a pause that doubles from
half a second up to thirty, and starts over at half a second once a child has run for a minute.
SIGTERM or Ctrl+C stops both children (SIGTERM, then SIGKILL after ten seconds) and then the
supervisor, with exit code 0.

Each child runs in a process group of its own, so Ctrl+C in a terminal reaches the supervisor
alone, which then stops the children in order, and stopping a child also stops whatever it
started (a speech engine). The children die with the supervisor even when it is killed outright
(SIGKILL, the out-of-memory killer): on Linux each child asks the kernel, before it runs a line
of the kiosk, for a signal when its parent dies (`prctl(PR_SET_PDEATHSIG)`). The kernel keeps that
promise however frozen the child is, which a child watching its parent with a timer could not.
The hub gets SIGTERM, to close its database and withdraw its announcement; the screen gets
SIGKILL, as a frozen screen could not act on anything gentler and has nothing to save.

The screen starts first, as soon as the supervisor runs: its command line is all it needs. The
settings are read, and the hub started, once the screen shows Welcome (see `Child.after`): until
then the supervisor does nothing, so the visitor's Welcome has the processor to itself.

This module must stay free of Qt: importing it loads no PySide6 (a test checks). Nor does it load
the settings or the credential code until the screen shows Welcome.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from kiosk.launch.child_process import (
    FORKS,
    ForkedChild,
    fork_kiosk,
    has_ended,
    kiosk_command,
    start_child,
    stop_group,
)
from kiosk.launch.shown import SHOWN_FD_VARIABLE

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.store.settings import Settings

FIRST_PAUSE_S = 0.5
LONGEST_PAUSE_S = 30.0
# A child that ran this long was healthy: if it stops now, it starts again after the first pause.
STEADY_S = 60.0
STOP_GRACE_S = 10.0
# Without pidfds (not Linux), how often the supervisor looks at its children.
LOOK_EVERY_S = 0.5
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# A child waiting for another to be shown starts anyway after this long.
SHOWN_WAIT_S = 5.0


class Child:
    """One supervised process: what it is called, how it starts, when it starts again.

    A plain class, not a dataclass: `dataclasses` would cost the screen's start a few
    milliseconds more, as the screen starts once this module is loaded."""

    def __init__(
        self,
        name: str,
        command: list[str],
        death_signal: signal.Signals,
        *,
        after: Child | None = None,
        tells_shown: bool = False,
        program: Callable[[], object] | None = None,
        prepare: Callable[[], bool] | None = None,
    ) -> None:
        self.name = name
        self.command = command
        self.death_signal = death_signal
        self.process: subprocess.Popen | ForkedChild | None = None
        self.started_at = 0.0
        self.pause_s = FIRST_PAUSE_S  # before the next start, if it stops
        self.due_at = 0.0  # when to start it, while it is not running
        self.exit_watch: int | None = None  # a pidfd that turns readable when the process ends
        # First start only after this child says it is shown (or SHOWN_WAIT_S after it
        # started): the hub waits for the screen's first frame, so the two do not compete for
        # the processor while the visitor waits for Welcome, just as the hub inside the kiosk
        # used to start after it. The hub stays up on its own after that.
        self.after = after
        # Whether it writes to SHOWN_FD_VARIABLE's descriptor once shown (the kiosk screen does).
        self.tells_shown = tells_shown
        # The kiosk's entry point, to run `command` with in a copy of the supervisor
        # (`fork_kiosk`); without it, or where copies are not made, `command` starts afresh.
        self.program = program
        # Called once, as soon as the child may start: False if it is not needed after all (the
        # hub, when the settings name one elsewhere). What it raises ends the supervisor.
        self.prepare = prepare

    def pause_after(self, ran_s: float) -> float:
        """The pause before starting again a child that stopped after `ran_s` seconds: it
        doubles with each quick stop, and starts over once the child has run a while."""
        if ran_s >= STEADY_S:
            self.pause_s = FIRST_PAUSE_S
        pause = self.pause_s
        self.pause_s = min(pause * 2, LONGEST_PAUSE_S)
        return pause


class Supervisor:
    """Runs its children until asked to stop, starting again any that exits."""

    def __init__(
        self,
        children: list[Child],
        *,
        clock: Callable[[], float] = time.monotonic,
        log: TextIO | None = None,
    ) -> None:
        self.children = children
        self._clock = clock
        self._log = log or sys.stderr
        self._stopping = False
        self._selector = selectors.DefaultSelector()
        self._shown_pipes: dict[int, Child] = {}  # read end -> the child that writes to it

    def run(self) -> int:
        """Supervise until SIGINT, SIGTERM or SIGHUP (unless ignored when this started);
        returns the exit code, 0."""
        wake_read, wake_write = os.pipe()
        os.set_blocking(wake_read, False)
        os.set_blocking(wake_write, False)
        self._selector.register(wake_read, selectors.EVENT_READ)
        # A signal ignored when we started stays ignored: `nohup kiosk run` outlives its terminal.
        earlier_handlers = {
            number: handler
            for number in STOP_SIGNALS
            if (handler := signal.getsignal(number)) is not signal.SIG_IGN
        }
        earlier_wakeup = signal.set_wakeup_fd(wake_write)
        for number in earlier_handlers:
            signal.signal(number, self._asked_to_stop)
        for child in self.children:
            if child.after is not None:
                child.due_at = self._clock() + SHOWN_WAIT_S
        try:
            while not self._stopping:
                now = self._clock()
                for child in list(self.children):
                    self._look_after(child, now)
                if not self._stopping:
                    for key, _events in self._selector.select(self._timeout(now)):
                        if key.fd in self._shown_pipes:
                            self._shown(self._shown_pipes[key.fd], self._clock())
                    _drain(wake_read)
        finally:
            self.close()
            signal.set_wakeup_fd(earlier_wakeup)
            for number, handler in earlier_handlers.items():
                signal.signal(number, handler)
            os.close(wake_read)
            os.close(wake_write)
        return 0

    def _asked_to_stop(self, _number: int, _frame: object) -> None:
        self._stopping = True

    def _look_after(self, child: Child, now: float) -> None:
        if child.process is not None and has_ended(child.process):
            self._ended(child, now)
        due = child.process is None and now >= child.due_at and not self._stopping
        if due and self._needed(child):
            self._start(child, now)

    def _needed(self, child: Child) -> bool:
        """Prepare `child` if it has not been yet; drop it if it is not needed after all."""
        prepare, child.prepare = child.prepare, None
        if prepare is None or prepare():
            return True
        self.children.remove(child)
        return False

    def _start(self, child: Child, now: float) -> None:
        shown_write = None
        env = None
        if child.tells_shown:
            shown_read, shown_write = os.pipe()
            self._shown_pipes[shown_read] = child
            self._selector.register(shown_read, selectors.EVENT_READ)
            env = {**os.environ, SHOWN_FD_VARIABLE: str(shown_write)}
        try:
            if child.program is not None and FORKS:
                child.process = fork_kiosk(
                    child.program, child.command, child.death_signal, keep_fd=shown_write, env=env
                )
            else:
                shown = () if shown_write is None else (shown_write,)
                child.process = start_child(
                    child.command, child.death_signal, pass_fds=shown, env=env
                )
        except OSError as error:
            pause = child.pause_after(0.0)
            self._say(
                f"{child.name} could not start ({error.strerror or error}); again in {pause:g} s."
            )
            child.due_at = now + pause
            return
        finally:
            if shown_write is not None:
                os.close(shown_write)  # the child has its own copy; a read sees its end
        child.started_at = now
        try:
            child.exit_watch = os.pidfd_open(child.process.pid)
        except (AttributeError, OSError):
            return  # not Linux: looked at every LOOK_EVERY_S instead
        self._selector.register(child.exit_watch, selectors.EVENT_READ)

    def _shown(self, child: Child, now: float) -> None:
        """`child` is shown, or ended before it could be: whoever waited for it may start."""
        for shown_pipe in [fd for fd, c in self._shown_pipes.items() if c is child]:
            self._close_shown_pipe(shown_pipe)
        for waiting in list(self.children):
            if waiting.after is child:
                waiting.after = None
                waiting.due_at = min(waiting.due_at, now)
                # Prepared at once: a child that ended before it was shown is not yet reported
                # as stopped (nor started again) when a preparation that fails ends everything.
                self._needed(waiting)

    def _close_shown_pipe(self, shown_pipe: int) -> None:
        self._selector.unregister(shown_pipe)
        os.close(shown_pipe)
        del self._shown_pipes[shown_pipe]

    def _ended(self, child: Child, now: float) -> None:
        process, child.process = child.process, None
        assert process is not None
        self._forget_exit_watch(child)
        # Whatever it started (a speech engine) goes with it, so a new one starts clean; sent
        # before the child is reaped, while its group's number cannot belong to anyone else.
        stop_group(process, signal.SIGKILL)
        process.wait()
        pause = child.pause_after(now - child.started_at)
        child.due_at = now + pause
        how = _how(process.returncode)
        self._say(f"{child.name} stopped ({how}); starting it again in {pause:g} s.")

    def _forget_exit_watch(self, child: Child) -> None:
        if child.exit_watch is not None:
            self._selector.unregister(child.exit_watch)
            os.close(child.exit_watch)
            child.exit_watch = None

    def _timeout(self, now: float) -> float | None:
        """How long to wait for a signal or a child's end: until the next start that is due,
        or, for a child that has no exit watch, until it is time to look at it again."""
        waits = [max(c.due_at - now, 0.0) for c in self.children if c.process is None]
        if any(c.process is not None and c.exit_watch is None for c in self.children):
            waits.append(LOOK_EVERY_S)
        return min(waits) if waits else None

    def close(self) -> None:
        """Stop the children and let go of what watched them."""
        for shown_pipe in list(self._shown_pipes):
            self._close_shown_pipe(shown_pipe)
        self._stop_children()
        self._selector.close()

    def _stop_children(self) -> None:
        running = [c for c in self.children if c.process is not None]
        for child in running:
            stop_group(child.process, signal.SIGTERM)
            stop_group(child.process, signal.SIGCONT)  # a stopped process must run to stop
        deadline = self._clock() + STOP_GRACE_S
        for child in running:
            while not has_ended(child.process) and self._clock() < deadline:
                time.sleep(0.05)
            if not has_ended(child.process):
                self._say(f"{child.name} did not stop within {STOP_GRACE_S:g} s; ending it.")
            stop_group(child.process, signal.SIGKILL)  # and anything it left behind
            child.process.wait()
            self._forget_exit_watch(child)

    def _say(self, line: str) -> None:
        with contextlib.suppress(OSError, ValueError):  # a closed log must not stop us
            print(line, file=self._log, flush=True)


def _how(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"ended by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"ended by signal {-returncode}"
    return f"exit code {returncode}"


def _drain(descriptor: int) -> None:
    try:
        while os.read(descriptor, 512):
            pass
    except BlockingIOError:
        pass


def screen_child(
    home: str | None, *, windowed: bool, program: Callable[[], object] | None = None
) -> Child:
    """`kiosk screen`, as `kiosk run` keeps it running (run by `program`; see `Child`)."""
    arguments = ["screen", "--windowed"] if windowed else ["screen"]
    command = kiosk_command(*arguments, home=home)
    return Child("The kiosk screen", command, signal.SIGKILL, tells_shown=True, program=program)


def hub_child(
    home: str | None, screen: Child, program: Callable[[], object] | None = None
) -> Child:
    """The hub that `kiosk run` keeps running beside `screen`, from the moment the screen shows
    Welcome: only then are the settings read, to see whether the hub runs here at all."""

    def here() -> bool:
        from kiosk.hub.certificate import CertificateError
        from kiosk.store.settings import Paths, SettingsError, load_settings

        try:
            paths = Paths.resolve(home)
            return hub_here(load_settings(paths.settings_file), paths.database.parent)
        except (SettingsError, CertificateError):
            if screen.process is not None and has_ended(screen.process):
                # The screen read the same files first, said what is wrong and ended: once is
                # enough.
                raise SystemExit(1) from None
            raise

    command = kiosk_command("hub", "--supervised", home=home)
    return Child("The hub", command, signal.SIGTERM, after=screen, prepare=here, program=program)


def hub_here(settings: Settings, data_folder: Path) -> bool:
    """Whether the hub runs on this computer: not when the settings name one elsewhere
    (`[connection] hub_url` and a token)."""
    if settings.hub_url and settings.device_token:
        return False
    from kiosk.hub.local_credential import screen_token

    # Made (or read) here before the hub starts, so that a data folder where it cannot be kept
    # stops `kiosk run` at once, with the reason. The screen has made it already, unless it
    # could not: both keep whichever is made first.
    screen_token(data_folder)
    return True


def run_kiosk(home: str | None, *, windowed: bool, program: Callable[[], object]) -> int:
    """`kiosk run`, for the settings and data in `home` (see `Paths.resolve`).

    The screen starts first, before anything is read or loaded beyond what starting it takes:
    its command line is all it needs, and the visitor's Welcome waits for nothing else. The
    settings are read once it shows Welcome, and say whether the hub runs here too; if they
    cannot be read, the screen is stopped and the error is the supervisor's to report (unless
    the screen, which read them first, ended having reported it). `program` is the kiosk's entry
    point that is running this, which the children run with their own command lines.
    """
    screen = screen_child(home, windowed=windowed, program=program)
    return Supervisor([screen, hub_child(home, screen, program)]).run()
