"""The visit lifecycle: states, the events that move a visit, and the function that applies them.

Both the live write path and the rebuild from the event log call `apply`, so the `visits` table is
by construction the fold of the `events` table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any


class VisitState(StrEnum):
    WAITING = "waiting"
    ACKNOWLEDGED = "acknowledged"
    WELCOMED = "welcomed"
    DEPARTED = "departed"
    LEFT_UNSEEN = "left_unseen"
    CANCELLED = "cancelled"

    @property
    def on_site(self) -> bool:
        return self in ON_SITE


ON_SITE = frozenset({VisitState.WAITING, VisitState.ACKNOWLEDGED, VisitState.WELCOMED})
UNHANDLED = frozenset({VisitState.WAITING, VisitState.ACKNOWLEDGED})


class EventType(StrEnum):
    CHECKED_IN = "checked_in"
    ALERTED = "alerted"
    ACKNOWLEDGED = "acknowledged"
    WELCOMED = "welcomed"
    DEPARTED = "departed"
    LEFT_UNSEEN = "left_unseen"
    CANCELLED = "cancelled"
    ESCALATED = "escalated"
    FEEDBACK = "feedback"
    # Said of a visit without changing where it stands: the same name checked in again while
    # waiting (merged, not a second visit), and "says they are leaving" with nothing proven.
    CHECKED_IN_AGAIN = "checked_in_again"
    SAID_LEAVING = "said_leaving"
    # "Left without being seen" taken back, within UNDO_WINDOW_MS of it.
    LEFT_UNSEEN_UNDONE = "left_unseen_undone"
    # A manager called the visitor back after a long wait (the note is kept apart, erasable).
    FOLLOWED_UP = "followed_up"
    # Seen in the building during a roll call.
    ACCOUNTED_FOR = "accounted_for"


class EndedHow(StrEnum):
    CHECKED_OUT = "checked_out"
    AUTO_CHECKED_OUT = "auto_checked_out"
    LEFT_UNSEEN = "left_unseen"
    CANCELLED = "cancelled"


# How long a receptionist may take back "left without being seen".
UNDO_WINDOW_MS = 60_000


class IllegalTransition(ValueError):
    """A command that does not fit the visit's state; the message says why, for a person."""


@dataclass(frozen=True)
class Event:
    """One step of one visit, as appended to the log. `at_ms` is the hub's clock (Unix ms)."""

    seq: int
    visit_id: int
    type: EventType
    at_ms: int
    actor: str
    payload: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", EventType(self.type))
        object.__setattr__(self, "payload", MappingProxyType(dict(self.payload)))


@dataclass(frozen=True)
class Visit:
    """The current picture of one visit: what the `visits` table holds."""

    id: int
    visitor_id: int | None
    host_id: int | None
    purpose: str | None
    kiosk: str
    state: VisitState
    checked_in_at: int
    # The site's UTC offset at check-in, so exports and "hour of day" speak local time.
    utc_offset_min: int = 0
    alerted_at: int | None = None
    acknowledged_at: int | None = None
    acknowledged_by: str | None = None
    welcomed_at: int | None = None
    welcomed_by: str | None = None
    ended_at: int | None = None
    ended_how: EndedHow | None = None
    escalations: int = 0
    last_escalated_at: int | None = None
    feedback: int | None = None
    followed_up_at: int | None = None
    accounted_at: int | None = None
    last_seq: int = 0


# Which states each state-changing event may start from.
_ALLOWED_FROM: dict[EventType, frozenset[VisitState]] = {
    EventType.ACKNOWLEDGED: frozenset({VisitState.WAITING}),
    EventType.WELCOMED: UNHANDLED,
    EventType.DEPARTED: ON_SITE,
    EventType.LEFT_UNSEEN: UNHANDLED,
    EventType.CANCELLED: UNHANDLED,
    EventType.ESCALATED: UNHANDLED,
    EventType.FEEDBACK: frozenset({VisitState.DEPARTED}),
    EventType.CHECKED_IN_AGAIN: UNHANDLED,
    EventType.SAID_LEAVING: ON_SITE,
    EventType.LEFT_UNSEEN_UNDONE: frozenset({VisitState.LEFT_UNSEEN}),
    EventType.FOLLOWED_UP: frozenset(VisitState) - {VisitState.CANCELLED},
    EventType.ACCOUNTED_FOR: ON_SITE,
}

_VERB = {
    EventType.ACKNOWLEDGED: "acknowledged",
    EventType.WELCOMED: "welcomed",
    EventType.DEPARTED: "checked out",
    EventType.LEFT_UNSEEN: "marked as left without being seen",
    EventType.CANCELLED: "cancelled",
    EventType.ESCALATED: "escalated",
    EventType.FEEDBACK: "rated",
    EventType.CHECKED_IN_AGAIN: "checked in again",
    EventType.SAID_LEAVING: "noted as leaving",
    EventType.LEFT_UNSEEN_UNDONE: "brought back",
    EventType.FOLLOWED_UP: "followed up",
    EventType.ACCOUNTED_FOR: "accounted for",
}

