"""The protocol's envelope, all a client needs: the version, the error codes, writing a message.

Kept apart from kiosk.hub.protocol (which validates what the hub receives) so that a kiosk or
desk starts without loading the validation library. The kiosk screen's first frame waits for
what it loads, so `json` (a couple of milliseconds) is loaded by the first message instead; so
it is in kiosk.hub.client and kiosk.app.speech.
"""

from __future__ import annotations

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
    import json  # here: the kiosk screen loads this module before its first frame (see below)

    body = {"v": PROTOCOL_VERSION, **message}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
