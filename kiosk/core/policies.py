"""Targets and policies of a front desk, and the decisions taken from them (escalate, close)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.core.lifecycle import Visit

NOT_ACKNOWLEDGED = "not_acknowledged"
NOT_WELCOMED = "not_welcomed"


@dataclass(frozen=True)
class Targets:
    """How quickly a visitor should be acknowledged and welcomed, in seconds."""

    acknowledge_s: int = 60
    welcome_s: int = 180
    escalation_repeat_s: int = 60

    def __post_init__(self) -> None:
        if min(self.acknowledge_s, self.welcome_s, self.escalation_repeat_s) <= 0:
            raise ValueError("Targets must be a positive number of seconds.")
        if self.welcome_s < self.acknowledge_s:
            raise ValueError("The welcome target can't be shorter than the acknowledge target.")


@dataclass(frozen=True)
class Policies:
    """Everything the hub decides by: targets, retention and the end of the day."""

    targets: Targets = field(default_factory=Targets)
    retention_days: int = 90
    closing_time: time | None = time(20, 0)

    def __post_init__(self) -> None:
        if self.retention_days < 1:
            raise ValueError("Personal data must be kept for at least one day.")


def escalation_due(visit: Visit, now_ms: int, targets: Targets) -> str | None:
    """Return why the visit must be escalated now, or None.

    A waiting visit escalates at the acknowledge target, an acknowledged one at the welcome
    target; while it stays unhandled it escalates again every `escalation_repeat_s`.
    """
    # Here: a kiosk reads its targets from the settings before its first frame, without the
    # lifecycle of visits.
    from kiosk.core.lifecycle import VisitState

    if visit.state is VisitState.WAITING:
        reason, target_s = NOT_ACKNOWLEDGED, targets.acknowledge_s
    elif visit.state is VisitState.ACKNOWLEDGED:
        reason, target_s = NOT_WELCOMED, targets.welcome_s
    else:
        return None
    deadline = visit.checked_in_at + target_s * 1000
    if visit.last_escalated_at is not None:
        deadline = max(deadline, visit.last_escalated_at + targets.escalation_repeat_s * 1000)
    return reason if now_ms >= deadline else None


def closing_passed(checked_in: datetime, now: datetime, closing_time: time | None) -> bool:
    """True when a visitor who checked in at `checked_in` should have been checked out by `now`.

    Both datetimes are the site's local time. A visitor checked in after closing (a late
    delivery, say) is kept until the next day's closing time.
    """
    if closing_time is None:
        return False
    closing = datetime.combine(checked_in.date(), closing_time, tzinfo=checked_in.tzinfo)
    if checked_in >= closing:
        closing += timedelta(days=1)
    return now >= closing
