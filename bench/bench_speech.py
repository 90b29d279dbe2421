"""The longest stall of the kiosk's GUI thread while the real voice greets visitors, with a
sound server and without one.

Each run greets visitors through the kiosk's view model (the Done screen goes back to Welcome
on its own timer, cutting the greeting short as a visitor walking off would) with speech in its
child process: speech-dispatcher and espeak-ng. A 5 ms timer on the GUI thread records the gap
between beats; the figures are the median, p99 and maximum gap. "Without a sound server" gives
the voice its own speech-dispatcher with no sound and skips the audio-output check, so the
engine meets the very conditions that once froze the kiosk; the default check would simply turn
speech off at start. Prints figures; asserts nothing.

    uv run python bench/bench_speech.py [--greetings 50] [--done-ms 250]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from kiosk.app.speech import Speech
from tests.speech_helpers import (
    VISITORS,
    Heartbeat,
    check_in,
    kiosk_with,
    speech_dispatcher_without_sound,
)


def wait_until(condition, timeout_s: float) -> bool:
    end = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > end:
            return False
        QTimer.singleShot(5, loop.quit)
        loop.exec()
    return True


def soak(speech: Speech, greetings: int, done_s: float) -> dict[str, object]:
    spoken: list[str] = []
    speech.spoken.connect(spoken.append)
    vm, hub = kiosk_with(speech, done_s=done_s)
    resets = [0]
    vm.resetDone.connect(lambda: resets.__setitem__(0, resets[0] + 1))
    heartbeat = Heartbeat(interval_ms=5)
    started = time.monotonic()
    for n in range(greetings):
        check_in(vm, hub, VISITORS[n % len(VISITORS)], "es" if n % 5 == 4 else "en")
        if not wait_until(lambda n=n: resets[0] > n, timeout_s=10):
            break
    # One more, left to finish: does the voice still speak at the end?
    speech.say("Thank you for waiting.")
    wait_until(lambda: "Thank you for waiting." in spoken or not speech.enabled, timeout_s=15)
    heartbeat.stop()
    elapsed = time.monotonic() - started
    speech.close()
    gaps = sorted(heartbeat.gaps_ms)
    return {
        "greetings": greetings,
        "idle resets": resets[0],
        "spoken to the end": len(spoken),
        "speech at the end": "on" if speech.enabled else f"off ({speech.offReason})",
        "seconds": round(elapsed, 1),
        "median ms": round(statistics.median(gaps), 1),
        "p99 ms": round(gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))], 1),
        "max ms": round(gaps[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--greetings", type=int, default=50, help="visitors greeted per run")
    parser.add_argument("--done-ms", type=int, default=250, help="Done screen's time, in ms")
    options = parser.parse_args()
    app = QCoreApplication(sys.argv)  # noqa: F841 (the event loop the timers need)
    done_s = options.done_ms / 1000

    rows = {"with a sound server": soak(Speech(), options.greetings, done_s)}
    with speech_dispatcher_without_sound() as environment:
        voice = Speech(check_audio=False, environment=environment)
        rows["without a sound server"] = soak(voice, options.greetings, done_s)

    keys = list(next(iter(rows.values())))
    width = max(len(k) for k in keys)
    print(f"{'':{width}}  " + "  ".join(f"{name:>24}" for name in rows))
    for key in keys:
        print(f"{key:{width}}  " + "  ".join(f"{row[key]!s:>24}" for row in rows.values()))


if __name__ == "__main__":
    main()
