"""Carrying out decoded protocol commands on the hub service, and shaping events for clients.

Whatever arrives, the answer is one reply or one error message; nothing a client sends can
raise out of here.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from sqlite_utils import Database

from kiosk.core.lifecycle import Event, EventType, IllegalTransition
from kiosk.core.names import InvalidName, first_name
from kiosk.core.people import Staff, mask_contact
from kiosk.hub import protocol as p
from kiosk.hub.service import CommandRefused, HubService
from kiosk.store import people

log = logging.getLogger(__name__)

UNAVAILABLE = "unavailable"


def staff_actor(staff_id: int) -> str:
    """How a member of staff is named as the actor of an event."""
    return f"staff:{staff_id}"


class CommandHandler:
    def __init__(self, service: HubService, db: Database) -> None:
        self._service = service
        self._db = db

    def handle(self, raw: bytes | str) -> bytes:
        """Answer one message from a client."""
        try:
            command = p.decode_command(raw)
        except p.ProtocolError as error:
            return p.refusal(error.request_id, str(error), code="invalid")
        try:
            return p.reply(command.id, self._carry_out(command))
        except (CommandRefused, IllegalTransition, InvalidName) as error:
            return p.refusal(command.id, str(error))
        except sqlite3.OperationalError as error:
            # Busy or full disk: nothing was written; the client keeps the request and retries.
            log.warning("The database could not take %s: %s", type(command).__name__, error)
            return p.refusal(
                command.id, "The front desk system is busy. Trying again…", code=UNAVAILABLE
            )

    def _carry_out(self, command: p.Command) -> dict[str, Any]:
        service, db = self._service, self._db
        match command:
            case p.FindHosts(text=text):
                return {"hosts": [_host(s) for s in people.find_hosts(db, text)]}
            case p.FindHostByFullName(name=name):
                return {"hosts": [_host(s) for s in people.staff_by_name(db, name)]}
            case p.LookUpVisitor(name=name):
                return {"matches": [self._match(v) for v in people.visitors_named(db, name)]}
            case p.CheckIn() as c:
                done = service.check_in(
                    c.name,
                    host_id=c.host_id,
                    purpose=c.purpose,
                    visitor_id=c.visitor_id,
                    pronunciation=c.pronunciation,
                    contact=c.contact,
                    kiosk=c.kiosk,
                    key=c.key,
                )
                return {
                    "visit_id": done.visit.id,
                    "first_name": first_name(done.visitor.name),
                    "returning": done.returning,
                }
            case p.FindMyVisit(name=name):
                return {"visits": self._open_visits_named(name)}
            case p.CheckOut(visit_id=visit_id):
                service.check_out(visit_id, "visitor")
                return {}
            case p.RateWelcome(visit_id=visit_id, rating=rating):
                service.rate_welcome(visit_id, rating)
                return {}
            case p.Cancel(visit_id=visit_id):
                service.cancel(visit_id, "visitor")
                return {}
        raise AssertionError(f"unhandled command {command!r}")  # pragma: no cover

    def _match(self, visitor: Any) -> dict[str, Any]:
        host = people.get_staff(self._db, visitor.last_host_id) if visitor.last_host_id else None
        return {
            "visitor_id": visitor.id,
            "masked_contact": mask_contact(visitor.contact),
            "pronunciation": visitor.pronunciation,
            "last_host": _host(host) if host and host.active else None,
            "last_wait_s": visitor.last_wait_s,
        }

    def _open_visits_named(self, name: str) -> list[dict[str, Any]]:
        found = []
        ids = {v.id: v for v in people.visitors_named(self._db, name)}
        for visit in self._service.on_site_now():
            if visit.visitor_id in ids:
                host = people.get_staff(self._db, visit.host_id) if visit.host_id else None
                found.append(
                    {
                        "visit_id": visit.id,
                        "masked_contact": mask_contact(ids[visit.visitor_id].contact),
                        "host_name": host.name if host else None,
                    }
                )
        return found

    def kiosk_event(self, event: Event) -> bytes | None:
        """What a kiosk may learn of an event: only that someone is coming, and who."""
        if event.type is EventType.ACKNOWLEDGED:
            return p.event_message(
                event.seq,
                {"event": "acknowledged", "visit_id": event.visit_id, "by": self._by(event.actor)},
            )
        if event.type is EventType.WELCOMED:
            return p.event_message(event.seq, {"event": "welcomed", "visit_id": event.visit_id})
        return None

    def _by(self, actor: str) -> str:
        kind, _, ident = actor.partition(":")
        if kind == "staff" and ident.isdigit():
            person = people.get_staff(self._db, int(ident))
            if person is not None:
                return first_name(person.name)
        return ""


def _host(person: Staff) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "department": person.department}
