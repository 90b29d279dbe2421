"""How a connection introduces itself: hello with a device token, or pairing by proof.

Pairing never sends the code: the device proves it knows the live code with an HMAC bound to the
certificate it was shown and two fresh nonces (kiosk.core.pairing), and the hub answers with a
proof of its own and a new device token. Wrong proofs from every connection add up in the
database, and one address may try only so often.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from typing import Any

from sqlite_utils import Database

from kiosk.core import pairing
from kiosk.core.names import clean_device_name
from kiosk.hub import protocol as p
from kiosk.hub import wire
from kiosk.hub.kiosk_commands import SlowDown
from kiosk.hub.service import CommandRefused, HubService
from kiosk.hub.sessions import Session
from kiosk.store import devices
from kiosk.store.database import writing
from kiosk.store.devices import DeviceRole

log = logging.getLogger(__name__)

# A client this many events behind, or whose last event is from before today, is sent the open
# visits instead of the whole story: replaying a year of a busy lobby would help nobody.
REPLAY_LIMIT = 1000
# Pairing tries from one address in a minute; the live code itself dies after ten wrong proofs
# from anywhere.
PAIR_TRIES_PER_ADDRESS = 10
PAIR_WINDOW_S = 60.0


class _PairingTries:
    """Pairing tries per address over the last minute."""

    def __init__(self) -> None:
        self._times: dict[str, deque[float]] = {}

    def retry_after_ms(self, address: str) -> int:
        """0 if this address may try now, else how long until it may."""
        now = time.monotonic()
        times = self._times.setdefault(address, deque())
        while times and now - times[0] > PAIR_WINDOW_S:
            times.popleft()
        if len(times) >= PAIR_TRIES_PER_ADDRESS:
            return int((PAIR_WINDOW_S - (now - times[0])) * 1000) + 1
        times.append(now)
        if len(self._times) > 4096:  # forget quiet addresses
            self._times = {a: t for a, t in self._times.items() if t}
        return 0


class Introductions:
    def __init__(
        self,
        service: HubService,
        db: Database,
        fingerprint: str,
        local_tokens: dict[str, DeviceRole] | None = None,
    ) -> None:
        self._service = service
        self._db = db
        # The SHA-256 of the hub's certificate, which pairing proofs are bound to.
        self._fingerprint = fingerprint
        # Tokens for clients inside this process, made afresh at every start and never stored.
        self._local_tokens = dict(local_tokens or {})
        self._pairing_tries = _PairingTries()

    def introduce(self, command: p.Hello | p.PairBegin | p.Pair, session: Session) -> bytes:
        """Answer hello, pair_begin or pair; a connection introduces itself once."""
        if session.introduced:
            return p.refusal(
                command.id, "This connection has already introduced itself.", code=wire.INVALID
            )
        if isinstance(command, p.PairBegin):
            session.nonces = (command.nonce, pairing.new_nonce())
            return p.reply(command.id, {"nonce": session.nonces[1]})
        if isinstance(command, p.Pair):
            return p.reply(command.id, self._pair(command, session))
        session.introduced = True
        session.answered_at = time.monotonic()
        if command.token in self._local_tokens:
            session.role, session.device = self._local_tokens[command.token], "this computer"
            session.holder = f"local:{session.role}"
        else:
            device = devices.device_for_token(self._db, command.token)
            if device is None:
                # Said once, then the connection is closed: it holds no place in the hub.
                session.hang_up = "This device's pairing is no longer valid."
                return p.refusal(
                    command.id,
                    "This device's pairing is no longer valid. Pair it again with a new code.",
                    code=wire.UNAUTHORISED,
                    reason="pairing_revoked",
                )
            with writing(self._db):
                devices.note_seen(self._db, device.id, self._service.now_ms())
            session.role, session.device, session.device_id = device.role, device.name, device.id
            session.holder = f"device:{device.id}"
        last_seq = self._service.last_seq()
        snapshot = command.after_seq is not None and self._too_far_behind(command.after_seq)
        session.replay_after = None if snapshot else command.after_seq
        return p.reply(
            command.id,
            {
                "role": str(session.role),
                "device": session.device,
                "last_seq": last_seq,
                # Too far behind for a replay: start again from the open visits (`queue`).
                "snapshot": snapshot,
            },
        )

    def _too_far_behind(self, after_seq: int) -> bool:
        last_seq = self._service.last_seq()
        if after_seq > last_seq:
            return True  # ahead of the hub: its database was restored or replaced
        if last_seq - after_seq > REPLAY_LIMIT:
            return True
        seen = self._service.events_after(after_seq - 1, 1) if after_seq > 0 else []
        return bool(seen) and seen[0].at_ms < self._service.start_of_day_ms()

    def _pair(self, command: p.Pair, session: Session) -> dict[str, Any]:
        if session.nonces is None:
            raise CommandRefused("Start pairing with pair_begin first.", "pair_begin_first")
        device_nonce, hub_nonce = session.nonces
        session.nonces = None  # one proof per exchange of nonces
        wait_ms = self._pairing_tries.retry_after_ms(session.address)
        if wait_ms:
            # Said once, then the door: a guesser who stays on to flood gets no more answers.
            session.hang_up = "Too many pairing tries from this address."
            raise SlowDown(
                "Too many pairing tries from this computer. Wait a minute, then try again.",
                wait_ms,
            )
        role, now = DeviceRole(command.role), self._service.now_ms()
        name = clean_device_name(command.name)
        # The wrong try is counted in a transaction that commits: the refusal comes after it.
        with writing(self._db):
            live = devices.live_pairing_code(self._db, now)
            proven = live is not None and pairing.proofs_match(
                pairing.device_proof(live.code, self._fingerprint, device_nonce, hub_nonce),
                command.proof,
            )
            voided = (
                live is not None
                and not proven
                and (devices.note_wrong_proof(self._db, now, session.address))
            )
            paired = proven and live.role is role
            if paired:
                device_id, token = devices.redeem_pairing_code(self._db, name, role, now)
        if live is None:
            raise CommandRefused(
                "No pairing code is waiting. On the hub's computer, run "
                f"`kiosk pair --role {role}` and type the code it shows.",
                "no_pairing_code",
            )
        if voided:
            log.warning(
                "The pairing code was voided after %d wrong tries; make a new one with "
                "`kiosk pair`.",
                pairing.WRONG_TRIES_ALLOWED,
            )
        if not proven:
            raise CommandRefused(
                "That pairing code is not right. Check it on the hub's computer and type it "
                "again; after a few wrong tries the code stops working.",
                "bad_pairing_code",
            )
        if not paired:
            raise CommandRefused(
                f"That code pairs a {live.role}, not a {role}. Make a code for a {role} with "
                f"`kiosk pair --role {role}`.",
                "wrong_role",
            )
        log.info("A %s was paired as device %d.", role, device_id)
        session.introduced = True
        session.role, session.device, session.device_id = role, name, device_id
        session.holder = f"device:{device_id}"
        return {
            "token": token,
            "role": str(role),
            "last_seq": self._service.last_seq(),
            "proof": pairing.hub_proof(live.code, self._fingerprint, device_nonce, hub_nonce),
        }
