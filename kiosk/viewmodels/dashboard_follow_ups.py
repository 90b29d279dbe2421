"""Follow-ups: every visitor who waited past the welcome target or left unseen, newest first,
and the manager's note that someone followed up with them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.text import FOLLOW_UP_NOTE, RefusedText, check_free_text
from kiosk.store.follow_ups import MAX_NOTE_LENGTH
from kiosk.viewmodels import dashboard_text as say
from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

FIELDS = (
    "visitId",
    "name",
    "contact",
    "host",
    "checkedIn",
    "wait",
    "leftUnseen",
    "welcomedBy",
    "followedUp",
    "followUp",
)

Ask = Callable[..., None]  # (command, on_reply, **fields): the dashboard's way to the hub


def row_of(visit: dict[str, Any]) -> dict[str, Any]:
    """A follow-up as its row says it; the visitor's name and contact are shown as plain text."""
    if visit.get("left_unseen"):
        wait = say.translate("Left without being seen")
        if visit.get("wait_s") is not None:
            wait = say.translate("Left without being seen after %1").replace(
                "%1", say.duration(visit["wait_s"])
            )
    else:
        wait = say.translate("Waited %1").replace("%1", say.duration(visit.get("wait_s")))
    welcomed_by = visit.get("welcomed_by") or ""
    followed_at = visit.get("followed_up_at")
    follow_up = ""
    if followed_at is not None:
        follow_up = say.translate("Followed up on %1").replace("%1", say.day_and_time(followed_at))
        if visit.get("follow_up_note"):
            follow_up += f": {visit['follow_up_note']}"
    return {
        "visitId": int(visit["visit_id"]),
        "name": visit.get("name") or say.translate("(name erased)"),
        "contact": visit.get("contact") or say.translate("no contact given"),
        "host": visit.get("host") or "",
        "checkedIn": say.day_and_time(int(visit["checked_in_at"])),
        "wait": wait,
        "leftUnseen": bool(visit.get("left_unseen")),
        "welcomedBy": (
            say.translate("Welcomed by %1").replace("%1", welcomed_by) if welcomed_by else ""
        ),
        "followedUp": followed_at is not None,
        "followUp": follow_up,
    }


def checked_note(typed: str) -> str:
    """The note as it goes to the hub (it may be empty), or ValueError with the sentence to
    show; the hub checks it again."""
    note = typed.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise ValueError(
            say.translate("Keep the note to %1 characters; this one has %2.")
            .replace("%1", str(MAX_NOTE_LENGTH))
            .replace("%2", str(len(note)))
        )
    try:
        return check_free_text(note, FOLLOW_UP_NOTE)
    except RefusedText as refused:
        raise ValueError(say.translate(FOLLOW_UP_NOTE.sentence)) from refused


@QmlElement
@QmlUncreatable("The dashboard's view model has the one list of follow-ups.")
class DashboardFollowUps(QObject):
    summaryChanged = Signal()
    moreChanged = Signal()
    noteErrorChanged = Signal()
    noteErrorVisitChanged = Signal()
    savingChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = RowsModel(FIELDS, self)
        self._visits: list[dict[str, Any]] = []
        self._more = False
        self._note_error = ""
        self._note_error_visit = 0
        self._saving = 0
        self._ask: Ask | None = None

    def use(self, ask: Ask) -> None:
        self._ask = ask

    def show(self, result: dict[str, Any]) -> None:
        """A `follow_ups` reply."""
        self._visits = list(result.get("visits", []))
        self._rows.set_rows([row_of(v) for v in self._visits])
        if bool(result.get("more")) != self._more:
            self._more = not self._more
            self.moreChanged.emit()
        self.summaryChanged.emit()

    def followed_up(self, visit_id: int, at_ms: int, note: str | None) -> None:
        """Someone (here, or at another dashboard) followed up with this visitor."""
        for index, visit in enumerate(self._visits):
            if visit["visit_id"] == visit_id:
                visit["followed_up_at"] = at_ms
                if note is not None:
                    visit["follow_up_note"] = note
                self._rows.set_row(index, row_of(visit))
                self.summaryChanged.emit()

    @Slot(int, str)
    def markFollowedUp(self, visit_id: int, typed: str) -> None:
        try:
            note = checked_note(typed)
        except ValueError as refused:
            self._set_error(visit_id, str(refused))
            return
        if self._ask is None:
            return
        self._set_error(0, "")
        self._set_saving(visit_id)
        self._ask(
            "follow_up",
            lambda result: self._saved(result, note),
            visit_id=visit_id,
            note=note,
            on_refusal=lambda message: self._not_saved(visit_id, message),
        )

    def _saved(self, result: dict[str, Any], note: str) -> None:
        self._set_saving(0)
        self.followed_up(int(result["visit_id"]), int(result["followed_up_at"]), note)

    def _not_saved(self, visit_id: int, message: str) -> None:
        self._set_saving(0)
        self._set_error(visit_id, message)

    def _set_error(self, visit_id: int, error: str) -> None:
        if visit_id != self._note_error_visit:
            self._note_error_visit = visit_id
            self.noteErrorVisitChanged.emit()
        if error != self._note_error:
            self._note_error = error
            self.noteErrorChanged.emit()

    def _set_saving(self, visit_id: int) -> None:
        if visit_id != self._saving:
            self._saving = visit_id
            self.savingChanged.emit()

    def _get_rows(self) -> RowsModel:
        return self._rows

    def _get_summary(self) -> str:
        if not self._visits:
            return say.translate(
                "Nobody waited past the welcome target or left unseen in these days."
            )
        done = sum(1 for v in self._visits if v.get("followed_up_at") is not None)
        total = len(self._visits)
        return (
            say.translate("%1 to follow up, %2 followed up already.")
            .replace("%1", say.count(total - done))
            .replace("%2", say.count(done))
        )

    def _get_more(self) -> bool:
        return self._more

    def _get_note_error(self) -> str:
        return self._note_error

    def _get_note_error_visit(self) -> int:
        return self._note_error_visit

    def _get_saving(self) -> int:
        return self._saving

    rows = Property(RowsModel, _get_rows, constant=True)
    summary = Property(str, _get_summary, notify=summaryChanged)
    more = Property(bool, _get_more, notify=moreChanged)
    noteError = Property(str, _get_note_error, notify=noteErrorChanged)
    # The visit whose note was refused (0 for none): its row shows `noteError`.
    noteErrorVisit = Property(int, _get_note_error_visit, notify=noteErrorVisitChanged)
    saving = Property(int, _get_saving, notify=savingChanged)  # the visit being saved, or 0
