"""Paired devices (desks, remote kiosks, dashboards), their tokens, and pairing codes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a kiosk imports DeviceRole at start-up; sqlite-utils is slow to load
    from sqlite_utils import Database

PAIRING_CODE_DIGITS = 6
PAIRING_CODE_LIFETIME_MS = 10 * 60 * 1000


class DeviceRole(StrEnum):
    KIOSK = "kiosk"
    DESK = "desk"
    DASHBOARD = "dashboard"


@dataclass(frozen=True)
class Device:
    id: int
    name: str
    role: DeviceRole
    paired_at: int
    last_seen_at: int | None
    revoked_at: int | None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _device(row: tuple) -> Device:
    id_, name, role, paired_at, last_seen_at, revoked_at = row
    return Device(id_, name, DeviceRole(role), paired_at, last_seen_at, revoked_at)


_COLUMNS = "id, name, role, paired_at, last_seen_at, revoked_at"


def new_pairing_code(db: Database, now_ms: int) -> str:
    """A fresh six-digit code, good for one pairing within ten minutes; call inside writing()."""
    db.execute("DELETE FROM pairing_codes WHERE expires_at <= ?", [now_ms])
    code = f"{secrets.randbelow(10**PAIRING_CODE_DIGITS):0{PAIRING_CODE_DIGITS}d}"
    db.execute(
        "INSERT OR REPLACE INTO pairing_codes (code, expires_at) VALUES (?, ?)",
        [code, now_ms + PAIRING_CODE_LIFETIME_MS],
    )
    return code


def redeem_pairing_code(
    db: Database, code: str, name: str, role: DeviceRole, now_ms: int
) -> str | None:
    """Pair a device with a valid code and return its new token, or None if the code is not
    valid (wrong, used or expired). Call inside writing()."""
    row = db.execute(
        "SELECT code FROM pairing_codes WHERE code = ? AND expires_at > ?", [code, now_ms]
    ).fetchone()
    if row is None:
        return None
    db.execute("DELETE FROM pairing_codes WHERE code = ?", [code])
    return add_device(db, name, role, now_ms)


def add_device(db: Database, name: str, role: DeviceRole, now_ms: int) -> str:
    """Register a device and return its token (shown once, never stored in clear)."""
    token = secrets.token_urlsafe(32)
    db.execute(
        "INSERT INTO devices (name, role, token_hash, paired_at) VALUES (?, ?, ?, ?)",
        [name, str(role), _hash(token), now_ms],
    )
    return token


def device_for_token(db: Database, token: str) -> Device | None:
    """The paired, unrevoked device that owns `token`."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM devices WHERE token_hash = ? AND revoked_at IS NULL",
        [_hash(token)],
    ).fetchone()
    return _device(row) if row else None


def note_seen(db: Database, device_id: int, now_ms: int) -> None:
    db.execute("UPDATE devices SET last_seen_at = ? WHERE id = ?", [now_ms, device_id])


def all_devices(db: Database) -> list[Device]:
    return [_device(r) for r in db.execute(f"SELECT {_COLUMNS} FROM devices ORDER BY id")]


def revoke_device(db: Database, device_id: int, now_ms: int) -> bool:
    """Revoke a device's token; returns False if there is no such paired device."""
    cursor = db.execute(
        "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        [now_ms, device_id],
    )
    return cursor.rowcount == 1
