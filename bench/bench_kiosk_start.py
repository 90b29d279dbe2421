"""Start to first frame of the kiosk's Welcome screen, against a bare Qt Quick window.

Two ways of counting, each against a bare Qt Quick window counted the same way:

- `screen`: inside a fresh process, from its first line to the window's first swapped frame.
  The kiosk side runs `start_kiosk`, the code behind `kiosk screen` (it reaches its hub after
  that frame, so the connection is not counted, as a visitor would not wait for it).
- `run`: from the moment `kiosk run --windowed` is started to the moment its screen process
  says it shows Welcome (the line it prints on its first frame), read by this script: the
  supervisor's start, both children's start and the screen's first frame, all counted. The bare
  window is the same bare process as above, started and counted the same way (from this script
  starting it to the line it prints on its first frame).

Both on Qt's offscreen platform. Interleaved runs, so drift in the machine hits both sides alike;
prints the median and p99 of each and the ratio of the medians. Asserts nothing.

Every process here runs warm, as on an installed kiosk, and the first of each kind is not counted:
Qt's compiled QML and the compiled translations are cached, and so is Python's bytecode, in a
folder of the bench's own (even where PYTHONDONTWRITEBYTECODE is set), so that no counted run
compiles the program's Python sources. What only the bench needs (a free port for the hub that
the kiosk will look for) is found before the count starts.

    uv run python bench/bench_kiosk_start.py [runs] [screen|run|both]
"""

from __future__ import annotations

import math
import os
import selectors
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The `kiosk` command as installed beside this Python, as a user (or the kiosk's autostart) runs
# it; `python -m kiosk` where it is not installed.
_SCRIPT = Path(sys.executable).with_name("kiosk")
KIOSK = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "kiosk"]

CHILD = r"""
import time
t0 = time.perf_counter()
import sys
from pathlib import Path
sys.path.insert(0, ROOT)
from kiosk.app.qt_environment import prepare_kiosk_environment
prepare_kiosk_environment(offscreen=True)
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv)
kind = sys.argv[1]
keep = []
if kind == "bare":
    engine = QQmlApplicationEngine()
    engine.loadData(b'import QtQuick\nWindow { width: 1920; height: 1080; visible: true; '
                    b'Text { anchors.centerIn: parent; text: "Front Desk"; font.pixelSize: 96 } }')
    window = engine.rootObjects()[0]
    keep.append(engine)
else:
    # The real `kiosk screen` path: the window first, the hub client just after the first frame.
    from kiosk.app.site_settings import SiteSettings
    from kiosk.launch.kiosk_screen import start_kiosk
    from kiosk.store.settings import Settings
    port = int(sys.argv[3])
    settings = Settings(site_name="Harbour Works", hub_port=port, hub_listen="127.0.0.1")
    running = start_kiosk(SiteSettings(None, settings), Path(sys.argv[2]),
                          lockdown=False, speech_engine="mock", cache=Path(sys.argv[2]) / "qm")
    window = running.screen.window
    keep.append(running)
def first_frame():
    print(f"{(time.perf_counter() - t0) * 1000:.1f}", flush=True)
    import os
    os._exit(0)
window.frameSwapped.connect(first_frame)
app.exec()
"""


def in_process(kind: str, folder: Path) -> float:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD.replace("ROOT", repr(str(ROOT))),
            kind,
            str(folder),
            str(free_port()),
        ],
        env=_warm(folder),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return float(done.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _warm(folder: Path) -> dict[str, str]:
    """The environment, with Python's bytecode kept in `folder` and used from there."""
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": str(folder / "bytecode")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _offscreen(folder: Path) -> dict[str, str]:
    return {**_warm(folder), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def _until_line(process: subprocess.Popen, starts: str, started: float) -> float:
    """Milliseconds from `started` until `process` prints a line starting with `starts`."""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        deadline = started + 120
        while time.monotonic() < deadline:
            if selector.select(timeout=1):
                line = process.stdout.readline()
                if line and line.startswith(starts):
                    return (time.monotonic() - started) * 1000
                if not line:
                    break
    raise RuntimeError(f"no '{starts}' line: {process.stderr.read() if process.stderr else ''}")


def whole_run(home: Path, folder: Path) -> float:
    """`kiosk run --windowed` from its start to its screen's first frame; then stop it."""
    started = time.monotonic()
    process = subprocess.Popen(
        [*KIOSK, "--home", str(home), "run", "--windowed"],
        env=_offscreen(folder),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        return _until_line(process, "The kiosk screen shows Welcome", started)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


def bare_process(folder: Path) -> float:
    """The bare Qt Quick window's process (`CHILD bare`, with the kiosk's Qt environment), from
    its start to its first frame, counted the same way as `whole_run`."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD.replace("ROOT", repr(str(ROOT))), "bare", str(folder)],
        env=_offscreen(folder),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        return _until_line(process, "", started)
    finally:
        process.kill()
        process.communicate()


def run_home(folder: Path) -> Path:
    """A kiosk's folder on a free loopback port, as `kiosk run` would find it at a front desk."""
    sys.path.insert(0, str(ROOT))
    from kiosk.store.settings import load_settings, save_setting

    home = folder / "run-home"
    settings_file = home / "settings.toml"
    load_settings(settings_file)
    save_setting(settings_file, "hub", "listen", "127.0.0.1")
    save_setting(settings_file, "hub", "port", free_port())
    save_setting(settings_file, "kiosk", "speech", False)
    return home


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]


def report(what: str, kiosk: list[float], bare: list[float], target: float) -> None:
    k, b = statistics.median(kiosk), statistics.median(bare)
    print(
        f"{what}, {len(kiosk)} runs: kiosk median {k:.0f} ms, p99 {p99(kiosk):.0f} ms; "
        f"bare Qt Quick window median {b:.0f} ms, p99 {p99(bare):.0f} ms; "
        f"ratio of medians {k / b:.2f}x (target at most {target:g}x)",
        flush=True,
    )


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    modes = sys.argv[2] if len(sys.argv) > 2 else "both"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if modes in ("screen", "both"):
            screen_alone(folder, runs)
        if modes in ("run", "both"):
            supervised(folder, runs)


def screen_alone(folder: Path, runs: int) -> None:
    in_process("kiosk", folder)  # compiles the translations and warms the disk cache, not counted
    in_process("bare", folder)
    bare, kiosk = [], []
    for i in range(runs):
        kiosk.append(in_process("kiosk", folder))
        bare.append(in_process("bare", folder))
        print(f"screen run {i + 1}: kiosk {kiosk[-1]:.0f} ms, bare {bare[-1]:.0f} ms", flush=True)
    report("kiosk screen, its process's first line to first frame", kiosk, bare, 2)


def supervised(folder: Path, runs: int) -> None:
    home = run_home(folder)
    whole_run(home, folder)  # makes the certificate and credential, warms the caches; not counted
    bare_process(folder)
    bare, kiosk = [], []
    for i in range(runs):
        kiosk.append(whole_run(home, folder))
        bare.append(bare_process(folder))
        print(f"kiosk run {i + 1}: kiosk {kiosk[-1]:.0f} ms, bare {bare[-1]:.0f} ms", flush=True)
    report("kiosk run, start of the command to the screen's first frame", kiosk, bare, 1.5)


if __name__ == "__main__":
    main()
