"""The protocol's envelope, all a client needs: the version, the error codes, writing a message.

Kept apart from kiosk.hub.protocol (which validates what the hub receives) so that a kiosk or
desk starts without loading the validation library.
"""

from __future__ import annotations

import json
from typing import Any

PROTOCOL_VERSION = 2

# Error codes (see docs/protocol.md).
INVALID = "invalid"
REFUSED = "refused"
UNAUTHORISED = "unauthorised"
UNAVAILABLE = "unavailable"
SLOW_DOWN = "slow_down"


def encode(message: dict[str, Any]) -> bytes:
    """One message as compact UTF-8 JSON, stamped with the protocol version."""
    body = {"v": PROTOCOL_VERSION, **message}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
