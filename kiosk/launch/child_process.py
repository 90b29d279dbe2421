"""Children of this program: started with the same program (frozen or not), each in a process
group of its own, dying with this process even when it is killed outright (on Linux), and
stopped whole. No Qt here: `kiosk run`'s supervisor uses it, and so does the demo."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


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
