"""Telling a host that their visitor is here: what is said, when, how often, and how retries go.

A host hears of a visitor twice at most: when they check in, and once more if nobody has
welcomed them by the welcome target. The words are chosen when the message goes, so a host told
after a retry hears who is on the way by then. Every rule here is plain: no clock, no network.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.core.lifecycle import UNHANDLED, Visit, VisitState
from kiosk.core.names import greeted_name
from kiosk.core.policies import Targets

MINUTE_MS = 60_000
DAY_MS = 86_400_000


class News(StrEnum):
    ARRIVED = "arrived"
    STILL_WAITING = "still_waiting"
    # An expected visitor's invitation, to the visitor (the host's limit does not count it).
    INVITED = "invited"


class Channel(StrEnum):
    EMAIL = "email"
    WEBHOOK = "webhook"


# --- when ------------------------------------------------------------------------------------

# A host hears of at most three visitors' news by e-mail in any ten minutes: a group arriving
# for one person must not bury their inbox. Later news waits its turn, and is dropped if it has
# stopped being news by then (the visitor has left, or been welcomed).
EMAILS_PER_HOST = 3
EMAIL_WINDOW_MS = 10 * MINUTE_MS

# After a failed try: wait 30 s, 2 min, 10 min, then every hour; give up a day after the news.
RETRY_AFTER_MS = (30_000, 2 * MINUTE_MS, 10 * MINUTE_MS, 60 * MINUTE_MS)
GIVE_UP_AFTER_MS = DAY_MS


def next_email_at(
    sent_at: Sequence[int],
    now_ms: int,
    *,
    limit: int = EMAILS_PER_HOST,
    window_ms: int = EMAIL_WINDOW_MS,
) -> int:
    """When the next e-mail to a host may go, given when earlier ones went: `now_ms` if fewer
    than `limit` went within the window before now, otherwise the moment the oldest of the last
    `limit` leaves it."""
    recent = sorted(at for at in sent_at if at > now_ms - window_ms)
    if len(recent) < limit:
        return now_ms
    return recent[-limit] + window_ms


def retry_at(failed_tries: int, news_at_ms: int, now_ms: int) -> int | None:
    """When to try again after `failed_tries` failures (the last one now), or None to give up:
    no try is made later than a day after the news."""
    delay = RETRY_AFTER_MS[min(failed_tries, len(RETRY_AFTER_MS)) - 1]
    at = now_ms + delay
    return at if at - news_at_ms <= GIVE_UP_AFTER_MS else None


def still_news(news: News, state: VisitState) -> bool:
    """Whether news is worth sending about a visit that now stands in `state`: an arrival while
    the visitor is in the building, "still waiting" while nobody has welcomed them."""
    if news is News.ARRIVED:
        return state.on_site
    return state in UNHANDLED


def still_waiting_due(visit: Visit, at_ms: int, targets: Targets) -> bool:
    """Whether the host should hear, at `at_ms`, that their visitor is still waiting: nobody has
    welcomed them and the welcome target has passed."""
    return (
        visit.host_id is not None
        and visit.state in UNHANDLED
        and at_ms >= visit.checked_in_at + targets.welcome_s * 1000
    )


# --- what is said ----------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitNews:
    """What a message about one visit says, read when it goes. Times are the site's."""

    news: News
    visitor: str
    host: str
    checked_in_at: datetime
    now: datetime
    # Whether a desk was listening when the visitor checked in (None: not known).
    listening: bool | None
    # The first name of whoever answered "On my way"; "" for someone at a desk; None for nobody.
    on_the_way: str | None
    pronunciation: str | None
    site: str


@dataclass(frozen=True)
class HostMessage:
    subject: str
    # The first sentence, on its own: what a chat message says.
    headline: str
    # Plain text; never HTML.
    text: str


