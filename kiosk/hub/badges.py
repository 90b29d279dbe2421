"""What a visitor's badge says: their name, whom they visit, the day, and a code of its own that
checks that visit out at any kiosk. One rule for the badge a kiosk prints at check-in and the
one `kiosk badge` writes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from kiosk.core.codes import CodeKind, make_code
from kiosk.core.lifecycle import Visit
from kiosk.core.purposes import Purpose
from kiosk.store import people


def badge_for(db: Database, visit: Visit, secret: bytes) -> dict[str, Any]:
    """The badge's lines and code: {"name", "visiting", "day", "code"}."""
    visitor = people.get_visitor(db, visit.visitor_id) if visit.visitor_id else None
    host = people.get_staff(db, visit.host_id) if visit.host_id else None
    day = datetime.fromtimestamp(visit.checked_in_at / 1000).astimezone()
    return {
        "name": visitor.name if visitor else "Visitor",
        "visiting": f"Visiting {host.name}" if host else _purpose_words(visit.purpose),
        "day": f"{day:%a} {day.day} {day:%b %Y}",
        "code": make_code(CodeKind.BADGE, visit.id, secret),
    }


def _purpose_words(purpose: str | None) -> str:
    return Purpose(purpose).words if purpose else ""
