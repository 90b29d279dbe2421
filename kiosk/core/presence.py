"""Whether reception is really there: the rule behind "Reception knows you're here".

A kiosk may promise a visitor that reception knows only while some desk has someone at it (a
receptionist chosen, or "someone at this desk"), can make a sound, and has answered the hub
within the last twenty seconds. The hub pings every ten.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PING_EVERY_S = 10.0
ANSWERED_WITHIN_S = 20.0


def desk_is_listening(status: Mapping[str, Any], answered_ago_s: float) -> bool:
    """`status` is what the desk last said it can do (its `status` message)."""
    return (
        answered_ago_s <= ANSWERED_WITHIN_S
        and status.get("receptionist_id") is not None
        and bool(status.get("sound"))
    )
