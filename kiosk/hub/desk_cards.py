"""The cards a desk shows: what a receptionist needs to greet a visitor well, and, for a wall
dashboard, the same card with nothing about the visitor."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from kiosk.core.codes import arrival
from kiosk.core.lifecycle import EventType, Visit
from kiosk.core.metrics import VisitTimes
from kiosk.core.names import first_name
from kiosk.hub.service import HubService
from kiosk.store import expected, people, roll_calls, visits
from kiosk.store.devices import DeviceRole

# What a wall dashboard sees of a visit: nothing about the visitor.
_ANONYMOUS_CARD = {
    "checked_in_again_at",
    "visit_id",
    "state",
    "checked_in_at",
    "acknowledged_by",
    "escalations",
    "purpose",
}


class DeskCards:
    def __init__(self, service: HubService, db: Database) -> None:
        self._service = service
        self._db = db

    def card_for(self, visit: Visit, role: DeviceRole) -> dict[str, Any]:
        """A desk card; a wall dashboard's leaves out everything about the visitor."""
        card = self.desk_card(visit)
        if role is DeviceRole.DASHBOARD:
            return {k: v for k, v in card.items() if k in _ANONYMOUS_CARD}
        return card

    def desk_card(self, visit: Visit) -> dict[str, Any]:
        """What a receptionist needs to greet this visitor well."""
        visitor = people.get_visitor(self._db, visit.visitor_id) if visit.visitor_id else None
        host = people.get_staff(self._db, visit.host_id) if visit.host_id else None
        earlier = self._service.earlier_visit(visit)
        last_wait = VisitTimes.of(earlier).wait if earlier else None
        target = self._service.policies.targets.welcome_s
        card = {
            "visit_id": visit.id,
            "state": str(visit.state),
            "name": visitor.name if visitor else "",
            "pronunciation": visitor.pronunciation if visitor else None,
            "host": host.name if host else None,
            "purpose": visit.purpose,
            "checked_in_at": visit.checked_in_at,
            "acknowledged_by": self.first_name_of(visit.acknowledged_by or ""),
            "escalations": visit.escalations,
            "previous_visits": self._service.earlier_visit_count(visit),
            "last_visit_at": earlier.checked_in_at if earlier else None,
            "last_wait_s": last_wait,
            "last_wait_over_target": last_wait is not None and last_wait > target,
            "checked_in_again_at": visits.last_said_at(
                self._db, visit.id, EventType.CHECKED_IN_AGAIN
            ),
            "says_leaving_at": visits.last_said_at(self._db, visit.id, EventType.SAID_LEAVING),
            # A manager called this visitor back after their last visit's long wait.
            "followed_up_at": earlier.followed_up_at if earlier else None,
            "accounted": self._accounted(visit),
        }
        # Came with an invitation: "expected at 10:30 — on time", or "12 minutes early".
        invited = expected.expected_for_visit(self._db, visit.id)
        came = arrival(invited.expected_at, visit.checked_in_at) if invited else None
        card["expected_at"] = invited.expected_at if invited else None
        card["arrival"] = {"kind": came.kind, "minutes": came.minutes} if came else None
        card["note"] = invited.note if invited else None
        # Nobody proved who this is, but someone of that name once waited too long: the desk
        # may make amends. Only desks see it; the visit joins that record only after proof.
        namesake = (
            people.long_wait_of_namesake(self._db, visitor, target)
            if visitor is not None and earlier is None
            else None
        )
        card["possibly_waited_s"] = namesake.last_wait_s if namesake else None
        card["possibly_visited_at"] = namesake.last_visit_at if namesake else None
        return card

    def _accounted(self, visit: Visit) -> bool:
        """Seen safe in the roll call going on now."""
        if visit.accounted_at is None:
            return False
        going = roll_calls.current(self._db)
        return going is not None and visit.accounted_at >= going.started_at

    def first_name_of(self, actor: str) -> str:
        kind, _, ident = actor.partition(":")
        if kind == "staff" and ident.isdigit():
            person = people.get_staff(self._db, int(ident))
            if person is not None:
                return first_name(person.name)
        return ""
