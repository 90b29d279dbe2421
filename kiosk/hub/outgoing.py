"""Carrying messages to hosts: e-mail over SMTP and signed JSON to chat webhooks, sent by worker
threads so that a slow or silent server never holds up the hub. A failure comes back as a
sentence for the desk.
"""

from __future__ import annotations

import logging
import queue
import smtplib
import socket
import ssl
import threading
import time
import traceback
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

from kiosk.core.notifications import HostMessage, header_text, one_line, webhook_signature
from kiosk.store.settings import MailServer

log = logging.getLogger(__name__)

# How long a server may keep us waiting at each step before the try counts as failed.
SEND_TIMEOUT_S = 20
COURIERS = 3
_USER_AGENT = "FrontDeskKiosk"


class DeliveryFailed(Exception):
    """A message did not go; the message is a sentence for the desk."""


# --- e-mail ----------------------------------------------------------------------------------


def host_email(
    message: HostMessage,
    *,
    site: str,
    sender: str,
    host_name: str,
    host_address: str,
    qr_code_png: bytes | None = None,
) -> EmailMessage:
    """The e-mail to a host (or, with an invitation's `qr_code_png`, to an expected visitor), in
    plain text. Every header is built from parts (`Address`), and every name in one is kept on
    one line with no encoded word (`header_text`), so nothing a visitor typed can add a header
    or a recipient."""
    mail = EmailMessage(policy=policy.SMTP)
    mail["From"] = _address(site, sender)
    mail["To"] = _address(host_name, host_address)
    mail["Subject"] = header_text(message.subject)
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    # Out-of-office replies are not sent back to an automatic message (RFC 3834).
    mail["Auto-Submitted"] = "auto-generated"
    mail.set_content(message.text)
    if qr_code_png is not None:
        mail.add_attachment(
            qr_code_png, maintype="image", subtype="png", filename="invitation-code.png"
        )
    return mail


def _address(name: str, address: str) -> Address:
    # From parts: an address whose local part is not ASCII is allowed (SMTPUTF8).
    local, _, domain = address.rpartition("@")
    return Address(display_name=header_text(name), username=local, domain=domain)


def send_email(server: MailServer, mail: EmailMessage) -> None:
    """Hand one e-mail to the mail server; DeliveryFailed says why it did not go."""
    context = ssl.create_default_context()
    try:
        if server.security == "ssl":
            smtp = smtplib.SMTP_SSL(
                server.server, server.port, timeout=SEND_TIMEOUT_S, context=context
            )
        else:
            smtp = smtplib.SMTP(server.server, server.port, timeout=SEND_TIMEOUT_S)
        with smtp:
            if server.security == "starttls":
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise DeliveryFailed(
                        f"{_where(server)} does not offer STARTTLS; check [email] security "
                        "and port."
                    )
                smtp.starttls(context=context)
            if server.user:
                smtp.login(server.user, server.password)
            smtp.send_message(mail)
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryFailed(_mail_trouble(error, server)) from None


def _where(server: MailServer) -> str:
    return f"The mail server {server.server}:{server.port}"


def _mail_trouble(error: OSError, server: MailServer) -> str:
    """The sentence for a failed try; SMTP's own errors are OSErrors too."""
    where = _where(server)
    match error:
        case smtplib.SMTPAuthenticationError():
            return (
                f"{where} refused the user name or password ({_said(error)}); check [email] "
                "user and password."
            )
        case smtplib.SMTPRecipientsRefused(recipients=refused):
            address, (code, said) = next(iter(refused.items()))
            return f"{where} refused the address {address} ({code} {_text(said)})."
        case smtplib.SMTPSenderRefused():
            return (
                f"{where} refused the sender address {error.sender} ({_said(error)}); check "
                "[email] from_address."
            )
        case smtplib.SMTPNotSupportedError():
            return f"{where} can't take this message: {_text(str(error))}"
        case smtplib.SMTPServerDisconnected():
            return f"{where} closed the connection before the message was sent."
        case smtplib.SMTPResponseException():
            return f"{where} answered {_said(error)}."
        case smtplib.SMTPException():
            return f"{where} could not take the message ({_text(str(error))})."
        case ssl.SSLCertVerificationError():
            return (
                f"{where} showed a certificate that could not be verified "
                f"({error.verify_message}); check [email] server."
            )
        case ssl.SSLError():
            return (
                f"{where} could not agree on encryption ({error.reason or error}); check [email] "
                "security and port."
            )
        case _:
            return f"{where} {_network_trouble(error)}"


