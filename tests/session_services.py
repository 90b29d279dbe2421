"""What a test session needs from the machine — a runtime folder, a sound server, a display —
started for the session when the machine lacks it, and stopped at its end: a pytest plugin.

Loaded with `-p tests.session_services` (see pyproject.toml), so `pytest_configure` runs before
any test module is imported: the Qt test helpers prepare Qt at import time, and Qt reads the
environment once, when the application object is made.

On a desktop everything is there and nothing is started. A folder, sound server or display
that was there before the session is used as it is, and never stopped. What the session starts,
it stops at its end; if the session dies first (a Qt crash, `timeout`, a kill), a small watchdog
process stops it instead.
"""

from __future__ import annotations

import os
import secrets
import select
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

# A 1080p kiosk screen, in the 24-bit colour Qt Quick renders to.
SCREEN = "1920x1080x24"
# How long a service may take to start, or to go after being asked to stop.
START_S = 20
STOP_S = 5


class SessionServices:
    """The session's own runtime folder, PulseAudio and Xvfb: whichever the machine lacked."""

    def __init__(self) -> None:
        self.folder: Path | None = None  # private; holds everything below
        self.owns_runtime_dir = False
        self.pulse_pid: int | None = None
        self.xvfb: subprocess.Popen | None = None
        self.display = ""
        self._environ_before: dict[str, str | None] = {}
        self._watchdog: subprocess.Popen | None = None
        self._lifeline = -1  # the watchdog's pipe; closes when this process ends, however

    # --- starting -------------------------------------------------------------------------------

    def start(self) -> None:
        needs_runtime_dir = not _usable_runtime_dir(os.environ.get("XDG_RUNTIME_DIR", ""))
        # Our own runtime folder has no sound server in it, so only a system-wide one counts then.
        needs_sound = not _sound_server_answers(runtime_dir_counts=not needs_runtime_dir)
        needs_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        # Name what is missing before starting anything, so a failure leaves nothing behind.
        pulseaudio = shutil.which("pulseaudio")
        xvfb = shutil.which("Xvfb")
        if needs_sound and not pulseaudio:
            raise pytest.UsageError(
                "The tests need a sound server and none is running: install the Debian package "
                "pulseaudio (or start the sound server you use)."
            )
        if needs_display and not xvfb:
            raise pytest.UsageError(
                "The tests need a display and DISPLAY is not set: install the Debian package xvfb "
                "(or run them where a display is)."
            )
        if not (needs_runtime_dir or needs_sound or needs_display):
            return
        # mkdtemp makes it 0700, which Qt, PulseAudio and speech-dispatcher insist on.
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
        try:
            self._start_watchdog()
            if needs_runtime_dir:
                # Qt warns without one; speech-dispatcher, auto-spawned by libspeechd, keeps its
                # socket and pid file here, apart from every other session on the machine.
                self.owns_runtime_dir = True
                self._set_environ("XDG_RUNTIME_DIR", str(self.folder))
            if needs_sound:
                self._start_pulseaudio(pulseaudio)
            if needs_display:
                self._start_xvfb(xvfb)
        except BaseException:
            self.stop()
            raise

    def _start_watchdog(self) -> None:
        """A process that outlives a crashed or killed session (a Qt segfault, `timeout`'s
        SIGTERM, a SIGKILL) and then stops what the session left running."""
        assert self.folder is not None
        lifeline, self._lifeline = os.pipe()
        try:
            self._watchdog = subprocess.Popen(
                [sys.executable, __file__, "--watch", str(lifeline), str(self.folder)],
                pass_fds=(lifeline,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                # Its own session: the signal that ends the tests must not end it too.
                start_new_session=True,
            )  # fmt: skip
        finally:
            os.close(lifeline)

    def _start_pulseaudio(self, program: str) -> None:
        """PulseAudio with nothing but a null sink: the desk's sounds get a real output that
        plays to nowhere, and speech-dispatcher can finish an utterance. Without a server Qt
        warns "pa_context_connect() failed", and a Qt warning fails the test."""
        assert self.folder is not None
        env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE_")}
        # Its socket and pid file go in our folder; no display, so D-Bus cannot autolaunch.
        env["XDG_RUNTIME_DIR"] = str(self.folder)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        log = self.folder / "pulseaudio.log"
        command = [
            program,
            # Returns once the server is ready; -n skips the default configuration, which would
            # probe for sound hardware; it lives until we stop it, clients or none.
            "--daemonize=yes", "--exit-idle-time=-1", "--disallow-exit", "-n",
            "--load=module-null-sink sink_name=kiosk_tests_null",
            "--load=module-native-protocol-unix",
            f"--log-target=file:{log}",
        ]  # fmt: skip
        # Its output to a file, not a pipe: the daemon would hold a pipe open for its lifetime.
        with open(self.folder / "pulseaudio.out", "wb") as out:
            try:
                done = subprocess.run(
                    command, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                    timeout=START_S, check=False,
                )  # fmt: skip
                failed = done.returncode != 0
            except subprocess.TimeoutExpired:
                failed = True
        pid_file = self.folder / "pulse" / "pid"
        if failed or not pid_file.is_file():
            raise pytest.UsageError(
                "The tests' private sound server (PulseAudio) did not start: "
                + _last_line(self.folder / "pulseaudio.out", log)
            )
        self.pulse_pid = int(pid_file.read_text().split()[0])
        # Named outright, so nothing else (another server's X11 property, say) can be picked.
        self._set_environ("PULSE_SERVER", f"unix:{self.folder / 'pulse' / 'native'}")

    def _start_xvfb(self, program: str) -> None:
        """A virtual X screen: Qt Graphs needs OpenGL, which Mesa's software rasteriser gives
        under Xvfb and the offscreen platform cannot."""
        assert self.folder is not None
        authority = self.folder / "Xauthority"
        _write_any_display_cookie(authority)
        log = self.folder / "xvfb.log"
        # -displayfd: Xvfb takes the first free display number itself and writes it to the pipe
        # once it accepts connections, so two sessions never race for one number.
        ready, ready_w = os.pipe()
        try:
            with open(log, "wb") as out:
                self.xvfb = subprocess.Popen(
                    [program, "-displayfd", str(ready_w), "-screen", "0", SCREEN,
                     "-nolisten", "tcp", "-auth", str(authority)],
                    pass_fds=(ready_w,), stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                    # Out of the terminal's process group: ^C stops the tests, which then stop
                    # the display, rather than pulling it from under a window being closed.
                    start_new_session=True,
                )  # fmt: skip
            (self.folder / "xvfb.pid").write_text(f"{self.xvfb.pid}\n")
            os.close(ready_w)
            ready_w = -1
            number = _read_line(ready, timeout=START_S)
        finally:
            os.close(ready)
            if ready_w >= 0:
                os.close(ready_w)
        if not number.isdigit():
            raise pytest.UsageError(
                "The tests' virtual display (Xvfb) did not start: " + _last_line(log)
            )
        self.display = f":{number}"
        self._set_environ("DISPLAY", self.display)
        self._set_environ("XAUTHORITY", str(authority))

    def _set_environ(self, name: str, value: str) -> None:
        self._environ_before.setdefault(name, os.environ.get(name))
        os.environ[name] = value

    # --- stopping -------------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop what we started, and only that; safe to call twice."""
        xvfb, self.xvfb = self.xvfb, None
        if xvfb is not None:
            xvfb.terminate()
            try:
                xvfb.wait(STOP_S)
            except subprocess.TimeoutExpired:
                xvfb.kill()
                xvfb.wait()
        folder, self.folder = self.folder, None
        if folder is not None:
            stop_services_in(folder)
        self.pulse_pid = None
        for name, value in self._environ_before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._environ_before.clear()
        # Nothing is left for the watchdog to do: let it go.
        if self._lifeline >= 0:
            os.close(self._lifeline)
            self._lifeline = -1
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is not None:
            try:
                watchdog.wait(STOP_S)
            except subprocess.TimeoutExpired:
                watchdog.kill()
                watchdog.wait()

    def describe(self) -> str:
        started = []
        if self.owns_runtime_dir:
            started.append("a private runtime folder")
        if self.pulse_pid is not None:
            started.append(f"PulseAudio with a null sink (pid {self.pulse_pid})")
        if self.display:
            started.append(f"Xvfb on {self.display}")
        if not started:
            return "session services: the machine's own (nothing started)"
        return "session services started: " + ", ".join(started)


# --- what the machine has ---------------------------------------------------------------------


def _usable_runtime_dir(path: str) -> bool:
    """What Qt accepts as XDG_RUNTIME_DIR without a warning: a folder of ours only we can open."""
    if not path:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) == 0o700
    )


