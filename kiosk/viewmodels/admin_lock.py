"""The hidden way in for staff: a corner tapped five times, then a PIN, slowed after mistakes."""

from __future__ import annotations

import time
from collections.abc import Callable

CORNER_TAPS = 5
CORNER_WINDOW_S = 3.0
MAX_WAIT_S = 300.0


class AdminLock:
    """No Qt here: the gesture and the PIN policy, tested with a clock the test moves.

    After each wrong PIN the pad stays shut for twice as long as after the one before (1 s,
    2 s, 4 s … up to five minutes), so guessing four digits would take days. The count survives
    the idle reset: it protects the kiosk, not a visitor.
    """

    def __init__(
        self, pin_matches: Callable[[str], bool], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._pin_matches = pin_matches
        self._clock = clock
        self._taps: list[float] = []
        self.failures = 0
        self._shut_until = 0.0

    def corner_tapped(self) -> bool:
        """True when this tap completes the gesture."""
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= CORNER_WINDOW_S] + [now]
        if len(self._taps) >= CORNER_TAPS:
            self._taps.clear()
            return True
        return False

    def seconds_to_wait(self) -> float:
        return max(0.0, self._shut_until - self._clock())

    def try_pin(self, pin: str) -> bool | None:
        """True for the right PIN, False for a wrong one, None if tried too soon (not counted)."""
        if self.seconds_to_wait() > 0:
            return None
        if self._pin_matches(pin):
            self.failures = 0
            return True
        self.failures += 1
        self._shut_until = self._clock() + min(2.0 ** (self.failures - 1), MAX_WAIT_S)
        return False
