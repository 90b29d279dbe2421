"""A hub for the dashboard's view-model tests: it records requests and answers as told."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal


class FakeHub(QObject):
    """kiosk.hub.client.HubClient as the dashboard uses it. `answers` maps a command to what
    the hub replies (a dict), refuses (a str), or a function of the fields that says which;
    a command without an answer waits until `reply` or `refuse`. Like the real client, it
    answers on a later turn of the event loop: `settle` lets the answers in."""

    replied = Signal(int, dict)
    refused = Signal(int, str, str)
    connectionChanged = Signal(bool)
    eventReceived = Signal(dict)
    noticeReceived = Signal(dict)
    unauthorised = Signal(str)

    def __init__(self, answers: dict[str, Any] | None = None, *, connected: bool = True) -> None:
        super().__init__()
        self.answers: dict[str, Any] = answers or {}
        self.connected = connected
        self.sent: list[tuple[int, str, dict[str, Any]]] = []
        self._next = 0

    def request(self, command: str, **fields: Any) -> int:
        self._next += 1
        self.sent.append((self._next, command, fields))
        request_id = self._next
        answer = self.answers.get(command)
        if isinstance(answer, Callable):
            answer = answer(fields)
        if isinstance(answer, dict):
            QTimer.singleShot(0, self, lambda: self.replied.emit(request_id, answer))
        elif isinstance(answer, str):
            QTimer.singleShot(0, self, lambda: self.refused.emit(request_id, answer, "refused"))
        return request_id

    def settle(self) -> None:
        """Let every answer due arrive, and the answers they lead to."""
        for _ in range(10):
            QCoreApplication.processEvents()

    def commands(self) -> list[str]:
        return [command for _, command, _ in self.sent]

    def last(self, command: str) -> tuple[int, dict[str, Any]]:
        return next((i, f) for i, c, f in reversed(self.sent) if c == command)

    def reply(self, request_id: int, result: dict[str, Any]) -> None:
        self.replied.emit(request_id, result)

    def refuse(self, request_id: int, message: str, reason: str = "refused") -> None:
        self.refused.emit(request_id, message, reason)

    def go_online(self, connected: bool = True) -> None:
        self.connected = connected
        self.connectionChanged.emit(connected)


def figures_reply(visits: int = 3, first: str = "2026-11-24", last: str = "2026-11-24") -> dict:
    """A `figures` reply as the hub gives it."""
    headline = {
        "from": first,
        "to": last,
        "visits": visits,
        "wait_median_s": 70.0 if visits else None,
        "wait_p90_s": 200.0 if visits else None,
        "within_target_share": 0.67 if visits else None,
        "acknowledge_median_s": 20.0 if visits else None,
        "left_unseen": 1 if visits else 0,
    }
    return {
        "targets": {"acknowledge_s": 60, "welcome_s": 180, "escalation_repeat_s": 60},
        "current": headline,
        "previous": {**headline, "visits": 0, "left_unseen": 0},
        "by_hour": [{"hour": 9, "visits": visits, "wait_median_s": 70.0, "wait_p90_s": 200.0}]
        if visits
        else [],
        "waits": [[40, 1], [70, 1], [200, 1]] if visits else [],
        "visits_per_day": [{"day": last, "visits": visits}],
        "receptionists": [
            {"name": "Sam Jones", "welcomed": 2, "wait_median_s": 55.0,
             "within_target_share": 1.0, "best_week": {"monday": "2026-11-23", "within_target": 2}}
        ] if visits else [],
    }  # fmt: skip


def ask_through(hub: FakeHub) -> Callable[..., None]:
    """The dashboard's way to the hub, as its pages are given it, over a FakeHub."""
    waiting: dict[int, tuple[Callable, Callable | None]] = {}

    def replied(request_id: int, result: dict) -> None:
        on_reply, _ = waiting.pop(request_id, (None, None))
        if on_reply is not None:
            on_reply(result)

    def refused(request_id: int, message: str, _reason: str) -> None:
        _, on_refusal = waiting.pop(request_id, (None, None))
        if on_refusal is not None:
            on_refusal(message)

    hub.replied.connect(replied)
    hub.refused.connect(refused)

    def ask(command: str, on_reply: Callable, on_refusal: Callable | None = None, **fields) -> None:
        waiting[hub.request(command, **fields)] = (on_reply, on_refusal)

    return ask
