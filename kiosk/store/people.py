"""Staff (hosts and receptionists), remembered visitors, and erasing a visitor's personal data."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.core import text
from kiosk.core.names import MAX_NAME_LENGTH, clean_name, matching_key
from kiosk.core.people import STAFF_ACTOR, InvalidEmail, Role, Staff, Visitor, checked_email
from kiosk.store.database import writing
from kiosk.store.spreadsheets import TOO_MANY_FIELDS, read_sheet

_STAFF_COLUMNS = "id, name, role, email, phone, department, active"
_VISITOR_COLUMNS = (
    "id, name, pronunciation, contact, visit_count, last_visit_at, last_host_id, last_wait_s"
)

# Every table, and what it keeps of a visitor. Forgetting a visitor and the retention purge
# erase their row of `visitors`, the one table that holds what they typed or what the desk
# remembers of them; everything else is kept because it holds none of it. A test checks this
# against the schema, so a new table can't be added without deciding which it is.
PERSONAL_DATA = {
    "visitors": "erased: the name, contact and pronunciation a visitor typed, and what the desk "
    "remembers of them (last host, last wait)",
    "visits": "kept: times, purpose, host, kiosk and staff, and a bare visitor number that leads "
    "nowhere once the visitor is erased (it is never given to another visitor)",
    "events": "kept: the same as the log of each step; an event's actor is a kiosk, a desk, a "
    "member of staff or the hub, and its payload holds numbers and codes, never typed text",
    "staff": "kept: the staff list, which the manager keeps up to date; not visitors' data",
    "devices": "kept: the names staff gave desks and kiosks when pairing; not visitors' data",
    "pairing_code": "kept: the one live pairing code",
    "audit": "kept: hub-wide records, which hold no personal data (kiosk.store.audit)",
    "wait_counts": "kept: counts of visits by day, hour, receptionist and seconds waited",
    "follow_up_notes": "erased with the visitor: what a manager noted on calling them back",
    "roll_calls": "kept: when each roll call started and ended, and which desk or manager "
    "started it",
    "expected_visits": "erased: the name, contact, note and pronunciation of a visitor the desk "
    "expected, once their day is older than the retention period",
    "_sqlite_migrations": "kept: the changes made to the schema",
}


def _staff(row: tuple[Any, ...]) -> Staff:
    id_, name, role, email, phone, department, active = row
    return Staff(id_, name, Role(role), email, phone, department, bool(active))


def _visitor(row: tuple[Any, ...]) -> Visitor:
    return Visitor(*row)


# --- staff -------------------------------------------------------------------------------------


def add_staff(
    db: Database,
    name: str,
    role: Role = Role.HOST,
    *,
    email: str | None = None,
    phone: str | None = None,
    department: str | None = None,
) -> int:
    """Add one member of staff and return their id; call inside `writing(db)`.

    Raises InvalidName for a name that can't be used, RefusedText for a detail holding a control
    or bidirectional-override character.
    """
    name = clean_name(name)
    for detail in (email, phone, department):
        text.check_free_text(detail or "", text.STAFF_DETAIL)
    cursor = db.execute(
        "INSERT INTO staff (name, name_key, role, email, phone, department, active) "
        "VALUES (?, ?, ?, ?, ?, ?, 1)",
        (name, matching_key(name), str(role), email, phone, department),
    )
    return cursor.lastrowid


def get_staff(db: Database, staff_id: int) -> Staff | None:
    row = db.execute(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE id = ?", [staff_id]).fetchone()
    return _staff(row) if row else None


def all_staff(db: Database) -> list[Staff]:
    return [_staff(r) for r in db.execute(f"SELECT {_STAFF_COLUMNS} FROM staff ORDER BY name")]


def find_hosts(db: Database, typed: str, *, limit: int = 8) -> list[Staff]:
    """Active staff whose first name, last name or full name starts with what was typed.

    Case and accents are ignored, so "nun" finds "José Núñez".
    """
    key = matching_key(typed)
    if len(key) < 2:
        return []
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.execute(
        f"SELECT {_STAFF_COLUMNS} FROM staff WHERE active = 1 AND "
        "(name_key LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\') ORDER BY name LIMIT ?",
        [f"{escaped}%", f"% {escaped}%", limit],
    )
    return [_staff(r) for r in rows]


def staff_by_name(db: Database, name: str) -> list[Staff]:
    """Active staff whose whole name matches (for sites that ask for the full name)."""
    rows = db.execute(
        f"SELECT {_STAFF_COLUMNS} FROM staff WHERE active = 1 AND name_key = ?",
        [matching_key(name)],
    )
    return [_staff(r) for r in rows]


@dataclass
class StaffImport:
    """What `import_staff_csv` did, and the rows it could not take, as sentences."""

    added: int = 0
    updated: int = 0
    problems: list[str] = field(default_factory=list)


_STAFF_FIELDS = ("name", "role", "email", "phone", "department")


def import_staff_csv(db: Database, path: Path) -> StaffImport:
    """Add or update staff from a CSV file with a header row: name, role, email, phone, department.

    Only `name` is required; columns may be separated by commas, semicolons or tabs. A row whose
    name (ignoring case and accents) is already on file updates that person. Bad rows are listed
    by line, in the words of someone reading their spreadsheet, and skipped; good rows are kept;
    blank rows are passed over. A field holding a control or bidirectional-override character
    (which could rewrite a terminal or turn a name backwards on a desk) makes its row bad, and so
    does an e-mail address that is not one.
    """
    sheet = read_sheet(path, "name", "the staff list")
    report = StaffImport(problems=sheet.problems)
    with writing(db):
        for line, row in sheet.rows:
            _import_row(db, line, row, report)
    return report


def _import_row(db: Database, line: int, row: dict[str, str] | None, report: StaffImport) -> None:
    if row is None:
        report.problems.append(f"Line {line}: {TOO_MANY_FIELDS}")
        return
    for column in _STAFF_FIELDS:
        refused = text.first_refused(row.get(column, ""))
        if refused is not None:
            report.problems.append(
                f"Line {line}: the {column} holds a control or text-direction character "
                f"({text.code_point(refused)}); correct it and import again. Skipped."
            )
            return
    name = " ".join(unicodedata.normalize("NFC", row.get("name", "")).split())
    if not name:
        report.problems.append(f"Line {line}: the name is empty; skipped.")
        return
    if len(name) > MAX_NAME_LENGTH:
        report.problems.append(
            f"Line {line}: the name is longer than {MAX_NAME_LENGTH} characters; skipped."
        )
        return
    name = clean_name(name)
    role_text = row.get("role", "") or "host"
    try:
        role = Role(role_text.lower())
    except ValueError:
        report.problems.append(
            f"Line {line}: the role '{role_text}' is not 'host' or 'receptionist'; skipped."
        )
        return
    email = row.get("email") or None
    if email is not None:
        try:
            email = checked_email(email)
        except InvalidEmail as error:
            report.problems.append(
                f"Line {line}: the email '{email}' is not an email address ({error}); skipped."
            )
            return
    details = [email, row.get("phone") or None, row.get("department") or None]
    existing = db.execute(
        "SELECT id FROM staff WHERE name_key = ?", [matching_key(name)]
    ).fetchone()
    if existing:
        db.execute(
            "UPDATE staff SET name = ?, role = ?, email = ?, phone = ?, department = ?, active = 1 "
            "WHERE id = ?",
            [name, str(role), *details, existing[0]],
        )
        report.updated += 1
    else:
        add_staff(db, name, role, email=details[0], phone=details[1], department=details[2])
        report.added += 1


# --- visitors ----------------------------------------------------------------------------------


def visitors_named(db: Database, name: str) -> list[Visitor]:
    """Remembered visitors whose name matches, ignoring case and accents; most recent first."""
    rows = db.execute(
        f"SELECT {_VISITOR_COLUMNS} FROM visitors WHERE name_key = ? ORDER BY last_visit_at DESC",
        [matching_key(name)],
    )
    return [_visitor(r) for r in rows]


def long_wait_of_namesake(db: Database, visitor: Visitor, over_s: float) -> Visitor | None:
    """Another remembered visitor with the same name whose last wait was over `over_s`: for
    desks only, as "possibly the Maria who waited 9 minutes — not confirmed"."""
    row = db.execute(
        f"SELECT {_VISITOR_COLUMNS} FROM visitors WHERE name_key = ? AND id != ? "
        "AND last_wait_s > ? ORDER BY last_visit_at DESC LIMIT 1",
        [matching_key(visitor.name), visitor.id, over_s],
    ).fetchone()
    return _visitor(row) if row else None


def get_visitor(db: Database, visitor_id: int) -> Visitor | None:
    row = db.execute(
        f"SELECT {_VISITOR_COLUMNS} FROM visitors WHERE id = ?", [visitor_id]
    ).fetchone()
    return _visitor(row) if row else None


def add_visitor(
    db: Database,
    name: str,
    at_ms: int,
    *,
    pronunciation: str | None = None,
    contact: str | None = None,
) -> int:
    """Remember a new visitor and return their id; call inside `writing(db)`.

    Raises InvalidName for a name that can't be used, RefusedText for a pronunciation or contact
    holding a control or bidirectional-override character.
    """
    name = clean_name(name)
    text.check_free_text(pronunciation or "", text.PRONUNCIATION)
    text.check_free_text(contact or "", text.CONTACT)
    # A number never used before, not even by an erased visitor whose visits still carry it:
    # SQLite would give the last erased visitor's number to the next one, and with it their
    # history ("last time you waited 9 minutes").
    cursor = db.execute(
        "INSERT INTO visitors (id, name, name_key, pronunciation, contact, visit_count, "
        "created_at) VALUES (max(coalesce((SELECT max(id) FROM visitors), 0), "
        "coalesce((SELECT max(visitor_id) FROM visits), 0)) + 1, ?, ?, ?, ?, 0, ?)",
        (name, matching_key(name), pronunciation or None, contact or None, at_ms),
    )
    return cursor.lastrowid


def note_visit(
    db: Database,
    visitor_id: int,
    at_ms: int,
    host_id: int | None,
    *,
    pronunciation: str | None = None,
) -> None:
    """Count a check-in towards the visitor's history; a new pronunciation replaces the old."""
    text.check_free_text(pronunciation or "", text.PRONUNCIATION)
    db.execute(
        "UPDATE visitors SET visit_count = visit_count + 1, last_visit_at = ?, "
        "last_host_id = coalesce(?, last_host_id), "
        "pronunciation = coalesce(?, pronunciation) WHERE id = ?",
        [at_ms, host_id, pronunciation or None, visitor_id],
    )