def _sound_server_answers(*, runtime_dir_counts: bool) -> bool:
    """Whether libpulse will find a server, tried where it looks, without letting it spawn one."""
    if os.environ.get("PULSE_SERVER"):
        return True  # chosen by the person running the tests: theirs to keep running
    sockets = []
    if runtime_dir_counts:
        runtime = os.environ.get("PULSE_RUNTIME_PATH") or os.path.join(
            os.environ["XDG_RUNTIME_DIR"], "pulse"
        )
        sockets.append(os.path.join(runtime, "native"))
    sockets.append("/run/pulse/native")  # a system-wide server
    return any(_socket_answers(path) for path in sockets)


def _socket_answers(path: str) -> bool:
    # A socket file left by a server that died refuses the connection.
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(2)
        try:
            probe.connect(path)
        except OSError:
            return False
    return True


# --- helpers ------------------------------------------------------------------------------------


def _write_any_display_cookie(path: Path) -> None:
    """An X authority file with one cookie for any display number (family "wild", no number):
    the number is known only once Xvfb has chosen it. Only holders of the cookie may connect."""

    def counted(data: bytes) -> bytes:
        return struct.pack(">H", len(data)) + data

    family_wild = 0xFFFF
    entry = (
        struct.pack(">H", family_wild)
        + counted(b"")  # address
        + counted(b"")  # display number
        + counted(b"MIT-MAGIC-COOKIE-1")
        + counted(secrets.token_bytes(16))
    )
    path.write_bytes(entry)
    path.chmod(0o600)


