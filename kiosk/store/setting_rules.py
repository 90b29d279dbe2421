"""What the settings file may say of the mail server, the webhooks and the badge printer: each
check gives the sentence that says what to fix ("" when all is well); the settings module adds
which file."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from kiosk.store.settings import Badges, MailServer, Webhooks

MAIL_SECURITY = ("starttls", "ssl", "none")
BADGE_LABELS = ("62mm", "cr80")


def mail_problem(mail: MailServer) -> str:
    if not mail.server:
        return ""
    # Only a site that sends e-mail loads the address checker; start-up stays quick.
    from kiosk.core.people import InvalidEmail, checked_email

    if mail.server != mail.server.strip() or any(ch.isspace() for ch in mail.server):
        return "[email] server should be a name or address, no spaces."
    if not 1 <= mail.port <= 65535:
        return "[email] port should be between 1 and 65535."
    if mail.security not in MAIL_SECURITY:
        return '[email] security should be "starttls", "ssl" or "none".'
    if not mail.from_address:
        return (
            "[email] from_address is needed to send e-mail: the address hosts see the messages "
            "come from."
        )
    try:
        checked_email(mail.from_address)
    except InvalidEmail as error:
        return f"[email] from_address is not an e-mail address ({error})."
    return ""


def webhooks_problem(webhooks: Webhooks) -> str:
    for url in webhooks.urls:
        if not isinstance(url, str) or not _is_web_address(url):
            return (
                "[webhooks] urls should list addresses that start with https:// (or http://), "
                f"not {url!r}."
            )
    if not webhooks.urls:
        return ""
    # Only a site with webhooks loads the signing rules; the kiosk's start stays quick.
    from kiosk.core.notifications import BadSecret, webhook_key

    try:
        webhook_key(webhooks.secret)
    except BadSecret as error:
        return f"[webhooks] secret: {error}."
    return ""


def badges_problem(badges: Badges) -> str:
    if badges.label not in BADGE_LABELS:
        return '[badges] label should be "62mm" or "cr80".'
    if badges.printer and not printer_name_is_valid(badges.printer):
        return (
            "[badges] printer should be a printer's name as `lpstat -p` lists it: letters, "
            "digits, dots, dashes and underscores, without spaces."
        )
    return ""


def printer_name_is_valid(name: str) -> bool:
    """A CUPS queue's name: printable, no spaces, slashes or hashes, not read as an option."""
    return (
        0 < len(name) <= 127
        and name.isprintable()
        and not name.startswith("-")
        and not any(ch.isspace() or ch in "/#\\'\"" for ch in name)
    )


def _is_web_address(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    printable = url.isprintable() and not any(ch.isspace() for ch in url)
    return printable and parts.scheme in ("https", "http") and bool(parts.hostname)
