"""What the dashboard's charts draw, from the hub's figures: axes, bins and bars."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kiosk.viewmodels.dashboard_charts import (
    MOST_BARS,
    Scale,
    hour_bars,
    scale_for,
    visit_bars,
    wait_bins,
)
from kiosk.viewmodels.dashboard_text import TO


@pytest.mark.parametrize(
    ("highest", "at_least", "whole", "scale"),
    [
        (0, 0, True, Scale(1, 1)),
        (9.6, 0, False, Scale(10, 2)),
        (10, 0, True, Scale(10, 2)),
        (97, 0, True, Scale(100, 20)),
        (2.5, 3.45, False, Scale(3.5, 0.5)),
        (1234, 0, True, Scale(1400, 200)),
        (0.4, 0, False, Scale(0.4, 0.1)),
        (0.3, 0, False, Scale(0.3, 0.05)),
        (3, 0, True, Scale(3, 1)),
        (1, 0, True, Scale(1, 1)),
    ],
)
def test_axis_scales_are_round(highest: float, at_least: float, whole: bool, scale: Scale) -> None:
    assert scale_for(highest, at_least=at_least, whole=whole) == scale


def test_waits_by_hour_fill_the_hours_between_in_minutes() -> None:
    bars = hour_bars(
        [
            {"hour": 8, "visits": 5, "wait_median_s": 60, "wait_p90_s": 150},
            {"hour": 10, "visits": 2, "wait_median_s": None, "wait_p90_s": None},
            {"hour": 11, "visits": 9, "wait_median_s": 90, "wait_p90_s": 300},
        ],
        target_s=180,
    )
    assert bars.hours == ["08:00", "09:00", "10:00", "11:00"]
    assert bars.median == [1.0, 0.0, 0.0, 1.5]
    assert bars.p90 == [2.5, 0.0, 0.0, 5.0]
    assert (bars.unit, bars.target) == ("min", 3.0)
    assert bars.scale.top >= 5


def test_short_waits_by_hour_are_in_seconds_and_the_target_stays_on_the_axis() -> None:
    bars = hour_bars([{"hour": 9, "visits": 3, "wait_median_s": 20, "wait_p90_s": 40}], 60)
    assert (bars.unit, bars.median, bars.p90, bars.target) == ("s", [20.0], [40.0], 60)
    assert bars.scale.top >= 60


def test_no_visits_no_hours() -> None:
    assert hour_bars([], 180).hours == []


def test_waits_fall_into_bins_that_end_on_the_target() -> None:
    # Whole seconds begun: 180 s is within a 3-minute target, 181 s is over it.
    waits = [[10, 4], [60, 6], [61, 1], [180, 2], [181, 3], [400, 1]]
    bins = wait_bins(waits, target_s=180)
    assert bins.unit == "min"
    assert bins.labels == [f"{n}{TO}{n + 1}" for n in range(7)]
    assert bins.within == [10, 1, 2, 0, 0, 0, 0]
    assert bins.over == [0, 0, 0, 3, 0, 0, 1]


def test_a_long_tail_shares_the_last_bin() -> None:
    waits = [[s, 10] for s in range(5, 200, 5)] + [[7200, 1]]
    bins = wait_bins(waits, target_s=180)
    assert bins.labels[-1].endswith("+")
    assert len(bins.labels) <= 13
    assert sum(bins.within) + sum(bins.over) == 39 * 10 + 1
    assert bins.over[-1] >= 1


def test_short_waits_are_binned_in_seconds() -> None:
    bins = wait_bins([[3, 5], [12, 2], [25, 1]], target_s=30)
    assert bins.unit == "s"
    assert bins.labels[0] == f"0{TO}5"
    assert sum(bins.within) == 8 and sum(bins.over) == 0


def test_no_waits_no_bins() -> None:
    assert wait_bins([], 180).labels == []


def _days(count: int) -> list[dict]:
    start = date(2026, 1, 1)
    return [{"day": (start + timedelta(days=i)).isoformat(), "visits": 2} for i in range(count)]


@pytest.mark.parametrize(
    ("days", "per", "first_label"),
    [(1, "day", "1 Jan"), (31, "day", "1 Jan"), (90, "week", "29 Dec"), (365, "month", "Jan 2026"),
     (3000, "year", "2026")],
)  # fmt: skip
def test_visits_are_per_day_then_week_month_or_year(days: int, per: str, first_label: str) -> None:
    bars = visit_bars(_days(days))
    assert bars.per == per
    assert bars.labels[0] == first_label
    assert len(bars.labels) <= MOST_BARS
    assert sum(bars.visits) == 2 * days