_STATE_PHRASE = {
    VisitState.WAITING: "is still waiting",
    VisitState.ACKNOWLEDGED: "already has someone on the way",
    VisitState.WELCOMED: "has already been welcomed",
    VisitState.DEPARTED: "has already checked out",
    VisitState.LEFT_UNSEEN: "has already been marked as left without being seen",
    VisitState.CANCELLED: "was cancelled",
}


def apply(visit: Visit | None, event: Event) -> Visit:
    """Return the visit after `event`, or raise IllegalTransition if the event does not fit."""
    if event.type is EventType.CHECKED_IN:
        if visit is not None:
            raise IllegalTransition(f"Visit {event.visit_id} has already checked in.")
        p = event.payload
        return Visit(
            id=event.visit_id,
            visitor_id=p.get("visitor_id"),
            host_id=p.get("host_id"),
            purpose=p.get("purpose"),
            kiosk=p.get("kiosk", ""),
            state=VisitState.WAITING,
            checked_in_at=event.at_ms,
            utc_offset_min=p.get("utc_offset_min", 0),
            last_seq=event.seq,
        )
    if visit is None:
        raise IllegalTransition(f"There is no visit {event.visit_id}.")
    if event.type is EventType.ALERTED:
        # Only the first delivery to a desk counts towards "time to alert".
        first = visit.alerted_at if visit.alerted_at is not None else event.at_ms
        return replace(visit, alerted_at=first, last_seq=event.seq)
    allowed = _ALLOWED_FROM[event.type]
    if visit.state not in allowed:
        raise IllegalTransition(
            f"This visit can't be {_VERB[event.type]}: the visitor {_STATE_PHRASE[visit.state]}."
        )
    return _apply_allowed(visit, event)


def _apply_allowed(visit: Visit, event: Event) -> Visit:
    at, actor, seq = event.at_ms, event.actor, event.seq
    match event.type:
        case EventType.ACKNOWLEDGED:
            return replace(
                visit,
                state=VisitState.ACKNOWLEDGED,
                acknowledged_at=at,
                acknowledged_by=actor,
                last_seq=seq,
            )
        case EventType.WELCOMED:
            return replace(
                visit, state=VisitState.WELCOMED, welcomed_at=at, welcomed_by=actor, last_seq=seq
            )
        case EventType.DEPARTED:
            how = EndedHow.AUTO_CHECKED_OUT if event.payload.get("auto") else EndedHow.CHECKED_OUT
            return replace(
                visit, state=VisitState.DEPARTED, ended_at=at, ended_how=how, last_seq=seq
            )
        case EventType.LEFT_UNSEEN:
            return replace(
                visit,
                state=VisitState.LEFT_UNSEEN,
                ended_at=at,
                ended_how=EndedHow.LEFT_UNSEEN,
                last_seq=seq,
            )
        case EventType.CANCELLED:
            return replace(
                visit,
                state=VisitState.CANCELLED,
                ended_at=at,
                ended_how=EndedHow.CANCELLED,
                last_seq=seq,
            )
        case EventType.ESCALATED:
            return replace(
                visit, escalations=visit.escalations + 1, last_escalated_at=at, last_seq=seq
            )
        case EventType.CHECKED_IN_AGAIN | EventType.SAID_LEAVING:
            return replace(visit, last_seq=seq)
        case EventType.LEFT_UNSEEN_UNDONE:
            if visit.ended_at is None or at - visit.ended_at > UNDO_WINDOW_MS:
                raise IllegalTransition(
                    "It is too late to undo that: a minute has passed. Ask the visitor to check "
                    "in again if they are still here."
                )
            back = (
                VisitState.ACKNOWLEDGED if visit.acknowledged_at is not None else VisitState.WAITING
            )
            return replace(visit, state=back, ended_at=None, ended_how=None, last_seq=seq)
        case EventType.FOLLOWED_UP:
            if visit.followed_up_at is not None:
                raise IllegalTransition("This visit has already been followed up.")
            return replace(visit, followed_up_at=at, last_seq=seq)
        case EventType.ACCOUNTED_FOR:
            return replace(visit, accounted_at=at, last_seq=seq)
        case EventType.FEEDBACK:
            if visit.feedback is not None:
                raise IllegalTransition("This visit has already been rated. Thank you!")
            return replace(visit, feedback=int(event.payload["rating"]), last_seq=seq)
    raise AssertionError(f"unhandled event type {event.type}")  # pragma: no cover
