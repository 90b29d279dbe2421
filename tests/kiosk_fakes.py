"""Hand-written fakes for the kiosk's view models: the hub, the voice, languages, the site."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.store.settings import Settings
from kiosk.viewmodels.kiosk import KioskViewModel
from tests.qt_helpers import *  # noqa: F403 (prepares Qt before the app exists)


class FakeHub(QObject):
    replied = Signal(int, dict)
    refused = Signal(int, str, str)  # request id, sentence, reason code
    connectionChanged = Signal(bool)
    eventReceived = Signal(dict)

    def __init__(self) -> None:
        super().__init__()
        self.connected = True
        self.sent: list[tuple[int, str, dict[str, Any]]] = []

    def request(self, command: str, **fields: Any) -> int:
        self.sent.append((len(self.sent) + 1, command, fields))
        return len(self.sent)

    def answer(self, result: dict[str, Any]) -> None:
        self.replied.emit(self.sent[-1][0], result)


class FakeVoice:
    def __init__(self) -> None:
        self.enabled = True
        self.said: list[str] = []

    def say(self, text: str, language: str = "en") -> None:
        self.said.append(text)

    def forget(self) -> None:
        self.said.clear()


class FakeLanguages:
    language = "en"

    def use(self, language: str) -> None:
        self.language = language


class FakeSite:
    def __init__(self, settings: Settings) -> None:
        self.current = settings
        self.saved: list[tuple[str, object]] = []

    has_pin = True

    def pin_matches(self, pin: str) -> bool:
        return pin == "1357"

    def save_speech(self, on: bool) -> None:
        self.saved.append(("speech", on))

    def save_language(self, language: str) -> None:
        self.saved.append(("language", language))

    def save_targets(self, acknowledge_s: int, welcome_s: int) -> None:
        self.saved.append(("targets", (acknowledge_s, welcome_s)))


def make(qapp, **settings: Any) -> tuple[KioskViewModel, FakeHub, FakeVoice]:
    hub, voice = FakeHub(), FakeVoice()
    vm = KioskViewModel(hub, FakeSite(Settings(**settings)), voice, FakeLanguages())
    return vm, hub, voice
