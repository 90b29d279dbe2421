"""The hub's messages: every command a client may send, validated strictly, and the replies.

Messages are JSON objects with a protocol version `v`, a `type` and, for commands, a request
`id` chosen by the client. Unknown types, unknown fields, wrong types and over-long strings are
refused before any of the hub's code sees them. See docs/protocol.md.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from msgspec import Meta

from kiosk.core.names import MAX_NAME_LENGTH
from kiosk.hub.wire import PROTOCOL_VERSION, REFUSED, SLOW_DOWN, encode

MAX_MESSAGE_BYTES = 16_384
# No command nests deeper than a few levels; anything deeper is refused before it is decoded.
MAX_DEPTH = 8

RequestId = Annotated[int, Meta(ge=0, le=2**53)]
Id = Annotated[int, Meta(ge=1, le=2**53)]
# Names are checked again by core.names; this only stops absurd input early. Control characters
# are refused there with a sentence for the visitor.
Name = Annotated[str, Meta(max_length=MAX_NAME_LENGTH * 4)]
ShortText = Annotated[str, Meta(max_length=120)]
Purpose = Annotated[str, Meta(pattern="^(meeting|delivery|interview|not_sure)$")]


class Command(msgspec.Struct, tag_field="type", forbid_unknown_fields=True, kw_only=True):
    v: Annotated[int, Meta(ge=1)]
    id: RequestId


class FindHosts(Command, tag="find_hosts"):
    text: ShortText


class FindHostByFullName(Command, tag="find_host_by_full_name"):
    name: Name


Handle = Annotated[str, Meta(pattern="^[0-9a-f]{32}$")]
Contact = Annotated[str, Meta(max_length=120)]


class Identify(Command, tag="identify"):
    """A visitor who gave a name and a contact: known only if both match (a kiosk's only way to
    learn anything stored about a visitor)."""

    name: Name
    contact: Contact


class CheckIn(Command, tag="check_in"):
    name: Name
    # Chosen by the kiosk per check-in: a check-in resent after a lost reply is recorded once.
    key: Annotated[str, Meta(min_length=8, max_length=64)]
    host_id: Id | None = None
    purpose: Purpose = "meeting"
    # From `identify`, for a returning visitor who proved who they are.
    identity: Handle | None = None
    pronunciation: ShortText | None = None
    contact: Contact | None = None
    kiosk: ShortText = "kiosk"


class Scan(Command, tag="scan"):
    """What a barcode scanner typed or a camera read: an invitation checks its visitor in, a
    badge checks its visit out."""

    code: Annotated[str, Meta(max_length=64)]
    # As for check_in: chosen by the kiosk per scan, so a resent scan is carried out once.
    key: Annotated[str, Meta(min_length=8, max_length=64)]
    kiosk: ShortText = ""


class Leaving(Command, tag="leaving"):
    """A visitor checking out at a kiosk: the visit ends only if name and contact prove it is
    theirs. The answer is the same whatever was found."""

    name: Name
    contact: Contact


class CheckOut(Command, tag="check_out"):
    """The visitor in front of the kiosk that checked them in, leaving."""

    visit: Handle


class RateWelcome(Command, tag="rate_welcome"):
    visit: Handle
    rating: Annotated[int, Meta(ge=1, le=5)]


class Cancel(Command, tag="cancel"):
    visit: Handle


class PrintBadge(Command, tag="badge"):
    """The badge for the visit this kiosk has just checked in: what it says, and its code."""

    visit: Handle


class Release(Command, tag="release"):
    """The kiosk went back to Welcome: its visit handle is no longer good for anything."""

    visit: Handle


class SetTargets(Command, tag="set_targets"):
    """The site's new targets, in seconds: from a desk or a manager, or from a kiosk's admin
    panel with the admin PIN, which the hub checks."""

    acknowledge_s: Annotated[int, Meta(ge=10, le=3600)]
    welcome_s: Annotated[int, Meta(ge=10, le=7200)]
    pin: Annotated[str, Meta(max_length=12)] = ""


class Hello(Command, tag="hello"):
    """The first message on a connection: the device token, and the last event number seen."""

    token: Annotated[str, Meta(min_length=16, max_length=128)]
    after_seq: Annotated[int, Meta(ge=0)] | None = None


Nonce = Annotated[str, Meta(pattern="^[0-9a-f]{64}$")]


class PairBegin(Command, tag="pair_begin"):
    """A new device's first message: its fresh nonce; the hub answers with its own."""

    nonce: Nonce


