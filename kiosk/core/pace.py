"""How fast a device may ask for what: a person's pace at a kiosk, never a script's.

Each limit is a pair of token buckets (a short burst and a long-run budget). The figures leave a
busy morning alone (a group of 40 checking in one after another at one kiosk within ten minutes)
while a script that sweeps names or floods check-ins is told to slow down.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rate:
    burst: int
    per_second: float


@dataclass(frozen=True)
class Limit:
    name: str
    rates: tuple[Rate, ...]


# A name and a contact typed by a person: about one a second, and never more than a hundred in
# any ten minutes (a burst of fifty, then fifty more as the ten minutes pass).
IDENTIFY = Limit("identify", (Rate(3, 1.0), Rate(50, 50 / 600)))
# Nobody checks in faster than every five seconds; a small group may arrive at once.
CHECK_IN = Limit("check_in", (Rate(4, 1 / 5),))
# A search per keystroke, at typing speed.
FIND_HOSTS = Limit("find_hosts", (Rate(20, 10.0), Rate(600, 2.0)))
# Wrong admin PINs: five per device and twenty for the whole site in ten minutes, then a wait.
WRONG_PIN_DEVICE = Limit("wrong_pin_device", (Rate(5, 5 / 600),))
WRONG_PIN_SITE = Limit("wrong_pin_site", (Rate(20, 20 / 600),))


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class Pace:
    """Token buckets per device and limit; times are in seconds."""

    buckets: dict[tuple[str, str, int], _Bucket] = field(default_factory=dict)

    def retry_after_ms(self, device: str, limit: Limit, now: float) -> int:
        """0, and the request is counted, if `device` may go on; else how long it must wait."""
        wait = self.wait_ms(device, limit, now)
        if not wait:
            self.spend(device, limit, now)
        return wait

    def wait_ms(self, device: str, limit: Limit, now: float) -> int:
        """How long `device` must wait before the next request of this kind (0: none)."""
        waits = [0]
        for index, rate in enumerate(limit.rates):
            bucket = self._filled(device, limit, index, now)
            if bucket.tokens < 1:
                waits.append(math.ceil((1 - bucket.tokens) / rate.per_second * 1000))
        return max(waits)

    def spend(self, device: str, limit: Limit, now: float) -> None:
        for index in range(len(limit.rates)):
            self._filled(device, limit, index, now).tokens -= 1

    def _filled(self, device: str, limit: Limit, index: int, now: float) -> _Bucket:
        rate = limit.rates[index]
        bucket = self.buckets.setdefault((device, limit.name, index), _Bucket(rate.burst, now))
        bucket.tokens = min(rate.burst, bucket.tokens + (now - bucket.at) * rate.per_second)
        bucket.at = now
        return bucket
