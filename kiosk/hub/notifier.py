"""Telling hosts: news read from the event log goes into the outbox, and from there, by worker
threads, out by e-mail and to chat webhooks, retried until it goes or a day has passed.

The notifier lives on the hub's thread, beside the service: it hears every event the service
publishes, and the hub calls `pump` on its clock. Only that thread touches the database; the
couriers (kiosk.hub.outgoing) only send, so a check-in never waits for a mail server.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

from sqlite_utils import Database

from kiosk.core import notifications as rules
from kiosk.core.invitation_words import invitation_email
from kiosk.core.lifecycle import Event, EventType
from kiosk.core.names import first_name
from kiosk.core.notifications import Channel, News
from kiosk.core.people import InvalidEmail, Staff, checked_email
from kiosk.core.qr import qr_png
from kiosk.hub.outgoing import Couriers, Outcome, host_email, post_webhook, send_email
from kiosk.hub.service import HubService
from kiosk.hub.sessions import LogBudget
from kiosk.store import expected, outbox, people, visits
from kiosk.store.database import writing
from kiosk.store.outbox import Outgoing
from kiosk.store.settings import Settings

log = logging.getLogger(__name__)

# News older than this when the log is read (a hub that was stopped for a while) is not sent.
FRESH_MS = 60 * rules.MINUTE_MS
# Reading the log: so many events at a time.
READ_BATCH = 500
# How far reading the log has got is kept at least this often (and with any news queued); a
# restart reads again what came after, and finds the news it queued already.
KEEP_PLACE_EVERY_MS = rules.MINUTE_MS
# Messages sent, or dropped as no longer news, are forgotten after a day.
KEEP_DONE_MS = rules.DAY_MS
TIDY_EVERY_MS = 10 * rules.MINUTE_MS
EMAIL_OFF = "E-mail was switched off in the settings before this message went."
# The desk's picture is worked out again after every change, and at least this often.
RECHECK_EVERY_MS = rules.MINUTE_MS


class Notifier:
    def __init__(
        self,
        service: HubService,
        db: Database,
        settings: Callable[[], Settings],
        couriers: Couriers | None = None,
        invitation_code: Callable[[int], str] | None = None,
    ) -> None:
        """`settings` gives the settings in force now: a changed mail server applies at once.
        `invitation_code` makes an expected visit's code, for the e-mail that carries it."""
        self._service = service
        self._db = db
        self._settings = settings
        self._invitation_code = invitation_code
        self._couriers = couriers or Couriers()
        self._sending: dict[int, Outgoing] = {}
        self._outcomes: list[Outcome] = []
        self._read_up_to = 0
        self._kept_place = (0, 0)  # (event number, when)
        self._tidied_at = 0
        self._status: dict[str, Any] | None = None
        self._status_at = 0
        self._outbox_changed = False
        self._failures = LogBudget(per_minute=2)
        # Told the desk's picture of messages to hosts whenever it changes (see `desk_status`).
        self.on_change: Callable[[dict[str, Any]], None] = lambda status: None

    # --- the hub's side -------------------------------------------------------------------------

    def start(self) -> None:
        """Start listening. The first start on a database reads nothing before it: no host
        hears of visitors who came before the notifier did."""
        place = outbox.last_read(self._db)
        if place is None:
            place = self._service.last_seq()
            with writing(self._db):
                outbox.read_up_to(self._db, place)
        self._read_up_to = place
        self._kept_place = (place, self._service.now_ms())
        self._service.subscribe(self.hear)
        self.pump()

    def stop(self) -> None:
        self._service.unsubscribe(self.hear)
        self._couriers.stop()
        try:
            self._keep_place(force=True)
        except sqlite3.Error as error:
            log.warning("Where reading the log for hosts' news got to was not kept: %s", error)

    def hear(self, event: Event) -> None:
        """A subscriber of the service: news goes at once."""
        self._read_news()
        self._send_due()

    def pump(self) -> None:
        """On the hub's clock: take the couriers' outcomes, send what is due, tidy up, and tell
        the desks if their picture changed."""
        self._take_outcomes()
        self._read_news()
        self._send_due()
        self._tidy()
        self._keep_place()
        now = self._service.now_ms()
        if self._outbox_changed or now - self._status_at >= RECHECK_EVERY_MS:
            status = self.desk_status()
            self._status_at, self._outbox_changed = now, False
            if status != self._status:
                self._status = status
                self.on_change(status)

    def desk_status(self) -> dict[str, Any]:
        """Messages to hosts as a desk shows them: how many wait, how many of those failed,
        how many were given up within the last day, and what is wrong as a reason code
        (`retrying`, `given_up` or "") and a sentence."""
        now = self._service.now_ms()
        state = outbox.state(self._db, now - rules.DAY_MS)
        next_try = outbox.next_failing_try(self._db)
        if next_try is not None:
            state = replace(state, next_try=self._service.local(next_try))
        problem, message = rules.outbox_problem(state)
        return {
            "waiting": state.waiting,
            "failing": state.failing,
            "given_up": state.given_up,
            "problem": problem,
            "message": message,
        }

    # --- reading the log ------------------------------------------------------------------------

    def _read_news(self) -> None:
        while events := self._service.events_after(self._read_up_to, READ_BATCH):
            settings = self._settings()
            news = [item for event in events for item in self._news_in(event, settings)]
            if news:
                with writing(self._db):
                    for channel, what, visit_id, host_id, webhook, at in news:
                        outbox.add(self._db, channel, what, visit_id, host_id, at, webhook)
                    outbox.read_up_to(self._db, events[-1].seq)
                self._kept_place = (events[-1].seq, self._service.now_ms())
                self._outbox_changed = True
            self._read_up_to = events[-1].seq

    def _news_in(self, event: Event, settings: Settings) -> Iterator[tuple[Any, ...]]:
        """What hosts are to hear of one event: (channel, news, visit, host, webhook, when)."""
        now = self._service.now_ms()
        if event.at_ms < now - FRESH_MS:
            return
        if event.type is EventType.CHECKED_IN:
            news, host_id = News.ARRIVED, event.payload.get("host_id")
        elif event.type is EventType.ESCALATED:
            visit = self._service.visit(event.visit_id)
            targets = self._service.policies.targets
            if visit is None or not rules.still_waiting_due(visit, event.at_ms, targets):
                return
            news, host_id = News.STILL_WAITING, visit.host_id
        else:
            return
        if host_id is None:
            return
        if settings.mail.server:
            host = people.get_staff(self._db, host_id)
            if host is not None and host.email:
                yield Channel.EMAIL, news, event.visit_id, host_id, "", now
        for url in settings.webhooks.urls:
            yield Channel.WEBHOOK, news, event.visit_id, host_id, rules.webhook_name(url), now

    def _keep_place(self, *, force: bool = False) -> None:
        kept, at = self._kept_place
        now = self._service.now_ms()
        if self._read_up_to != kept and (force or now - at >= KEEP_PLACE_EVERY_MS):
            with writing(self._db):
                outbox.read_up_to(self._db, self._read_up_to)
            self._kept_place = (self._read_up_to, now)

    # --- sending --------------------------------------------------------------------------------

    def _send_due(self) -> None:
        """Hand what is due to the couriers, or record why it does not go now."""
        now = self._service.now_ms()
        due = [
            m
            for m in outbox.due(self._db, now, limit=50 + len(self._sending))
            if m.id not in self._sending
        ]
        if not due:
            return
        settings = self._settings()
        ready: list[tuple[Outgoing, Callable[[], None]]] = []
        with writing(self._db):
            for message in due:
                going = [m for m, _ in ready]
                send = self._prepare(message, settings, now, going)
                if send is not None:
                    ready.append((message, send))
        for message, send in ready:
            self._sending[message.id] = message
            self._couriers.carry(message.id, send)
        self._outbox_changed = True

    def _prepare(
        self, message: Outgoing, settings: Settings, now: int, going: list[Outgoing]
    ) -> Callable[[], None] | None:
        """The sending of one message; or None, having recorded why it does not go now.
        `going` are the messages about to go with it."""
        if message.news is News.INVITED:
            return self._invitation(message, settings, now)
        visit = self._service.visit(message.visit_id)
        visitor = (
            people.get_visitor(self._db, visit.visitor_id)
            if visit is not None and visit.visitor_id is not None
            else None
        )
        host = people.get_staff(self._db, message.host_id)
        if visit is None or visitor is None or not rules.still_news(message.news, visit.state):
            outbox.moot(self._db, message.id, now)
            return None
        if host is None:
            outbox.given_up(self._db, message.id, now, "The host is no longer on the staff list.")
            return None
        listening = visits.check_in_event(self._db, visit.id).payload.get("listening")
        on_the_way = None
        if visit.acknowledged_by is not None:
            staff_name = people.staff_name_of(self._db, visit.acknowledged_by)
            on_the_way = first_name(staff_name) if staff_name else ""
        news = rules.VisitNews(
            news=message.news,
            visitor=visitor.name,
            host=host.name,
            checked_in_at=self._service.local(visit.checked_in_at),
            now=self._service.local(now),
            listening=listening,
            on_the_way=on_the_way,
            pronunciation=visitor.pronunciation,
            site=settings.site_name,
        )
        text = rules.host_message(news)
        if message.channel is Channel.EMAIL:
            return self._email(message, settings, host, text, now, going)
        url = next(
            (u for u in settings.webhooks.urls if rules.webhook_name(u) == message.webhook), None
        )
        if url is None:
            outbox.given_up(
                self._db, message.id, now, "This chat webhook is no longer in the settings."
            )
            return None
        body = json.dumps(
            rules.chat_payload(news, text, visit.id), ensure_ascii=False, separators=(",", ":")
        ).encode()
        key = rules.webhook_key(settings.webhooks.secret)
        return partial(post_webhook, url, key, message.message_id, body)

    def _email(
        self,
        message: Outgoing,
        settings: Settings,
        host: Staff,
        text: rules.HostMessage,
        now: int,
        going: list[Outgoing],
    ) -> Callable[[], None] | None:
        address = self._address(
            message, settings, now, host.email,
            f"{host.name}'s e-mail address on the staff list can't be used",
        )  # fmt: skip
        if address is None:
            return None
        sent = outbox.emails_sent_to(self._db, message.host_id, now - rules.EMAIL_WINDOW_MS)
        # E-mails on their way count as sent now.
        sending = [
            now
            for m in [*self._sending.values(), *going]
            if m.channel is Channel.EMAIL
            and m.host_id == message.host_id
            and m.news is not News.INVITED
        ]
        allowed_at = rules.next_email_at(sent + sending, now)
        if allowed_at > now:
            outbox.put_off(self._db, message.id, allowed_at)
            return None
        mail = host_email(
            text,
            site=settings.site_name,
            sender=settings.mail.from_address,
            host_name=host.name,
            host_address=address,
        )
        return partial(send_email, settings.mail, mail)

    def _address(
        self, message: Outgoing, settings: Settings, now: int, address: str | None, bad: str
    ) -> str | None:
        """The address to e-mail, checked; or None, having recorded why the message can't go
        (`bad` says whose address, for the desk)."""
        if not settings.mail.server:
            outbox.given_up(self._db, message.id, now, EMAIL_OFF)
            return None
        try:
            return checked_email(address or "")
        except InvalidEmail as error:
            outbox.given_up(self._db, message.id, now, f"{bad} ({error}).")
            return None

    def _invitation(
        self, message: Outgoing, settings: Settings, now: int
    ) -> Callable[[], None] | None:
        """The e-mail that carries an invitation, with its QR code: to the expected visitor,
        while the invitation can still be used."""
        invited = expected.get_expected(self._db, message.expected_id or 0)
        usable = invited is not None and not (invited.used_at or invited.cancelled_at)
        if not usable or now >= invited.valid_until or self._invitation_code is None:
            outbox.moot(self._db, message.id, now)
            return None
        address = self._address(
            message, settings, now, invited.contact,
            "An invitation can't be e-mailed: the address given can't be used",
        )  # fmt: skip
        if address is None:
            return None
        host = people.get_staff(self._db, invited.host_id or 0)
        words = invitation_email(
            first_name=first_name(invited.name), host=host.name if host else "Reception",
            site=settings.site_name, at=self._service.local(invited.expected_at),
            valid_from=self._service.local(invited.valid_from),
        )  # fmt: skip
        mail = host_email(
            words, site=settings.site_name, sender=settings.mail.from_address,
            host_name=invited.name, host_address=address,
            qr_code_png=qr_png(self._invitation_code(invited.id)),
        )  # fmt: skip
        return partial(send_email, settings.mail, mail)

    def _take_outcomes(self) -> None:
        # Kept until recorded: a database too busy to take them now takes them next time.
        self._outcomes += self._couriers.outcomes()
        if not self._outcomes:
            return
        now = self._service.now_ms()
        with writing(self._db):
            for outcome in self._outcomes:
                message = self._sending[outcome.outbox_id]
                if not outcome.error:
                    outbox.sent(self._db, message.id, now)
                    continue
                again = rules.retry_at(message.tries + 1, message.created_at, now)
                outbox.failed(self._db, message.id, outcome.error, again, now)
        for outcome in self._outcomes:
            del self._sending[outcome.outbox_id]
            if outcome.error and self._failures.allow():
                log.warning("A message to a host did not go: %s", outcome.error)
        self._outcomes = []
        self._outbox_changed = True

    def _tidy(self) -> None:
        now = self._service.now_ms()
        if now - self._tidied_at >= TIDY_EVERY_MS:
            with writing(self._db):
                outbox.delete_done_before(self._db, now - KEEP_DONE_MS)
            self._tidied_at = now
