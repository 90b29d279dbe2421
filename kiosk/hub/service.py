"""The hub service: commands in, durable events out, and the clock-driven duties of the desk.

Every command stamps the hub's clock, writes its event and the visit in one durable transaction,
and only then publishes the event to subscribers. The service is used from one thread (the hub's);
the network layer feeds it commands and forwards what it publishes.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from kiosk.core import text
from kiosk.core.lifecycle import Event, EventType, Visit
from kiosk.core.metrics import VisitTimes
from kiosk.core.names import clean_name, matching_key
from kiosk.core.people import Visitor
from kiosk.core.policies import Policies, closing_passed, escalation_due
from kiosk.core.purposes import Purpose
from kiosk.store import expected, follow_ups, people, roll_calls, visits
from kiosk.store.database import writing

log = logging.getLogger(__name__)

HUB_ACTOR = "hub"
DAY_MS = 86_400_000


class CommandRefused(ValueError):
    """A command the hub will not carry out; the message is a sentence for the person asking,
    and `reason` a stable code a kiosk uses to say it in the visitor's language."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _checked(typed: str | None, field: text.TextField) -> str | None:
    """A free-text field as typed, or CommandRefused with the field's reason code."""
    if typed is None:
        return None
    try:
        return text.check_free_text(typed, field)
    except text.RefusedText as error:
        raise CommandRefused(str(error), error.reason) from None


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class CheckIn:
    """What a check-in did: the new visit, and the visitor as known before this visit."""

    event: Event
    visit: Visit
    visitor: Visitor
    returning: bool


Subscriber = Callable[[Event], None]


