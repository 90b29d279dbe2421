"""The rules of telling a host: the words, how often, how retries go, the signature of a webhook,
and an e-mail whose headers nothing typed at the kiosk can change."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.lifecycle import Visit, VisitState
from kiosk.core.notifications import (
    DAY_MS,
    MINUTE_MS,
    BadSecret,
    News,
    OutboxState,
    VisitNews,
    header_text,
    host_message,
    next_email_at,
    one_line,
    outbox_problem,
    retry_at,
    still_news,
    still_waiting_due,
    webhook_key,
    webhook_signature,
)
from kiosk.core.policies import Targets
from kiosk.hub.outgoing import host_email

NOW = 1_000 * DAY_MS
ARRIVED_AT = datetime(2026, 11, 24, 9, 5, tzinfo=UTC)


# --- how often --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent_minutes_ago", "wait_minutes"),
    [
        ([], 0),
        ([1, 2], 0),
        ([1, 2, 3], 7),  # the third leaves the ten minutes in seven
        ([1, 2, 11], 0),  # one went before the ten minutes
        ([1, 2, 10], 0),  # exactly ten minutes ago: out of the window
        ([1, 2, 5, 9], 5),  # the oldest of the last three decides
        ([0, 0, 0], 10),  # three going out now
        ([1, 2, 3, 4, 5, 6], 7),
    ],
)
def test_a_host_gets_at_most_three_emails_in_ten_minutes(
    sent_minutes_ago: list[int], wait_minutes: int
) -> None:
    sent = [NOW - m * MINUTE_MS for m in sent_minutes_ago]
    assert next_email_at(sent, NOW) == NOW + wait_minutes * MINUTE_MS


@pytest.mark.parametrize(
    ("failed_tries", "news_minutes_ago", "next_try_minutes"),
    [
        (1, 0, 0.5),
        (2, 1, 2),
        (3, 3, 10),
        (4, 13, 60),
        (9, 300, 60),
        (25, 22 * 60, 60),
        (26, 23 * 60, 60),  # the last try: exactly a day after the news
        (27, 23 * 60 + 1, None),  # past a day: given up
    ],
)
def test_retries_back_off_and_stop_after_a_day(
    failed_tries: int, news_minutes_ago: int, next_try_minutes: float | None
) -> None:
    news_at = NOW - news_minutes_ago * MINUTE_MS
    expected = None if next_try_minutes is None else NOW + int(next_try_minutes * MINUTE_MS)
    assert retry_at(failed_tries, news_at, NOW) == expected


@pytest.mark.parametrize(
    ("state", "arrived", "still_waiting"),
    [
        (VisitState.WAITING, True, True),
        (VisitState.ACKNOWLEDGED, True, True),
        (VisitState.WELCOMED, True, False),  # welcomed, maybe still waiting for the host
        (VisitState.DEPARTED, False, False),
        (VisitState.LEFT_UNSEEN, False, False),
        (VisitState.CANCELLED, False, False),
    ],
)
def test_news_that_is_no_longer_news_is_dropped(
    state: VisitState, arrived: bool, still_waiting: bool
) -> None:
    assert still_news(News.ARRIVED, state) is arrived
    assert still_news(News.STILL_WAITING, state) is still_waiting


def visit(state: VisitState = VisitState.WAITING, host_id: int | None = 7) -> Visit:
    return Visit(1, 1, host_id, "meeting", "lobby", state, checked_in_at=NOW)


@pytest.mark.parametrize(
    ("the_visit", "seconds_later", "due"),
    [
        (visit(), 179, False),
        (visit(), 180, True),
        (visit(VisitState.ACKNOWLEDGED), 400, True),
        (visit(VisitState.WELCOMED), 400, False),
        (visit(VisitState.DEPARTED), 400, False),
        (visit(host_id=None), 400, False),  # a delivery: no host to tell
    ],
)
def test_still_waiting_is_due_past_the_welcome_target(
    the_visit: Visit, seconds_later: int, due: bool
) -> None:
    assert still_waiting_due(the_visit, NOW + seconds_later * 1000, Targets()) is due


# --- what is said -----------------------------------------------------------------------------


def news(**changes: object) -> VisitNews:
    facts = {
        "news": News.ARRIVED,
        "visitor": "maria garcia",
        "host": "Priya Raman",
        "checked_in_at": ARRIVED_AT,
        "now": ARRIVED_AT,
        "listening": True,
        "on_the_way": None,
        "pronunciation": None,
        "site": "Acme, Floor 3",
    }
    return VisitNews(**{**facts, **changes})


@pytest.mark.parametrize(
    ("changes", "headline"),
    [
        ({"on_the_way": "Sam"}, "Maria Garcia is at reception for you; Sam is on the way."),
        (
            {"on_the_way": ""},
            "Maria Garcia is at reception for you; someone from reception is on the way.",
        ),
        ({}, "Maria Garcia is at reception for you; reception has been told."),
        (
            {"listening": False},
            "Maria Garcia is at reception for you, and nobody is at the front desk just now: "
            "please come and meet your visitor.",
        ),
        (
            {"listening": None},
            "Maria Garcia is at reception for you, and nobody is at the front desk just now: "
            "please come and meet your visitor.",
        ),
        (
            {"news": News.STILL_WAITING, "now": ARRIVED_AT + timedelta(seconds=200)},
            "Maria Garcia has been waiting at reception for 3 minutes and has not been welcomed "
            "yet.",
        ),
    ],
)
def test_the_host_is_told_who_is_here_and_who_is_coming(changes: dict, headline: str) -> None:
    message = host_message(news(**changes))
    assert message.headline == headline
    assert message.text.startswith(headline + "\n\n")
    assert message.text.endswith("\n\n— Acme, Floor 3\n")


def test_the_arrival_says_when_and_how_to_say_the_name() -> None:
    message = host_message(news(pronunciation="mah-REE-ah"))
    assert message.subject == "Maria Garcia is at reception for you"
    assert message.text == (
        "Maria Garcia is at reception for you; reception has been told.\n\n"
        "Checked in at 09:05.\nHow to say their name: mah-REE-ah\n\n— Acme, Floor 3\n"
    )


def test_still_waiting_says_who_said_they_were_coming_and_what_to_do() -> None:
    message = host_message(
        news(news=News.STILL_WAITING, now=ARRIVED_AT + timedelta(minutes=1), on_the_way="Sam")
    )
    assert message.subject == "Maria Garcia is still waiting at reception"
    assert message.text == (
        "Maria Garcia has been waiting at reception for 1 minute and has not been welcomed yet."
        "\n\nSam from reception said they were on the way.\n"
        "Please come and meet your visitor, or call the front desk.\n\n— Acme, Floor 3\n"
    )


@pytest.mark.parametrize("news_kind", list(News))
@pytest.mark.parametrize("on_the_way", [None, "", "Sam"])
@pytest.mark.parametrize("listening", [None, False, True])
def test_no_message_guesses_anyones_gender(
    news_kind: News, on_the_way: str | None, listening: bool | None
) -> None:
    message = host_message(news(news=news_kind, on_the_way=on_the_way, listening=listening))
    words = set(message.text.lower().replace(".", " ").replace(",", " ").split())
    assert not words & {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


def test_text_is_kept_on_one_line_and_headers_get_no_encoded_word() -> None:
    assert one_line("Eve\r\nBcc: x@y\u2028z\x85") == "Eve Bcc: x@y z"
    assert header_text("=?utf-8?q?a=0D=0A?=") == "=\u2060?utf-8?q?a=0D=0A?="


# --- the e-mail's headers ---------------------------------------------------------------------

HEADERS = {
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "Auto-Submitted",
    "Content-Type",
    "Content-Transfer-Encoding",
    "MIME-Version",
}


@given(st.text(min_size=1, max_size=80))
def test_nothing_in_a_name_adds_a_header_or_a_recipient(name: str) -> None:
    """Whatever a name holds (quotes, commas, angle brackets, line breaks, an encoded word that
    decodes to a line break), the e-mail has its headers, one recipient, and the subject says
    the name on one line."""
    message = host_message(news(visitor=name, site=name))
    mail = host_email(
        message,
        site=name,
        sender="reception@example.com",
        host_name=name,
        host_address="priya@example.com",
    )
    received = message_from_bytes(mail.as_bytes(), policy=policy.default)
    assert set(received.keys()) == HEADERS
    assert [a.addr_spec for a in received["To"].addresses] == ["priya@example.com"]
    assert [a.addr_spec for a in received["From"].addresses] == ["reception@example.com"]
    assert received["Subject"] == header_text(message.subject)
    assert received.get_content_type() == "text/plain"
    assert received.get_content().replace("\r\n", "\n") == message.text


def test_an_encoded_word_in_a_name_stays_text() -> None:
    name = "=?utf-8?q?a=0D=0ABcc:_eve@evil.example?="
    mail = host_email(
        host_message(news(visitor=name)),
        site="Front Desk",
        sender="reception@example.com",
        host_name="Priya Raman",
        host_address="priya@example.com",
    )
    raw = mail.as_bytes()
    assert b"Bcc" not in raw.split(b"\r\n\r\n")[0]
    received = message_from_bytes(raw, policy=policy.default)
    assert received["Subject"].replace("\u2060", "") == f"{name} is at reception for you"


# --- webhooks ---------------------------------------------------------------------------------


def test_the_webhook_signature_is_standard_webhooks() -> None:
    """The example of the Standard Webhooks specification."""
    key = webhook_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    signature = webhook_signature(
        key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, b'{"test": 2432232314}'
    )
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


@pytest.mark.parametrize(
    "secret",
    ["", "whsec_", "whsec_not base64!", "whsec_" + base64.b64encode(b"short").decode(),
     "whsec_" + base64.b64encode(bytes(65)).decode()],
)  # fmt: skip
def test_a_secret_that_cant_sign_is_refused(secret: str) -> None:
    with pytest.raises(BadSecret, match="24 to 64 random bytes"):
        webhook_key(secret)


# --- what the desk is told --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "problem", "sentence"),
    [
        (OutboxState(), "", ""),
        (OutboxState(waiting=2), "", ""),  # going now, or held back by the limit: all is well
        (
            OutboxState(
                waiting=3,
                failing=2,
                last_error="The mail server smtp.example.com:587 refused the connection",
                next_try=datetime(2026, 11, 24, 10, 42),
            ),
            "retrying",
            "2 messages to hosts could not be sent yet: The mail server smtp.example.com:587 "
            "refused the connection. The hub tries again at 10:42.",
        ),
        (
            OutboxState(
                given_up=1,
                last_error="The chat webhook at https://chat.example answered 404 Not Found.",
            ),
            "given_up",
            "1 message to hosts could not be sent within a day, and was given up: The chat "
            "webhook at https://chat.example answered 404 Not Found.",
        ),
    ],
)  # fmt: skip
def test_the_desk_is_told_what_is_wrong_in_a_sentence(
    state: OutboxState, problem: str, sentence: str
) -> None:
    assert outbox_problem(state) == (problem, sentence)
