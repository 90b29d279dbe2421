"""Carrying out decoded protocol commands on the hub service, and shaping events for clients.

Whatever arrives, the answer is a reply or an error message; nothing a client sends can raise out
of here. A connection is a `Session`: it must say hello with a device token (or pair by proving
it knows the live code) before anything else, and its role decides which commands it may send
and which events it hears.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import msgspec
from sqlite_utils import Database

from kiosk.core import pace, text
from kiosk.core.lifecycle import Event, EventType, IllegalTransition
from kiosk.core.metrics import VisitTimes, WaitSummary
from kiosk.core.names import InvalidName
from kiosk.core.people import Role, staff_actor
from kiosk.core.policies import Targets
from kiosk.hub import protocol as p
from kiosk.hub import wire
from kiosk.hub.desk_cards import DeskCards
from kiosk.hub.introductions import Introductions
from kiosk.hub.kiosk_commands import KioskCommands, SiteRules, SlowDown, host_card
from kiosk.hub.manager_commands import (
    EXPECTED_COMMANDS,
    MANAGER_COMMANDS,
    ROLL_CALL_COMMANDS,
    ManagerCommands,
)
from kiosk.hub.service import CommandRefused, HubService
from kiosk.hub.sessions import LogBudget, Session
from kiosk.store import audit, devices, people
from kiosk.store.database import writing
from kiosk.store.devices import DeviceRole

log = logging.getLogger(__name__)


_KIOSK_COMMANDS = (
    p.Status,
    p.Scan,
    p.FindHosts,
    p.FindHostByFullName,
    p.Identify,
    p.CheckIn,
    p.Leaving,
    p.CheckOut,
    p.RateWelcome,
    p.Cancel,
    p.Release,
    p.PrintBadge,
    p.SetTargets,
)
_DESK_COMMANDS = (
    p.Status,
    p.Acknowledge,
    p.Welcome,
    p.MarkLeftUnseen,
    p.UndoLeftUnseen,
    p.Shown,
    p.Queue,
    p.YourDay,
    p.Receptionists,
    p.SetTargets,
)
ALLOWED = {
    DeviceRole.KIOSK: _KIOSK_COMMANDS,
    DeviceRole.DESK: _DESK_COMMANDS + ROLL_CALL_COMMANDS + EXPECTED_COMMANDS,
    DeviceRole.MANAGER: _DESK_COMMANDS + ROLL_CALL_COMMANDS + EXPECTED_COMMANDS + MANAGER_COMMANDS,
    DeviceRole.DASHBOARD: (p.Queue, p.Figures),
}
# What each role hears of the log.
_KIOSK_EVENTS = {EventType.ACKNOWLEDGED, EventType.WELCOMED}
_DESK_EVENTS = set(EventType) - {EventType.ALERTED, EventType.FEEDBACK, EventType.FOLLOWED_UP}
_MANAGER_EVENTS = _DESK_EVENTS | {EventType.FOLLOWED_UP}


class CommandHandler:
    def __init__(
        self,
        service: HubService,
        db: Database,
        fingerprint: str,
        local_tokens: dict[str, DeviceRole] | None = None,
        rules: SiteRules | None = None,
        pace_clock: Callable[[], float] = time.monotonic,
        site_secret: bytes | None = None,
    ) -> None:
        """`pace_clock` (seconds) times how fast devices ask; tests move it themselves.
        `site_secret` signs invitation and badge codes."""
        self._service = service
        self._db = db
        self._pace_clock = pace_clock
        self._introductions = Introductions(service, db, fingerprint, local_tokens)
        self.kiosks = KioskCommands(service, db, rules, pace_clock, site_secret)
        self.managers = ManagerCommands(
            service, db, lambda message: self.announce(message), self.kiosks.invitations,
            self.kiosks.rules,
        )  # fmt: skip
        self.cards = DeskCards(service, db)
        self._rules = self.kiosks.rules
        self._pace = pace.Pace()
        self._errors = LogBudget()
        self._data_version: int | None = None
        self._staff_seen = people.staff_fingerprint(db)
        # Tells every desk, manager and dashboard connected now; the server sets it.
        self.announce: Callable[[bytes], None] = lambda message: None
        # Tells desks and managers only (what it says may name a host); the server sets it.
        self.announce_to_desks: Callable[[bytes], None] = lambda message: None
        # What is wrong at the kiosks connected now (a badge printer); the server answers.
        self.kiosk_problems: Callable[[], list[dict[str, str]]] = list
        # How the messages to hosts are going (kiosk.hub.notifier); the hub sets it.
        self.host_messages: Callable[[], dict[str, Any]] = lambda: {
            "waiting": 0, "failing": 0, "given_up": 0, "problem": "", "message": ""
        }  # fmt: skip

    def handle(self, raw: bytes | str, session: Session) -> bytes:
        """Answer one message from a client. After a successful hello, `session.replay_after`
        says from which event number the caller must replay the log to the client."""
        try:
            command = p.decode_command(raw)
        except p.ProtocolError as error:
            return p.refusal(error.request_id, str(error), code=wire.INVALID)
        try:
            return self._answer(command, session)
        except Exception as error:  # a bug must cost one reply, never the connection or the hub
            if self._errors.allow():
                log.error("Could not answer %s: %s", type(command).__name__, type(error).__name__)
            return p.refusal(
                command.id, "The hub could not do that. Try again.", code=wire.UNAVAILABLE
            )

    def _answer(self, command: p.Command, session: Session) -> bytes:
        try:
            if isinstance(command, p.Hello | p.PairBegin | p.Pair):
                return self._introductions.introduce(command, session)
            if session.role is None:
                return p.refusal(
                    command.id,
                    "This device is not paired with the hub. Pair it with the code the hub shows.",
                    code=wire.UNAUTHORISED,
                )
            if not isinstance(command, ALLOWED[session.role]):
                return p.refusal(
                    command.id,
                    f"A {session.role} can't send '{command.__struct_config__.tag}'.",
                    code=wire.UNAUTHORISED,
                )
            if isinstance(command, p.SetTargets):
                return p.reply(command.id, self._set_targets(command, session))
            if isinstance(command, p.Status):
                if text.first_refused(command.printer):
                    return p.refusal(
                        command.id,
                        "A device's status is text: no control or text-direction characters.",
                        reason="invalid_status",
                    )
                told = msgspec.structs.asdict(command)
                printer_before = session.status.get("printer", "")
                session.status = {k: v for k, v in told.items() if k not in ("v", "id")}
                if session.role is DeviceRole.KIOSK and command.printer != printer_before:
                    self.tell_kiosk_problems()
                return p.reply(command.id, {})
            if session.role is DeviceRole.KIOSK:
                answer = self.kiosks.carry_out(command, session.holder, session.device_id)
                return p.reply(command.id, answer)
            if isinstance(command, MANAGER_COMMANDS + ROLL_CALL_COMMANDS + EXPECTED_COMMANDS):
                return p.reply(command.id, self.managers.carry_out(command, session))
            return p.reply(command.id, self._carry_out(command, session))
        except SlowDown as error:
            return p.slow_down(command.id, error.retry_after_ms, str(error))
        except CommandRefused as error:
            return p.refusal(command.id, str(error), reason=error.reason)
        except IllegalTransition as error:
            return p.refusal(command.id, str(error), reason="not_now")
        except InvalidName as error:
            return p.refusal(command.id, str(error), reason=error.reason)
        except sqlite3.OperationalError as error:
            # Busy or full disk: nothing was written; the client keeps the request and retries.
            if self._errors.allow():
                log.warning("The database could not take %s: %s", type(command).__name__, error)
            return p.refusal(
                command.id, "The front desk system is busy. Trying again…", code=wire.UNAVAILABLE
            )

    def tell_kiosk_problems(self) -> None:
        """Tell the desks what is wrong at the kiosks now: a kiosk said, or went away."""
        self.announce_to_desks(p.notice("kiosks", {"problems": self.kiosk_problems()}))

    # --- who is there ---------------------------------------------------------------------------

    def look_outside(self, device_ids: list[int]) -> set[int]:
        """Catch up with what other processes wrote (`kiosk devices --revoke`, `kiosk staff
        import`): tell the staff's screens if the staff list changed, and return which of these
        connected devices were revoked. Asks the database only when another process wrote."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version == self._data_version:
            return set()
        self._data_version = version
        staff = people.staff_fingerprint(self._db)
        if staff != self._staff_seen:
            self._staff_seen = staff
            self.announce(p.notice("staff", {}))
        return devices.revoked_among(self._db, device_ids) if device_ids else set()

    def events_after(self, seq: int, limit: int) -> list[Event]:
        return self._service.events_after(seq, limit)

    # --- commands -------------------------------------------------------------------------------

    def _carry_out(self, command: p.Command, session: Session) -> dict[str, Any]:
        """A desk's, a manager's or a wall dashboard's command."""
        service, db, role = self._service, self._db, session.role
        match command:
            case p.Acknowledge(visit_id=visit_id, staff_id=staff_id):
                actor = self._answering(staff_id, session)
                return self.cards.desk_card(service.acknowledge(visit_id, actor))
            case p.Welcome(visit_id=visit_id, staff_id=staff_id):
                actor = self._answering(staff_id, session)
                return self.cards.desk_card(service.welcome(visit_id, actor))
            case p.MarkLeftUnseen(visit_id=visit_id, staff_id=staff_id):
                actor = self._answering(staff_id, session)
                return self.cards.desk_card(service.mark_left_unseen(visit_id, actor))
            case p.UndoLeftUnseen(visit_id=visit_id, staff_id=staff_id):
                actor = self._answering(staff_id, session)
                return self.cards.desk_card(service.undo_left_unseen(visit_id, actor))
            case p.Shown(visit_id=visit_id):
                visit = service.visit(visit_id)
                if visit is not None and visit.alerted_at is None:
                    service.note_alerted(visit_id, "desk")
                return {}
            case p.Queue():
                queue = {
                    "visits": [self.cards.card_for(v, role) for v in service.waiting_now()],
                    # The hub's targets are the ones that escalate; desks time cards by them.
                    "targets": _targets_body(service.policies.targets),
                }
                if role is not DeviceRole.DASHBOARD:
                    queue["host_messages"] = self.host_messages()
                    queue["kiosk_problems"] = self.kiosk_problems()
                return queue
            case p.YourDay(staff_id=staff_id):
                return self._your_day(staff_id)
            case p.Receptionists():
                # Everyone on the staff list may sit at a desk: receptionists first, then the
                # rest, so a desk is never a dead end.
                active = [s for s in people.all_staff(db) if s.active]
                active.sort(key=lambda s: (s.role is not Role.RECEPTIONIST, s.name.casefold()))
                return {
                    "staff": [
                        {**host_card(s), "receptionist": s.role is Role.RECEPTIONIST}
                        for s in active
                    ]
                }
        raise AssertionError(f"unhandled command {command!r}")  # pragma: no cover

    def _set_targets(self, command: p.SetTargets, session: Session) -> dict[str, Any]:
        """Staff change the targets at their desk; a kiosk only with the admin PIN, which is
        checked here, with wrong tries counted per device and for the whole site."""
        now = self._service.now_ms()
        if session.role is DeviceRole.KIOSK:
            self._check_pin(command.pin, session.holder, now)
        current = self._service.policies.targets
        try:
            targets = replace(
                current, acknowledge_s=command.acknowledge_s, welcome_s=command.welcome_s
            )
        except ValueError as error:
            raise CommandRefused(str(error), "bad_targets") from error
        self._service.policies = replace(self._service.policies, targets=targets)
        self._rules.save_targets(command.acknowledge_s, command.welcome_s)
        self.announce(p.notice("targets", {"targets": _targets_body(targets)}))
        with writing(self._db):
            audit.record(
                self._db,
                now,
                "settings_changed",
                session.device_id,
                acknowledge_s=command.acknowledge_s,
                welcome_s=command.welcome_s,
                by=str(session.role),
            )
        return {"acknowledge_s": command.acknowledge_s, "welcome_s": command.welcome_s}

    def _check_pin(self, pin: str, holder: str, now: int) -> None:
        moment = self._pace_clock()
        wait = max(
            self._pace.wait_ms(holder, pace.WRONG_PIN_DEVICE, moment),
            self._pace.wait_ms("site", pace.WRONG_PIN_SITE, moment),
        )
        if wait:
            raise SlowDown("Too many wrong PINs. Wait a few minutes, then try again.", wait)
        if self._rules.pin_matches(pin):
            return
        self._pace.spend(holder, pace.WRONG_PIN_DEVICE, moment)
        self._pace.spend("site", pace.WRONG_PIN_SITE, moment)
        with writing(self._db):
            audit.record(self._db, now, "admin_pin_wrong", None, holder=holder)
        raise CommandRefused("That PIN is not right.", "wrong_pin")

    def _answering(self, staff_id: int | None, session: Session) -> str:
        """The actor of an answer: a member of staff, or, for "someone at this desk", the desk."""
        if staff_id is None:
            return f"desk:{session.device_id or 'local'}"
        person = people.get_staff(self._db, staff_id)
        if person is None or not person.active:
            raise CommandRefused("Choose who you are from the staff list first.", "choose_staff")
        return staff_actor(staff_id)

    def _your_day(self, staff_id: int) -> dict[str, Any]:
        start = self._service.start_of_day_ms()
        actor = staff_actor(staff_id)
        waits = [
            VisitTimes.of(v).wait
            for v in self._service.visits_between(start, self._service.now_ms() + 1)
            if v.welcomed_by == actor
        ]
        summary = WaitSummary.of([w for w in waits if w is not None], 0)
        return {"welcomed": summary.count, "median_wait_s": summary.median}

    # --- what each client hears -----------------------------------------------------------------

    def event_for(self, event: Event, session: Session) -> bytes | None:
        """The message this client receives for `event`, or None if it is none of its business.
        A kiosk hears only of the visits it made, by their handles."""
        role = session.role
        if role is DeviceRole.KIOSK:
            if event.type not in _KIOSK_EVENTS:
                return None
            handle = self.kiosks.handle_for(session.holder, event.visit_id)
            if handle is None:
                return None
            body: dict[str, Any] = {"event": str(event.type), "visit": handle}
            if event.type is EventType.ACKNOWLEDGED:
                body["by"] = self.cards.first_name_of(event.actor)
            return p.event_message(event.seq, body)
        heard = _MANAGER_EVENTS if role is DeviceRole.MANAGER else _DESK_EVENTS
        if role is not None and event.type in heard:
            visit = self._service.visit(event.visit_id)
            if visit is None:
                return None
            body = {"event": str(event.type), "visit_id": event.visit_id, "at": event.at_ms}
            if event.type is EventType.ESCALATED:
                body["level"] = event.payload.get("level")
                body["reason"] = event.payload.get("reason")
            body["card"] = self.cards.card_for(visit, role)
            return p.event_message(event.seq, body)
        return None


def _targets_body(targets: Targets) -> dict[str, int]:
    return {
        "acknowledge_s": targets.acknowledge_s,
        "welcome_s": targets.welcome_s,
        "escalation_repeat_s": targets.escalation_repeat_s,
    }
