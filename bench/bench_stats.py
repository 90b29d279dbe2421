"""Benchmark: the manager's wait figures over the whole seeded history and over 90 days.

    uv run python bench/bench_stats.py                # 1,000,000 visits, 20 runs
    uv run python bench/bench_stats.py --visits 50000 --runs 5

Uses the same database as bench_export.py (seeding it if needed; an older file gains its wait
counts through the schema's migration the first time, which takes about a minute for a million
visits). Times, over the whole history and over the last 90 days:

- `report`: what `kiosk report` computes (headline figures, the same days before, by hour);
- each part alone, and the dashboard's other figures (by receptionist, visits per day, best
  weeks);
- a baseline in the same process: the same headline histogram read from every visit of the range
  (one GROUP BY over the visits table), which is what the wait counts spare.

Prints the median and p99 of `--runs` calls after one warm-up call, and the ratio of the
baseline's median to the report's. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bench_export import NOW_MS, seeded_database
from sqlite_utils import Database

from kiosk.core.policies import Targets
from kiosk.store.stats import WaitCounts

TODAY = datetime.fromtimestamp(NOW_MS / 1000, UTC).date()


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the runs fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def timed(runs: int, call: Callable[[], Any]) -> list[float]:
    call()  # the first call warms the page cache; a dashboard asks again and again
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report_line(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"  {label:<40} median {median:7.1f} ms   p99 {percentile(times, 0.99):7.1f} ms")
    return median


def from_every_visit(db: Database, first: date, last: date) -> dict[int, int]:
    """The baseline: the range's wait histogram read from its visits, one by one."""

    def ms(day: date) -> int:
        return int(datetime.combine(day, datetime.min.time(), UTC).timestamp() * 1000)

    rows = db.execute(
        "SELECT (welcomed_at - checked_in_at + 999) / 1000, count(*) FROM visits "
        "WHERE checked_in_at >= ? AND checked_in_at < ? AND welcomed_at IS NOT NULL GROUP BY 1",
        [ms(first), ms(last + timedelta(days=1))],
    )
    return dict(rows.fetchall())


def measure(db: Database, label: str, first: date, last: date, runs: int) -> None:
    counts = WaitCounts(db, Targets())
    figures = counts.figures(first, last)
    print(f"{label}: {first} to {last}, {figures.visits:,} visits")

    def whole_report() -> None:
        counts.figures(first, last)
        counts.previous(first, last)
        counts.by_hour(first, last)

    report = report_line("report (figures, days before, by hour)", timed(runs, whole_report))
    report_line("figures", timed(runs, lambda: counts.figures(first, last)))
    report_line("by hour", timed(runs, lambda: counts.by_hour(first, last)))
    report_line("by receptionist", timed(runs, lambda: counts.by_receptionist(first, last)))
    report_line("visits per day", timed(runs, lambda: counts.visits_per_day(first, last)))
    report_line("best weeks", timed(runs, lambda: counts.best_weeks(first, last)))
    baseline = report_line(
        "baseline: waits read from every visit",
        timed(max(3, runs // 4), lambda: from_every_visit(db, first, last)),
    )
    print(
        f"  the report takes {report / baseline:.2f}x the time of reading the visits; "
        f"wait median {figures.wait.median:.0f} s, p90 {figures.wait.p90:.0f} s, "
        f"{figures.wait.within_target:.1%} welcomed within target (target at most 50 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    _, db = seeded_database(args.visits)
    print(f"{args.runs} runs each")
    measure(db, "whole history", date(2000, 1, 1), TODAY, args.runs)
    measure(db, "last 90 days", TODAY - timedelta(days=89), TODAY, args.runs)
    db.close()


if __name__ == "__main__":
    main()
