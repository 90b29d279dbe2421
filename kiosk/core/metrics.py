"""Wait metrics: for one visit, and summarised over many."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.core.lifecycle import EndedHow, Visit


def _seconds(start_ms: int | None, end_ms: int | None) -> float | None:
    if start_ms is None or end_ms is None:
        return None
    return (end_ms - start_ms) / 1000


@dataclass(frozen=True)
class VisitTimes:
    """The durations of one visit in seconds; None where the step never happened."""

    time_to_alert: float | None
    time_to_acknowledge: float | None
    wait: float | None
    visit_length: float | None

    @classmethod
    def of(cls, visit: Visit) -> VisitTimes:
        start = visit.checked_in_at
        stayed = visit.ended_how in (EndedHow.CHECKED_OUT, EndedHow.AUTO_CHECKED_OUT)
        return cls(
            time_to_alert=_seconds(start, visit.alerted_at),
            time_to_acknowledge=_seconds(start, visit.acknowledged_at),
            wait=_seconds(start, visit.welcomed_at),
            visit_length=_seconds(start, visit.ended_at) if stayed else None,
        )


@dataclass(frozen=True)
class WaitSummary:
    """Count, median, 90th percentile, maximum and the share within target of some durations."""

    count: int
    median: float | None
    p90: float | None
    max: float | None
    within_target: float | None

    @classmethod
    def of(cls, seconds: Iterable[float], target_s: float) -> WaitSummary:
        return cls.from_histogram(Counter(seconds), target_s)

    @classmethod
    def from_histogram(cls, counts: Mapping[float, int], target_s: float) -> WaitSummary:
        """Summarise durations given as {seconds: how many}; exact, without expanding them.

        Percentiles interpolate linearly between the two nearest ranks, as spreadsheets do.
        """
        pairs = sorted((value, n) for value, n in counts.items() if n > 0)
        total = sum(n for _, n in pairs)
        if total == 0:
            return cls(count=0, median=None, p90=None, max=None, within_target=None)
        within = sum(n for value, n in pairs if value <= target_s)
        return cls(
            count=total,
            median=_percentile(pairs, total, 0.5),
            p90=_percentile(pairs, total, 0.9),
            max=pairs[-1][0],
            within_target=within / total,
        )


def _percentile(pairs: list[tuple[float, int]], total: int, fraction: float) -> float:
    rank = fraction * (total - 1)
    low, high = math.floor(rank), math.ceil(rank)
    low_value, high_value = _value_at(pairs, low), _value_at(pairs, high)
    return low_value + (high_value - low_value) * (rank - low)


def _value_at(pairs: list[tuple[float, int]], index: int) -> float:
    """The index-th smallest value (0-based) of the expanded histogram."""
    seen = 0
    for value, n in pairs:
        seen += n
        if index < seen:
            return value
    raise IndexError(index)
