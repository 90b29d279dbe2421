"""Short sounds played through one audio output that stays open for as long as the program runs.

Qt's QSoundEffect is not used: Qt Multimedia 6.11 ends a sound effect's voice on the sound
server's thread, destroying there a socket notifier made on the GUI thread; the GUI thread's event
loop then spins on the closed descriptor for good, at full processor, and the window answers
nothing more. On a loaded computer it happens within seconds of sounds starting and ending
(tests/desk_sounds_churn.py shows it). An output that is opened once and never stopped has no
voice to end: a sound is samples written to it, and between sounds it plays silence.

A sound is a 16-bit mono WAV file at RATE, read once, its volume applied to the samples.
"""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

_output: SoundOutput | None = None

RATE = 22_050
BUFFER_BYTES = RATE  # half a second of 16-bit samples: a sound is written in a few turns
FEED_MS = 40


class SoundError(RuntimeError):
    """A sound file that can't be played; the message says which and why."""


def read_sound(path: Path, volume: float) -> bytes:
    """The samples of `path` (16-bit mono at RATE), at `volume` (0 to 1), as the output takes
    them."""
    try:
        with wave.open(str(path), "rb") as file:
            shape = (file.getsampwidth(), file.getnchannels(), file.getframerate())
            frames = file.readframes(file.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise SoundError(f"The sound {path} can't be read ({error}).") from error
    if shape != (2, 1, RATE):
        raise SoundError(f"The sound {path} is not 16-bit mono at {RATE} Hz.")
    samples = array("h", frames)
    gain = max(0.0, min(1.0, volume))
    return array("h", (int(sample * gain) for sample in samples)).tobytes()


def the_output() -> SoundOutput:
    """The program's sound output, made on first use and kept by the application."""
    global _output
    if _output is None:
        _output = SoundOutput(QCoreApplication.instance())
    return _output


class SoundOutput(QObject):
    """Plays one sound at a time on this computer's default output; a new sound replaces the
    rest of the one playing."""

    availableChanged = Signal(bool)  # whether this computer can make a sound at all

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = bool(QMediaDevices.audioOutputs())
        self._sink: QAudioSink | None = None
        self._device: QIODevice | None = None
        self._pending = b""
        self._feed = QTimer(self, interval=FEED_MS)
        self._feed.timeout.connect(self._write)
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._open()

    def play(self, sound: bytes) -> None:
        self._pending = sound
        self._write()
        if self._pending:
            self._feed.start()

    def silence(self) -> None:
        """What is not yet written is dropped; the little already written plays out."""
        self._pending = b""
        self._feed.stop()

    def _outputs_changed(self) -> None:
        available = bool(QMediaDevices.audioOutputs())
        if available != self.available:
            self.available = available
            self.availableChanged.emit(available)
        self._open()

    def _open(self) -> None:
        """Opened once, when there is an output; a sound server moves it to another output by
        itself when the one it plays on goes."""
        if self._sink is not None or not self.available:
            return
        form = QAudioFormat()
        form.setSampleRate(RATE)
        form.setChannelCount(1)
        form.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(QMediaDevices.defaultAudioOutput(), form, self)
        self._sink.setBufferSize(BUFFER_BYTES)
        self._device = self._sink.start()

    def _write(self) -> None:
        if self._device is None or self._sink is None:
            self.silence()
            return
        room = min(len(self._pending), self._sink.bytesFree()) & ~1
        if room:
            written = self._device.write(self._pending[:room])
            self._pending = self._pending[max(written, 0) :]
        if not self._pending:
            self._feed.stop()
