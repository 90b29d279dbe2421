"""Benchmark: durable check-ins through HubService on a file database, with the real clock.

    uv run python bench/bench_checkin.py              # 2,000 check-ins
    uv run python bench/bench_checkin.py --count 200

Each check-in is one BEGIN IMMEDIATE transaction committed with synchronous=FULL in WAL mode:
when `check_in` returns, the visit would survive a power cut. The database is made afresh in
bench/out/ each run (on the disk that holds the repository, which is what the figures measure).
Every third visitor is a returning one, recognised by id. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kiosk.core.people import Role
from kiosk.core.policies import Policies
from kiosk.hub.service import HubService
from kiosk.store.database import open_database, writing
from kiosk.store.people import add_staff

OUT = Path(__file__).resolve().parent / "out"


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the check-ins fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "checkin.db"
    for old in OUT.glob("checkin.db*"):
        old.unlink()
    db = open_database(path)
    with writing(db):
        host = add_staff(db, "Priya Raman", Role.HOST)
    hub = HubService(db, Policies())
    mode, sync = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("journal_mode", "synchronous"))

    latencies: list[float] = []
    regulars: list[tuple[str, int]] = []
    started = time.perf_counter()
    for number in range(args.count):
        returning = regulars[number % len(regulars)] if number % 3 == 2 else None
        name, visitor_id = returning or (f"Visitor {number}", None)
        before = time.perf_counter_ns()
        arrival = hub.check_in(name, host_id=host, visitor_id=visitor_id, kiosk="lobby")
        latencies.append((time.perf_counter_ns() - before) / 1e6)
        if returning is None:
            regulars.append((name, arrival.visitor.id))
    elapsed = time.perf_counter() - started
    db.close()

    print(f"{args.count:,} check-ins through HubService into {path}")
    print(f"  journal_mode={mode}, synchronous={sync} (2 is FULL)")
    print(
        f"  latency  p50 {statistics.median(latencies):6.2f} ms   "
        f"p99 {percentile(latencies, 0.99):6.2f} ms   max {max(latencies):6.2f} ms"
    )
    print(f"  throughput {args.count / elapsed:,.0f} check-ins/s over {elapsed:.2f} s")


if __name__ == "__main__":
    main()
