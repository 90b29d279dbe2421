"""Invitations and badges at the hub: a scan checks an expected visitor in with no taps, a badge
checks its visit out, and every code that can't be used is refused kindly and audited."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from kiosk.core.codes import CodeKind, make_code
from kiosk.hub.handler import CommandHandler
from kiosk.hub.service import HubService
from kiosk.hub.sessions import Session
from kiosk.store import audit, expected, visits
from kiosk.store.devices import DeviceRole
from tests.conftest import MORNING_MS, FakeClock

SECRET = b"k" * 32
HOUR_MS = 3_600_000
_GENUINE = make_code(CodeKind.INVITATION, 1, SECRET)
FORGED = _GENUINE[:-2] + ("AA" if _GENUINE[-2:] != "AA" else "BB")  # our site, a made-up MAC


def kiosk(n: int = 1) -> Session:
    return Session(role=DeviceRole.KIOSK, holder=f"device:{n}", device_id=n)


@pytest.fixture
def handler(hub: HubService, db: Database) -> CommandHandler:
    return CommandHandler(hub, db, "ab" * 32, site_secret=SECRET)


def scan(handler: CommandHandler, code: str, session: Session | None = None, key="s" * 8) -> dict:
    message = {"v": 2, "id": 3, "type": "scan", "code": code, "key": key, "kiosk": "Lobby"}
    return json.loads(handler.handle(json.dumps(message), session or kiosk()))


def invite(handler: CommandHandler, staff, at_ms: int = MORNING_MS, **fields) -> str:
    fields.setdefault("email", "maria@example.com")
    return handler.kiosks.invitations.invite(
        "Maria Garcia", host_id=staff["priya"], expected_at=at_ms, created_by="cli", **fields
    ).code


def test_a_scanned_invitation_checks_the_visitor_in_at_once(handler, hub, db, staff) -> None:
    code = invite(handler, staff, note="Prefers tea", pronunciation="mah-REE-ah")
    answer = scan(handler, code)["result"]
    assert answer["did"] == "checked_in" and len(answer["visit"]) == 32
    assert (answer["first_name"], answer["pronunciation"], answer["host"]) == (
        "Maria", "mah-REE-ah", "Priya Raman"
    )  # fmt: skip
    assert answer["returning"] is False
    (visit,) = hub.waiting_now()
    assert visit.host_id == staff["priya"]
    card = handler.cards.desk_card(visit)
    assert card["name"] == "Maria Garcia" and card["note"] == "Prefers tea"
    assert card["expected_at"] == MORNING_MS
    assert card["arrival"] == {"kind": "on_time", "minutes": 0}
    used = expected.expected_for_visit(db, visit.id)
    assert used is not None and used.used_at == MORNING_MS


def test_the_desk_hears_how_early_a_visitor_came(handler, hub, clock, staff) -> None:
    code = invite(handler, staff, at_ms=MORNING_MS + 12 * 60_000)
    scan(handler, code)
    (visit,) = hub.waiting_now()
    assert handler.cards.desk_card(visit)["arrival"] == {"kind": "early", "minutes": 12}


def test_a_returning_visitor_is_known_by_the_invitation(handler, hub, clock, staff) -> None:
    first = hub.check_in("Maria Garcia", host_id=staff["jose"], contact="MARIA@example.com").visit
    hub.check_out(first.id)
    clock.advance(3600)
    answer = scan(handler, invite(handler, staff, at_ms=clock.now_ms))["result"]
    assert answer["returning"] is True
    (visit,) = hub.waiting_now()
    assert visit.visitor_id == first.visitor_id


def test_a_scan_sent_again_checks_in_once(handler, hub, staff) -> None:
    code = invite(handler, staff)
    once, twice = scan(handler, code, key="r" * 8), scan(handler, code, key="r" * 8)
    assert once["result"]["did"] == twice["result"]["did"] == "checked_in"
    assert len(hub.waiting_now()) == 1


@pytest.mark.parametrize(
    ("expected_at", "reason"),
    [
        (MORNING_MS + 2 * HOUR_MS + 60_000, "code_too_early"),  # more than two hours early
        (MORNING_MS - 10 * HOUR_MS, "code_expired"),  # yesterday evening
    ],
)
def test_an_invitation_works_on_its_day_only(handler, hub, db, staff, expected_at, reason):
    refused = scan(handler, invite(handler, staff, at_ms=expected_at))
    assert refused["reason"] == reason
    assert "type your name" in refused["message"] and hub.waiting_now() == []


def test_an_invitation_is_good_once(handler, staff) -> None:
    code = invite(handler, staff)
    scan(handler, code, key="a" * 8)
    again = scan(handler, code, kiosk(2), key="b" * 8)
    assert again["reason"] == "code_used"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (make_code(CodeKind.INVITATION, 1, b"another site" * 3), "code_wrong_site"),
        (FORGED, "code_forged"),
        ("FDKI" + "A" * 20, "code_unreadable"),
        ("4006381333931", "code_unreadable"),  # a product's barcode
    ],
)
def test_a_code_that_is_not_ours_is_refused_and_audited(handler, db, staff, code, reason):
    invite(handler, staff)
    refused = scan(handler, code)
    assert refused["reason"] == reason and refused["message"].endswith("ask at reception.")
    (entry,) = audit.entries(db, limit=1)
    assert entry.action == "code_refused" and entry.device_id == 1
    assert entry.detail["reason"] == reason.removeprefix("code_")
    assert "Maria" not in json.dumps(entry.detail)


def test_a_badge_checks_its_visit_out_from_any_kiosk(handler, hub, db, staff) -> None:
    visit = hub.check_in("Bo Chen", host_id=staff["priya"]).visit
    badge = handler.kiosks.invitations.code(CodeKind.BADGE, visit.id)
    answer = scan(handler, badge, kiosk(2))["result"]
    assert answer["did"] == "checked_out"
    assert visits.get_visit(db, visit.id).state == "departed"
    again = scan(handler, badge, kiosk(3))
    assert again["reason"] == "code_used" and again["message"] == (
        "You've checked out already. Thank you!"
    )


def test_an_invitation_is_not_a_badge(handler, hub, staff) -> None:
    code = invite(handler, staff)
    as_badge = make_code(CodeKind.BADGE, 1, SECRET)  # the same number, the other kind
    assert scan(handler, as_badge)["reason"] == "code_used"  # visit 1 doesn't exist
    assert scan(handler, code)["result"]["did"] == "checked_in"


def test_expected_visitors_are_erased_with_the_retention_purge(db, staff) -> None:
    from kiosk.core.policies import Policies

    clock = FakeClock()
    hub = HubService(db, Policies(retention_days=1), clock=clock)
    handler = CommandHandler(hub, db, "ab" * 32, site_secret=SECRET)
    invite(handler, staff)
    clock.advance(3 * 86_400)
    hub.purge()
    assert db.execute("SELECT count(*) FROM expected_visits").fetchone() == (0,)


def desk_sends(handler: CommandHandler, **message) -> dict:
    desk = Session(role=DeviceRole.DESK, holder="desk:9", device_id=9)
    return json.loads(handler.handle(json.dumps({"v": 2, "id": 4, **message}), desk))


def test_the_desk_expects_a_visitor_and_sees_them_arrive(handler, hub, clock, staff) -> None:
    announced = []
    handler.announce = lambda message: announced.append(json.loads(message))
    made = desk_sends(handler, type="expect", name="Ada Lovelace", host_id=staff["priya"],
                      at=MORNING_MS + 30 * 60_000, note="Prefers tea")["result"]  # fmt: skip
    assert made["code"].startswith("FDKI") and announced[-1]["notice"] == "expected"
    listed = desk_sends(handler, type="expected")["result"]
    (ada,) = listed["visits"]
    assert (ada["name"], ada["host"], ada["note"], ada["arrival"]) == (
        "Ada Lovelace", "Priya Raman", "Prefers tea", None
    )  # fmt: skip
    assert ada["code"] == made["code"] and listed["day"] == "2026-11-24"
    clock.advance(10 * 60)  # twenty minutes early
    scan(handler, made["code"])
    (ada,) = desk_sends(handler, type="expected", day="2026-11-24")["result"]["visits"]
    assert ada["arrival"] == {"kind": "early", "minutes": 20} and ada["visit_id"] is not None


def test_a_withdrawn_invitation_no_longer_checks_in(handler, hub, staff) -> None:
    made = desk_sends(handler, type="expect", name="Bo Chen", host_id=staff["priya"],
                      at=MORNING_MS)["result"]  # fmt: skip
    assert (
        desk_sends(handler, type="withdraw_invitation", expected_id=made["expected_id"])["result"]
        == {}
    )
    assert scan(handler, made["code"])["reason"] == "code_withdrawn"
    assert desk_sends(handler, type="expected")["result"]["visits"] == []
    again = desk_sends(handler, type="withdraw_invitation", expected_id=made["expected_id"])
    assert again["reason"] == "not_now"


def test_an_invitation_from_the_desk_is_checked_like_any(handler, staff) -> None:
    for fields, reason in [
        ({"name": "Bo\x1b[2J"}, "invalid_name"),
        ({"email": "not-an-email"}, "invalid_email"),
        ({"host_id": 999}, "host_gone"),
    ]:
        message = {"type": "expect", "name": "Bo Chen", "host_id": staff["priya"],
                   "at": MORNING_MS, **fields}  # fmt: skip
        assert desk_sends(handler, **message)["reason"] == reason
