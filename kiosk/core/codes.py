"""The codes a kiosk scans: an invitation (checks an expected visitor in) and a badge (checks
that one visit out), signed by the hub with its site's secret.

A code is upper-case letters and digits only, so a QR code holds it in alphanumeric mode and a
barcode scanner that types it on any keyboard layout types the same characters. It starts with
what it is (`FDKI` an invitation, `FDKB` a badge), then 28 characters of base32 for 17 bytes: the
site's tag (3 bytes, so a code from another site is told apart from a forgery), the number of
the expected visit or of the visit (4 bytes), and the first 10 bytes of an HMAC-SHA256 of all
that under the site's secret. Nothing about the visitor is in it.

Whether an invitation is still valid (its day, used once) is the hub's to decide from what it
keeps; this module only reads and checks the code itself.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from enum import StrEnum

PREFIX = "FDK"
_TAG_BYTES = 3
_NUMBER_BYTES = 4
_MAC_BYTES = 10
_BODY_CHARACTERS = 28  # base32 of 17 bytes, without padding
LENGTH = len(PREFIX) + 1 + _BODY_CHARACTERS
# Early and late: a visitor arriving within this of the expected time is on time.
ON_TIME_MINUTES = 10


class CodeKind(StrEnum):
    INVITATION = "I"
    BADGE = "B"


class CodeRefused(ValueError):
    """A code that can't be used; `reason` is a stable code, the message a sentence."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Code:
    kind: CodeKind
    number: int


def site_tag(secret: bytes) -> bytes:
    return _signature(secret, b"site")[:_TAG_BYTES]


def make_code(kind: CodeKind, number: int, secret: bytes) -> str:
    """The code for expected visit (or visit) `number` of this site."""
    if not 0 < number < 2 ** (8 * _NUMBER_BYTES):
        raise ValueError(f"No code can hold the number {number}.")
    signed = site_tag(secret) + number.to_bytes(_NUMBER_BYTES, "big")
    body = signed + _mac(kind, signed, secret)
    return f"{PREFIX}{kind}{base64.b32encode(body).decode('ascii').rstrip('=')}"


def read_code(text: str, secret: bytes) -> Code:
    """The code in what a scanner or camera read, or CodeRefused saying why it can't be used.

    Spaces and a trailing line end are forgiven and lower case is read as upper case (some
    scanners send both); anything else that is not exactly a code of this site is refused.
    """
    typed = text.strip().upper()
    if not typed.startswith(PREFIX) or len(typed) != LENGTH:
        raise CodeRefused("We couldn't read that code.", "unreadable")
    try:
        kind = CodeKind(typed[len(PREFIX)])
        body = base64.b32decode(typed[len(PREFIX) + 1 :] + "====")
    except (ValueError, binascii.Error):
        raise CodeRefused("We couldn't read that code.", "unreadable") from None
    signed, mac = body[: _TAG_BYTES + _NUMBER_BYTES], body[_TAG_BYTES + _NUMBER_BYTES :]
    if len(mac) != _MAC_BYTES:
        raise CodeRefused("We couldn't read that code.", "unreadable")
    import hmac

    if not hmac.compare_digest(signed[:_TAG_BYTES], site_tag(secret)):
        raise CodeRefused("That code is for another building.", "wrong_site")
    if not hmac.compare_digest(mac, _mac(kind, signed, secret)):
        raise CodeRefused("That code isn't one of ours.", "forged")
    return Code(kind, int.from_bytes(signed[_TAG_BYTES:], "big"))


def _mac(kind: CodeKind, signed: bytes, secret: bytes) -> bytes:
    return _signature(secret, kind.encode() + signed)[:_MAC_BYTES]


def _signature(secret: bytes, message: bytes) -> bytes:
    """HMAC-SHA256. Its modules are loaded only when a code is made or read: the kiosk screen
    loads this module before its first frame, which need not wait for them."""
    import hashlib
    import hmac

    return hmac.new(secret, message, hashlib.sha256).digest()


@dataclass(frozen=True)
class Arrival:
    """How a visitor's arrival compares with when they were expected."""

    kind: str  # "on_time", "early" or "late"
    minutes: int  # how early or late, in whole minutes (0 when on time)


def arrival(expected_at_ms: int, arrived_at_ms: int) -> Arrival:
    minutes = round((arrived_at_ms - expected_at_ms) / 60_000)
    if abs(minutes) <= ON_TIME_MINUTES:
        return Arrival("on_time", 0)
    return Arrival("late" if minutes > 0 else "early", abs(minutes))