class HubService:
    def __init__(
        self,
        db: Database,
        policies: Policies,
        *,
        clock: Callable[[], int] = wall_clock_ms,
        tz: tzinfo | None = None,
    ) -> None:
        self._db = db
        self.policies = policies
        self._clock = clock
        self._tz = tz
        self._subscribers: list[Subscriber] = []
        self._last_purge_day: date | None = None

    # --- time -----------------------------------------------------------------------------------

    def now_ms(self) -> int:
        return self._clock()

    def local(self, at_ms: int) -> datetime:
        """The site's local time at a hub timestamp."""
        return datetime.fromtimestamp(at_ms / 1000, tz=self._tz).astimezone(self._tz)

    # --- commands -------------------------------------------------------------------------------

    def check_in(
        self,
        name: str,
        *,
        host_id: int | None = None,
        purpose: Purpose = Purpose.MEETING,
        visitor_id: int | None = None,
        pronunciation: str | None = None,
        contact: str | None = None,
        kiosk: str = "kiosk",
        key: str | None = None,
        listening: bool | None = None,
        invitation: int | None = None,
    ) -> CheckIn:
        """Record that a visitor has arrived. `visitor_id` names a returning visitor the kiosk
        has already recognised; without it a new visitor is remembered. `listening` records
        whether any desk was there to hear of it (None: not known).

        Every text field is checked before anything is written: a control or bidirectional
        override character in the name raises InvalidName, in the pronunciation, contact or
        kiosk name CommandRefused with that field's reason code.

        `key`, chosen by the kiosk for this check-in, makes a resent check-in harmless: the
        visit already recorded under it is returned and nothing is written or published again.
        `invitation` is the expected visit whose code the visitor scanned: it is used with this
        check-in, in the same transaction.
        """
        name = clean_name(name)
        pronunciation = _checked(pronunciation, text.PRONUNCIATION)
        contact = _checked(contact, text.CONTACT)
        kiosk = _checked(kiosk, text.DEVICE_NAME) or ""
        if key is not None:
            done = visits.visit_for_check_in_key(self._db, key)
            if done is not None:
                return self._check_in_already_recorded(done)
        purpose = Purpose(purpose)
        if purpose is Purpose.MEETING and host_id is None:
            raise CommandRefused(
                "Please choose whom you are visiting, or ask at reception.", "choose_host"
            )
        now = self.now_ms()
        with writing(self._db):
            if host_id is not None:
                host = people.get_staff(self._db, host_id)
                if host is None or not host.active:
                    raise CommandRefused(
                        "That person is not on the staff list any more. Please choose again.",
                        "host_gone",
                    )
            if visitor_id is None:
                visitor_id = people.add_visitor(
                    self._db, name, now, pronunciation=pronunciation, contact=contact
                )
            known = people.get_visitor(self._db, visitor_id)
            if known is None or matching_key(known.name) != matching_key(name):
                raise CommandRefused(
                    "We couldn't find your earlier visit. Please check in again.", "visitor_unknown"
                )
            people.note_visit(self._db, visitor_id, now, host_id, pronunciation=pronunciation)
            offset = self.local(now).utcoffset()
            payload = {
                "visitor_id": visitor_id,
                "host_id": host_id,
                "purpose": str(purpose),
                "kiosk": kiosk,
                "utc_offset_min": int(offset.total_seconds() // 60) if offset else 0,
            }
            if key is not None:
                payload["key"] = key
            if listening is not None:
                payload["listening"] = listening
            if invitation is not None:
                payload["invitation"] = invitation
            event, visit = visits.append_event(
                self._db, EventType.CHECKED_IN, None, now, kiosk, payload
            )
            if invitation is not None:
                expected.mark_arrived(self._db, invitation, visit.id, now)
        self._publish(event)
        return CheckIn(event, visit, known, returning=known.visit_count > 0)

    def visit_for_key(self, key: str) -> Visit | None:
        """The visit a check-in with this key recorded, if any (a resend after a lost reply)."""
        return visits.visit_for_check_in_key(self._db, key)

    def _check_in_already_recorded(self, visit: Visit) -> CheckIn:
        event = visits.check_in_event(self._db, visit.id)
        visitor = people.get_visitor(self._db, visit.visitor_id or 0)
        if visitor is None:
            raise CommandRefused(
                "We couldn't find your earlier visit. Please check in again.", "visitor_unknown"
            )
        return CheckIn(event, visit, visitor, returning=visitor.visit_count > 1)

    def acknowledge(self, visit_id: int, actor: str) -> Visit:
        """A receptionist is on the way."""
        return self._step(EventType.ACKNOWLEDGED, visit_id, actor)

    def welcome(self, visit_id: int, actor: str) -> Visit:
        """The visitor has been welcomed in person: the wait clock stops."""
        return self._step(EventType.WELCOMED, visit_id, actor)

    def mark_left_unseen(self, visit_id: int, actor: str) -> Visit:
        return self._step(EventType.LEFT_UNSEEN, visit_id, actor)

    def undo_left_unseen(self, visit_id: int, actor: str) -> Visit:
        """Take back "left without being seen" (within a minute): the card comes back."""
        return self._step(EventType.LEFT_UNSEEN_UNDONE, visit_id, actor)

    def check_in_again(self, visit_id: int, kiosk: str) -> Visit:
        """The same name checked in again while waiting: one visit, and the desks are told."""
        return self._step(EventType.CHECKED_IN_AGAIN, visit_id, kiosk)

    def said_leaving(self, visit_id: int) -> Visit:
        """A visitor said at a kiosk that they are leaving, without proving the visit theirs."""
        return self._step(EventType.SAID_LEAVING, visit_id, "visitor")

    def cancel(self, visit_id: int, actor: str) -> Visit:
        return self._step(EventType.CANCELLED, visit_id, actor)

    def check_out(self, visit_id: int, actor: str = "kiosk") -> Visit:
        return self._step(EventType.DEPARTED, visit_id, actor)

    def rate_welcome(self, visit_id: int, rating: int) -> Visit:
        """The visitor's answer to "How was your welcome?", from 1 (bad) to 5 (great)."""
        if not 1 <= rating <= 5:
            raise CommandRefused("Please choose one of the faces.", "choose_face")
        return self._step(EventType.FEEDBACK, visit_id, "visitor", {"rating": rating})

    def note_alerted(self, visit_id: int, desk: str) -> Visit:
        """A desk has shown the alert; the first such note stops "time to alert"."""
        return self._step(EventType.ALERTED, visit_id, desk)

    def follow_up(self, visit_id: int, note: str, actor: str) -> Visit:
        """A manager called the visitor back after a long wait, and noted how it went."""
        note = _checked(note.strip(), text.FOLLOW_UP_NOTE) or ""
        if len(note) > follow_ups.MAX_NOTE_LENGTH:
            raise CommandRefused(
                f"Keep the note to {follow_ups.MAX_NOTE_LENGTH} characters.", "note_too_long"
            )
        return self._step(
            EventType.FOLLOWED_UP, visit_id, actor,
            also=lambda: follow_ups.save_note(self._db, visit_id, note),
        )  # fmt: skip

    def accounted_for(self, visit_id: int, actor: str) -> Visit:
        """During a roll call: the visitor has been seen safe."""
        going = roll_calls.current(self._db)
        if going is None:
            raise CommandRefused("There is no roll call going on. Start one first.", "no_roll_call")
        return self._step(EventType.ACCOUNTED_FOR, visit_id, actor, {"roll_call": going.id})

    def _step(
        self,
        event_type: EventType,
        visit_id: int,
        actor: str,
        payload: dict[str, Any] | None = None,
        also: Callable[[], None] | None = None,
    ) -> Visit:
        """Append one event (and whatever `also` writes with it, in the same transaction)."""
        with writing(self._db):
            event, visit = visits.append_event(
                self._db, event_type, visit_id, self.now_ms(), actor, payload
            )
            if event_type is EventType.WELCOMED and visit.visitor_id is not None:
                wait = VisitTimes.of(visit).wait
                people.note_wait(self._db, visit.visitor_id, wait or 0.0)
            if also is not None:
                also()
        self._publish(event)
        return visit

    # --- queries --------------------------------------------------------------------------------

    def waiting_now(self) -> list[Visit]:
        return visits.waiting_visits(self._db)

    def on_site_now(self) -> list[Visit]:
        return visits.open_visits(self._db)

    def visits_between(self, start_ms: int, end_ms: int) -> list[Visit]:
        return visits.visits_between(self._db, start_ms, end_ms)

    def visit(self, visit_id: int) -> Visit | None:
        return visits.get_visit(self._db, visit_id)

    def events_after(self, seq: int, limit: int | None = None) -> list[Event]:
        return visits.events_after(self._db, seq, limit)

    def last_seq(self) -> int:
        return visits.last_seq(self._db)

    def earlier_visit(self, visit: Visit) -> Visit | None:
        """The same visitor's visit before this one, for "last time" notes."""
        return visits.earlier_visit(self._db, visit)

    def earlier_visit_count(self, visit: Visit) -> int:
        return visits.earlier_visit_count(self._db, visit)

    def start_of_day_ms(self) -> int:
        """Midnight, site time, of the hub's today."""
        return self.day_start_ms(self.local(self.now_ms()).date())

    def day_start_ms(self, day: date) -> int:
        """Midnight, site time, at the start of `day`."""
        midnight = datetime.combine(day, datetime.min.time())
        if self._tz is None:
            return int(midnight.astimezone().timestamp() * 1000)
        return int(midnight.replace(tzinfo=self._tz).timestamp() * 1000)

    # --- subscribers ----------------------------------------------------------------------------

    def subscribe(self, subscriber: Subscriber, after_seq: int | None = None) -> None:
        """Send `subscriber` every event after `after_seq` (if given), then every new one."""
        if after_seq is not None:
            for event in visits.events_after(self._db, after_seq):
                subscriber(event)
        self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)

    def _publish(self, event: Event) -> None:
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception as error:
                # One broken listener must not keep the event from the others; it is already
                # durable, so the listener can catch up by sequence number. The log says where
                # it failed but not the error's message, which may quote a visitor's name.
                log.error(
                    "A subscriber failed on event %s with %s at:\n%s",
                    event.seq,
                    type(error).__name__,
                    "".join(traceback.format_tb(error.__traceback__)),
                )

    # --- duties driven by the clock -------------------------------------------------------------

    def tick(self) -> list[Event]:
        """Escalate overdue visits, check out visitors left at closing, purge once a day.

        Call it every few seconds; it returns the events it appended.
        """
        now = self.now_ms()
        appended = []
        for visit in visits.open_visits(self._db):
            if closing_passed(
                self.local(visit.checked_in_at), self.local(now), self.policies.closing_time
            ):
                appended.append(self._duty(EventType.DEPARTED, visit, now, {"auto": True}))
                continue
            reason = escalation_due(visit, now, self.policies.targets)
            if reason:
                level = visit.escalations + 1
                appended.append(
                    self._duty(EventType.ESCALATED, visit, now, {"reason": reason, "level": level})
                )
        today = self.local(now).date()
        if self._last_purge_day != today:
            self.purge()
            self._last_purge_day = today
        return appended

    def _duty(self, event_type: EventType, visit: Visit, now: int, payload: dict) -> Event:
        with writing(self._db):
            event, _ = visits.append_event(self._db, event_type, visit.id, now, HUB_ACTOR, payload)
        self._publish(event)
        return event

    def purge(self) -> int:
        """Erase personal data older than the retention period; returns visitors erased."""
        cutoff = self.now_ms() - self.policies.retention_days * DAY_MS
        with writing(self._db):
            erased = people.erase_visitors_before(self._db, cutoff)
            expected.erase_expected_before(self._db, cutoff)
        if erased:
            log.info(
                "Erased %d visitors not seen for %d days", erased, self.policies.retention_days
            )
        return erased
