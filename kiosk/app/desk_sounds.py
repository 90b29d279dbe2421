"""The desk console's sounds: a chime while a visitor waits unanswered, an alarm when overdue,
played through the program's one sound output (see kiosk.app.sound_output for why)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.app.resources import shipped
from kiosk.app.sound_output import read_sound, the_output

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
        self._sounds = {
            CHIME: read_sound(CHIME_FILE, chime_volume),
            ALARM: read_sound(ALARM_FILE, alarm_volume),
        }
        self._output = the_output()
        self._repeat_ms = {CHIME: int(chime_repeat_s * 1000), ALARM: int(alarm_repeat_s * 1000)}
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._ring)
        self.level = QUIET
        self.rings = {CHIME: 0, ALARM: 0}  # how often each has rung since start
        self._closed = False
        self._output.availableChanged.connect(self.availableChanged)

    @property
    def available(self) -> bool:
        return self._output.available

    def set_level(self, level: str) -> None:
        """QUIET, CHIME or ALARM; a new level rings at once, the same level keeps its rhythm."""
        if level == self.level:
            return
        self.level = level
        self._timer.stop()
        if level == QUIET:
            self._output.silence()
        else:
            self._ring()
            self._timer.start(self._repeat_ms[level])

    def ring_again(self) -> None:
        """Ring now (a new arrival or a new escalation), restarting the rhythm."""
        if self.level != QUIET:
            self._timer.stop()
            self._ring()
            self._timer.start(self._repeat_ms[self.level])

    def close(self) -> None:
        """Quiet for good: the console is going."""
        if self._closed:
            return
        self.set_level(QUIET)
        self._closed = True
        self._output.availableChanged.disconnect(self.availableChanged)

    def _ring(self) -> None:
        if self._closed:
            return
        self._output.play(self._sounds[self.level])
        self.rings[self.level] += 1
        self.rang.emit(self.level)
