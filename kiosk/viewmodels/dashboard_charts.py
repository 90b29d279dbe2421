"""What the dashboard's three charts draw, worked out from the hub's figures: pure functions.

- waits by hour of check-in: the median and the 90th percentile, in minutes or seconds;
- the distribution of waits: the hub's count per whole second, in bins of equal width that
  end on the welcome target where they can, the visitors within target apart from those over;
- visits per day, or per week or month when the range is too long for a bar a day.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kiosk.viewmodels import dashboard_text as say

MOST_BARS = 31  # beyond this a bar a day is too thin to read: a bar a week, or a month
MOST_BINS = 12
MOST_LINES = 7  # lines across a chart's value axis
# Bin widths in seconds, narrowest first: the narrowest that covers the waits in MOST_BINS.
BIN_WIDTHS = (5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600)
SHOWN_SHARE = 0.95  # waits beyond the 95th percentile share the last bin: "10+ min"


@dataclass(frozen=True)
class Scale:
    """A value axis from 0 to `top`, a line every `tick`."""

    top: float
    tick: float


def scale_for(highest: float, *, at_least: float = 0, whole: bool = False) -> Scale:
    """Round numbers for an axis that shows `highest` (and `at_least`): 1, 2 or 5 times a power
    of ten between lines, at most MOST_LINES of them; `whole` for counts, never a line at 0.5."""
    wanted = max(highest, at_least)
    if wanted <= 0:
        return Scale(top=1, tick=1)
    power = 10 ** math.floor(math.log10(wanted)) / 10
    while True:
        for factor in (1, 2, 5):
            tick = factor * power
            lines = math.ceil(wanted / tick - 1e-9)
            if lines <= MOST_LINES and (tick >= 1 or not whole):
                return Scale(top=round(tick * lines, 10), tick=round(tick, 10))
        power *= 10


@dataclass(frozen=True)
class HourBars:
    """Waits by hour of check-in: one pair of bars per hour from the first hour anyone checked
    in to the last, in `unit` ("min" or "s")."""

    hours: list[str]
    median: list[float]
    p90: list[float]
    unit: str
    scale: Scale
    target: float  # the welcome target, in `unit`


def hour_bars(by_hour: Sequence[dict[str, Any]], target_s: int) -> HourBars:
    rows = {int(row["hour"]): row for row in by_hour}
    hours = range(min(rows), max(rows) + 1) if rows else range(0)

    def wait(hour: int, key: str) -> float:
        return float(rows.get(hour, {}).get(key) or 0)

    highest = max((wait(h, "wait_p90_s") for h in hours), default=0)
    in_minutes = max(highest, target_s) >= 120
    per = 60 if in_minutes else 1
    median = [round(wait(h, "wait_median_s") / per, 2) for h in hours]
    p90 = [round(wait(h, "wait_p90_s") / per, 2) for h in hours]
    return HourBars(
        hours=[f"{h:02d}:00" for h in hours],
        median=median,
        p90=p90,
        unit="min" if in_minutes else "s",
        scale=scale_for(max(p90, default=0), at_least=target_s / per * 1.15),
        target=target_s / per,
    )


@dataclass(frozen=True)
class WaitBins:
    """The distribution of waits: visitors welcomed within target and over it, per bin."""

    labels: list[str]
    within: list[int]
    over: list[int]
    unit: str  # "min" or "s": what the labels count
    scale: Scale


def wait_bins(waits: Iterable[Sequence[int]], target_s: int) -> WaitBins:
    """`waits` as the hub sends them: [seconds, visitors] pairs of the welcomed."""
    pairs = sorted((int(s), int(n)) for s, n in waits if n > 0)
    if not pairs:
        return WaitBins([], [], [], "min", scale_for(0, whole=True))
    width = _bin_width(_percentile_of(pairs, SHOWN_SHARE), target_s)
    shown = max(1, math.ceil(max(_percentile_of(pairs, SHOWN_SHARE), 1) / width))
    overflow = pairs[-1][0] > shown * width
    within = [0] * (shown + overflow)
    over = [0] * (shown + overflow)
    for seconds, visitors in pairs:
        index = min(max(seconds - 1, 0) // width, shown)  # (0, w], (w, 2w], …: whole seconds
        (within if seconds <= target_s else over)[index] += visitors
    in_minutes = width >= 60
    per = 60 if in_minutes else 1
    labels = [f"{i * width // per}{say.TO}{(i + 1) * width // per}" for i in range(shown)]
    if overflow:
        labels.append(f"{shown * width // per}+")
    totals = [a + b for a, b in zip(within, over, strict=True)]
    scale = scale_for(max(totals), whole=True)
    return WaitBins(labels, within, over, "min" if in_minutes else "s", scale)


def _bin_width(upper: int, target_s: int) -> int:
    """The narrowest width that covers `upper` in MOST_BINS bins, one the target is a multiple
    of if there is such a width (so that no bin holds waits both within and over target)."""
    fitting = [w for w in BIN_WIDTHS if math.ceil(max(upper, 1) / w) <= MOST_BINS]
    if not fitting:
        return BIN_WIDTHS[-1]
    return next((w for w in fitting if target_s % w == 0), fitting[0])


def _percentile_of(pairs: list[tuple[int, int]], share: float) -> int:
    total = sum(n for _, n in pairs)
    seen = 0
    for seconds, visitors in pairs:
        seen += visitors
        if seen >= share * total:
            return seconds
    return pairs[-1][0]


@dataclass(frozen=True)
class VisitBars:
    """Visits per `per` ("day", "week", "month" or "year"): a label and a count per bar."""

    labels: list[str]
    visits: list[int]
    per: str
    scale: Scale


# How days are grouped when there are too many for a bar each: the first period, and the label
# of a bar, that gives at most MOST_BARS bars.
_PERIODS = (
    ("day", lambda d: d, say.short_day),
    ("week", lambda d: d - timedelta(days=d.weekday()), say.short_day),
    ("month", lambda d: d.replace(day=1), say.month),
    ("year", lambda d: d.replace(month=1, day=1), lambda d: str(d.year)),
)


def visit_bars(visits_per_day: Sequence[dict[str, Any]]) -> VisitBars:
    """Visits per day from the hub, per week (from Monday), month or year when there are too
    many days for a bar each."""
    days = [(date.fromisoformat(row["day"]), int(row["visits"])) for row in visits_per_day]
    for period in _PERIODS:
        per, start_of, label = period
        grouped: dict[date, int] = {}
        for day, visits in days:
            grouped[start_of(day)] = grouped.get(start_of(day), 0) + visits
        if len(grouped) <= MOST_BARS:
            break
    counts = list(grouped.values())
    scale = scale_for(max(counts, default=0), whole=True)
    return VisitBars([label(d) for d in grouped], counts, per, scale)
