"""Benchmark: reading codes from camera frames.

    uv run python bench/bench_scan.py            # 200 decodes, a 10 s feed
    uv run python bench/bench_scan.py --quick

1. The cost of decoding one 1280x720 frame with zxing-cpp (`codes_in`), for a frame holding an
   invitation's QR code on a cluttered background and for the same background without one (what
   most frames are): median and p99 of `--decodes` calls.
2. The frame rate the kiosk sustains while scanning: a QTimer offers a frame every 33 ms, as a
   30 fps camera would, to `FrameScanner` (decoding off the GUI thread, dropping frames while
   busy) for `--seconds`, while a 5 ms heartbeat on the GUI thread measures its longest gap.
   Prints the frames decoded per second, the codes found, and the heartbeat's median, p99 and
   longest gap (a GUI frame is 16 ms). Asserts nothing.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.app.camera_scan import FrameScanner, codes_in
from tests.test_camera_scan import frame


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]


def decode_cost(decodes: int) -> None:
    with_code, without = frame(6, 20, clutter=True), frame(clutter=True, with_code=False)
    for label, image in (("with a code", with_code), ("without a code", without)):
        codes_in(image)  # warm up
        times = []
        for _ in range(decodes):
            started = time.perf_counter()
            codes_in(image)
            times.append((time.perf_counter() - started) * 1000)
        print(f"decode one 1280x720 frame {label:<15} median {statistics.median(times):6.1f} ms"
              f"   p99 {p99(times):6.1f} ms   ({decodes} decodes)")  # fmt: skip


def sustained(seconds: float) -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    scanner = FrameScanner()
    images = [frame(6, 20, clutter=True), frame(6, 20, clutter=False)]
    offered = decoded = 0
    found: list[str] = []
    scanner.codeFound.connect(found.append)

    def offer() -> None:
        nonlocal offered, decoded
        offered += 1
        decoded += scanner.offer(images[offered % 2])

    camera = QTimer(interval=33)
    camera.timeout.connect(offer)
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def beat() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(beat)
    clock.start()
    camera.start()
    heartbeat.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    scanner.stop()
    gaps = gaps[1:]
    print(f"while scanning for {seconds:.0f} s: {offered / seconds:.1f} frames offered a second, "
          f"{decoded / seconds:.1f} decoded a second, {len(found)} distinct scan(s)")  # fmt: skip
    print(f"GUI heartbeat (5 ms): median {statistics.median(gaps):.1f} ms, p99 {p99(gaps):.1f} ms, "
          f"longest {max(gaps):.1f} ms (a frame is 16 ms)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decodes", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--quick", action="store_true", help="20 decodes and a 3 s feed")
    args = parser.parse_args()
    if args.quick:
        args.decodes, args.seconds = 20, 3.0
    decode_cost(args.decodes)
    sustained(args.seconds)


if __name__ == "__main__":
    main()
