"""When the made-up history's visitors come (kiosk.store.seed): the opening hours and their busy
times, which days, and how many visits each day gets."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta, tzinfo

VISITS_PER_WEEKDAY = 40
MIN_HISTORY_WEEKDAYS = 130  # about six months
MAX_HISTORY_WEEKDAYS = 520  # about two years

# Opening hours as {local hour: share of the day's check-ins}, by weekday (Monday is 0).
WEEKDAY_HOURS = {8: 5, 9: 16, 10: 12, 11: 9, 12: 11, 13: 8, 14: 6, 15: 5, 16: 4, 17: 2}
SATURDAY_HOURS = {9: 3, 10: 2, 11: 1}
DAY_SHARE = {0: 0.9, 1: 1.0, 2: 1.0, 3: 1.0, 4: 0.75, 5: 0.06, 6: 0.0}
# A busy desk answers more slowly.
BUSY_FACTOR = {9: 1.6, 10: 1.2, 12: 1.4, 13: 1.2}


def opening_hours(day: date) -> dict[int, int]:
    weekday = day.weekday()
    if weekday < 5:
        return WEEKDAY_HOURS
    return SATURDAY_HOURS if weekday == 5 else {}


def local_now(now_ms: int, tz: tzinfo | None) -> datetime:
    return datetime.fromtimestamp(now_ms / 1000, tz=tz).astimezone(tz).replace(tzinfo=None)


def share_open_before(day: date, now: datetime) -> float:
    """How much of the day's usual check-ins fall before `now` (local): 1 for past days."""
    hours = opening_hours(day)
    if day < now.date():
        return 1.0
    if day > now.date() or not hours:
        return 0.0
    total = sum(hours.values())
    now_hour = now.hour + now.minute / 60 + now.second / 3600
    before = sum(share * min(1.0, max(0.0, now_hour - hour)) for hour, share in hours.items())
    return before / total


def plan_days(
    rng: random.Random, visits: int, now_ms: int, tz: tzinfo | None
) -> Iterator[tuple[date, int]]:
    """Yield (day, how many visits) from the oldest day to today."""
    if visits == 0:
        return
    weekdays = min(max(visits / VISITS_PER_WEEKDAY, MIN_HISTORY_WEEKDAYS), MAX_HISTORY_WEEKDAYS)
    per_weekday = visits / weekdays
    now = local_now(now_ms, tz)
    days: list[date] = []
    weights: list[float] = []
    expected = 0.0
    day = now.date()
    while expected < visits or not any(weights):
        weight = DAY_SHARE[day.weekday()] * share_open_before(day, now)
        if weight:
            days.append(day)
            weights.append(weight)
            expected += weight * per_weekday
        day -= timedelta(days=1)
    days.reverse()
    weights.reverse()
    counts = Counter(rng.choices(range(len(days)), weights=weights, k=visits))
    for index, day in enumerate(days):
        if counts[index]:
            yield day, counts[index]
