"""The dashboard's days: the presets, and typed days refused with a sentence that says why."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.viewmodels.dashboard_range import (
    CUSTOM,
    LAST_30_DAYS,
    TODAY,
    WEEK,
    DashboardRange,
    Days,
    RangeRefused,
    preset_days,
    typed_days,
)
from kiosk.viewmodels.dashboard_text import TO

TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("preset", "first", "last"),
    [
        (TODAY, date(2026, 11, 24), date(2026, 11, 24)),
        (WEEK, date(2026, 11, 23), date(2026, 11, 24)),  # from Monday
        (LAST_30_DAYS, date(2026, 10, 26), date(2026, 11, 24)),
    ],
)
def test_presets(preset: str, first: date, last: date) -> None:
    assert preset_days(preset, TUESDAY) == Days(first, last)


def test_this_week_on_a_monday_is_the_day_itself() -> None:
    monday = date(2026, 11, 23)
    assert preset_days(WEEK, monday) == Days(monday, monday)


def test_the_days_before_are_as_many_calendar_days() -> None:
    days = Days(date(2026, 10, 26), date(2026, 11, 24))
    assert days.length == 30
    assert days.previous() == Days(date(2026, 9, 26), date(2026, 10, 25))


@pytest.mark.parametrize(
    ("first", "last", "sentence"),
    [
        ("", "2026-11-24", "Type the first day as year-month-day, like 2026-11-02."),
        ("2026-11-01", " ", "Type the last day as year-month-day, like 2026-11-02."),
        (
            "2026-13-01",
            "2026-11-24",
            "“2026-13-01” is not a day the dashboard can read: type the first day as "
            "year-month-day, like 2026-11-02.",
        ),
        (
            "1/11/2026",
            "2026-11-24",
            "“1/11/2026” is not a day the dashboard can read: type the first day as "
            "year-month-day, like 2026-11-02.",
        ),
        (
            "2026-11-20",
            "2026-11-02",
            "The last day (Mon 2 Nov 2026) comes before the first day (Fri 20 Nov 2026): "
            "swap them.",
        ),
        (
            "2026-11-25",
            "2026-11-30",
            "The first day (Wed 25 Nov 2026) is still to come: choose a day up to today.",
        ),
        (
            "2026-11-01",
            "2026-12-01",
            "The last day (Tue 1 Dec 2026) is still to come: end the range today or before.",
        ),
        (
            "2016-11-01",
            "2026-11-24",
            "That is 3,676 days; a range can cover at most 3,660 (about ten years). "
            "Choose a shorter one.",
        ),
    ],
)
def test_typed_days_refused(first: str, last: str, sentence: str) -> None:
    with pytest.raises(RangeRefused) as refused:
        typed_days(first, last, TUESDAY)
    assert str(refused.value) == sentence


@pytest.mark.parametrize(
    ("first", "last", "days"),
    [
        (" 2026-11-02 ", "2026-11-24", Days(date(2026, 11, 2), date(2026, 11, 24))),
        ("2026-11-24", "2026-11-24", Days(TUESDAY, TUESDAY)),
        ("2016-11-30", "2026-11-24", Days(date(2016, 11, 30), TUESDAY)),  # 3,647 days
    ],
)
def test_typed_days_taken(first: str, last: str, days: Days) -> None:
    assert typed_days(first, last, TUESDAY) == days


def test_the_range_says_its_days_and_what_they_are_compared_with(qapp) -> None:
    chosen = DashboardRange(lambda: TUESDAY)
    assert chosen.property("preset") == LAST_30_DAYS
    assert chosen.property("label") == f"26 Oct {TO} 24 Nov 2026"
    assert chosen.property("comparedWith") == (
        f"Compared with the 30 days before (26 Sept {TO} 25 Oct 2026)"
    )
    chosen.choose(TODAY)
    assert chosen.property("label") == "Tue 24 Nov 2026"
    assert chosen.property("comparedWith") == "Compared with the day before (Mon 23 Nov 2026)"


def test_choosing_custom_shows_the_fields_and_keeps_the_days_until_typed(qapp) -> None:
    chosen = DashboardRange(lambda: TUESDAY)
    changes: list[Days] = []
    chosen.changed.connect(lambda: changes.append(chosen.days))
    chosen.choose(CUSTOM)
    assert chosen.property("preset") == CUSTOM
    assert changes == []
    chosen.useTyped("2026-11-20", "2026-11-02")
    assert chosen.property("error").startswith("The last day (Mon 2 Nov 2026) comes before")
    assert changes == []
    chosen.useTyped("2026-11-02", "2026-11-20")
    assert chosen.property("error") == ""
    assert changes == [Days(date(2026, 11, 2), date(2026, 11, 20))]
    assert (chosen.property("first"), chosen.property("last")) == ("2026-11-02", "2026-11-20")


def test_a_preset_follows_today_past_midnight(qapp) -> None:
    today = [TUESDAY]
    chosen = DashboardRange(lambda: today[0])
    chosen.choose(TODAY)
    today[0] = date(2026, 11, 25)
    chosen.refresh()
    assert chosen.days == Days(today[0], today[0])