class Pair(Command, tag="pair"):
    """After pair_begin, once: proof that the device knows the code the hub shows, bound to the
    certificate it was shown and both nonces (see kiosk.core.pairing). The code never travels."""

    proof: Annotated[str, Meta(pattern="^[0-9a-f]{64}$")]
    name: Annotated[str, Meta(min_length=1, max_length=60)]
    role: Annotated[str, Meta(pattern="^(kiosk|desk|manager|dashboard)$")]


class Status(Command, tag="status"):
    """What a kiosk or desk can do right now, sent when it changes: the hub promises a visitor
    that reception knows only while a desk with someone at it can make a sound."""

    sound: bool
    speech: bool = False
    # A desk: who sits there (a staff number), or 0 for "someone at this desk".
    receptionist_id: Annotated[int, Meta(ge=0, le=2**53)] | None = None
    # A kiosk's badge printer: "" while it prints (or there is none), else what is wrong.
    printer: Annotated[str, Meta(max_length=300)] = ""
    camera: bool = False


class Acknowledge(Command, tag="acknowledge"):
    visit_id: Id
    # Who answers; none for "someone at this desk".
    staff_id: Id | None = None


class Welcome(Command, tag="welcome"):
    visit_id: Id
    # Who answers; none for "someone at this desk".
    staff_id: Id | None = None


class MarkLeftUnseen(Command, tag="mark_left_unseen"):
    visit_id: Id
    # Who answers; none for "someone at this desk".
    staff_id: Id | None = None


class UndoLeftUnseen(Command, tag="undo_left_unseen"):
    """ "Left without being seen" pressed by mistake: taken back within a minute."""

    visit_id: Id
    staff_id: Id | None = None


class Shown(Command, tag="shown"):
    """A desk has put the alert on screen: the first such note stops "time to alert"."""

    visit_id: Id


class Queue(Command, tag="queue"):
    """Everyone waiting or on site now, as desk cards."""


class YourDay(Command, tag="your_day"):
    staff_id: Id


class Receptionists(Command, tag="receptionists"):
    """Who may answer at the desk, for the desk console's "I am" choice."""