def note_wait(db: Database, visitor_id: int, wait_s: float) -> None:
    """Remember how long the visitor waited, so next time the desk can make amends."""
    db.execute("UPDATE visitors SET last_wait_s = ? WHERE id = ?", [wait_s, visitor_id])


def erase_visitors_before(db: Database, cutoff_ms: int) -> int:
    """Erase every visitor not seen since `cutoff_ms`; their visits stay, anonymous. Call inside
    `writing(db)`, then `flush_erased(db)` after it.

    Visits keep only a bare visitor number that no longer leads to a name, contact or
    pronunciation (`PERSONAL_DATA`). Returns how many visitors were erased.
    """
    cursor = db.execute(
        "DELETE FROM visitors WHERE coalesce(last_visit_at, created_at) < ?", [cutoff_ms]
    )
    return cursor.rowcount


def staff_fingerprint(db: Database) -> str:
    """Changes whenever anyone on the staff list is added, renamed, moved or made inactive."""
    row = db.execute(
        "SELECT group_concat(id || ':' || name || ':' || role || ':' || active, '|') "
        "FROM (SELECT * FROM staff ORDER BY id)"
    ).fetchone()
    return row[0] or ""


def visit_count(db: Database, visitor_id: int) -> int:
    """How many visits a visitor's number is on, including those checked in before any purge."""
    (count,) = db.execute(
        "SELECT count(*) FROM visits WHERE visitor_id = ?", [visitor_id]
    ).fetchone()
    return count


