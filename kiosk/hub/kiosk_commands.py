"""What a kiosk may ask of the hub, and no more: least privilege for the screen in the lobby.

A kiosk learns what is stored about a visitor only when that visitor proves who they are (a name
and a contact that both match); it acts only on the visits it made itself, through handles; it
asks at a person's pace. Everything else it may send is refused by the handler before this.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.core import pace
from kiosk.core.codes import PREFIX, CodeKind
from kiosk.core.lifecycle import ON_SITE, UNHANDLED
from kiosk.core.names import clean_name, first_name, matching_key
from kiosk.core.people import Visitor, contact_key
from kiosk.hub import protocol as p
from kiosk.hub.invitations import Invitations
from kiosk.hub.service import CommandRefused, HubService
from kiosk.hub.visit_handles import HandleRefused, Handles
from kiosk.store import people, visits

if TYPE_CHECKING:
    from sqlite_utils import Database


class SiteRules(Protocol):
    """The site's settings as the hub applies them now (kiosk.hub.local reloads them)."""

    @property
    def show_host_list(self) -> bool: ...

    @property
    def sends_email(self) -> bool:
        """A mail server is set: invitations with an address go by e-mail."""
        ...

    def pin_matches(self, pin: str) -> bool: ...

    def save_targets(self, acknowledge_s: int, welcome_s: int) -> None:
        """Keep new targets for the next start of the hub."""


class SlowDown(Exception):
    """The client must wait before sending this again; the message says so to a person."""

    def __init__(self, message: str, retry_after_ms: int) -> None:
        super().__init__(message)
        self.retry_after_ms = retry_after_ms


@dataclass(frozen=True)
class FixedRules:
    """Rules given in code (tests, benchmarks): no admin PIN unless one is given."""

    show_host_list: bool = True
    pin: str = ""
    sends_email: bool = False

    def pin_matches(self, pin: str) -> bool:
        return bool(self.pin) and pin == self.pin

    def save_targets(self, acknowledge_s: int, welcome_s: int) -> None:
        pass  # nothing to keep them in


