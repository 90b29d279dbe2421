"""The desk's chime and alarm on the session's real sound server: heard, and rung, switched and
silenced at any moment without ever hanging the desk, even on a busy computer."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import wave
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.desk_sounds import CHIME_FILE
from kiosk.app.sound_output import RATE, SoundError, read_sound

CHURN_SECONDS = 15
# The churn's own end, plus a Python and Qt start on a loaded computer.
CHURN_WITHIN_S = CHURN_SECONDS + 45
# Sound's samples go to 32767; the null sink's silence is 0.
HEARD = 2000


@contextlib.contextmanager
def busy_processors(seconds: float) -> Iterator[None]:
    """Every processor kept busy, as on a kiosk computer doing other work: the sound server's
    thread and the desk's then meet at the moments a slip between them shows."""
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL)
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait(timeout=10)


@contextlib.contextmanager
def recording(into: Path) -> Iterator[None]:
    """What the sound server's default output plays, recorded from its monitor."""
    parec = shutil.which("parec")
    if parec is None:
        pytest.fail("The sound tests need parec: install the Debian package pulseaudio-utils.")
    with open(into, "wb") as file:
        recorder = subprocess.Popen(
            [parec, "--raw", "--format=s16le", f"--rate={RATE}", "--channels=1",
             "--device=@DEFAULT_MONITOR@"],
            stdout=file, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            yield
        finally:
            recorder.terminate()
            recorder.wait(timeout=10)


def test_the_desk_is_heard_and_never_hangs_however_its_sounds_come_and_go(tmp_path: Path) -> None:
    heard, said = tmp_path / "heard.raw", tmp_path / "said.txt"
    with recording(heard), busy_processors(CHURN_WITHIN_S), open(said, "wb") as errors:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "tests.desk_sounds_churn", str(CHURN_SECONDS), "7"],
                stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, text=True,
                timeout=CHURN_WITHIN_S,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            pytest.fail(f"The desk's sounds hung it for {CHURN_WITHIN_S} s: {qt_said(said)}")
    assert done.returncode == 0, qt_said(said)
    assert "QSocketNotifier" not in said.read_text(errors="replace"), qt_said(said)
    assert done.stdout.startswith("rang ")
    samples = array("h", heard.read_bytes()[: heard.stat().st_size & ~1])
    assert max(map(abs, samples), default=0) > HEARD, "the chime and the alarm were heard"


def qt_said(path: Path) -> str:
    """The first lines of what the program printed on stderr: a hung one prints gigabytes."""
    with open(path, "rb") as file:
        return " / ".join(file.read(2000).decode(errors="replace").splitlines()[:6])


def test_a_sound_that_is_not_16_bit_mono_is_refused_with_its_name(tmp_path: Path) -> None:
    stereo = tmp_path / "stereo.wav"
    with wave.open(str(stereo), "wb") as file:
        file.setnchannels(2)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(b"\0\0\0\0" * 100)
    with pytest.raises(SoundError, match=r"stereo\.wav is not 16-bit mono at 22050 Hz"):
        read_sound(stereo, 1.0)
    with pytest.raises(SoundError, match="can't be read"):
        read_sound(tmp_path / "missing.wav", 1.0)


def test_a_sound_s_volume_scales_its_samples() -> None:
    loud, soft = read_sound(CHIME_FILE, 1.0), read_sound(CHIME_FILE, 0.5)
    peak = max(map(abs, array("h", loud)))
    assert len(loud) == len(soft)
    assert abs(max(map(abs, array("h", soft))) - peak // 2) <= 1
