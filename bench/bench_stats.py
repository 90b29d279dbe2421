"""Benchmark: wait statistics over the whole seeded history, and over one week of it.

    uv run python bench/bench_stats.py                # 1,000,000 visits, 20 runs
    uv run python bench/bench_stats.py --visits 50000 --runs 5

Uses the same database as bench_export.py (seeding it if needed). Times `wait_statistics` on the
schema as it is; if the histogram indexes proposed in kiosk.store.stats are missing, it then
creates them inside a transaction, times again and rolls them back, so the database is left as
the migrations made it. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bench_export import NOW_MS, seeded_database
from sqlite_utils import Database

from kiosk.core.policies import Targets
from kiosk.store.stats import WaitStatistics, wait_statistics

WEEK_MS = 7 * 86_400_000


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the runs fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def timed(runs: int, call: Callable[[], WaitStatistics]) -> tuple[list[float], WaitStatistics]:
    call()  # the first call warms the page cache; a dashboard asks again and again
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def report(label: str, times: list[float], result: WaitStatistics) -> None:
    print(
        f"  {label:<34} median {statistics.median(times):7.1f} ms   "
        f"p99 {percentile(times, 0.99):7.1f} ms   ({result.visits:,} visits)"
    )


def measure(db: Database, runs: int) -> WaitStatistics:
    targets = Targets()
    whole, result = timed(runs, lambda: wait_statistics(db, 0, 2**62, targets))
    report("whole history", whole, result)
    week, last_week = timed(runs, lambda: wait_statistics(db, NOW_MS - WEEK_MS, NOW_MS, targets))
    report("last week", week, last_week)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    _, db = seeded_database(args.visits)
    print(f"wait_statistics, {args.runs} runs each")
    result = measure(db, args.runs)
    print(
        f" whole history: wait median {result.wait.median:.0f} s, p90 {result.wait.p90:.0f} s, "
        f"{result.wait.within_target:.1%} welcomed within target; "
        f"busiest hour {max(result.by_hour, key=lambda h: result.by_hour[h].count)}:00"
    )
    db.close()


if __name__ == "__main__":
    main()