Day = Annotated[str, Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Figures(Command, tag="figures"):
    """The manager's figures for the visitors who checked in from `first` to `last`."""

    first: Day
    last: Day


class FollowUps(Command, tag="follow_ups"):
    """The visits of those days that waited over the welcome target or left unseen."""

    first: Day
    last: Day


class FollowUp(Command, tag="follow_up"):
    """A manager called the visitor back; the note is checked by the hub (200 characters)."""

    visit_id: Id
    note: Annotated[str, Meta(max_length=800)] = ""


class OnSite(Command, tag="on_site"):
    """Everyone checked in and not yet out, and the roll call going on, if any."""


class Expected(Command, tag="expected"):
    """The visitors expected on a day (the hub's today when none is given)."""

    day: Day | None = None


class Expect(Command, tag="expect"):
    """Expect a visitor: the reply carries their invitation code."""

    name: Name
    host_id: Id
    at: Annotated[int, Meta(ge=0, le=2**53)]  # hub time, Unix ms
    email: Contact = ""
    note: Annotated[str, Meta(max_length=800)] = ""
    pronunciation: ShortText = ""


class WithdrawInvitation(Command, tag="withdraw_invitation"):
    expected_id: Id


class StartRollCall(Command, tag="start_roll_call"):
    staff_id: Id | None = None


class EndRollCall(Command, tag="end_roll_call"):
    """The roll call going on is over."""


class AccountedFor(Command, tag="accounted_for"):
    visit_id: Id
    staff_id: Id | None = None


class ExportRows(Command, tag="export_rows"):
    """One page of an export: rows after the visit `after` (0 for the first page)."""

    first: Day
    last: Day
    anonymous: bool = False
    csv: bool = False
    after: Annotated[int, Meta(ge=0, le=2**53)] = 0
    limit: Annotated[int, Meta(ge=1, le=2000)] = 500


AnyCommand = FindHosts | FindHostByFullName | Identify | CheckIn | Leaving | CheckOut | Release
AnyCommand |= RateWelcome | Cancel | SetTargets | Hello | PairBegin | Pair | Acknowledge | Welcome
AnyCommand |= MarkLeftUnseen | UndoLeftUnseen | Shown | Queue | YourDay | Receptionists | Status
AnyCommand |= Figures | FollowUps | FollowUp | OnSite | StartRollCall | EndRollCall | AccountedFor
AnyCommand |= ExportRows | Scan | Expected | Expect | WithdrawInvitation | PrintBadge

_decoder = msgspec.json.Decoder(AnyCommand)


class ProtocolError(ValueError):
    """A message the hub cannot read; `request_id` is set when the message had a usable id."""

    def __init__(self, message: str, request_id: int | None = None) -> None:
        super().__init__(message)
        self.request_id = request_id


def decode_command(raw: bytes | str) -> Command:
    """Read one command, or raise ProtocolError saying what is wrong with it."""
    if isinstance(raw, str):
        raw = raw.encode()
    if len(raw) > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"Message too large: the limit is {MAX_MESSAGE_BYTES} bytes.")
    if _nesting(raw) > MAX_DEPTH:
        raise ProtocolError(f"Invalid message: nested deeper than {MAX_DEPTH} levels.")
    try:
        command = _decoder.decode(raw)
    except msgspec.ValidationError as error:
        raise ProtocolError(f"Invalid message: {error}.", request_id_of(raw)) from None
    except msgspec.DecodeError:
        raise ProtocolError("Invalid message: it is not a JSON object.") from None
    if command.v != PROTOCOL_VERSION:
        raise ProtocolError(
            f"Protocol version {command.v} is not spoken here; this hub speaks "
            f"version {PROTOCOL_VERSION}. Update the program on both computers.",
            command.id,
        )
    return command


def _nesting(raw: bytes) -> int:
    """How deep arrays and objects nest in `raw`, counted without decoding it."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return 0  # too few brackets to nest too deep: the usual case, at C speed
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


def request_id_of(raw: bytes | str) -> int | None:
    """The request id of a message, if it has a usable one, without validating the rest."""
    if isinstance(raw, str):
        raw = raw.encode()
    if len(raw) > MAX_MESSAGE_BYTES or _nesting(raw) > MAX_DEPTH:
        return None
    try:
        value = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return None
    request_id = value.get("id") if isinstance(value, dict) else None
    return request_id if isinstance(request_id, int) and not isinstance(request_id, bool) else None


def reply(request_id: int, result: dict[str, Any]) -> bytes:
    return encode({"type": "reply", "id": request_id, "result": result})


def refusal(
    request_id: int | None, message: str, code: str = REFUSED, reason: str | None = None
) -> bytes:
    """An error reply: `code` is "invalid" for a malformed message, "refused" for one the hub
    understood but will not carry out; `message` is a sentence for a person, and `reason` (with
    "refused") a stable code a client may use to say it in another language."""
    body = {"type": "error", "id": request_id, "code": code, "message": message}
    if reason is not None:
        body["reason"] = reason
    return encode(body)


def slow_down(
    request_id: int | None,
    retry_after_ms: int,
    message: str = "Too many requests at once; trying again in a moment.",
) -> bytes:
    """Too many messages: the client sends this request again after `retry_after_ms`."""
    body = {"type": "error", "id": request_id, "code": SLOW_DOWN, "message": message}
    return encode({**body, "retry_after_ms": retry_after_ms})


def notice(kind: str, body: dict[str, Any]) -> bytes:
    """News that is not a step of a visit (the targets, the staff list): no event number, as a
    client that misses one asks for the whole picture on reconnecting anyway."""
    return encode({"type": "notice", "notice": kind, **body})


def event_message(seq: int, body: dict[str, Any]) -> bytes:
    return encode({"type": "event", "seq": seq, **body})
