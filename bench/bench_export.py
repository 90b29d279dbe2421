"""Benchmark: export a big seeded history to CSV, against the sqlite3 shell running the same SELECT.

    uv run python bench/bench_export.py               # 1,000,000 visits, 5 runs each
    uv run python bench/bench_export.py --visits 50000 --runs 3

The history is seeded once into bench/out/history-<visits>.db and reused while it holds the
right number of visits. Each run times `export_visits(..., "csv", ...)` and
`sqlite3 -csv -header <db> <export_query()>` writing to a file, alternating which goes first;
both read the same file in the same run. The rows of the last two files are then compared.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from kiosk.store.database import open_database
from kiosk.store.export import export_query, export_visits
from kiosk.store.seed import seed_history

OUT = Path(__file__).resolve().parent / "out"
# A fixed end to the history, so every machine seeds the same visits.
NOW_MS = int(datetime(2026, 11, 24, 12, 0, tzinfo=UTC).timestamp() * 1000)
ALL_TIME = (0, 2**62)


def site_zone() -> tzinfo:
    try:
        return ZoneInfo("Europe/London")  # clock changes make the offsets worth exporting
    except ZoneInfoNotFoundError:
        return UTC


def seeded_database(visits: int) -> tuple[Path, Database]:
    """The bench database with `visits` seeded visits, made if missing or of the wrong size."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"history-{visits}.db"
    if path.exists():
        db = open_database(path)
        if db["visits"].count == visits:
            print(f"Reusing {path} ({visits:,} visits).")
            return path, db
        db.close()
        for stale in OUT.glob(f"{path.name}*"):
            stale.unlink()
    db = open_database(path)
    print(f"Seeding {visits:,} visits into {path} ...", flush=True)
    started = time.perf_counter()
    report = seed_history(db, visits, now_ms=NOW_MS, tz=site_zone())
    print(
        f"  seeded {report.visits:,} visits by {report.visitors:,} visitors "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return path, db


def shell_export(path: Path, out: Path) -> float:
    """Seconds for the sqlite3 shell to write the export's SELECT as CSV to `out`."""
    script = (
        f".parameter set :start_ms {ALL_TIME[0]}\n"
        f".parameter set :end_ms {ALL_TIME[1]}\n"
        f"{export_query()};\n"
    )
    started = time.perf_counter()
    with out.open("wb") as file:
        subprocess.run(
            ["sqlite3", "-csv", "-header", str(path)],
            input=script.encode(),
            stdout=file,
            check=True,
        )
    return time.perf_counter() - started


def python_export(db: Database, out: Path) -> tuple[float, int]:
    started = time.perf_counter()
    rows = export_visits(db, *ALL_TIME, "csv", out)
    return time.perf_counter() - started, rows


def compare(ours: Path, shells: Path) -> tuple[int, int | None]:
    """Rows in the shell's file, and the first line where the two files' rows differ, if any.

    Quoting and line ends may differ between the two; the parsed rows must not.
    """
    first_difference = None
    with (
        ours.open(encoding="utf-8-sig", newline="") as a,
        shells.open(encoding="utf-8", newline="") as b,
    ):
        pairs = itertools.zip_longest(csv.reader(a), csv.reader(b))
        for line, (mine, theirs) in enumerate(pairs, start=1):
            if mine != theirs and first_difference is None:
                first_difference = line
            if theirs is not None:
                shell_rows = line - 1  # less the header
    return shell_rows, first_difference


def spread(values: list[float]) -> str:
    return (
        f"min {min(values):6.2f} s   median {statistics.median(values):6.2f} s   "
        f"max {max(values):6.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        sys.exit("The sqlite3 shell is needed for the baseline (Debian: apt-get install sqlite3).")
    path, db = seeded_database(args.visits)
    ours_file, shell_file = OUT / "export-python.csv", OUT / "export-sqlite3.csv"
    ours: list[float] = []
    shells: list[float] = []
    for run in range(args.runs):
        # Alternate who goes first, so neither always finds the file cache warm.
        if run % 2:
            shells.append(shell_export(path, shell_file))
        seconds, rows = python_export(db, ours_file)
        ours.append(seconds)
        if not run % 2:
            shells.append(shell_export(path, shell_file))
        print(f"  run {run + 1}: export_visits {ours[-1]:.2f} s, sqlite3 shell {shells[-1]:.2f} s")
    shell_rows, first_difference = compare(ours_file, shell_file)

    print()
    print(f"CSV export of {rows:,} visits, {args.runs} runs each (SQLite {sqlite3.sqlite_version})")
    print(f"  export_visits  {spread(ours)}   {rows / statistics.median(ours):,.0f} rows/s")
    print(f"  sqlite3 shell  {spread(shells)}")
    print(
        f"  ratio of medians {statistics.median(ours) / statistics.median(shells):.2f} "
        f"(target at most 1.2), ratio of minimums {min(ours) / min(shells):.2f}"
    )
    same = "yes" if first_difference is None else f"NO, they differ from line {first_difference}"
    print(f"  rows: export_visits {rows:,}, sqlite3 shell {shell_rows:,}; same rows: {same}")
    print(f"  file sizes: {ours_file.stat().st_size:,} and {shell_file.stat().st_size:,} bytes")
    db.close()


if __name__ == "__main__":
    main()
