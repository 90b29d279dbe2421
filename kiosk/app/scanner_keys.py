"""A USB barcode scanner at the kiosk: it types like a keyboard, so every key to the window is
looked at first (kiosk.core.scanner says what is a scan). Keys are held back for an instant and
then go on to the focused field exactly as typed; a scan never reaches a field."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent

from kiosk.core.scanner import MAX_GAP_MS, ScanDetector

# Qt's keys by number: the filter is made before the kiosk's first frame, and naming Qt's keys,
# modifiers or timer types loads the whole Qt namespace, which that frame would wait for. The
# first key loads it.
_ENTER = {0x01000004, 0x01000005}  # Key_Return, Key_Enter
# Pressed on their own between the characters: a scanner types "F" as Shift, then f.
# Key_Shift, Key_Control, Key_Meta, Key_Alt, Key_CapsLock, Key_AltGr.
_MODIFIER_KEYS = {0x01000020, 0x01000021, 0x01000022, 0x01000023, 0x01000024, 0x01001103}
_KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease}
# A tap right after typing: what was typed reaches the field before the tap reaches its button.
_PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


def _now_ms() -> int:
    return time.monotonic_ns() // 1_000_000


class ScannerKeys(QObject):
    """An event filter for the kiosk's window: `on_scan(code)` for each scan, while
    `takes_scans()` says the screen takes them (elsewhere, keys stay keys)."""

    def __init__(
        self,
        on_scan: Callable[[str], None],
        takes_scans: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_scan = on_scan
        self._takes_scans = takes_scans
        self._detector = ScanDetector()
        self._held: list[QKeyEvent] = []  # the presses held back, in order
        self._passing = False  # sending held keys on: they are not looked at again
        self._window: QObject | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._quiet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESSES and self._held:
            self._window = watched
            self._flush()
        if self._passing or kind not in _KEYS:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in _MODIFIER_KEYS:
            return False  # neither a character nor a person's key: it changes nothing held
        self._window = watched
        printable = _printable(event)
        if kind == QEvent.Type.KeyRelease:
            return printable and self._takes_scans()  # its press is held, or has been sent on
        now = _now_ms()
        if not self._takes_scans():
            self._flush()
            return False
        if printable:
            self._pass_on(self._detector.key(event.text(), now))
            self._held.append(event.clone())
            self._wait_for_next_key()
            return True
        if event.key() in _ENTER:
            code, held = self._detector.enter(now)
            self._timer.stop()
            if code is not None:
                self._held.clear()
                self._on_scan(code)
                return True
            self._pass_on(held)
            return False
        # Backspace, an arrow, a shortcut: what was typed before it goes first.
        self._flush()
        return False

    def _wait_for_next_key(self) -> None:
        from PySide6.QtCore import Qt

        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.start(MAX_GAP_MS + 1)

    def _flush(self) -> None:
        """What is held goes on now: it was typed by a person."""
        self._timer.stop()
        self._pass_on(self._detector.release(_now_ms() + MAX_GAP_MS + 1))

    def _quiet(self) -> None:
        """No key for a while: what is held was typed by a person."""
        self._flush()

    def _pass_on(self, released: str) -> None:
        """Send the oldest held presses, as many as the detector released, to the window."""
        if not released or self._window is None:
            return
        presses, self._held = self._held[: len(released)], self._held[len(released) :]
        self._passing = True
        try:
            for press in presses:
                QGuiApplication.sendEvent(self._window, press)
                release = QKeyEvent(
                    QEvent.Type.KeyRelease, press.key(), press.modifiers(), press.text()
                )
                QGuiApplication.sendEvent(self._window, release)
        finally:
            self._passing = False


def _printable(event: QKeyEvent) -> bool:
    from PySide6.QtCore import Qt

    text = event.text()
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    return len(text) == 1 and text.isprintable() and not (event.modifiers() & shortcut)
