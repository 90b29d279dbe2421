"""Telling a USB barcode scanner from a person at the keyboard.

A scanner types like a keyboard, but fast: a code arrives as 8 or more characters, each within
30 ms of the one before, ending with Enter. Nobody types that fast. So a window holds each key
back for 30 ms: if the next comes sooner, it may be a scan; once 30 ms pass in silence, the keys
held go on to the field they were typed into, late by an instant nobody notices. An Enter that
ends a fast run of 8 or more is a scan, on whatever screen the kiosk shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_CHARACTERS = 8
MAX_GAP_MS = 30


@dataclass
class ScanDetector:
    """Fed every key with its time (ms, any monotonic clock)."""

    _held: list[str] = field(default_factory=list)
    _last_ms: int | None = None

    def key(self, character: str, at_ms: int) -> str:
        """A printable key, held back. Returns the keys held before it that can no longer be a
        scan (the gap before this one was too long): give those to the field now."""
        released = self.release(at_ms)
        self._held.append(character)
        self._last_ms = at_ms
        return released

    def enter(self, at_ms: int) -> tuple[str | None, str]:
        """Enter pressed: (the code, "") if the keys before it were a scan; else (None, the keys
        held), which go to the field followed by this Enter."""
        held, last = "".join(self._held), self._last_ms
        self._held, self._last_ms = [], None
        if last is not None and at_ms - last <= MAX_GAP_MS and len(held) >= MIN_CHARACTERS:
            return held, ""
        return None, held

    def release(self, at_ms: int) -> str:
        """The keys held, if 30 ms have passed since the last: they were a person's."""
        if self._last_ms is None or at_ms - self._last_ms <= MAX_GAP_MS:
            return ""
        held = "".join(self._held)
        self._held, self._last_ms = [], None
        return held
