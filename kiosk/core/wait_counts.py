"""What one visit adds to the wait counts: the histograms every manager's figure is read from.

A visit counts once as checked in, once per step it reached (acknowledged, welcomed, left
unseen), each step with its duration in whole seconds begun since check-in (60.2 s counts as
61 s, like a taxi meter: targets are whole seconds, so "within target" stays exact and never
flatters the desk). Each count is kept for the local day, week, month and year of the check-in,
for the whole day and by hour, and the welcome also by receptionist. The local day and hour come
from the UTC offset stored with the visit, so a clock change never moves a visit.

The hub and the demo's seeder both call `counted`, and the store writes the difference a visit's
event made, so an undo takes its counts back.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from kiosk.core.lifecycle import EndedHow, Visit
from kiosk.core.spans import spans_of

_DAY_MS = 86_400_000
_HOUR_MS = 3_600_000
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

# Rows that count the whole day, or everyone, say so with these.
ALL_HOURS = -1
EVERYONE = ""


class Measure(StrEnum):
    CHECKED_IN = "checked_in"
    ACKNOWLEDGED = "acknowledged"
    WELCOMED = "welcomed"
    LEFT_UNSEEN = "left_unseen"


class CountKey(NamedTuple):
    """One row of counts: how many visits of `span` had `seconds` for `measure`."""

    span: str
    hour: int
    receptionist: str
    measure: Measure
    seconds: int


def local_day(at_ms: int, utc_offset_min: int) -> date:
    return date.fromordinal(_EPOCH_ORDINAL + (at_ms + utc_offset_min * 60_000) // _DAY_MS)


def local_hour(at_ms: int, utc_offset_min: int) -> int:
    return (at_ms + utc_offset_min * 60_000) // _HOUR_MS % 24


def whole_seconds(start_ms: int, end_ms: int) -> int:
    """Seconds begun from `start_ms` to `end_ms`."""
    return (end_ms - start_ms + 999) // 1000


def counted(visit: Visit | None) -> Counter[CountKey]:
    """Every count row `visit` adds as it stands (nothing for no visit)."""
    rows: Counter[CountKey] = Counter()
    if visit is None:
        return rows
    start = visit.checked_in_at
    hour = local_hour(start, visit.utc_offset_min)
    spans = spans_of(local_day(start, visit.utc_offset_min))

    def add(measure: Measure, seconds: int, receptionist: str | None = None) -> None:
        for span in spans:
            rows[CountKey(span, ALL_HOURS, EVERYONE, measure, seconds)] += 1
            if measure in (Measure.CHECKED_IN, Measure.WELCOMED):
                rows[CountKey(span, hour, EVERYONE, measure, seconds)] += 1
            if receptionist is not None:
                rows[CountKey(span, ALL_HOURS, receptionist, measure, seconds)] += 1

    add(Measure.CHECKED_IN, 0)
    if visit.acknowledged_at is not None:
        add(Measure.ACKNOWLEDGED, whole_seconds(start, visit.acknowledged_at))
    if visit.welcomed_at is not None:
        add(Measure.WELCOMED, whole_seconds(start, visit.welcomed_at), visit.welcomed_by or None)
    if visit.ended_how is EndedHow.LEFT_UNSEEN:
        add(Measure.LEFT_UNSEEN, 0)
    return rows


def change(before: Visit | None, after: Visit | None) -> dict[CountKey, int]:
    """How each count moves when a visit goes from `before` to `after` (no zero moves)."""
    moves: dict[CountKey, int] = dict(counted(after))
    for key, n in counted(before).items():
        moves[key] = moves.get(key, 0) - n
    return {key: n for key, n in moves.items() if n}
