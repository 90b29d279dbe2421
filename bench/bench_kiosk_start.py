"""Start to first frame of the kiosk's Welcome screen, against a bare Qt Quick window.

Each run is a fresh process started the same way; the figure is the time from the process's
first line to the window's first swapped frame. The kiosk side runs `start_kiosk`, the code
behind `kiosk run` (its hub starts after that frame, so it is not counted, as a visitor would not
wait for it). Prints figures; asserts nothing.

    uv run python bench/bench_kiosk_start.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

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
    # The real `kiosk run` path: the window first, the hub inside it just after the first frame.
    import socket
    from kiosk.app.site_settings import SiteSettings
    from kiosk.launch.kiosk_screen import start_kiosk
    from kiosk.store.settings import Settings
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(site_name="Harbour Works", hub_port=port, hub_listen="127.0.0.1")
    running = start_kiosk(SiteSettings(None, settings), Path(sys.argv[2]) / "kiosk.db",
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


def run(kind: str, folder: Path) -> float:
    root = str(Path(__file__).resolve().parents[1])
    done = subprocess.run(
        [sys.executable, "-c", CHILD.replace("ROOT", repr(root)), kind, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    bare, kiosk = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run("kiosk", folder)  # compiles the translations and warms the disk cache, not counted
        run("bare", folder)
        for i in range(runs):  # interleaved, so drift in the machine hits both alike
            db = folder / "kiosk.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            kiosk.append(run("kiosk", folder))
            bare.append(run("bare", folder))
            print(f"run {i + 1}: kiosk {kiosk[-1]:.0f} ms, bare {bare[-1]:.0f} ms", flush=True)
    k, b = statistics.median(kiosk), statistics.median(bare)
    print(
        f"start to first frame, median of {runs}: kiosk Welcome {k:.0f} ms "
        f"(the hub starts just after), bare Qt Quick window {b:.0f} ms, ratio {k / b:.2f}x "
        f"(target at most 2x)"
    )


if __name__ == "__main__":
    main()
