"""A scanned invitation to the Done screen's first frame (median, p99): read by a USB barcode
scanner (from the Enter that ends its keys) and by the camera (from the frame holding the code
being offered to the code reader, which decodes it off the GUI thread).

Drives the real QML against the real hub thread on a real SQLite file, as the tests do; the
scanner's keys are sent to the window as fast as a scanner types them, and the camera's frames
are made as in tests/test_camera_scan.py. A kiosk may check a visitor in every 5 s after a
burst of 4 (kiosk.core.pace); the hub here paces it by a clock 100 times faster, so the scans
follow one another without waiting (a paced scan would measure the wait). Prints figures;
asserts nothing.

    uv run python bench/bench_scan_to_done.py [scans]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from bench.bench_kiosk_checkin import Waiter, percentile
from bench.paced_hub import pace_faster
from kiosk.hub.local import LocalHub
from kiosk.hub.main_thread_collector import MainThreadCollector, set_aside_what_is_built
from kiosk.store.settings import Settings
from tests.qt_helpers import KioskDriver, invite, make_office, start_kiosk, stop_kiosk
from tests.test_kiosk_scan import frame_holding


def timed_scans(
    kiosk: KioskDriver, codes: list[str], ready: Callable[[str], Callable[[], None]]
) -> list[float]:
    """For each code: from Welcome, `ready(code)` sets the scan up and gives the moment to time
    from; then the time to Done's first frame (ms)."""
    frames: list[float] = []
    built: list[float] = []
    kiosk.window.frameSwapped.connect(lambda: frames.append(time.perf_counter()))
    kiosk.item("screenLoader").loaded.connect(lambda: built.append(time.perf_counter()))
    latencies = []
    for code in codes:
        kiosk.kiosk.reset()
        kiosk.item("checkInStart")
        kiosk.settle()
        act = ready(code)
        frames.clear()
        built.clear()
        started = time.perf_counter()
        act()
        # Done counts as shown at the first frame after the loader finished building it.
        kiosk.qtbot.waitUntil(
            lambda: (
                kiosk.kiosk.property("screen") == "done"
                and bool(built)
                and any(f > built[-1] for f in frames)
            ),
            timeout=10000,
        )
        latencies.append((next(f for f in frames if f > built[-1]) - started) * 1000)
    return latencies


def scanner(kiosk: KioskDriver) -> Callable[[str], Callable[[], None]]:
    """The scanner types the code; the clock starts at the Enter that ends it."""

    def ready(code: str) -> Callable[[], None]:
        for ch in code:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                QGuiApplication.sendEvent(kiosk.window, event)

        def enter() -> None:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
                QGuiApplication.sendEvent(kiosk.window, event)

        return enter

    return ready


def camera(kiosk: KioskDriver) -> Callable[[str], Callable[[], None]]:
    """The camera screen shows; the clock starts as the frame holding the code is offered."""

    def ready(code: str) -> Callable[[], None]:
        image = frame_holding(code)
        kiosk.kiosk.go("camera")
        kiosk.item("cameraHint")
        kiosk.settle()
        reader = kiosk.kiosk.scan.camera_frames()
        return lambda: reader.offer(image)

    return ready


def report(what: str, latencies: list[float]) -> None:
    print(
        f"{what} to Done's first frame over {len(latencies)} scans: "
        f"median {statistics.median(latencies):.1f} ms, p99 {percentile(latencies, 99):.1f} ms, "
        f"max {max(latencies):.1f} ms (target p99 ≤ 300 ms)"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    pace_faster(100)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    MainThreadCollector(app)  # cycles collected on this thread, as in the program
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kiosk.db"
        office = (path, make_office(path, int(time.time() * 1000)))
        settings = Settings(site_name="Harbour Works")
        hub = LocalHub(path, settings)
        kiosk, client = start_kiosk(Waiter(), hub, settings, (1920, 1080), Path(tmp) / "qm")
        set_aside_what_is_built()  # as `kiosk screen` does once Welcome is out
        codes = [invite(office, f"Visitor {i:04d}")[0] for i in range(2 * count)]
        report("scanner's Enter", timed_scans(kiosk, codes[:count], scanner(kiosk)))
        report("camera frame offered", timed_scans(kiosk, codes[count:], camera(kiosk)))
        stop_kiosk(kiosk, client)
        hub.stop()
    del app
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
