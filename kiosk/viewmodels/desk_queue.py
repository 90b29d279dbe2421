"""The desk console's queue: one row per visitor waiting or on the way, oldest first, each with
a live wait timer coloured against the targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.names import first_name
from kiosk.core.policies import NOT_ACKNOWLEDGED, NOT_WELCOMED, Targets

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

WAITING = "waiting"
ACKNOWLEDGED = "acknowledged"
OPEN_STATES = (WAITING, ACKNOWLEDGED)

WITHIN = "within"
NEAR = "near"
OVER = "over"
NEAR_SHARE = 0.25  # the last quarter before a target counts as "near"

ROLES = (
    "visitId",
    "name",
    "firstName",
    "pronunciation",
    "host",
    "purpose",
    "visitState",
    "acknowledgedBy",
    "checkedInAt",
    "previousVisits",
    "lastVisitAt",
    "lastWaitMinutes",
    "lastWaitOverTarget",
    "waitSeconds",
    "targetSeconds",
    "timerLevel",
    "escalated",
    "escalationLevel",
    "checkedInAgainAt",
    "saysLeavingAt",
    "possiblyWaitedMinutes",
    "possiblyVisitedAt",
    "followedUpAt",
    "expectedAt",
    "arrivalKind",
    "arrivalMinutes",
    "note",
)
_TIMER_ROLES = ("waitSeconds", "targetSeconds", "timerLevel", "escalated")
_Index = QModelIndex | QPersistentModelIndex


def _minutes(seconds: float | None) -> int:
    """Whole minutes as a receptionist says them; 0 for nothing to say."""
    return max(1, round(seconds / 60)) if seconds else 0


def timer_level(wait_s: float, target_s: float) -> str:
    """Within, near (the last quarter before the target) or over the target."""
    if wait_s >= target_s:
        return OVER
    if wait_s >= target_s * (1 - NEAR_SHARE):
        return NEAR
    return WITHIN


def target_for(state: str, targets: Targets) -> int:
    """Waiting visitors are timed against the acknowledge target, the rest against welcome."""
    return targets.acknowledge_s if state == WAITING else targets.welcome_s


def _is_escalated(row: dict[str, Any]) -> bool:
    """Escalated and not yet handled: "not acknowledged" ends with "On my way", "not welcomed"
    with "Welcomed" (which takes the row away)."""
    reason = row["_reason"]
    return (reason == NOT_ACKNOWLEDGED and row["visitState"] == WAITING) or (
        reason == NOT_WELCOMED and row["visitState"] == ACKNOWLEDGED
    )


class HubClock:
    """The hub's time as a desk reckons it: the wait timers follow the hub's clock, which decides
    escalation, learnt from the times on its events."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._offset_ms: int | None = None  # hub clock minus ours

    def forget(self) -> None:
        self._offset_ms = None

    def learn(self, at_ms: Any) -> None:
        if not isinstance(at_ms, int):
            return
        # An event is sent after it happens, so at - now underestimates the offset by the
        # delivery time: keep the largest sample.
        sample = at_ms - int(self._clock() * 1000)
        if self._offset_ms is None or sample > self._offset_ms:
            self._offset_ms = sample

    def now_ms(self) -> int:
        return int(self._clock() * 1000) + (self._offset_ms or 0)


