"""The `wait_counts` table: the histograms of kiosk.core.wait_counts, kept beside the visits.

Every write goes through `add`, in the same transaction as the visit it counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from sqlite_utils import Database

from kiosk.core.lifecycle import Visit
from kiosk.core.wait_counts import CountKey, Measure, change, counted

_KEY = "span, hour, receptionist, measure, seconds"


def record(db: Database, before: Visit | None, after: Visit) -> None:
    """Move the counts as one event took a visit from `before` to `after`."""
    add(db, change(before, after))


def add(db: Database, moves: Mapping[CountKey, int]) -> None:
    """Add `moves` (negative to take counts back); a count that reaches zero leaves the table."""
    if not moves:
        return
    db.conn.executemany(
        f"INSERT INTO wait_counts ({_KEY}, count) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO UPDATE SET count = count + excluded.count",
        [(*key, n) for key, n in moves.items()],
    )
    if any(n < 0 for n in moves.values()):
        db.conn.executemany(
            "DELETE FROM wait_counts WHERE span = ? AND hour = ? AND receptionist = ? "
            "AND measure = ? AND seconds = ? AND count = 0",
            [key for key, n in moves.items() if n < 0],
        )


def count_visits(visits: Iterable[Visit]) -> Counter[CountKey]:
    """The counts of `visits`, each as it stands."""
    total: Counter[CountKey] = Counter()
    for visit in visits:
        total.update(counted(visit))
    return total


def table(db: Database) -> Counter[CountKey]:
    """Every count in the table."""
    return Counter(
        {
            CountKey(span, hour, receptionist, Measure(measure), seconds): n
            for span, hour, receptionist, measure, seconds, n in db.execute(
                f"SELECT {_KEY}, count FROM wait_counts"
            )
        }
    )
