"""What the view models need from the program around them: the hub client, the voice, the
language switcher and the badge printer, each as little as they use of it."""

from __future__ import annotations

from typing import Any, Protocol


class Hub(Protocol):
    """kiosk.hub.client.HubClient"""

    replied: Any
    refused: Any
    connectionChanged: Any
    eventReceived: Any

    @property
    def connected(self) -> bool: ...

    def request(self, command: str, **fields: Any) -> int: ...


class Voice(Protocol):
    """kiosk.app.speech.Speech"""

    enabled: bool

    def say(self, text: str, language: str = "en") -> None: ...

    def forget(self) -> None: ...


class Languages(Protocol):
    """kiosk.app.translations.LanguageSwitcher"""

    language: str

    def use(self, language: str) -> None: ...


class BadgePrinter(Protocol):
    """kiosk.app.badge_printer.BadgePrinter"""

    problemChanged: Any

    @property
    def problem(self) -> str: ...

    def print_badge(self, badge: dict[str, str]) -> None: ...

    def setParent(self, parent: Any) -> None: ...  # a QObject's
