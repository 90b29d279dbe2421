"""Writes the desk console's chime and alarm (small 16-bit mono WAVs) next to this file.

Run it again after changing a tone: `uv run python assets/desk/make_sounds.py`.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
HERE = Path(__file__).resolve().parent


def _tone(freq: float, seconds: float, volume: float, decay: float, harmonics: int = 3) -> list:
    """A bell-like tone: a few harmonics under an exponential decay, with a soft attack."""
    samples = []
    for i in range(int(RATE * seconds)):
        t = i / RATE
        attack = min(1.0, t / 0.01)
        wave_ = sum(math.sin(2 * math.pi * freq * k * t) / k**1.5 for k in range(1, harmonics + 1))
        samples.append(volume * attack * math.exp(-decay * t) * wave_ / 1.6)
    return samples


def _pulse(freq: float, seconds: float, volume: float) -> list:
    """A bright, urgent beep: odd harmonics (square-ish), flat, with short ramps."""
    n = int(RATE * seconds)
    samples = []
    for i in range(n):
        t = i / RATE
        ramp = min(1.0, i / 200, (n - i) / 200)
        wave_ = sum(math.sin(2 * math.pi * freq * k * t) / k for k in (1, 3, 5))
        samples.append(volume * ramp * wave_ / 1.5)
    return samples


def _silence(seconds: float) -> list:
    return [0.0] * int(RATE * seconds)


def _write(name: str, samples: list) -> None:
    with wave.open(str(HERE / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(
            b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767)) for s in samples)
        )


def main() -> None:
    # A two-note doorbell: friendly, and different from any phone or e-mail sound.
    _write("chime.wav", _tone(659.3, 0.45, 0.8, 5) + _tone(523.3, 0.75, 0.8, 4))
    # Escalation: three high-low pairs, loud and impossible to mistake for the chime.
    alarm: list = []
    for _ in range(3):
        alarm += _pulse(988, 0.14, 0.9) + _silence(0.03) + _pulse(740, 0.14, 0.9) + _silence(0.08)
    _write("alarm.wav", alarm)


if __name__ == "__main__":
    main()