def host_message(news: VisitNews) -> HostMessage:
    """The message to a host. The wording never guesses anyone's gender: the visitor is "your
    visitor", and "they" is whoever is on the way."""
    visitor = one_line(greeted_name(news.visitor))
    on_the_way = one_line(news.on_the_way) if news.on_the_way is not None else None
    lines = []
    if news.news is News.ARRIVED:
        subject = f"{visitor} is at reception for you"
        if on_the_way:
            headline = f"{subject}; {on_the_way} is on the way."
        elif on_the_way == "":
            headline = f"{subject}; someone from reception is on the way."
        elif news.listening:
            headline = f"{subject}; reception has been told."
        else:
            headline = (
                f"{subject}, and nobody is at the front desk just now: please come and meet "
                "your visitor."
            )
        lines.append(f"Checked in at {news.checked_in_at:%H:%M}.")
    else:
        subject = f"{visitor} is still waiting at reception"
        minutes = max(1, int((news.now - news.checked_in_at).total_seconds() // 60))
        headline = (
            f"{visitor} has been waiting at reception for {_minutes(minutes)} and has not been "
            "welcomed yet."
        )
        if on_the_way:
            lines.append(f"{on_the_way} from reception said they were on the way.")
        elif on_the_way == "":
            lines.append("Someone from reception said they were on the way.")
        lines.append("Please come and meet your visitor, or call the front desk.")
    if news.pronunciation:
        lines.append(f"How to say their name: {one_line(news.pronunciation)}")
    text = "\n\n".join([headline, "\n".join(lines), f"— {one_line(news.site)}"]) + "\n"
    return HostMessage(subject, headline, text)


def chat_payload(news: VisitNews, message: HostMessage, visit_id: int) -> dict[str, Any]:
    """The JSON a chat webhook receives: Standard Webhooks' `type`, `timestamp` and `data`, and
    the headline as `text`, which chat tools show as it is."""
    return {
        "type": f"visitor.{news.news}",
        "timestamp": news.now.isoformat(timespec="seconds"),
        "text": message.headline,
        "data": {
            "visit_id": visit_id,
            "visitor": news.visitor,
            "host": news.host,
            "checked_in_at": news.checked_in_at.isoformat(timespec="seconds"),
            "on_the_way": news.on_the_way,
            "reception_listening": news.listening,
        },
    }


def _minutes(count: int) -> str:
    return "1 minute" if count == 1 else f"{count} minutes"


# Line and paragraph breaks of every kind: none may reach a header or break a line of a message.
_BREAKS = {"\r", "\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}


def one_line(text: str) -> str:
    """Text on one line: any control character or line break becomes a space. Check-in refuses
    them already; this keeps a message whole whatever reaches it."""
    kept = "".join(" " if ch in _BREAKS or ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in text)
    return " ".join(kept.split())


# What starts an encoded word (RFC 2047) in a header. Typed by a visitor, it would be decoded
# by the mail library on the way in, and could smuggle a line break into the header it decodes
# to. A word joiner, which shows as nothing, keeps the two characters apart.
_ENCODED_WORD_START = "=?"
_WORD_JOINER = "\u2060"


def header_text(text: str) -> str:
    """Text as it may go into an e-mail header: one line, and no encoded word."""
    return one_line(text).replace(_ENCODED_WORD_START, f"={_WORD_JOINER}?")


# --- outgoing webhooks (Standard Webhooks) -----------------------------------------------------

SECRET_PREFIX = "whsec_"
SECRET_BYTES = (24, 64)


class BadSecret(ValueError):
    """A webhook signing secret that can't be used; the message says what it should be."""


def webhook_key(secret: str) -> bytes:
    """The signing key in a secret written "whsec_" + base64 (24 to 64 bytes), or BadSecret."""
    encoded = secret.strip().removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except binascii.Error:
        key = b""
    low, high = SECRET_BYTES
    if not low <= len(key) <= high:
        raise BadSecret(
            f'the secret should be "{SECRET_PREFIX}" followed by {low} to {high} random bytes in '
            "base64"
        )
    return key


def webhook_signature(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header: "v1," and the base64 HMAC-SHA256 of
    "{id}.{timestamp}.{body}" under the key."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def webhook_name(url: str) -> str:
    """The name by which the outbox remembers a webhook: a digest, so that the address, which
    often holds a chat tool's own secret, is kept in the settings file alone."""
    return hashlib.sha256(url.encode()).hexdigest()[:32]


# --- what the desk is told ---------------------------------------------------------------------

RETRYING = "retrying"
GIVEN_UP = "given_up"


@dataclass(frozen=True)
class OutboxState:
    """The messages to hosts as the desk sees them."""

    waiting: int = 0
    # Of those waiting, how many failed at least once.
    failing: int = 0
    # Given up within the last day.
    given_up: int = 0
    # The latest failure, as a sentence.
    last_error: str = ""
    # The next try of a failing message (site time).
    next_try: datetime | None = None


def outbox_problem(state: OutboxState) -> tuple[str, str]:
    """What is wrong with messages to hosts, as a stable code and a sentence; ("", "") when
    nothing is."""
    why = state.last_error.rstrip(".") + "." if state.last_error else ""
    if state.failing:
        when = f" The hub tries again at {state.next_try:%H:%M}." if state.next_try else ""
        return RETRYING, (f"{_messages(state.failing)} to hosts could not be sent yet: {why}{when}")
    if state.given_up:
        return GIVEN_UP, (
            f"{_messages(state.given_up)} to hosts could not be sent within a day, and "
            f"{'was' if state.given_up == 1 else 'were'} given up: {why}"
        )
    return "", ""


def _messages(count: int) -> str:
    return "1 message" if count == 1 else f"{count} messages"
