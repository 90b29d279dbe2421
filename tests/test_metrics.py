"""Wait figures, for one visit and over many, as a manager reads them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.lifecycle import EndedHow, Visit, VisitState
from kiosk.core.metrics import VisitTimes, WaitSummary


def test_one_visit_times() -> None:
    visit = Visit(
        id=1, visitor_id=1, host_id=1, purpose="meeting", kiosk="lobby",
        state=VisitState.DEPARTED, checked_in_at=10_000, alerted_at=10_150,
        acknowledged_at=40_000, welcomed_at=130_000, ended_at=3_610_000,
        ended_how=EndedHow.CHECKED_OUT,
    )  # fmt: skip
    times = VisitTimes.of(visit)
    assert times == VisitTimes(
        time_to_alert=0.15, time_to_acknowledge=30.0, wait=120.0, visit_length=3600.0
    )


def test_a_visitor_who_left_unseen_has_no_wait_and_no_visit_length() -> None:
    visit = Visit(
        id=1, visitor_id=1, host_id=None, purpose="delivery", kiosk="lobby",
        state=VisitState.LEFT_UNSEEN, checked_in_at=0, ended_at=600_000,
        ended_how=EndedHow.LEFT_UNSEEN,
    )  # fmt: skip
    assert VisitTimes.of(visit).wait is None
    assert VisitTimes.of(visit).visit_length is None


def test_summary_figures() -> None:
    summary = WaitSummary.of([30, 60, 90, 120, 600], target_s=180)
    assert summary.count == 5
    assert summary.median == 90
    assert summary.p90 == pytest.approx(408)  # 60% of the way from 120 to 600
    assert summary.max == 600
    assert summary.within_target == 0.8


def test_an_empty_day_has_no_figures() -> None:
    assert WaitSummary.of([], target_s=60) == WaitSummary(0, None, None, None, None)


def test_even_count_median_is_between_the_middle_two() -> None:
    assert WaitSummary.of([10, 20, 30, 40], target_s=60).median == 25


@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=200))
def test_histogram_summary_equals_sorting_everything(values: list[int]) -> None:
    ordered = sorted(values)

    def spreadsheet_percentile(p: float) -> float:
        rank = p * (len(ordered) - 1)
        low = int(rank)
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)

    summary = WaitSummary.of(values, target_s=180)
    assert summary.median == spreadsheet_percentile(0.5)
    assert abs(summary.p90 - spreadsheet_percentile(0.9)) < 1e-9
    assert summary.max == max(values)
    assert summary.within_target == sum(v <= 180 for v in values) / len(values)