@QmlElement
@QmlUncreatable("The desk's view model keeps the queue.")
class DeskQueue(QAbstractListModel):
    countChanged = Signal()

    def __init__(
        self, targets: Targets, hub_now_ms: Callable[[], int], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._targets = targets
        self._hub_now_ms = hub_now_ms
        self._rows: list[dict[str, Any]] = []
        self._now_ms = 0

    def use_targets(self, targets: Targets) -> None:
        """Time the cards against the hub's targets from now on."""
        self._targets = targets

    # --- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        field = role - Qt.ItemDataRole.UserRole - 1
        if 0 <= field < len(ROLES):
            return self._rows[index.row()][ROLES[field]]
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        base = Qt.ItemDataRole.UserRole + 1
        return {base + i: QByteArray(name.encode()) for i, name in enumerate(ROLES)}

    def _role(self, name: str) -> int:
        return Qt.ItemDataRole.UserRole + 1 + ROLES.index(name)

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)

    # --- reading --------------------------------------------------------------------------------

    def ids(self) -> set[int]:
        return {row["visitId"] for row in self._rows}

    def row(self, visit_id: int) -> dict[str, Any] | None:
        return next((r for r in self._rows if r["visitId"] == visit_id), None)

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def unanswered(self) -> int:
        return sum(1 for r in self._rows if r["visitState"] == WAITING)

    def any_escalated(self) -> bool:
        return any(r["escalated"] for r in self._rows)

    # --- changing -------------------------------------------------------------------------------

    def upsert(self, card: dict[str, Any]) -> bool:
        """Show `card` (a hub desk card of an open visit); True if the visitor is new here."""
        self._now_ms = self._hub_now_ms()
        position = self._position(card["visit_id"])
        if position is None:
            row = self._row_from(card, {"_reason": ""})
            if card.get("escalations", 0) > 0:
                row["_reason"] = self._reason_from_card(row)
            self._fill_timer(row)
            at = sum(1 for r in self._rows if r["checkedInAt"] <= row["checkedInAt"])
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, row)
            self.endInsertRows()
            self.countChanged.emit()
            return True
        row = self._row_from(card, self._rows[position])
        self._fill_timer(row)
        self._rows[position] = row
        index = self.index(position)
        self.dataChanged.emit(index, index)
        return False

    def escalate(self, visit_id: int, reason: str, level: int) -> bool:
        """Mark the visitor escalated; True if that is an unhandled escalation now."""
        position = self._position(visit_id)
        if position is None:
            return False
        row = self._rows[position]
        row["_reason"] = reason
        row["escalationLevel"] = max(level, row["escalationLevel"])
        self._now_ms = self._hub_now_ms()
        self._fill_timer(row)
        index = self.index(position)
        self.dataChanged.emit(index, index)
        return row["escalated"]

    def remove(self, visit_id: int) -> bool:
        position = self._position(visit_id)
        if position is None:
            return False
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()
        self.countChanged.emit()
        return True

    def tick(self) -> None:
        """Move every timer on to the hub's now."""
        self._now_ms = self._hub_now_ms()
        if not self._rows:
            return
        for row in self._rows:
            self._fill_timer(row)
        self.dataChanged.emit(
            self.index(0), self.index(len(self._rows) - 1), [self._role(r) for r in _TIMER_ROLES]
        )

    # --- helpers --------------------------------------------------------------------------------

    def _position(self, visit_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["visitId"] == visit_id), None)

    def _row_from(self, card: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
        name = card.get("name") or ""
        last_wait = card.get("last_wait_s")
        return {
            "visitId": card["visit_id"],
            "name": name,
            "firstName": first_name(name) if name.strip() else "",
            "pronunciation": card.get("pronunciation") or "",
            "host": card.get("host") or "",
            "purpose": card.get("purpose") or "",
            "visitState": card.get("state") or WAITING,
            "acknowledgedBy": card.get("acknowledged_by") or "",
            "checkedInAt": float(card.get("checked_in_at") or 0),
            "previousVisits": int(card.get("previous_visits") or 0),
            "lastVisitAt": float(card.get("last_visit_at") or 0),
            "lastWaitMinutes": _minutes(last_wait),
            "lastWaitOverTarget": bool(card.get("last_wait_over_target")),
            "escalationLevel": max(int(card.get("escalations") or 0),
                                   before.get("escalationLevel", 0)),
            "checkedInAgainAt": float(card.get("checked_in_again_at") or 0),
            "saysLeavingAt": float(card.get("says_leaving_at") or 0),
            "possiblyWaitedMinutes": _minutes(card.get("possibly_waited_s")),
            "possiblyVisitedAt": float(card.get("possibly_visited_at") or 0),
            "followedUpAt": float(card.get("followed_up_at") or 0),
            "expectedAt": float(card.get("expected_at") or 0),
            "arrivalKind": (card.get("arrival") or {}).get("kind") or "",
            "arrivalMinutes": int((card.get("arrival") or {}).get("minutes") or 0),
            "note": card.get("note") or "",
            "_reason": before.get("_reason", ""),
        }  # fmt: skip

    def _reason_from_card(self, row: dict[str, Any]) -> str:
        """After a reconnect the desk has only the card: judge whether an escalation is live."""
        if row["visitState"] == WAITING:
            return NOT_ACKNOWLEDGED
        waited_s = (self._now_ms - row["checkedInAt"]) / 1000
        return NOT_WELCOMED if self._now_ms and waited_s >= self._targets.welcome_s else ""

    def _fill_timer(self, row: dict[str, Any]) -> None:
        wait_s = max(0, int((self._now_ms - row["checkedInAt"]) // 1000)) if self._now_ms else 0
        target_s = target_for(row["visitState"], self._targets)
        row["waitSeconds"] = wait_s
        row["targetSeconds"] = target_s
        row["escalated"] = _is_escalated(row)
        # The hub's clock decides escalation; the desk's estimate of it must not contradict it.
        row["timerLevel"] = OVER if row["escalated"] else timer_level(wait_s, target_s)