class KioskCommands:
    def __init__(
        self,
        service: HubService,
        db: Database,
        rules: SiteRules | None = None,
        clock: Callable[[], float] = time.monotonic,
        site_secret: bytes | None = None,
    ) -> None:
        """`site_secret` signs the site's invitation and badge codes (a new one each time when
        none is given: tests)."""
        self._service = service
        self._db = db
        self.invitations = Invitations(service, db, site_secret or secrets.token_bytes(32))
        self.rules = rules or FixedRules()
        self._clock = clock
        self._pace = pace.Pace()
        self.visits = Handles()
        self._visitors = Handles()
        self._merged: dict[str, int] = {}  # check-in keys merged into a waiting visit
        # Whether some desk is listening now; the server, which sees the desks, answers.
        self.reception_listening: Callable[[], bool] = lambda: False

    def carry_out(
        self, command: p.Command, holder: str, device_id: int | None = None
    ) -> dict[str, Any]:
        """Carry out a kiosk's command; `holder` names the device for handles and pace,
        `device_id` the paired device, if it is one, for the audit log."""
        now = self._service.now_ms()
        match command:
            case p.FindHosts(text=text):
                if not self.rules.show_host_list:
                    raise CommandRefused(
                        "Please type the full name of the person you are visiting.",
                        "host_list_hidden",
                    )
                self._at_pace(holder, pace.FIND_HOSTS)
                return {"hosts": [host_card(s) for s in people.find_hosts(self._db, text)]}
            case p.FindHostByFullName(name=name):
                self._at_pace(holder, pace.FIND_HOSTS)
                return {"hosts": [host_card(s) for s in people.staff_by_name(self._db, name)]}
            case p.Identify(name=name, contact=contact):
                self._at_pace(holder, pace.IDENTIFY)
                return self._identify(holder, name, contact, now)
            case p.CheckIn() as c:
                self._at_pace(holder, pace.CHECK_IN)
                return self._check_in(holder, c, now)
            case p.Scan() as scan:
                self._at_pace(holder, pace.CHECK_IN)
                return self._scan(holder, scan, device_id, now)
            case p.Leaving(name=name, contact=contact):
                self._at_pace(holder, pace.IDENTIFY)
                visitor = self._proven(name, contact)
                visit = self._open_visit_of(visitor) if visitor else None
                if visit is not None:
                    self._service.check_out(visit, "visitor")
                else:
                    # Nothing proven: the visit stays, and the desks hear what was said.
                    said = self._open_visit_named(name, on_site=True)
                    if said is not None:
                        self._service.said_leaving(said)
                # The same answer whatever was found: a handle the feedback faces can use.
                return {"visit": self.visits.issue(holder, visit, now)}
            case p.CheckOut(visit=handle):
                visit_id = self._visit(holder, handle, now)
                if visit_id is not None:
                    self._service.check_out(visit_id, "visitor")
                return {}
            case p.Cancel(visit=handle):
                visit_id = self._visit(holder, handle, now)
                if visit_id is not None:
                    self._service.cancel(visit_id, "visitor")
                return {}
            case p.RateWelcome(visit=handle, rating=rating):
                visit_id = self._visit(holder, handle, now)
                if visit_id is not None:
                    self._service.rate_welcome(visit_id, rating)
                return {}
            case p.PrintBadge(visit=handle):
                visit_id = self._visit(holder, handle, now)
                visit = self._service.visit(visit_id) if visit_id is not None else None
                if visit is None or visit.state not in ON_SITE:
                    return {}  # a visit this kiosk only hears of, or over: no badge
                return {"badge": self.invitations.badge(visit)}
            case p.Release(visit=handle):
                self.visits.release(holder, handle)
                return {}
        raise AssertionError(f"not a kiosk command: {command!r}")  # pragma: no cover

    def handle_for(self, holder: str, visit_id: int) -> str | None:
        """The handle by which this kiosk knows a visit, if it made it and still holds it."""
        return self.visits.held_for(holder, visit_id, self._service.now_ms())

    def _identify(self, holder: str, name: str, contact: str, now: int) -> dict[str, Any]:
        visitor = self._proven(name, contact)
        if visitor is None:
            return {"identity": None}  # exactly what a stranger gets
        last_host = people.get_staff(self._db, visitor.last_host_id or 0)
        return {
            "identity": self._visitors.issue(holder, visitor.id, now),
            "first_name": first_name(visitor.name),
            "pronunciation": visitor.pronunciation,
            "last_host": host_card(last_host) if last_host and last_host.active else None,
            "on_site": self._open_visit_of(visitor) is not None,
        }

    def _check_in(self, holder: str, c: p.CheckIn, now: int) -> dict[str, Any]:
        listening = self.reception_listening()
        key = f"{holder}:{c.key}"
        merged = self._merged.get(key)
        again = merged or self._open_visit_named(c.name, on_site=False)
        if again is not None and self._service.visit_for_key(key) is None:
            # The same name is waiting already: one visit, and the desks see it checked in
            # again. The kiosk hears of it, but can't act on a visit nobody proved theirs.
            if merged is None:  # a resend after a lost reply is told once
                self._service.check_in_again(again, c.kiosk)
                still_open = self._open_ids()
                self._merged = {k: v for k, v in self._merged.items() if v in still_open}
                self._merged[key] = again
            return {
                "visit": self.visits.issue(holder, again, now, hears_only=True),
                "first_name": first_name(clean_name(c.name)),
                "returning": False,
                "listening": listening,
            }
        visitor_id = None
        if c.identity is not None:
            try:
                visitor_id = self._visitors.target(holder, c.identity, now)
            except HandleRefused:
                raise CommandRefused(
                    "That took a little long. Please check in again.", "identity_expired"
                ) from None
        done = self._service.check_in(
            c.name,
            host_id=c.host_id,
            purpose=c.purpose,
            visitor_id=visitor_id,
            pronunciation=c.pronunciation,
            contact=c.contact,
            kiosk=c.kiosk,
            # Keys are the device's own: another kiosk's key finds nothing of this visit.
            key=key,
            listening=listening,
        )
        return {
            "visit": self.visits.issue(holder, done.visit.id, now),
            "first_name": first_name(done.visitor.name),
            "returning": done.returning,
            # The kiosk promises "reception knows you're here" only if this is true.
            "listening": listening,
        }

    def _scan(self, holder: str, scan: p.Scan, device_id: int | None, now: int) -> dict[str, Any]:
        """An invitation checks its visitor in at once; a badge checks its visit out. The code
        is the proof of who they are, as a name and contact are for `identify`."""
        if scan.code.strip().upper().startswith(f"{PREFIX}{CodeKind.BADGE}"):
            visit_id = self.invitations.visit_for_badge(scan.code, device_id)
            self._service.check_out(visit_id, "visitor")
            return {"did": "checked_out", "visit": self.visits.issue(holder, visit_id, now)}
        key = f"{holder}:{scan.key}"
        listening = self.reception_listening()
        visit = self._service.visit_for_key(key)  # a scan resent after a lost reply
        if visit is None:
            invited = self.invitations.expected_for(scan.code, device_id)
            known = self._proven(invited.name, invited.contact or "")
            visit = self._service.check_in(
                invited.name, host_id=invited.host_id, visitor_id=known.id if known else None,
                pronunciation=invited.pronunciation, contact=invited.contact, kiosk=scan.kiosk,
                key=key, listening=listening, invitation=invited.id,
            ).visit  # fmt: skip
        visitor = people.get_visitor(self._db, visit.visitor_id or 0)
        host = people.get_staff(self._db, visit.host_id or 0)
        return {
            "did": "checked_in",
            "visit": self.visits.issue(holder, visit.id, now),
            "first_name": first_name(visitor.name) if visitor else "",
            "pronunciation": visitor.pronunciation if visitor else None,
            "host": host.name if host else None,
            "returning": self._service.earlier_visit_count(visit) > 0,
            "listening": listening,
        }

    def _proven(self, name: str, contact: str) -> Visitor | None:
        """The visitor with this name and this contact, if there is one."""
        key = contact_key(contact)
        if not key or not matching_key(name):
            return None
        for visitor in people.visitors_named(self._db, name):
            if contact_key(visitor.contact) == key:
                return visitor
        return None

    def _open_visit_named(self, name: str, *, on_site: bool) -> int | None:
        """The newest visit of someone with this name still waiting (or, with `on_site`, still
        in the building), whoever they are."""
        states = ON_SITE if on_site else UNHANDLED
        return visits.newest_open_visit_of_name(
            self._db, matching_key(name), [str(state) for state in states]
        )

    def _open_ids(self) -> set[int]:
        return {v.id for v in self._service.on_site_now()}

    def _open_visit_of(self, visitor: Visitor) -> int | None:
        open_visits = [v.id for v in self._service.on_site_now() if v.visitor_id == visitor.id]
        return max(open_visits) if open_visits else None

    def _visit(self, holder: str, handle: str, now: int) -> int | None:
        try:
            return self.visits.target(holder, handle, now)
        except HandleRefused:
            raise CommandRefused(
                "This screen has moved on. Please start again, or ask at reception.",
                "visit_handle_expired",
            ) from None

    def _at_pace(self, holder: str, limit: pace.Limit) -> None:
        wait = self._pace.retry_after_ms(holder, limit, self._clock())
        if wait:
            raise SlowDown("One moment, please.", wait)


def host_card(person: Any) -> dict[str, Any]:
    """A member of staff as a kiosk or desk shows them: no contact details."""
    return {"id": person.id, "name": person.name, "department": person.department}
