"""A client connection as the hub knows it, and the hub's guard against a flood of log lines."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kiosk.core import presence
from kiosk.store.devices import DeviceRole


@dataclass
class Session:
    """One client connection: where it comes from, who it is once it has said hello or paired,
    and from which event number the server must replay the log to it."""

    address: str = ""
    role: DeviceRole | None = None
    device: str = ""
    device_id: int | None = None
    # Whose handles and check-in keys these are: one paired device, or this computer's own.
    holder: str = ""
    introduced: bool = False
    replay_after: int | None = None
    nonces: tuple[str, str] | None = None  # the device's and the hub's, during pairing
    # What the device last said it can do (a `status` message), and when it last answered a
    # ping (monotonic seconds): whether a desk is really listening.
    status: dict[str, Any] = field(default_factory=dict)
    answered_at: float = 0.0
    # Set when the answer just sent is the last this connection gets: why it is closed.
    hang_up: str = ""


def reception_listening(sessions: Iterable[Session], now: float) -> bool:
    """Whether some desk (or manager) connected now is listening (kiosk.core.presence);
    `now` on the clock of `answered_at`."""
    return any(
        presence.desk_is_listening(s.status, now - s.answered_at)
        for s in sessions
        if s.role in (DeviceRole.DESK, DeviceRole.MANAGER)
    )


def kiosk_problems(sessions: Iterable[Session]) -> list[dict[str, str]]:
    """What the kiosks connected now say is wrong (a badge printer): `kiosk` is a paired
    kiosk's name, "" for the hub's own screen."""
    return [
        {"kiosk": s.device if s.device_id else "", "problem": problem}
        for s in sessions
        if s.role is DeviceRole.KIOSK and (problem := s.status.get("printer"))
    ]


class LogBudget:
    """At most `per_minute` log lines of one kind: a flood must not fill the disk."""

    def __init__(self, per_minute: int = 10) -> None:
        self._per_minute = per_minute
        self._times: deque[float] = deque()
        self.dropped = 0

    def allow(self) -> bool:
        now = time.monotonic()
        while self._times and now - self._times[0] > 60:
            self._times.popleft()
        if len(self._times) >= self._per_minute:
            self.dropped += 1
            return False
        self._times.append(now)
        return True
