"""Expecting visitors and reading the codes they scan: an invitation checks its visitor in, a
badge checks its visit out. Every code is checked against the site's secret and what the hub
keeps; each refusal goes to the audit log, with no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

from sqlite_utils import Database

from kiosk.core import text
from kiosk.core.codes import Code, CodeKind, CodeRefused, make_code, read_code
from kiosk.core.lifecycle import ON_SITE, Visit
from kiosk.core.names import clean_name
from kiosk.core.people import InvalidEmail, checked_email
from kiosk.hub.badges import badge_for
from kiosk.hub.service import CommandRefused, HubService
from kiosk.store import audit, expected, outbox, people, visits
from kiosk.store.database import writing

_TYPE_YOUR_NAME = "Please type your name instead, or ask at reception."


@dataclass(frozen=True)
class Invited:
    expected_id: int
    code: str
    mailed: bool  # its e-mail is in the outbox


class Invitations:
    def __init__(self, service: HubService, db: Database, secret: bytes) -> None:
        self._service = service
        self._db = db
        self._secret = secret

    def invite(
        self,
        name: str,
        *,
        host_id: int,
        expected_at: int,
        created_by: str,
        email: str | None = None,
        note: str | None = None,
        pronunciation: str | None = None,
        mail_it: bool = False,
    ) -> Invited:
        """Expect a visitor, and make their invitation code; with `mail_it` and an `email`,
        queue the e-mail that carries it. Every text is checked first."""
        name = clean_name(name)
        for typed, field in ((note, text.FOLLOW_UP_NOTE), (pronunciation, text.PRONUNCIATION)):
            if typed is not None:
                try:
                    text.check_free_text(typed, field)
                except text.RefusedText as error:
                    raise CommandRefused(str(error), error.reason) from None
        if email:
            try:
                email = checked_email(email)
            except InvalidEmail as error:
                raise CommandRefused(str(error), "invalid_email") from None
        host = people.get_staff(self._db, host_id)
        if host is None or not host.active:
            raise CommandRefused("That host is not on the staff list.", "host_gone")
        offset = self._service.local(expected_at).utcoffset()
        with writing(self._db):
            number = expected.add_expected(
                self._db, name=name, host_id=host_id, expected_at=expected_at,
                utc_offset_min=int(offset.total_seconds() // 60) if offset else 0,
                created_at=self._service.now_ms(), created_by=created_by, contact=email or None,
                note=note or None, pronunciation=pronunciation or None,
            )  # fmt: skip
            mailed = bool(email and mail_it)
            if mailed:
                outbox.add_invitation(self._db, number, host_id, self._service.now_ms())
        return Invited(number, self.code(CodeKind.INVITATION, number), mailed)

    def code(self, kind: CodeKind, number: int) -> str:
        return make_code(kind, number, self._secret)

    def badge(self, visit: Visit) -> dict[str, Any]:
        """What the visit's badge says, with the code that checks it out."""
        return badge_for(self._db, visit, self._secret)

    def expected_for(self, code: str, device_id: int | None) -> expected.Expected:
        """The expected visit an invitation code checks in now, or CommandRefused (audited)."""
        found = self._read(code, CodeKind.INVITATION, device_id)
        invited = expected.get_expected(self._db, found.number)
        now = self._service.now_ms()
        if invited is None or invited.cancelled_at is not None:
            self._refuse("This invitation has been withdrawn.", "withdrawn", found, device_id)
        assert invited is not None
        if invited.used_at is not None:
            self._refuse("This invitation has been used already.", "used", found, device_id)
        if now < invited.valid_from:
            self._refuse("It's a little early for this invitation.", "too_early", found, device_id)
        if now >= invited.valid_until:
            self._refuse("This invitation has expired.", "expired", found, device_id)
        return invited

    def visit_for_badge(self, code: str, device_id: int | None) -> int:
        """The visit a badge checks out, still on site, or CommandRefused (audited)."""
        found = self._read(code, CodeKind.BADGE, device_id)
        visit = visits.get_visit(self._db, found.number)
        if visit is None or visit.state not in ON_SITE:
            self._refuse(
                "You've checked out already. Thank you!", "used", found, device_id, offer=""
            )
        return found.number

    def _read(self, code: str, kind: CodeKind, device_id: int | None) -> Code:
        try:
            found = read_code(code, self._secret)
        except CodeRefused as error:
            self._refuse(str(error), error.reason, None, device_id)
        if found.kind is not kind:
            self._refuse("That code is for something else.", "wrong_kind", found, device_id)
        return found

    def _refuse(
        self,
        message: str,
        reason: str,
        found: Code | None,
        device_id: int | None,
        offer: str = _TYPE_YOUR_NAME,
    ) -> NoReturn:
        """Record the refusal (what kind of code, why; never whose) and say it kindly."""
        with writing(self._db):
            audit.record(
                self._db, self._service.now_ms(), "code_refused", device_id, reason=reason,
                kind=str(found.kind) if found else "",
            )  # fmt: skip
        raise CommandRefused(f"{message} {offer}".strip(), f"code_{reason}")
