"""Staff and visitors as the front desk knows them, and what may be shown of them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from email_validator import EmailNotValidError, validate_email


class Role(StrEnum):
    HOST = "host"
    RECEPTIONIST = "receptionist"


@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    role: Role
    email: str | None = None
    phone: str | None = None
    department: str | None = None
    active: bool = True


@dataclass(frozen=True)
class Visitor:
    """A visitor remembered between visits, so a returning one is welcomed back."""

    id: int
    name: str
    pronunciation: str | None
    contact: str | None
    visit_count: int
    last_visit_at: int | None
    last_host_id: int | None
    last_wait_s: float | None


def mask_contact(contact: str | None) -> str:
    """Show just enough of a contact for its owner to recognise it: "m•••@example.com".

    Used where two visitors share a name, so that neither sees the other's details.
    """
    if not contact:
        return ""
    contact = contact.strip()
    if "@" in contact:
        local, _, domain = contact.partition("@")
        return f"{local[:1]}•••@{domain}"
    digits = [ch for ch in contact if ch.isdigit()]
    if len(digits) >= 4:
        return "•••" + "".join(digits[-2:])
    return "•••"


def contact_key(contact: str | None) -> str:
    """What must match for two contacts to be the same: an e-mail address in any case, or a
    phone number by its digits (at least six). "" never matches anything."""
    text = "".join((contact or "").split())
    if "@" in text:
        return text.casefold()
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits if len(digits) >= 6 else ""


class InvalidEmail(ValueError):
    """An e-mail address that can't be used; the message says why, as a clause that starts in
    lower case ("an email address must have an @-sign")."""


def checked_email(typed: str) -> str:
    """A member of staff's e-mail address as it should be kept, or InvalidEmail.

    The syntax is checked (one @, a domain with a dot, no spaces, the length limits, and names in
    any script) by email-validator; nothing is looked up on the network. The domain is kept in
    lower case, the part before the @ as typed.
    """
    try:
        return validate_email(typed, check_deliverability=False).normalized
    except EmailNotValidError as error:
        why = str(error).rstrip(".")
        raise InvalidEmail(why[:1].lower() + why[1:]) from None


# The event log names a member of staff who did a step "staff:25".
STAFF_ACTOR = "staff:"


def staff_actor(staff_id: int) -> str:
    """How a member of staff is named as the actor of an event."""
    return f"{STAFF_ACTOR}{staff_id}"
