"""Calendar spans: a day, a week (Monday to Sunday), a month or a year, and how a range of days
is made of as few of them as possible.

The wait counts are kept for every span a visit's day belongs to, so a range of any length is
read from a few dozen rows of counts per second of wait, not from every day in it. A span's code
sorts with its level: `D2026-11-30`, `W2026-11-30` (the week starting that Monday), `M2026-11`,
`Y2026`.
"""

from __future__ import annotations

from datetime import date, timedelta


def day_code(day: date) -> str:
    return f"D{day.isoformat()}"


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_code(monday: date) -> str:
    return f"W{monday.isoformat()}"


def spans_of(day: date) -> tuple[str, str, str, str]:
    """The day, its week, its month and its year."""
    return (
        day_code(day),
        week_code(week_start(day)),
        f"M{day.year:04d}-{day.month:02d}",
        f"Y{day.year:04d}",
    )


def cover(first: date, last: date) -> list[str]:
    """The fewest spans that together hold exactly the days from `first` to `last` (included).

    From the left, each step takes the longest span that starts on the day reached and ends by
    `last`: a year, else a month, else a week, else the day.
    """
    spans: list[str] = []
    day = first
    while day <= last:
        year_end = date(day.year, 12, 31)
        month_end = _month_end(day)
        week_end = day + timedelta(days=6)
        if day.month == 1 and day.day == 1 and year_end <= last:
            spans.append(f"Y{day.year:04d}")
            day = year_end + timedelta(days=1)
        elif day.day == 1 and month_end <= last:
            spans.append(f"M{day.year:04d}-{day.month:02d}")
            day = month_end + timedelta(days=1)
        elif day.weekday() == 0 and week_end <= last and week_end <= month_end:
            # Weeks stop at the month's end, so that the next month can be taken whole.
            spans.append(week_code(day))
            day = week_end + timedelta(days=1)
        else:
            spans.append(day_code(day))
            day += timedelta(days=1)
    return spans


def widen(first: date, last: date, earliest: date | None, latest: date | None) -> tuple[date, date]:
    """The same days of data in whole years where no data lies beyond: a range that starts on or
    before the first day with data starts on 1 January of that year, and one that ends on or
    after the last such day ends on 31 December. The figures are the same; the cover is far
    shorter (the whole history is a few years)."""
    if earliest is not None and first <= earliest:
        first = min(first, date(earliest.year, 1, 1))
    if latest is not None and last >= latest:
        last = max(last, date(latest.year, 12, 31))
    return first, last


def _month_end(day: date) -> date:
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - timedelta(days=1)
