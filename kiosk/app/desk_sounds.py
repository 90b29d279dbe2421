"""The desk console's sounds: a chime while a visitor waits unanswered, an alarm when overdue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from kiosk.app.resources import shipped

DESK_ASSETS = shipped("assets") / "desk"
CHIME_FILE = DESK_ASSETS / "chime.wav"
ALARM_FILE = DESK_ASSETS / "alarm.wav"

QUIET = "quiet"
CHIME = "chime"
ALARM = "alarm"


class DeskSounds(QObject):
    """Rings at the level it is given and keeps ringing at that level's interval until told
    otherwise: a receptionist on the phone must still hear it on the second or third ring."""

    rang = Signal(str)  # the level that just rang
    availableChanged = Signal(bool)  # whether this computer can make a sound at all

    def __init__(
        self,
        *,
        chime_volume: float = 0.7,
        alarm_volume: float = 1.0,
        chime_repeat_s: float = 20,
        alarm_repeat_s: float = 6,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._effects = {
            CHIME: self._effect(CHIME_FILE, chime_volume),
            ALARM: self._effect(ALARM_FILE, alarm_volume),
        }
        self._repeat_ms = {CHIME: int(chime_repeat_s * 1000), ALARM: int(alarm_repeat_s * 1000)}
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._ring)
        self.level = QUIET
        self.rings = {CHIME: 0, ALARM: 0}  # how often each has rung since start
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self.available = bool(QMediaDevices.audioOutputs())

    def _outputs_changed(self) -> None:
        available = bool(QMediaDevices.audioOutputs())
        if available != self.available:
            self.available = available
            self.availableChanged.emit(available)

    def _effect(self, source: Path, volume: float) -> QSoundEffect:
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(source)))
        effect.setVolume(max(0.0, min(1.0, volume)))
        return effect

    def effect(self, level: str) -> QSoundEffect:
        return self._effects[level]

    def set_level(self, level: str) -> None:
        """QUIET, CHIME or ALARM; a new level rings at once, the same level keeps its rhythm."""
        if level == self.level:
            return
        self.level = level
        self._timer.stop()
        for effect in self._effects.values():
            effect.stop()
        if level != QUIET:
            self._ring()
            self._timer.start(self._repeat_ms[level])

    def ring_again(self) -> None:
        """Ring now (a new arrival or a new escalation), restarting the rhythm."""
        if self.level != QUIET:
            self._timer.stop()
            self._ring()
            self._timer.start(self._repeat_ms[self.level])

    def _ring(self) -> None:
        effect = self._effects[self.level]
        effect.play()
        self.rings[self.level] += 1
        self.rang.emit(self.level)
