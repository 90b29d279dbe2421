"""Benchmark: an Excel export of 100,000 visits, its time and its peak memory.

    uv run python bench/bench_export_xlsx.py                 # 100,000 visits, 3 runs
    uv run python bench/bench_export_xlsx.py --visits 20000 --runs 2

Seeds (once) bench/out/history-<visits>.db like bench_export.py. Each run exports every visit
in a fresh child process, with the summary sheet in front as `kiosk export` writes it, and reads
that process's peak resident memory when it ends. A CSV export of the same visits runs in its own
child beside it, as the baseline: the Excel writer keeps to constant memory (xlsxwriter's
`constant_memory`), so its peak should stay near the CSV one, whatever the number of visits.
Prints the median and p99 time and the peak memory of each; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
from pathlib import Path

from bench_export import ALL_TIME, OUT, seeded_database

CHILD = r"""
import json, resource, sys, time
from datetime import date
from functools import partial
from pathlib import Path
from kiosk.core.policies import Targets
from kiosk.store import people
from kiosk.store.database import open_database
from kiosk.store.export import export_visits
from kiosk.store.stats import WaitCounts, figures_body, summary_rows
path, fmt, out = sys.argv[1:4]
start, end = int(sys.argv[4]), int(sys.argv[5])
db = open_database(path)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
summary = None
if fmt == "xlsx":
    counts = WaitCounts(db, Targets())
    name_of = partial(people.staff_name_of, db)
    body = figures_body(counts, date(2000, 1, 1), date(2100, 1, 1), name_of)
    summary = summary_rows(body)
rows = export_visits(db, start, end, fmt, Path(out), summary=summary)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "rows": rows, "peak_mb": peak / 1024,
                  "before_mb": before / 1024}))
"""


def run(path: Path, fmt: str) -> dict:
    out = OUT / f"export-bench.{fmt}"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), fmt, str(out), *map(str, ALL_TIME)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path, db = seeded_database(args.visits)
    db.close()
    results: dict[str, list[dict]] = {"xlsx": [], "csv": []}
    for number in range(args.runs):
        for fmt in ("xlsx", "csv") if number % 2 == 0 else ("csv", "xlsx"):
            results[fmt].append(run(path, fmt))
        print(f"  run {number + 1}: xlsx {results['xlsx'][-1]['seconds']:.2f} s, "
              f"csv {results['csv'][-1]['seconds']:.2f} s", flush=True)  # fmt: skip
    for fmt, label in (("xlsx", "Excel, with its summary sheet"), ("csv", "CSV (baseline)")):
        times = [r["seconds"] for r in results[fmt]]
        peaks = [r["peak_mb"] for r in results[fmt]]
        visits = results[fmt][0]["rows"]
        print(
            f"{label:<30} {visits:,} visits: median {statistics.median(times):.2f} s, "
            f"p99 {p99(times):.2f} s; peak memory {max(peaks):.0f} MB "
            f"(the process held {results[fmt][0]['before_mb']:.0f} MB before exporting)"
        )
    ratio = statistics.median(r["seconds"] for r in results["xlsx"]) / statistics.median(
        r["seconds"] for r in results["csv"]
    )
    print(f"Excel takes {ratio:.1f}x the time of CSV.")


if __name__ == "__main__":
    main()
