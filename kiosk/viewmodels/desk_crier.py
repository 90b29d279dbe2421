"""What the desk console says out loud and in notifications: an arrival, an escalation, the
news a receptionist must hear of besides (checked in again, says they are leaving, gone while
someone was on the way), and how loud the desk is while visitors wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject

from kiosk.core.lifecycle import UNDO_WINDOW_MS
from kiosk.viewmodels.desk_note import DeskNote
from kiosk.viewmodels.desk_queue import DeskQueue

QUIET, CHIME, ALARM = "quiet", "chime", "alarm"  # as kiosk.app.desk_sounds names them


class Sounds(Protocol):
    """kiosk.app.desk_sounds.DeskSounds"""

    level: str
    available: bool  # False: this computer has no sound output at all
    availableChanged: Any

    def set_level(self, level: str) -> None: ...

    def ring_again(self) -> None: ...


class Tray(Protocol):
    """kiosk.app.desk_tray.DeskTray"""

    def set_count(self, count: int, unanswered: int = 0) -> None: ...

    def notify(self, title: str, body: str, *, urgent: bool = False) -> None: ...


class DeskCrier(QObject):
    def __init__(
        self,
        sounds: Sounds,
        tray: Tray,
        note: DeskNote,
        notifications: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sounds, self._tray, self._note = sounds, tray, note
        self._notifications = notifications
        self._attention: tuple[str, int, int] = (QUIET, 0, 0)

    def attend(self, queue: DeskQueue) -> tuple[bool, bool, bool]:
        """The chime while anyone is unanswered, the alarm while anyone is escalated, the count
        in the tray; whether the level, the count and the unanswered count changed."""
        unanswered = queue.unanswered()
        level = ALARM if queue.any_escalated() else CHIME if unanswered else QUIET
        self._sounds.set_level(level)
        state = (level, queue.rowCount(), unanswered)
        before, self._attention = self._attention, state
        if state != before:
            self._tray.set_count(state[1], unanswered)
        return (state[0] != before[0], state[1] != before[1], state[2] != before[2])

    def arrival(self, row: dict[str, Any]) -> None:
        if self._notifications:
            self._tray.notify(self.tr("%1 is here").replace("%1", row["name"]), self._about(row))
        if self._sounds.level != QUIET:
            self._sounds.ring_again()  # each arrival gets its own chime

    def escalation(self, row: dict[str, Any]) -> None:
        minutes, seconds = divmod(row["waitSeconds"], 60)
        title = (
            self.tr("%1 is still waiting for someone").replace("%1", row["name"])
            if row["visitState"] == "waiting"
            else self.tr("%1 has not been welcomed yet").replace("%1", row["name"])
        )
        body = self.tr("Waiting %1 — please go now.").replace("%1", f"{minutes}:{seconds:02d}")
        if self._notifications:
            self._tray.notify(title, body, urgent=True)
        if self._sounds.level == ALARM:
            self._sounds.ring_again()

    def news(self, kind: str | None, card: dict[str, Any], row: dict[str, Any] | None) -> None:
        """`row` is the card as this desk showed it before the event."""
        name = card.get("name") or self.tr("A visitor")
        if kind == "said_leaving":
            self._say(self.tr("%1 says they are leaving — not confirmed.").replace("%1", name))
        elif kind == "checked_in_again":
            self._say(self.tr("%1 checked in again.").replace("%1", name))
        elif kind == "departed" and row is not None and row["visitState"] == "acknowledged":
            coming = row["acknowledgedBy"] or self.tr("someone")
            self._say(
                self.tr("%1 checked out at a kiosk while %2 was on the way.")
                .replace("%1", name)
                .replace("%2", coming)
            )

    def left_unseen(self, card: dict[str, Any], undo: Callable[[], None]) -> None:
        """Marked as left without being seen: for a minute the note offers to take it back."""
        self._note.show(
            self.tr("%1 marked as left without being seen.").replace("%1", card.get("name") or ""),
            action=self.tr("Undo"),
            on_action=undo,
            for_ms=UNDO_WINDOW_MS,
        )

    def _say(self, sentence: str) -> None:
        self._note.show(sentence)
        if self._notifications:
            self._tray.notify(sentence, "")

    def _about(self, row: dict[str, Any]) -> str:
        if row["host"]:
            return self.tr("To see %1").replace("%1", row["host"])
        return {
            "delivery": self.tr("A delivery"),
            "interview": self.tr("Here for an interview"),
        }.get(row["purpose"], self.tr("Not sure whom to see"))
