"""Expected visitors: invited from the command line or added at the desk, and whether each came.

An expected visit's invitation code is made from its number (kiosk.core.codes); the code is
good from two hours before the expected time to the end of that day, site time, and once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from kiosk.core.names import matching_key

# An invitation is good from this long before the expected time.
VALID_BEFORE_MS = 2 * 3_600_000
_DAY_MS = 86_400_000
_COLUMNS = (
    "id, name, contact, host_id, expected_at, utc_offset_min, note, pronunciation, used_at, "
    "visit_id, cancelled_at"
)


@dataclass(frozen=True)
class Expected:
    id: int
    name: str
    contact: str | None
    host_id: int | None
    expected_at: int
    utc_offset_min: int
    note: str | None
    pronunciation: str | None
    used_at: int | None
    visit_id: int | None
    cancelled_at: int | None

    @property
    def valid_from(self) -> int:
        return self.expected_at - VALID_BEFORE_MS

    @property
    def valid_until(self) -> int:
        """The end of the expected day, site time (exclusive)."""
        offset_ms = self.utc_offset_min * 60_000
        return ((self.expected_at + offset_ms) // _DAY_MS + 1) * _DAY_MS - offset_ms


def add_expected(
    db: Database,
    *,
    name: str,
    host_id: int | None,
    expected_at: int,
    utc_offset_min: int,
    created_at: int,
    created_by: str,
    contact: str | None = None,
    note: str | None = None,
    pronunciation: str | None = None,
) -> int:
    """Expect a visitor; returns the number their invitation code is made from. Call inside
    `writing(db)`, with every text already checked (kiosk.hub.service)."""
    cursor = db.execute(
        "INSERT INTO expected_visits (name, name_key, contact, host_id, expected_at, "
        "utc_offset_min, note, pronunciation, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [name, matching_key(name), contact, host_id, expected_at, utc_offset_min, note,
         pronunciation, created_at, created_by],
    )  # fmt: skip
    return cursor.lastrowid


def get_expected(db: Database, expected_id: int) -> Expected | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM expected_visits WHERE id = ?", [expected_id])
    found = row.fetchone()
    return Expected(*found) if found else None


def expected_between(db: Database, start_ms: int, end_ms: int) -> list[Expected]:
    """Everyone expected from `start_ms` to before `end_ms`, in order of the time expected."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM expected_visits WHERE expected_at >= ? AND expected_at < ? "
        "AND cancelled_at IS NULL ORDER BY expected_at, id",
        [start_ms, end_ms],
    )
    return [Expected(*row) for row in rows]


def expected_for_visit(db: Database, visit_id: int) -> Expected | None:
    """The expected visit that became this visit, if the visitor came with an invitation."""
    row = db.execute(f"SELECT {_COLUMNS} FROM expected_visits WHERE visit_id = ?", [visit_id])
    found = row.fetchone()
    return Expected(*found) if found else None


def mark_arrived(db: Database, expected_id: int, visit_id: int, at_ms: int) -> None:
    """The invitation was used: it checked in `visit_id`. Call inside `writing(db)`."""
    db.execute(
        "UPDATE expected_visits SET used_at = ?, visit_id = ? WHERE id = ?",
        [at_ms, visit_id, expected_id],
    )


def withdraw(db: Database, expected_id: int, at_ms: int) -> bool:
    """Withdraw an invitation not used yet; False if there is none such. Call inside
    `writing(db)`."""
    return (
        db.execute(
            "UPDATE expected_visits SET cancelled_at = ? WHERE id = ? AND used_at IS NULL "
            "AND cancelled_at IS NULL",
            [at_ms, expected_id],
        ).rowcount
        > 0
    )


def erase_expected_before(db: Database, cutoff_ms: int) -> int:
    """Erase the expected visits of days before `cutoff_ms`: they hold names and contacts.
    Call inside `writing(db)`; returns how many were erased."""
    return db.execute("DELETE FROM expected_visits WHERE expected_at < ?", [cutoff_ms]).rowcount