def forget_visitor(db: Database, visitor_id: int) -> Visitor | None:
    """Erase one visitor at their request: everything `PERSONAL_DATA` marks as erased. Call
    inside `writing(db)`, then `flush_erased(db)` after it.

    Their visits stay in the figures under a bare number that leads nowhere. Returns the
    visitor as they were, or None if there is no such visitor (already erased, say).
    """
    visitor = get_visitor(db, visitor_id)
    if visitor is None:
        return None
    db.execute("DELETE FROM visitors WHERE id = ?", [visitor_id])
    return visitor


def flush_erased(db: Database) -> bool:
    """After erasing, outside any transaction: move the erased pages into the database file and
    empty its write-ahead log, which would otherwise keep earlier copies of those pages. (In the
    file itself, erased rows are overwritten with zeros: `open_database` asks SQLite to.)

    Returns False if a reader (a running hub, in the middle of a read) kept the log for now:
    SQLite then empties it by itself as it reuses it.
    """
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0


def staff_name_of(db: Database, actor: str) -> str | None:
    """The name on the staff list of the member of staff an event's actor is ("staff:25"), or
    None for any other actor (a desk, a kiosk, the hub)."""
    ident = actor.removeprefix(STAFF_ACTOR)
    if ident == actor or not ident.isdigit():
        return None
    person = get_staff(db, int(ident))
    return person.name if person else None
