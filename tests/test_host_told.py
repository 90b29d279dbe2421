"""The host is told: real check-ins through the hub, a real SMTP server and a real webhook
receiver on loopback, and the outbox that retries, gives up, and is erased with the visitor."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import sqlite3
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope
from sqlite_utils import Database

from kiosk.core.people import Role, staff_actor
from kiosk.hub.certificate import CERTIFICATE_FILE, KEY_FILE, load_identity
from kiosk.hub.notifier import Notifier
from kiosk.hub.service import DAY_MS, HubService
from kiosk.store import people
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole, add_device
from kiosk.store.settings import MailServer, Settings, Webhooks, load_settings, save_setting
from tests.conftest import FakeClock
from tests.hub_process import HubProcess, free_port
from tests.raw_websocket import RawClient, close_all

SENDER = "reception@example.com"
SITE = "Acme, Floor 3"
WAIT_S = 30  # generous: other work may share the machine


# --- a mail server, a silent one, and a chat tool on loopback ------------------------------------


class MailBox:
    """An SMTP server on 127.0.0.1 that keeps what it is given; it may ask for a login."""

    def __init__(
        self,
        port: int | None = None,
        login: tuple[str, str] | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.port = port or free_port()
        self.envelopes: list[Envelope] = []
        self.logins: list[str] = []
        self._login = login
        options: dict = {"tls_context": tls} if tls else {}
        if login is not None:
            options |= {"authenticator": self._check_login, "auth_require_tls": False}
        self._controller = Controller(
            self, hostname="127.0.0.1", port=self.port, enable_SMTPUTF8=True, **options
        )
        self._controller.start()

    async def handle_DATA(self, server, session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def _check_login(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        user, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append(user)
        return AuthResult(success=(user, password) == self._login, handled=False)

    def messages(self) -> list[EmailMessage]:
        return [message_from_bytes(e.content, policy=policy.default) for e in self.envelopes]

    def stop(self) -> None:
        self._controller.stop()


class SilentServer:
    """Takes connections and never says a word, as a mail server that hangs."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.connected = threading.Event()
        self._held: list[socket.socket] = []
        threading.Thread(target=self._take, daemon=True).start()

    def _take(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self._held.append(connection)
            self.connected.set()

    def close(self) -> None:
        self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept
        self._listener.close()
        for connection in self._held:
            connection.close()


class ChatTool(ThreadingHTTPServer):
    """A webhook receiver on 127.0.0.1: answers the statuses in `answers` in turn, then 204."""

    daemon_threads = True

    def __init__(self, answers: list[int]) -> None:
        super().__init__(("127.0.0.1", 0), _ChatRequest)
        self.answers = list(answers)
        self.received: list[tuple[str, Message, bytes]] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/T0K3N-in-the-path"

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _ChatRequest(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((self.path, self.headers, body))
        self.send_response(self.server.answers.pop(0) if self.server.answers else 204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the test reads what arrived; nothing to print


@pytest.fixture
def mailbox() -> Iterator[MailBox]:
    box = MailBox()
    yield box
    box.stop()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Webhooks go straight to loopback, whatever proxy this machine names."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


def mail_settings(port: int, **more: object) -> Settings:
    """A mail server on loopback, in clear unless `more` says otherwise."""
    server = {"server": "127.0.0.1", "port": port, "security": "none", "from_address": SENDER}
    return Settings(site_name=SITE, mail=MailServer(**{**server, **more}))


SECRET_KEY = bytes(range(32))
SECRET = "whsec_" + base64.b64encode(SECRET_KEY).decode()


def chat_settings(url: str) -> Settings:
    return Settings(site_name=SITE, webhooks=Webhooks(urls=(url,), secret=SECRET))


@pytest.fixture
def notifier_for(db: Database, hub: HubService) -> Iterator[Callable[..., Notifier]]:
    """A notifier beside the hub, as the hub process makes one, with these settings (or the
    settings a function gives when asked: an edited settings file)."""
    made: list[Notifier] = []

    def make(settings: Settings | Callable[[], Settings]) -> Notifier:
        notifier = Notifier(hub, db, settings if callable(settings) else lambda: settings)
        notifier.start()
        made.append(notifier)
        return notifier

    yield make
    for notifier in made:
        notifier.stop()


def pump_until(notifier: Notifier, done: Callable[[], bool], what: str) -> None:
    """Turn the hub's clock duties (not its clock) until `done`, as its timer would."""
    deadline = time.monotonic() + WAIT_S
    while not done():
        assert time.monotonic() < deadline, f"waited {WAIT_S} s for {what}"
        notifier.pump()
        time.sleep(0.02)


def outbox_rows(db: Database) -> list[dict]:
    return list(db["outbox"].rows)


def settled(db: Database, state: str, count: int = 1) -> Callable[[], bool]:
    return lambda: sum(r["state"] == state for r in outbox_rows(db)) == count


def tried(db: Database, tries: int, visit_id: int | None = None) -> Callable[[], bool]:
    return lambda: any(
        r["tries"] >= tries for r in outbox_rows(db) if visit_id in (None, r["visit_id"])
    )


def body(mail: EmailMessage) -> str:
    return mail.get_content().replace("\r\n", "\n")


# --- e-mail ------------------------------------------------------------------------------------


def test_the_host_gets_an_email_at_once_when_their_visitor_checks_in(
    db: Database, hub: HubService, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    notifier = notifier_for(mail_settings(mailbox.port))
    hub.check_in(
        "zoë łukasiewicz-núñez",
        host_id=staff["priya"],
        pronunciation="ZO-eh woo-ka-SHEH-vitch",
        listening=True,
    )
    pump_until(notifier, settled(db, "sent"), "the e-mail to go")
    (envelope,) = mailbox.envelopes
    assert envelope.mail_from == SENDER and envelope.rcpt_tos == ["priya@example.com"]
    (mail,) = mailbox.messages()
    assert mail["Subject"] == "Zoë Łukasiewicz-Núñez is at reception for you"
    assert mail["To"] == "Priya Raman <priya@example.com>"
    assert mail["From"] == f'"{SITE}" <{SENDER}>'
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail.get_content_type() == "text/plain" and not mail.is_multipart()
    assert body(mail) == (
        "Zoë Łukasiewicz-Núñez is at reception for you; reception has been told.\n\n"
        "Checked in at 09:00.\nHow to say their name: ZO-eh woo-ka-SHEH-vitch\n\n"
        f"— {SITE}\n"
    )
    assert notifier.desk_status() == {
        "waiting": 0, "failing": 0, "given_up": 0, "problem": "", "message": "",
    }  # fmt: skip


def test_a_name_made_to_forge_headers_stays_a_name(
    db: Database, hub: HubService, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    """Quotes, angle brackets, commas and an encoded word that decodes to a line break and a
    Bcc header: all accepted at check-in as a name, and all only a name in the e-mail."""
    name = 'Eve "Q" <eve@evil.example>, =?utf-8?q?x=0D=0ABcc:_eve@evil.example?= ;:'
    notifier = notifier_for(mail_settings(mailbox.port))
    hub.check_in(name, host_id=staff["priya"], listening=True)
    pump_until(notifier, settled(db, "sent"), "the e-mail to go")
    (envelope,) = mailbox.envelopes
    assert envelope.rcpt_tos == ["priya@example.com"]
    headers = envelope.content.split(b"\r\n\r\n")[0]
    assert b"evil.example" not in headers.replace(b"\r\n ", b" ").split(b"Subject:")[0]
    (mail,) = mailbox.messages()
    assert set(mail.keys()) >= {"Subject", "To", "From"} and "Bcc" not in mail
    assert [a.addr_spec for a in mail["To"].addresses] == ["priya@example.com"]
    assert mail["Subject"].replace("\u2060", "") == f"{name} is at reception for you"
    assert body(mail).startswith(f"{name} is at reception for you; reception has been told.")


def test_with_nobody_at_the_desk_the_host_is_asked_to_come(
    db: Database, hub: HubService, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    notifier = notifier_for(mail_settings(mailbox.port))
    hub.check_in("Maria Garcia", host_id=staff["priya"], listening=False)
    pump_until(notifier, settled(db, "sent"), "the e-mail to go")
    assert body(mailbox.messages()[0]).startswith(
        "Maria Garcia is at reception for you, and nobody is at the front desk just now: please "
        "come and meet your visitor.\n"
    )


def test_no_email_for_a_visit_without_a_host_or_a_host_without_an_address(
    db: Database, hub: HubService, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    notifier = notifier_for(mail_settings(mailbox.port))
    hub.check_in("Parcel Courier", purpose="delivery", listening=True)
    hub.check_in("Ana Lima", host_id=staff["jose"], listening=True)  # José has no e-mail
    notifier.pump()
    assert outbox_rows(db) == [] and mailbox.envelopes == []


def test_without_a_mail_server_nothing_is_queued(
    db: Database, hub: HubService, staff: dict, notifier_for
) -> None:
    """Nothing waits for a server set later: it would tell hosts of visitors long gone."""
    notifier = notifier_for(Settings())
    hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
    notifier.pump()
    assert outbox_rows(db) == []
    assert notifier.desk_status()["problem"] == ""


def test_a_down_mail_server_is_tried_again_and_the_desk_is_told(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, notifier_for
) -> None:
    """The server is down at check-in; a receptionist answers meanwhile; the retry says who is
    on the way. The desk's picture says what is wrong, in a sentence, until it is put right."""
    port = free_port()  # nothing listens there yet
    notifier = notifier_for(mail_settings(port))
    told: list[dict] = []
    notifier.on_change = told.append
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True).visit
    pump_until(notifier, tried(db, 1), "the first try")
    notifier.pump()
    status = notifier.desk_status()
    assert status["waiting"] == 1 and status["failing"] == 1 and status["problem"] == "retrying"
    assert status["message"] == (
        f"1 message to hosts could not be sent yet: The mail server 127.0.0.1:{port} refused "
        "the connection; check the address and port, and that it is running. The hub tries "
        "again at 09:00."
    )
    assert told[-1] == status  # the desks hear of it without asking
    hub.acknowledge(visit.id, staff_actor(staff["sam"]))
    box = MailBox(port)
    try:
        clock.advance(10)
        notifier.pump()
        assert outbox_rows(db)[0]["tries"] == 1  # not before its time (30 s)
        clock.advance(25)
        pump_until(notifier, settled(db, "sent"), "the retry")
        (mail,) = box.messages()
        assert body(mail).startswith("Maria Garcia is at reception for you; Sam is on the way.")
        notifier.pump()
        assert told[-1]["problem"] == "" and told[-1]["message"] == ""
    finally:
        box.stop()


def test_a_message_is_given_up_a_day_after_its_news(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, notifier_for
) -> None:
    notifier = notifier_for(mail_settings(free_port()))
    hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
    tries = 0
    while outbox_rows(db)[0]["state"] == "waiting":
        pump_until(notifier, tried(db, tries + 1), f"try {tries + 1}")
        tries += 1
        clock.now_ms = max(clock.now_ms, outbox_rows(db)[0]["due_at"])
    assert outbox_rows(db)[0]["state"] == "given_up"
    assert 20 < tries < 30  # 30 s, 2 min, 10 min, then hourly for the rest of the day
    status = notifier.desk_status()
    assert status["problem"] == "given_up" and status["waiting"] == 0
    assert status["message"].startswith(
        "1 message to hosts could not be sent within a day, and was given up: The mail server "
    )
    clock.advance(DAY_MS / 1000 + 1)
    assert notifier.desk_status()["problem"] == ""  # the desk is told for a day


def test_a_hung_mail_server_never_holds_up_a_check_in(
    db: Database, hub: HubService, staff: dict, notifier_for
) -> None:
    silent = SilentServer()
    try:
        notifier = notifier_for(mail_settings(silent.port))
        done = hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
        # The check-in is recorded and answered while the mail server has not said a word.
        assert done.visit.id and hub.visit(done.visit.id) is not None
        assert silent.connected.wait(WAIT_S)  # the e-mail is on its way, off this thread
        assert outbox_rows(db)[0]["state"] == "waiting"
        assert hub.check_in("Ana Lima", host_id=staff["priya"], listening=True).visit.id
    finally:
        silent.close()
    pump_until(notifier, tried(db, 1), "the hung try to end")
    assert "closed the connection before the message was sent" in notifier.desk_status()["message"]


def test_a_host_gets_at_most_three_emails_in_ten_minutes(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    """A group of five for Priya: three e-mails now, the rest when the ten minutes allow, and
    not at all for a visitor who has left by then."""
    notifier = notifier_for(mail_settings(mailbox.port))
    group = [
        hub.check_in(name, host_id=staff["priya"], listening=True).visit.id
        for name in ("Ann Abel", "Ben Birch", "Cat Cole", "Dan Dore", "Eve Eyre")
    ]
    pump_until(notifier, settled(db, "sent", 3), "three e-mails")
    time.sleep(0.5)
    notifier.pump()
    assert len(mailbox.envelopes) == 3
    hub.check_out(group[4])
    clock.advance(9 * 60)
    notifier.pump()
    assert len(mailbox.envelopes) == 3
    clock.advance(60)
    pump_until(notifier, settled(db, "sent", 4), "the fourth e-mail")
    assert settled(db, "moot")()
    subjects = [m["Subject"] for m in mailbox.messages()]
    assert subjects[-1] == "Dan Dore is at reception for you"
    assert not any("Eve" in s for s in subjects)


def test_the_host_hears_again_once_if_nobody_welcomes_the_visitor(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    notifier = notifier_for(mail_settings(mailbox.port))
    visit = hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True).visit
    pump_until(notifier, settled(db, "sent"), "the arrival")
    hub.acknowledge(visit.id, staff_actor(staff["sam"]))
    for _ in range(6):  # past the welcome target (180 s), escalating every minute
        clock.advance(60)
        hub.tick()
        notifier.pump()
    pump_until(notifier, settled(db, "sent", 2), "the reminder")
    time.sleep(0.5)
    notifier.pump()
    _arrival, reminder = mailbox.messages()
    assert reminder["Subject"] == "Maria Garcia is still waiting at reception"
    assert body(reminder).startswith(
        "Maria Garcia has been waiting at reception for 3 minutes and has not been welcomed yet."
        "\n\nSam from reception said they were on the way.\n"
    )
    assert hub.visit(visit.id).escalations >= 3  # the desks were alerted again; the host once


def test_a_busy_database_loses_no_outcome(
    db: Database, hub: HubService, tmp_path: Path, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    """Another program holds the database while an e-mail goes: its outcome is recorded at
    the next round, and the e-mail is not sent again."""
    notifier = notifier_for(mail_settings(mailbox.port))
    hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
    db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(tmp_path / "kiosk.db")
    other.execute("BEGIN IMMEDIATE")
    try:
        deadline = time.monotonic() + WAIT_S
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            while time.monotonic() < deadline:
                notifier.pump()  # fails once the outcome is back and must be written
                time.sleep(0.02)
    finally:
        other.rollback()
        other.close()
    pump_until(notifier, settled(db, "sent"), "the outcome to be recorded")
    time.sleep(0.5)
    notifier.pump()
    assert len(mailbox.envelopes) == 1


def test_the_mail_server_login_is_used(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, notifier_for
) -> None:
    box = MailBox(login=("kiosk", "s3cret pass"))
    try:
        settings = [mail_settings(box.port, user="kiosk", password="wrong")]
        notifier = notifier_for(lambda: settings[0])
        hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
        pump_until(notifier, tried(db, 1), "the refused login")
        assert "refused the user name or password (535" in notifier.desk_status()["message"]
        assert box.envelopes == []
        settings[0] = mail_settings(box.port, user="kiosk", password="s3cret pass")
        clock.advance(31)
        pump_until(notifier, settled(db, "sent"), "the e-mail to go")
        assert len(box.envelopes) == 1 and box.logins[-1] == "kiosk"
    finally:
        box.stop()


def test_starttls_is_required_and_the_certificate_checked(
    db: Database, hub: HubService, tmp_path: Path, staff: dict, mailbox: MailBox, notifier_for
) -> None:
    """With "starttls", a server that does not offer it gets nothing, and neither does one
    whose certificate nobody vouches for; each time the desk hears why."""
    notifier = notifier_for(mail_settings(mailbox.port, security="starttls"))
    hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
    pump_until(notifier, tried(db, 1), "the try without STARTTLS")
    assert (
        f"The mail server 127.0.0.1:{mailbox.port} does not offer STARTTLS; check [email] "
        "security and port." in notifier.desk_status()["message"]
    )
    load_identity(tmp_path)  # a self-signed certificate
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(tmp_path / CERTIFICATE_FILE, tmp_path / KEY_FILE)
    box = MailBox(tls=tls)
    try:
        notifier.stop()
        notifier = notifier_for(mail_settings(box.port, security="starttls"))
        ana = hub.check_in("Ana Lima", host_id=staff["priya"], listening=True).visit.id
        pump_until(notifier, tried(db, 1, visit_id=ana), "the try over TLS")
        (row,) = [r for r in outbox_rows(db) if r["visit_id"] == ana]
        assert row["last_error"].startswith(
            f"The mail server 127.0.0.1:{box.port} showed a certificate that could not be "
            "verified (self-signed certificate); check [email] server."
        )
        assert box.envelopes == [] and mailbox.envelopes == []
    finally:
        box.stop()


# --- chat webhooks ------------------------------------------------------------------------------


def expected_signature(message_id: str, timestamp: str, payload: bytes) -> str:
    signed = message_id.encode() + b"." + timestamp.encode() + b"." + payload
    return "v1," + base64.b64encode(hmac.new(SECRET_KEY, signed, hashlib.sha256).digest()).decode()


def test_a_chat_webhook_gets_signed_news_and_is_retried_after_an_error(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, notifier_for
) -> None:
    chat = ChatTool(answers=[500])
    try:
        notifier = notifier_for(chat_settings(chat.url))
        visit = hub.check_in("Zoë Núñez", host_id=staff["priya"], listening=True).visit
        pump_until(notifier, tried(db, 1), "the first POST")
        status = notifier.desk_status()
        assert status["message"].startswith(
            "1 message to hosts could not be sent yet: The chat webhook at "
            f"http://127.0.0.1:{chat.server_address[1]} answered 500 Internal Server Error."
        )
        assert "T0K3N" not in status["message"]  # the address's path may be a secret
        clock.advance(31)
        pump_until(notifier, settled(db, "sent"), "the retry")
        first, second = chat.received
        for path, headers, payload in (first, second):
            assert path == "/hooks/T0K3N-in-the-path"
            assert headers["Content-Type"] == "application/json"
            assert headers["webhook-signature"] == expected_signature(
                headers["webhook-id"], headers["webhook-timestamp"], payload
            )
            assert abs(int(headers["webhook-timestamp"]) - time.time()) < 300
        assert first[1]["webhook-id"] == second[1]["webhook-id"]  # one message, tried twice
        news = json.loads(second[2])
        assert news["type"] == "visitor.arrived"
        assert news["text"] == "Zoë Núñez is at reception for you; reception has been told."
        assert news["data"] == {
            "visit_id": visit.id,
            "visitor": "Zoë Núñez",
            "host": "Priya Raman",
            "checked_in_at": "2026-11-24T09:00:00+00:00",
            "on_the_way": None,
            "reception_listening": True,
        }
    finally:
        chat.stop()


def test_a_webhook_taken_out_of_the_settings_is_given_up(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, notifier_for
) -> None:
    chat = ChatTool(answers=[503])
    settings = [chat_settings(chat.url)]
    try:
        notifier = notifier_for(lambda: settings[0])
        hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
        pump_until(notifier, tried(db, 1), "the first POST")
        settings[0] = Settings(site_name=SITE)
        clock.advance(31)
        notifier.pump()
        (row,) = outbox_rows(db)
        assert row["state"] == "given_up"
        assert row["last_error"] == "This chat webhook is no longer in the settings."
        assert len(chat.received) == 1
    finally:
        chat.stop()


# --- personal data ------------------------------------------------------------------------------


def test_forgetting_the_visitor_or_the_retention_purge_erases_their_messages(
    db: Database, hub: HubService, clock: FakeClock, staff: dict, notifier_for
) -> None:
    notifier_for(mail_settings(free_port()))
    maria = hub.check_in("Maria Garcia", host_id=staff["priya"], listening=True)
    ana = hub.check_in("Ana Lima", host_id=staff["priya"], listening=True)
    assert {r["visit_id"] for r in outbox_rows(db)} == {maria.visit.id, ana.visit.id}
    with writing(db):
        people.forget_visitor(db, maria.visitor.id)
    assert {r["visit_id"] for r in outbox_rows(db)} == {ana.visit.id}
    clock.advance(hub.policies.retention_days * DAY_MS / 1000 + 1)
    hub.purge()
    assert outbox_rows(db) == []


# --- the hub process ----------------------------------------------------------------------------


def test_a_check_in_at_a_kiosk_reaches_the_hosts_inbox(office: dict, mailbox: MailBox) -> None:
    """`kiosk hub` with a mail server in its settings file; a kiosk checks a visitor in."""
    home: Path = office["home"]
    settings_file = home / "settings.toml"
    load_settings(settings_file)
    for key, value in [
        ("from_address", SENDER),
        ("security", "none"),
        ("port", mailbox.port),
        ("server", "127.0.0.1"),
    ]:
        save_setting(settings_file, "email", key, value)
    db = open_database(home / "kiosk.db")
    with writing(db):
        ana = people.add_staff(db, "Ana Lima", Role.HOST, email="ana@example.com")
    db.close()
    hub = HubProcess(home)
    hub.start()
    try:
        kiosk = RawClient(hub.port)
        assert kiosk.hello(office["tokens"]["kiosk"])["type"] == "reply"
        answer = kiosk.request(1, "check_in", name="Ngozi Okafor", host_id=ana, key="k-00000001")
        assert answer["type"] == "reply" and answer["result"]["listening"] is False
        deadline = time.monotonic() + WAIT_S
        while not mailbox.envelopes:
            assert time.monotonic() < deadline, "the hub sent no e-mail"
            time.sleep(0.05)
    finally:
        close_all()
        hub.stop()
    (mail,) = mailbox.messages()
    assert mailbox.envelopes[0].rcpt_tos == ["ana@example.com"]
    assert mail["Subject"] == "Ngozi Okafor is at reception for you"
    assert "please come and meet your visitor" in body(mail)


def test_desks_hear_that_hosts_cannot_be_reached_and_walls_do_not(office: dict) -> None:
    """`kiosk hub` with a mail server that is down: the desk is told at once, and its queue
    says so too; a wall dashboard's queue says nothing of it (the sentence may name a host)."""
    home: Path = office["home"]
    settings_file = home / "settings.toml"
    load_settings(settings_file)
    port = free_port()  # nothing listens there
    for key, value in [("from_address", SENDER), ("security", "none"), ("port", port),
                       ("server", "127.0.0.1")]:  # fmt: skip
        save_setting(settings_file, "email", key, value)
    db = open_database(home / "kiosk.db")
    with writing(db):
        ana = people.add_staff(db, "Ana Lima", Role.HOST, email="ana@example.com")
        wall = add_device(db, "Lobby screen", DeviceRole.DASHBOARD, 0)
    db.close()
    hub = HubProcess(home)
    hub.start()
    try:
        desk, kiosk, lobby = RawClient(hub.port), RawClient(hub.port), RawClient(hub.port)
        assert desk.hello(office["tokens"]["desk-1"])["type"] == "reply"
        assert kiosk.hello(office["tokens"]["kiosk"])["type"] == "reply"
        assert lobby.hello(wall)["type"] == "reply"
        kiosk.request(1, "check_in", name="Ngozi Okafor", host_id=ana, key="k-00000002")
        deadline = time.monotonic() + WAIT_S
        while True:
            message = desk.message()
            if message.get("notice") == "host_messages" and message["problem"] == "retrying":
                break
            assert time.monotonic() < deadline, "the desk was not told"
        assert "could not be sent yet" in message["message"]
        queue = desk.request(2, "queue")["result"]
        assert queue["host_messages"]["failing"] == 1
        assert "host_messages" not in lobby.request(3, "queue")["result"]
    finally:
        close_all()
        hub.stop()
