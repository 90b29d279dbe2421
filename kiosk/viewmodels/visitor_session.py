"""Everything the kiosk holds about the visitor in front of it, in one place that is replaced
whole when they walk away: nothing about them can be left behind in some corner."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from typing import Any

from kiosk.core.purposes import Purpose


@dataclass
class VisitorSession:
    name: str = ""
    contact: str = ""
    # Handles from the hub: to this visitor, once proven, and to the visit this kiosk made.
    identity: str | None = None
    visit: str | None = None
    greeting_name: str = ""
    last_host: dict[str, Any] | None = None
    host: dict[str, Any] | None = None
    purpose: Purpose = Purpose.MEETING
    host_query: str = ""
    pronunciation: str = ""
    acknowledged_by: str = ""
    listening: bool = False  # whether a desk was listening when they checked in

    def texts(self) -> list[str]:
        """Every text held about this visitor, for anyone auditing what a kiosk remembers."""
        found: list[str] = []
        for item in fields(self):
            found += _texts_in(getattr(self, item.name))
        return [text for text in found if text]


def _texts_in(value: Any) -> list[str]:
    if isinstance(value, Enum):
        return []  # a choice from a fixed list (the purpose), not what the visitor typed
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts_in(v)]
    return []
