"""Invitations sent by e-mail: through the outbox and a real SMTP server on loopback, with the QR
code as a picture that decodes and checks the visitor in; `kiosk invite --email` with a hub
running sends it; a withdrawn invitation is never sent."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from sqlite_utils import Database

from kiosk.core.codes import CodeKind
from kiosk.hub.handler import CommandHandler
from kiosk.hub.invitations import Invitations
from kiosk.hub.notifier import Notifier
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store import expected
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole
from kiosk.store.people import add_staff
from kiosk.store.settings import save_setting
from tests.hub_process import HubProcess, kiosk_command
from tests.test_host_told import (
    SENDER,
    MailBox,
    body,
    mail_settings,
    outbox_rows,
    pump_until,
    settled,
)

HOUR_MS = 3_600_000
SECRET = b"k" * 32


@pytest.fixture
def mail_server() -> Iterator[MailBox]:
    box = MailBox()
    yield box
    box.stop()


def notifier_with_codes(hub: HubService, db: Database, port: int) -> tuple[Notifier, Invitations]:
    invitations = Invitations(hub, db, SECRET)
    settings = mail_settings(port)
    notifier = Notifier(
        hub, db, lambda: settings, invitation_code=partial(invitations.code, CodeKind.INVITATION)
    )
    return notifier, invitations


def invite_by_mail(invitations: Invitations, name: str, host_id: int, at: int, email: str):
    return invitations.invite(
        name, host_id=host_id, expected_at=at, created_by="cli", email=email, mail_it=True
    )


def test_an_invitation_goes_by_email_and_its_picture_checks_the_visitor_in(
    qapp, db: Database, hub: HubService, staff: dict, mail_server: MailBox, clock
) -> None:
    notifier, invitations = notifier_with_codes(hub, db, mail_server.port)
    notifier.start()
    try:
        at, maria = clock() + HOUR_MS, "maria@example.com"
        invited = invite_by_mail(invitations, "maría garcía", staff["priya"], at, maria)
        assert invited.mailed
        pump_until(notifier, settled(db, "sent"), "the invitation to go")
    finally:
        notifier.stop()
    (envelope,) = mail_server.envelopes
    assert envelope.mail_from == SENDER and envelope.rcpt_tos == ["maria@example.com"]
    (mail,) = mail_server.messages()
    when = hub.local(at)
    assert mail["To"] == "maría garcía <maria@example.com>"
    assert mail["Subject"] == f"Your visit to Acme, Floor 3 on {when:%A} {when.day} {when:%B}"
    text = body(mail.get_body(("plain",)))
    assert text.startswith(
        f"Welcome, María! Priya Raman expects you at Acme, Floor 3 on {when:%A} {when.day} "
        f"{when:%B} at {when:%H:%M}."
    )
    assert f"from {hub.local(at - 2 * HOUR_MS):%H:%M} on that day" in text
    assert invited.code not in text, "the code travels as the picture only"
    (picture,) = mail.iter_attachments()
    assert picture.get_content_type() == "image/png"
    image = QImage.fromData(picture.get_content()).convertToFormat(QImage.Format.Format_Grayscale8)
    (read,) = zxingcpp.read_barcodes(image)
    assert read.text == invited.code
    # Shown at the kiosk from the phone's screen: checked in at once.
    handler = CommandHandler(hub, db, "ab" * 32, site_secret=SECRET)
    scan = {"v": 2, "id": 1, "type": "scan", "code": read.text, "key": "k" * 8}
    kiosk = Session(role=DeviceRole.KIOSK, holder="device:1", device_id=1)
    answer = json.loads(handler.handle(json.dumps(scan), kiosk))
    assert answer["result"]["did"] == "checked_in" and answer["result"]["first_name"] == "María"


def test_a_withdrawn_or_past_invitation_is_not_sent_and_the_host_s_own_limit_is_untouched(
    db: Database, hub: HubService, staff: dict, mail_server: MailBox, clock
) -> None:
    notifier, invitations = notifier_with_codes(hub, db, mail_server.port)
    soon, priya = clock() + HOUR_MS, staff["priya"]
    withdrawn = invite_by_mail(invitations, "Ama Owusu", priya, soon, "ama@example.com")
    with writing(db):
        expected.withdraw(db, withdrawn.expected_id, clock())
    yesterday = invite_by_mail(
        invitations, "Kwame Mensah", priya, clock() - 30 * HOUR_MS, "kwame@example.com"
    )
    # Five invitations for one host's visitors go at once: the three-a-host limit is for hosts.
    for n in range(5):
        invite_by_mail(invitations, f"Guest Number{n}", priya, soon, f"guest{n}@example.com")
    notifier.start()
    try:
        pump_until(notifier, settled(db, "sent", 5), "five invitations to go")
    finally:
        notifier.stop()
    states = {r["expected_id"]: r["state"] for r in outbox_rows(db)}
    assert states[withdrawn.expected_id] == "moot" and states[yesterday.expected_id] == "moot"
    assert sorted(e.rcpt_tos[0] for e in mail_server.envelopes) == [
        f"guest{n}@example.com" for n in range(5)
    ]


def test_kiosk_invite_with_an_address_is_e_mailed_by_the_running_hub(
    tmp_path: Path,
    mail_server: MailBox,
) -> None:
    home = tmp_path / "site"
    home.mkdir()
    db = open_database(home / "kiosk.db")
    with writing(db):
        add_staff(db, "Jane Park")
    db.close()
    settings = home / "settings.toml"
    tonight = time.strftime("%Y-%m-%d 23:30")
    no_mail = kiosk_command(home, "invite", "Maria Garcia", "--host", "Jane Park", "--at",
                            tonight, "--email", "maria@example.com")  # fmt: skip
    assert no_mail.returncode == 0, no_mail.stderr
    assert "No mail server is set ([email] in the settings)" in no_mail.stdout
    for key, value in (("from_address", SENDER), ("port", mail_server.port),
                       ("security", "none"), ("server", "127.0.0.1")):  # fmt: skip
        save_setting(settings, "email", key, value)
    hub = HubProcess(home)
    hub.start()
    try:
        sent = kiosk_command(home, "invite", "Ana Lima", "--host", "Jane Park", "--at",
                             tonight, "--email", "ana@example.com")  # fmt: skip
        assert sent.returncode == 0, sent.stderr
        assert "The invitation goes to ana@example.com by e-mail from the hub." in sent.stdout
        deadline = time.monotonic() + 30
        while not mail_server.envelopes and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        hub.stop()
    (envelope,) = mail_server.envelopes  # Maria's invitation was not queued: no mail server then
    assert envelope.rcpt_tos == ["ana@example.com"]
    (mail,) = mail_server.messages()
    assert mail["Subject"].startswith("Your visit to Front Desk on ")
