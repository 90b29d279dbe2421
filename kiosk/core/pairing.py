"""Pairing codes and the proofs that pin a device to its hub's certificate.

The code is never sent. A device shows it knows the code with an HMAC over the certificate it was
shown (its SHA-256, F) and two fresh nonces; the hub answers with a proof of its own. A machine in
the middle shows another certificate, so the device's proof does not check at the hub, and the
hub's proof cannot be made without the code. A code is 12 characters of a 31-letter alphabet
(about 59 bits), so a fake hub that records one proof cannot search the codes in its ten minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

# No 0/O, 1/I/L: nothing to misread on a receipt or a screen.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
GROUP = 4
LIFETIME_MS = 10 * 60 * 1000
WRONG_TRIES_ALLOWED = 10
NONCE_BYTES = 32


class BadCode(ValueError):
    """What was typed cannot be a pairing code; the message says why, for the person typing."""


def new_code() -> str:
    """A fresh code, as stored and as proven: 12 characters, no separators."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def shown(code: str) -> str:
    """The code as a person reads it: three groups of four."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def typed(text: str) -> str:
    """The code a person typed, in any case, with or without spaces and dashes."""
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH:
        raise BadCode(
            f"A pairing code has {CODE_LENGTH} letters and digits, like 7KQ4-M2XD-9HTP. "
            "Type the one the hub shows."
        )
    if any(ch not in ALPHABET for ch in code):
        raise BadCode(
            "A pairing code has no 0, 1, O, I or L. Check the code the hub shows and type it again."
        )
    return code


def new_nonce() -> str:
    return secrets.token_hex(NONCE_BYTES)


def device_proof(code: str, fingerprint: str, device_nonce: str, hub_nonce: str) -> str:
    """What the device sends: it knows the code, and saw the certificate with this fingerprint."""
    return _proof(code, "device", fingerprint, device_nonce, hub_nonce)


def hub_proof(code: str, fingerprint: str, device_nonce: str, hub_nonce: str) -> str:
    """What the hub answers: it knows the code too, and owns that certificate."""
    return _proof(code, "hub", fingerprint, device_nonce, hub_nonce)


def proofs_match(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())


def _proof(code: str, side: str, fingerprint: str, device_nonce: str, hub_nonce: str) -> str:
    message = "\n".join((side, fingerprint, device_nonce, hub_nonce)).encode()
    return hmac.new(code.encode(), message, hashlib.sha256).hexdigest()
