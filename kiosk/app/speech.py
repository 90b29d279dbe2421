"""Speaking the visitor's greeting aloud with Qt Text to Speech."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

_LOCALES = {"en": QLocale(QLocale.Language.English), "es": QLocale(QLocale.Language.Spanish)}


class Speech(QObject):
    """Says short sentences; a kiosk without a working voice stays silent rather than failing.

    The engine is made on first use: on some machines loading it takes a while, and the Welcome
    screen should not wait for a voice it does not need yet.
    """

    spoken = Signal(str)

    def __init__(
        self, *, enabled: bool = True, engine: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._engine_name = engine
        self._tts: QTextToSpeech | None = None
        self.said: list[str] = []  # what was spoken since start, newest last

    def say(self, text: str, language: str = "en") -> None:
        if not self.enabled or not text:
            return
        tts = self._engine()
        if tts is None:
            return
        locale = _LOCALES.get(language)
        if locale is not None and locale in tts.availableLocales():
            tts.setLocale(locale)
        tts.stop()
        tts.say(text)
        self.said.append(text)
        self.spoken.emit(text)

    def forget(self) -> None:
        """Drop the record of what was said: it holds visitors' names."""
        self.said.clear()
        if self._tts is not None:
            self._tts.stop()

    def _engine(self) -> QTextToSpeech | None:
        if self._tts is None:
            tts = (
                QTextToSpeech(self._engine_name, self) if self._engine_name else QTextToSpeech(self)
            )
            if tts.state() == QTextToSpeech.State.Error:
                log.warning("Speech is off: %s", tts.errorString() or "no voice available")
                self.enabled = False
                return None
            self._tts = tts
        return self._tts