def _said(error: smtplib.SMTPResponseException) -> str:
    return f"{error.smtp_code} {_text(error.smtp_error)}".strip()


def _text(said: bytes | str) -> str:
    """A server's words, on one line and not too long."""
    if isinstance(said, bytes):
        said = said.decode("utf-8", "replace")
    said = one_line(said)
    return said if len(said) <= 200 else said[:199] + "…"


def _network_trouble(error: OSError) -> str:
    """What went wrong on the way to a server, as the end of a sentence."""
    match error:
        case TimeoutError():
            return f"did not answer within {SEND_TIMEOUT_S} seconds."
        case ConnectionRefusedError():
            return "refused the connection; check the address and port, and that it is running."
        case socket.gaierror():
            return f"could not be found ({error.strerror}); check its name."
    return f"could not be reached ({_text(error.strerror or str(error))})."


# --- chat webhooks ---------------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would resend the news somewhere the settings don't name: it counts as a
    failure instead."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_WEB = urllib.request.build_opener(_NoRedirects())


def post_webhook(url: str, key: bytes, message_id: str, body: bytes) -> None:
    """POST the JSON `body`, signed as Standard Webhooks says; DeliveryFailed unless the
    receiver answers 2xx. The timestamp is the moment of this try, as receivers check it."""
    timestamp = int(time.time())
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": _USER_AGENT,
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": webhook_signature(key, message_id, timestamp, body),
        },
    )
    where = f"The chat webhook at {webhook_site(url)}"
    try:
        with _WEB.open(request, timeout=SEND_TIMEOUT_S) as answer:
            answer.read(65536)
    except urllib.error.HTTPError as error:
        raise DeliveryFailed(f"{where} answered {error.code} {_text(error.reason)}.") from None
    except urllib.error.URLError as error:
        reason = error.reason
        trouble = (
            _network_trouble(reason)
            if isinstance(reason, OSError)
            else f"could not be reached ({_text(str(reason))})."
        )
        raise DeliveryFailed(f"{where} {trouble}") from None
    except OSError as error:  # a timeout while reading the answer, a reset connection
        raise DeliveryFailed(f"{where} {_network_trouble(error)}") from None


def webhook_site(url: str) -> str:
    """Where a webhook goes, without its path: chat tools put their secret in the path."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


# --- the worker threads ----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """How one try went: `error` is "" when the message went, else the sentence."""

    outbox_id: int
    error: str


class Couriers:
    """A few worker threads that carry messages. The hub's thread hands them work with `carry`
    and takes the outcomes with `outcomes`; nothing here touches the database. The threads are
    daemons: a hub that stops while a server keeps one waiting does not wait for it, and the
    message, never marked as sent, goes again at the next start."""

    def __init__(self, count: int = COURIERS) -> None:
        self._count = count
        self._work: queue.SimpleQueue[tuple[int, Callable[[], None]] | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []

    def carry(self, outbox_id: int, send: Callable[[], None]) -> None:
        if not self._threads:  # a hub that sends nothing starts no threads
            for number in range(self._count):
                thread = threading.Thread(
                    target=self._run, name=f"courier-{number + 1}", daemon=True
                )
                thread.start()
                self._threads.append(thread)
        self._work.put((outbox_id, send))

    def outcomes(self) -> list[Outcome]:
        """Every outcome since the last call, without waiting."""
        done = []
        while True:
            try:
                done.append(self._done.get_nowait())
            except queue.Empty:
                return done

    def stop(self) -> None:
        """Let the messages being sent finish, and drop those not begun: they are still
        waiting in the outbox."""
        while True:
            try:
                self._work.get_nowait()
            except queue.Empty:
                break
        for _ in self._threads:
            self._work.put(None)
        self._threads = []

    def _run(self) -> None:
        while (job := self._work.get()) is not None:
            outbox_id, send = job
            try:
                send()
                error = ""
            except DeliveryFailed as failure:
                error = str(failure)
            except Exception as bug:  # a bug costs this try, never the thread
                # Where it failed, not its message, which may quote a visitor's name.
                log.error(
                    "Sending a message to a host failed with %s at:\n%s",
                    type(bug).__name__,
                    "".join(traceback.format_tb(bug.__traceback__)),
                )
                error = f"The message could not be sent ({type(bug).__name__})."
            self._done.put(Outcome(outbox_id, error))