def _read_line(fd: int, *, timeout: float) -> str:
    """The first line written to a pipe, or what came before it closed or the time ran out."""
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace").strip()


def _last_line(*logs: Path) -> str:
    for log in logs:
        try:
            lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
        except OSError:
            continue
        if lines:
            return lines[-1].strip()
    return "it printed nothing."


def _running_as(pid: int, name: str) -> bool:
    """Whether `pid` is a live process called `name` (not a zombie, not a reused pid)."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    comm, _, rest = stat_line.rpartition(")")
    return comm.partition("(")[2].startswith(name) and rest.split()[0] != "Z"


def _stop_process(pid: int, name: str) -> None:
    if not _running_as(pid, name):
        return
    try:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_S
        while _running_as(pid, name) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _running_as(pid, name):
            os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _stop_by_pid_file(pid_file: Path, name: str) -> None:
    try:
        pid = int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    _stop_process(pid, name)


def stop_services_in(folder: Path) -> None:
    """Stop every service whose pid file is in our private folder, then remove the folder.

    speech-dispatcher is there only when the folder is the session's runtime folder: libspeechd
    spawns it detached, and it leaves by itself a few seconds after its last client, but can hang
    if an utterance never finished.
    """
    _stop_by_pid_file(folder / "xvfb.pid", "Xvfb")
    _stop_by_pid_file(folder / "speech-dispatcher" / "pid" / "speech-dispatcher.pid",
                      "speech-dispatch")  # fmt: skip
    _stop_by_pid_file(folder / "pulse" / "pid", "pulseaudio")
    shutil.rmtree(folder, ignore_errors=True)


def _watch(lifeline: int, folder: Path) -> None:
    """The watchdog: wait for the session's end of the pipe to close, then stop what is left (if
    the session ended normally it has removed the folder, and nothing is)."""
    while os.read(lifeline, 64):
        pass
    if folder.is_dir():
        stop_services_in(folder)


# --- the plugin ---------------------------------------------------------------------------------

_SERVICES = pytest.StashKey[SessionServices]()


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # PulseAudio, Xvfb and XDG folders are Linux matters; elsewhere Qt has what it needs.
    if not sys.platform.startswith("linux") or config.option.help:
        return
    services = SessionServices()
    config.add_cleanup(services.stop)
    services.start()
    config.stash[_SERVICES] = services


def pytest_report_header(config: pytest.Config) -> str | None:
    services = config.stash.get(_SERVICES, None)
    return services.describe() if services else None


if __name__ == "__main__" and sys.argv[1:2] == ["--watch"]:
    _watch(int(sys.argv[2]), Path(sys.argv[3]))
