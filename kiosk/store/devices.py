"""Paired devices (desks, remote kiosks, dashboards), their tokens, and pairing codes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.core import pairing
from kiosk.store import audit

if TYPE_CHECKING:  # a kiosk imports DeviceRole at start-up; sqlite-utils is slow to load
    from sqlite_utils import Database


class DeviceRole(StrEnum):
    KIOSK = "kiosk"
    DESK = "desk"
    MANAGER = "manager"
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


@dataclass(frozen=True)
class LiveCode:
    code: str
    role: DeviceRole
    expires_at: int
    wrong_tries: int


def issue_pairing_code(db: Database, role: DeviceRole, now_ms: int) -> str:
    """A fresh code for one device of `role`, valid ten minutes; it voids any code before it.
    Call inside writing()."""
    if live_pairing_code(db, now_ms) is not None:
        audit.record(db, now_ms, "pairing_code_voided", why="replaced")
    db.execute("DELETE FROM pairing_code")
    code = pairing.new_code()
    db.execute(
        "INSERT INTO pairing_code (id, code, role, expires_at, wrong_tries) VALUES (1, ?, ?, ?, 0)",
        [code, str(role), now_ms + pairing.LIFETIME_MS],
    )
    audit.record(db, now_ms, "pairing_code_issued", role=str(role))
    return code


def live_pairing_code(db: Database, now_ms: int) -> LiveCode | None:
    row = db.execute(
        "SELECT code, role, expires_at, wrong_tries FROM pairing_code WHERE expires_at > ?",
        [now_ms],
    ).fetchone()
    return LiveCode(row[0], DeviceRole(row[1]), row[2], row[3]) if row else None


def note_wrong_proof(db: Database, now_ms: int, address: str) -> bool:
    """Count a wrong proof against the live code, wherever it came from; after the allowed
    number the code is voided. Returns True if this try voided it. Call inside writing()."""
    db.execute("UPDATE pairing_code SET wrong_tries = wrong_tries + 1")
    tries = db.execute("SELECT wrong_tries FROM pairing_code").fetchone()
    audit.record(db, now_ms, "pairing_wrong_proof", address=address)
    if tries is None or tries[0] < pairing.WRONG_TRIES_ALLOWED:
        return False
    db.execute("DELETE FROM pairing_code")
    audit.record(db, now_ms, "pairing_code_voided", why="wrong_tries", tries=tries[0])
    return True


def redeem_pairing_code(db: Database, name: str, role: DeviceRole, now_ms: int) -> tuple[int, str]:
    """Pair a device whose proof checked: void the code, and return the new device's number
    and token. Call inside writing()."""
    db.execute("DELETE FROM pairing_code")
    token = add_device(db, name, role, now_ms)
    device = device_for_token(db, token)
    assert device is not None
    audit.record(db, now_ms, "device_paired", device.id, role=str(role))
    return device.id, token


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
    if cursor.rowcount != 1:
        return False
    audit.record(db, now_ms, "device_revoked", device_id)
    return True


def revoked_among(db: Database, device_ids: list[int]) -> set[int]:
    """Which of these devices are revoked now, whoever revoked them (the CLI, another process)."""
    marks = ",".join("?" * len(device_ids))
    rows = db.execute(
        f"SELECT id FROM devices WHERE revoked_at IS NOT NULL AND id IN ({marks})", device_ids
    )
    return {row[0] for row in rows}
