"""Wait figures over a period: overall, for acknowledging, and by local hour of check-in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlite_utils import Database

from kiosk.core.metrics import WaitSummary
from kiosk.core.policies import Targets

# Durations are counted in whole seconds begun, like a taxi meter: 60.2 s counts as 61 s. Targets
# are whole seconds, so "within target" stays exact and never flatters the desk; medians read at
# most a second high. Whole seconds keep the histograms to a few thousand rows for any number of
# visits, which is most of the speed. The local hour comes from the UTC offset stored on each
# visit, so a clock change never moves a visit to another hour. NULL where a step never happened.
_HOUR = "(checked_in_at + utc_offset_min * 60000) / 3600000 % 24"
_WAIT = "(welcomed_at - checked_in_at + 999) / 1000"
_ACKNOWLEDGE = "(acknowledged_at - checked_in_at + 999) / 1000"
_PERIOD = "checked_in_at >= :start_ms AND checked_in_at < :end_ms"

# Two histograms, each one pass over the period's visits. The (hour, NULL) group counts the
# visitors of that hour who were never welcomed.
_WAIT_BY_HOUR = (
    f"SELECT {_HOUR}, {_WAIT}, count(*) FROM visits {{index}} WHERE {_PERIOD} GROUP BY 1, 2"
)
_ACKNOWLEDGED = f"SELECT {_ACKNOWLEDGE}, count(*) FROM visits {{index}} WHERE {_PERIOD} GROUP BY 1"

# SQLite sorts the period's rows to group them, about 1.5 us a visit for both histograms. The
# indexes made by the schema (kiosk.store.schema.index_wait_histograms) keep visits in histogram
# order already, so reading them end to end and skipping rows
# outside the period costs about 0.25 us a visit on file, however short the period. They carry
# every column the queries read, so SQLite never has to visit the table. The expressions must
# stay identical to the queries' for SQLite to recognise them.
WAIT_INDEX = "idx_visits_wait_by_hour"
ACKNOWLEDGE_INDEX = "idx_visits_time_to_acknowledge"
# Read the indexes end to end when the period holds more than this share of all visits;
# below it, sorting just the period's visits is cheaper (1.5 us against 0.25 us: one in six).
_WHOLE_INDEX_SHARE = 1 / 6


@dataclass(frozen=True)
class WaitStatistics:
    """Wait figures for the visitors who checked in during a period.

    `wait` is check-in to welcomed in person, `time_to_acknowledge` check-in to "on my way";
    each counts only the visits where that step happened (a visitor who left unseen has no
    wait). `by_hour` summarises the wait by local hour of check-in (0-23); an hour appears when
    anyone checked in during it, so an hour whose visitors all went unwelcomed shows a count of
    0. Durations are whole seconds begun (60.2 s counts as 61 s).
    """

    visits: int
    wait: WaitSummary
    time_to_acknowledge: WaitSummary
    by_hour: Mapping[int, WaitSummary]


def wait_statistics(db: Database, start_ms: int, end_ms: int, targets: Targets) -> WaitStatistics:
    """Wait figures for the visits that checked in at or after `start_ms` and before `end_ms`."""
    params = {"start_ms": start_ms, "end_ms": end_ms}
    wait_index = acknowledge_index = ""
    if _read_whole_indexes(db, params):
        wait_index, acknowledge_index = (
            f"INDEXED BY {WAIT_INDEX}",
            f"INDEXED BY {ACKNOWLEDGE_INDEX}",
        )
    visits = 0
    waits: dict[float, int] = {}
    hourly: dict[int, dict[float, int]] = {}
    for hour, seconds, count in db.execute(_WAIT_BY_HOUR.format(index=wait_index), params):
        visits += count
        in_hour = hourly.setdefault(hour, {})
        if seconds is not None:
            in_hour[seconds] = count
            waits[seconds] = waits.get(seconds, 0) + count
    acknowledges = {
        seconds: count
        for seconds, count in db.execute(_ACKNOWLEDGED.format(index=acknowledge_index), params)
        if seconds is not None
    }
    return WaitStatistics(
        visits=visits,
        wait=WaitSummary.from_histogram(waits, targets.welcome_s),
        time_to_acknowledge=WaitSummary.from_histogram(acknowledges, targets.acknowledge_s),
        by_hour=MappingProxyType(
            {
                hour: WaitSummary.from_histogram(counts, targets.welcome_s)
                for hour, counts in sorted(hourly.items())
            }
        ),
    )


def _read_whole_indexes(db: Database, params: dict[str, Any]) -> bool:
    """True when reading the histogram indexes end to end beats sorting the period's visits."""
    # Visit ids are handed out in check-in order, so the ids of the period's first and last
    # visits estimate its size from two index look-ups, without counting. Only the speed
    # depends on the estimate, never the figures.
    first, last, highest = db.execute(
        "SELECT (SELECT id FROM visits WHERE checked_in_at >= :start_ms "
        "ORDER BY checked_in_at LIMIT 1), "
        "(SELECT id FROM visits WHERE checked_in_at < :end_ms "
        "ORDER BY checked_in_at DESC LIMIT 1), "
        "(SELECT max(id) FROM visits)",
        params,
    ).fetchone()
    if first is None or last is None or last < first:
        return False
    return last - first + 1 > highest * _WHOLE_INDEX_SHARE
