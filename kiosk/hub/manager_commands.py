"""What a manager may ask of the hub beyond a desk's commands (the figures, follow-ups, exports),
and the roll call that desks and managers share.

A wall dashboard may ask for the figures only, which name no visitor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date, timedelta
from functools import partial
from typing import Any

from sqlite_utils import Database

from kiosk.core.codes import CodeKind, arrival
from kiosk.core.people import staff_actor
from kiosk.hub import protocol as p
from kiosk.hub.invitations import Invitations
from kiosk.hub.kiosk_commands import SiteRules
from kiosk.hub.service import CommandRefused, HubService
from kiosk.hub.sessions import Session
from kiosk.store import expected, export, follow_ups, people, roll_calls, visits
from kiosk.store.database import writing
from kiosk.store.stats import WaitCounts, figures_body

# About ten years: far more than any history, and a bound on what one request may ask.
MAX_RANGE_DAYS = 3660
# The follow-ups of a range, newest first, at most this many in one reply.
MAX_FOLLOW_UPS = 500

MANAGER_COMMANDS = (p.Figures, p.FollowUps, p.FollowUp, p.ExportRows)
# Desks and managers alike: the roll call, and the visitors expected.
ROLL_CALL_COMMANDS = (p.OnSite, p.StartRollCall, p.EndRollCall, p.AccountedFor)
EXPECTED_COMMANDS = (p.Expected, p.Expect, p.WithdrawInvitation)


class ManagerCommands:
    def __init__(
        self,
        service: HubService,
        db: Database,
        announce: Callable[[bytes], None],
        invitations: Invitations,
        rules: SiteRules,
    ) -> None:
        """`announce` tells every desk, manager and dashboard connected now."""
        self._service = service
        self._db = db
        self._announce = announce
        self._invitations = invitations
        self._rules = rules

    def carry_out(self, command: p.Command, session: Session) -> dict[str, Any]:
        service, db = self._service, self._db
        match command:
            case p.Figures(first=first, last=last):
                counts = WaitCounts(db, service.policies.targets)
                name_of = partial(people.staff_name_of, db)
                return figures_body(counts, *_range(first, last), name_of)
            case p.FollowUps(first=first, last=last):
                start, end = self._range_ms(first, last)
                found = follow_ups.to_follow_up(
                    db, start, end, service.policies.targets.welcome_s, MAX_FOLLOW_UPS + 1
                )
                return {
                    "visits": [_follow_up_body(f) for f in found[:MAX_FOLLOW_UPS]],
                    "more": len(found) > MAX_FOLLOW_UPS,
                }
            case p.FollowUp(visit_id=visit_id, note=note):
                visit = service.follow_up(visit_id, note, _manager(session))
                return {"visit_id": visit.id, "followed_up_at": visit.followed_up_at}
            case p.ExportRows():
                start, end = self._range_ms(command.first, command.last)
                header, rows, following = export.export_page(
                    db, start, end, anonymous=command.anonymous, for_csv=command.csv,
                    after_id=command.after, limit=command.limit,
                )  # fmt: skip
                page = {"columns": header, "rows": rows, "next": following}
                if command.after == 0:  # the first page says how many there are in all
                    page["total"] = export.count_between(db, start, end)
                return page
            case p.OnSite():
                return self.on_site()
            case p.StartRollCall(staff_id=staff_id):
                actor = staff_actor(staff_id) if staff_id else _manager(session)
                with writing(db):
                    roll_calls.start(db, service.now_ms(), actor)
                self._announce_roll_call()
                return {}
            case p.EndRollCall():
                with writing(db):
                    roll_calls.end(db, service.now_ms())
                self._announce_roll_call()
                return {}
            case p.Expected(day=day):
                return self._expected(day)
            case p.Expect() as asked:
                invited = self._invitations.invite(
                    asked.name, host_id=asked.host_id, expected_at=asked.at,
                    created_by=_manager(session), email=asked.email or None,
                    note=asked.note or None, pronunciation=asked.pronunciation or None,
                    mail_it=self._rules.sends_email,
                )  # fmt: skip
                self._announce(p.notice("expected", {}))
                return {
                    "expected_id": invited.expected_id, "code": invited.code,
                    "mailed": invited.mailed,
                }  # fmt: skip
            case p.WithdrawInvitation(expected_id=expected_id):
                with writing(db):
                    withdrawn = expected.withdraw(db, expected_id, service.now_ms())
                if not withdrawn:
                    raise CommandRefused(
                        "That invitation has been used or withdrawn already.", "not_now"
                    )
                self._announce(p.notice("expected", {}))
                return {}
            case p.AccountedFor(visit_id=visit_id, staff_id=staff_id):
                actor = staff_actor(staff_id) if staff_id else _manager(session)
                service.accounted_for(visit_id, actor)
                return {}
        raise AssertionError(f"unhandled command {command!r}")  # pragma: no cover

    def on_site(self) -> dict[str, Any]:
        """Everyone on site now, with whether each was accounted for in the roll call."""
        going, here = roll_calls.on_site(self._db)
        return {
            "at": self._service.now_ms(),
            "roll_call": self._roll_call_body(going),
            "visits": [asdict(each) for each in here],
        }

    def _expected(self, day: str | None) -> dict[str, Any]:
        """Everyone expected on `day`, with their code and whether they have come."""
        chosen = _range(day, day)[0] if day else self._service.local(self._service.now_ms()).date()
        start, end = self._range_ms(chosen.isoformat(), chosen.isoformat())
        listed = []
        for each in expected.expected_between(self._db, start, end):
            host = people.get_staff(self._db, each.host_id or 0)
            visit = visits.get_visit(self._db, each.visit_id) if each.visit_id else None
            came = arrival(each.expected_at, visit.checked_in_at) if visit else None
            listed.append(
                {
                    "expected_id": each.id,
                    "name": each.name,
                    "host": host.name if host else None,
                    "expected_at": each.expected_at,
                    "note": each.note,
                    "pronunciation": each.pronunciation,
                    "code": self._invitations.code(CodeKind.INVITATION, each.id),
                    "visit_id": each.visit_id,
                    "arrival": {"kind": came.kind, "minutes": came.minutes} if came else None,
                }
            )
        return {"day": chosen.isoformat(), "visits": listed}

    def _announce_roll_call(self) -> None:
        going = roll_calls.current(self._db)
        self._announce(p.notice("roll_call", {"roll_call": self._roll_call_body(going)}))

    def _roll_call_body(self, going: roll_calls.RollCall | None) -> dict[str, Any] | None:
        if going is None:
            return None
        return {
            "started_at": going.started_at,
            "started_by": going.started_by,
            # The member of staff who started it, by name; null for a desk or a dashboard.
            "started_by_name": people.staff_name_of(self._db, going.started_by),
        }

    def _range_ms(self, first: str, last: str) -> tuple[int, int]:
        start, end = _range(first, last)
        return self._service.day_start_ms(start), self._service.day_start_ms(
            end + timedelta(days=1)
        )


def _range(first: str, last: str) -> tuple[date, date]:
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        raise CommandRefused("Choose days that exist on the calendar.", "bad_range") from None
    if end < start:
        raise CommandRefused("The last day comes before the first day.", "bad_range")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise CommandRefused("Choose at most ten years at a time.", "bad_range")
    return start, end


def _manager(session: Session) -> str:
    return f"{session.role}:{session.device_id or 'local'}"


def _follow_up_body(found: follow_ups.FollowUp) -> dict[str, Any]:
    return {
        "visit_id": found.visit_id,
        "name": found.name or "",
        "contact": found.contact,
        "host": found.host,
        "checked_in_at": found.checked_in_at,
        "wait_s": found.wait_s,
        "left_unseen": found.left_unseen,
        "welcomed_by": found.welcomed_by,
        "followed_up_at": found.followed_up_at,
        "follow_up_note": found.note,
    }
