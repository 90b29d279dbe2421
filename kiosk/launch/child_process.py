"""Children of this program: the same program (frozen or not), each in a process group of its
own, dying with this process even when it is killed outright (on Linux), and stopped whole. No Qt
here: `kiosk run`'s supervisor uses it, and so does the demo.

A child is started one of two ways. `start_child` runs a command afresh, from any process (the
demo, which has Qt and threads, starts its hub so). `fork_kiosk` runs a kiosk command in a copy
of this very process, and only `kiosk run`'s supervisor uses it, since only a process without Qt
and without threads may be copied safely: the copy skips starting Python again and loading
what the supervisor has loaded, which is a good part of the wait for the kiosk's first frame.
The copy is named for its command (`kiosk-screen`, `kiosk-hub`, as `ps -e` and `top` show).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from typing import NoReturn

_PR_SET_PDEATHSIG = 1
_PR_SET_NAME = 15
# Where `fork_kiosk` may be used: elsewhere a child is started afresh (`start_child`).
FORKS = sys.platform.startswith("linux")


def kiosk_command(*arguments: str, home: str | None = None) -> list[str]:
    """The command line that runs `kiosk ARGUMENTS` with this very program, frozen or not."""
    frozen = getattr(sys, "frozen", False)
    program = [sys.executable] if frozen else [sys.executable, "-m", "kiosk"]
    if home:
        # os.path, not pathlib: `kiosk run` starts its screen sooner without loading it.
        program += ["--home", os.path.realpath(os.path.expanduser(home))]
    return [*program, *arguments]


def start_child(
    command: list[str], death_signal: signal.Signals, **options: object
) -> subprocess.Popen:
    """Start `command` in a process group of its own, to die by `death_signal` with this
    process (on Linux; elsewhere it outlives a supervisor that is killed outright)."""
    if os.name == "posix":
        options["process_group"] = 0
    if sys.platform.startswith("linux"):
        options["preexec_fn"] = _dies_with_parent(death_signal)
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, **options)  # type: ignore[call-overload]


def _dies_with_parent(death_signal: signal.Signals) -> Callable[[], None]:
    import ctypes  # prepared here, in the parent: the child between fork and exec does little

    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, *[ctypes.c_ulong] * 4]
    parent = os.getpid()

    def ask_the_kernel() -> None:
        prctl(_PR_SET_PDEATHSIG, int(death_signal), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the kernel was asked
            os._exit(1)

    return ask_the_kernel


class ForkedChild:
    """A child made by `fork_kiosk`, watched as a `subprocess.Popen` is: `pid`, `returncode`
    (negative for the signal that ended it), `poll()` and `wait()`."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        if self.returncode is None:
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode


def fork_kiosk(
    program: Callable[[], object],
    command: list[str],
    death_signal: signal.Signals,
    *,
    keep_fd: int | None = None,
    env: dict[str, str] | None = None,
) -> ForkedChild:
    """Run `command`, a `kiosk_command`, in a copy of this process, as a program started afresh
    would run it: `program` (the kiosk's entry point, which reads `sys.argv`) with the command's
    arguments, in a process group of its own, to die by `death_signal` with this process,
    with stdin at /dev/null, no descriptor of ours but `keep_fd`, no signal handler of ours,
    and `env`. Call it only from a process without Qt and without threads (see above)."""
    arguments = command[len(kiosk_command()) :]
    after_home = arguments[2:] if arguments[:1] == ["--home"] else arguments
    name = "kiosk-" + next((a for a in after_home if not a.startswith("-")), "child")
    # Prepared in the parent, like `start_child`'s: the copy starts with the kiosk at once.
    ask_the_kernel = _dies_with_parent(death_signal)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return ForkedChild(pid)
    _run_as_child(program, arguments, name, ask_the_kernel, keep_fd, env)


def _run_as_child(
    program: Callable[[], object],
    arguments: list[str],
    name: str,
    ask_the_kernel: Callable[[], None],
    keep_fd: int | None,
    env: dict[str, str] | None,
) -> NoReturn:
    """The copy: made like a fresh process, it runs `program` with `arguments` and ends there,
    whatever happens, never returning into the parent's code."""
    code = 1
    try:
        os.setpgid(0, 0)
        ask_the_kernel()
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_NAME, name.encode()[:15], 0, 0, 0)
        signal.set_wakeup_fd(-1)
        for number in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(number) is not signal.SIG_IGN:
                signal.signal(number, signal.SIG_DFL)
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        keep = keep_fd if keep_fd is not None else 2
        os.closerange(3, keep)
        os.closerange(max(keep + 1, 3), os.sysconf("SC_OPEN_MAX"))
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)
        os.close(nothing)
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        sys.argv = [sys.argv[0], *arguments]
        program()
        code = 0
    except SystemExit as ending:
        code = _exit_code(ending)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        # What Python does at exit, then the exit itself: the parent's stack, copied with the
        # process, must never run here. The supervisor registers nothing to run at exit, so
        # what runs is what the kiosk command registered (ending the voice's process, say).
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed log must not stop us
                stream.flush()
        os._exit(code)


def _exit_code(ending: SystemExit) -> int:
    """What Python would exit with for `ending`, saying a message as it would."""
    if ending.code is None:
        return 0
    if isinstance(ending.code, int):
        return ending.code
    print(ending.code, file=sys.stderr)
    return 1


def stop_group(process: subprocess.Popen, how: signal.Signals) -> None:
    """Send `how` to the child and to everything it started, if any of it is still there. Not
    once the child is reaped: by then its number may be another process's."""
    if process.returncode is not None:
        return
    try:
        if os.name == "posix":
            os.killpg(process.pid, how)
        else:
            process.send_signal(how)
    except (ProcessLookupError, PermissionError):
        pass


def has_ended(process: subprocess.Popen) -> bool:
    """Whether the process has ended, leaving it unreaped where the system allows: until it is
    reaped, its number (and its group's) stays its own, so signalling the group is safe."""
    if process.returncode is not None:
        return True
    if not hasattr(os, "waitid"):
        return process.poll() is not None
    try:
        ended = os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return process.poll() is not None
    return ended is not None
