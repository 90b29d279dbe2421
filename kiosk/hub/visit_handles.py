"""Handles a kiosk holds instead of ids: to the visit it just made, and to a proven visitor.

A handle is 128 random bits, good for one device and five minutes (or until the kiosk goes back
to Welcome), so a kiosk acts only on the visits it made, for the visitor in front of it, and a
stolen kiosk token is no key to anybody else's visit.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

LIFETIME_MS = 5 * 60 * 1000


class HandleRefused(LookupError):
    """Not a live handle of this device."""


@dataclass(frozen=True)
class _Held:
    device: str
    target: int | None  # what actions act on; None: nothing (nobody proved it theirs)
    about: int | None  # whose news the device hears (a merged check-in hears, but can't act)
    expires_ms: int


class Handles:
    """Live handles of one kind (visits, or proven visitors)."""

    def __init__(self) -> None:
        self._held: dict[str, _Held] = {}

    def issue(
        self, device: str, target: int | None, now_ms: int, *, hears_only: bool = False
    ) -> str:
        """A new handle to `target`; with `hears_only`, one that hears its news but whose
        actions do nothing."""
        self._forget_expired(now_ms)
        handle = secrets.token_hex(16)
        acts_on = None if hears_only else target
        self._held[handle] = _Held(device, acts_on, target, now_ms + LIFETIME_MS)
        return handle

    def target(self, device: str, handle: str, now_ms: int) -> int | None:
        """What `handle` stands for, if `device` holds it and it is live; else HandleRefused."""
        held = self._held.get(handle)
        if held is None or held.device != device or held.expires_ms <= now_ms:
            raise HandleRefused(handle)
        return held.target

    def release(self, device: str, handle: str) -> None:
        held = self._held.get(handle)
        if held is not None and held.device == device:
            del self._held[handle]

    def held_for(self, device: str, target: int, now_ms: int) -> str | None:
        """The live handle `device` holds for `target`, if any: whom a visit's news is for."""
        for handle, held in self._held.items():
            if held.device == device and held.about == target and held.expires_ms > now_ms:
                return handle
        return None

    def _forget_expired(self, now_ms: int) -> None:
        self._held = {h: held for h, held in self._held.items() if held.expires_ms > now_ms}
