"""What an invitation says, on paper and by e-mail: who expects the visitor, when, and how to
use the code. Plain text only: a name is data, never markup."""

from __future__ import annotations

from datetime import datetime

from kiosk.core.notifications import HostMessage, one_line


def expected_when(at: datetime) -> str:
    """ "Tuesday 1 December at 10:30", in the site's time."""
    return f"{at:%A} {at.day} {at:%B} at {at:%H:%M}"


def invitation_email(
    *, first_name: str, host: str, site: str, at: datetime, valid_from: datetime
) -> HostMessage:
    """The e-mail that carries an invitation; its QR code goes with it as a picture."""
    first, host, site = one_line(first_name), one_line(host), one_line(site)
    subject = f"Your visit to {site} on {at:%A} {at.day} {at:%B}"
    headline = f"Welcome, {first}! {host} expects you at {site} on {expected_when(at)}."
    how = (
        "When you arrive, scan the QR code that comes with this e-mail at the kiosk by the "
        "entrance, on your phone's screen or printed: you are checked in at once, and "
        f"{host} is told you are here. If it won't scan, check in with your name at the kiosk."
    )
    valid = (
        f"The code works once, from {valid_from:%H:%M} on that day until the day ends. If you "
        f"can't come, please tell {host}."
    )
    text = "\n\n".join([headline, how, valid, f"— {site}"]) + "\n"
    return HostMessage(subject, headline, text)
