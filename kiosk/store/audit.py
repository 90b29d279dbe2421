"""The audit log: hub-wide records (pairing, revocations, settings changed), no personal data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at_ms: int
    action: str
    device_id: int | None
    detail: dict[str, Any]


def record(
    db: Database, at_ms: int, action: str, device_id: int | None = None, **detail: Any
) -> None:
    """Append one record; call inside writing(). `detail` must hold no personal data."""
    db.execute(
        "INSERT INTO audit (at_ms, action, device_id, detail) VALUES (?, ?, ?, ?)",
        [at_ms, action, device_id, json.dumps(detail, sort_keys=True)],
    )


def entries(db: Database, *, limit: int = 200) -> list[AuditEntry]:
    """The newest `limit` records, oldest first."""
    rows = db.execute(
        "SELECT id, at_ms, action, device_id, detail FROM audit ORDER BY id DESC LIMIT ?", [limit]
    ).fetchall()
    return [
        AuditEntry(i, at, action, dev, json.loads(detail))
        for i, at, action, dev, detail in reversed(rows)
    ]


def last(db: Database, action: str) -> AuditEntry | None:
    row = db.execute(
        "SELECT id, at_ms, action, device_id, detail FROM audit WHERE action = ? "
        "ORDER BY id DESC LIMIT 1",
        [action],
    ).fetchone()
    return AuditEntry(row[0], row[1], row[2], row[3], json.loads(row[4])) if row else None
