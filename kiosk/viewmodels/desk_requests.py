"""The requests a desk console has sent the hub, and what to do with each answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot

from kiosk.viewmodels.services import Hub

Reply = Callable[[dict[str, Any]], None]
Refusal = Callable[[str, str], None]  # (the hub's sentence, its reason code)


class DeskRequests(QObject):
    """A QObject, the console's child, so that the hub's answers stop with the console."""

    def __init__(self, say: Callable[[str], None], parent: QObject | None = None) -> None:
        """`say` shows the hub's sentence for a refusal nobody else handles."""
        super().__init__(parent)
        self._say = say
        self._waiting: dict[int, tuple[Reply, Refusal | None]] = {}

    def send(
        self, hub: Hub, command: str, on_reply: Reply, on_refusal: Refusal | None, **fields: Any
    ) -> None:
        self._waiting[hub.request(command, **fields)] = (on_reply, on_refusal)

    @Slot(int, dict)
    def replied(self, request_id: int, result: dict) -> None:
        on_reply, _ = self._waiting.pop(request_id, (None, None))
        if on_reply is not None:
            on_reply(result)

    @Slot(int, str, str)
    def refused(self, request_id: int, message: str, reason: str = "") -> None:
        if request_id not in self._waiting:
            return
        _, on_refusal = self._waiting.pop(request_id)
        if on_refusal is not None:
            on_refusal(message, reason)
        else:
            self._say(message)
