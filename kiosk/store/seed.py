"""A realistic made-up visit history, for the demo, screenshots and benchmarks.

Every visit is a sequence of events folded through `kiosk.core.lifecycle.apply`, exactly as the
hub writes them, so the `visits` table equals a rebuild from the log. The shape of a front desk:

- Open Monday to Friday 08:00-18:00 (Fridays and Mondays a little quieter) and Saturday
  09:00-12:00 for a trickle of deliveries; nobody checks in on Sundays or at night.
- Busy mornings that peak at 9-10am, a lunchtime bump, quiet afternoons; waits grow when busy.
- Most visitors are acknowledged within a minute and welcomed within three, a few wait many
  minutes (some over twenty), a few leave unseen and some visits are cancelled at the desk.
  Escalations are written where a wait passed the default `Targets`, as the hub's tick would.
- Deliveries, interviews and the unsure come to reception without a host.
- Most visitors check out at the kiosk (some then rate their welcome, worse after a long wait);
  the rest are checked out automatically at closing time.
- Many visitors return; some share a name but not a contact; some left a pronunciation.

The history ends at `now_ms`, so today's visitors may still be on site. It covers six months (so
the retention period has visitors to erase), or one weekday per 40 visits if that is longer, up
to two years; beyond that the days get busier instead of more numerous. Local times use `tz`
(the machine's time zone when None), as the hub does. Clock changes happen at night, so a day's
opening hours are taken as one stretch of local time.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cache
from itertools import accumulate
from operator import attrgetter
from typing import Any

from sqlite_utils import Database

from kiosk.core.lifecycle import Event, EventType, Visit, apply
from kiosk.core.names import matching_key
from kiosk.core.people import Role, staff_actor
from kiosk.core.policies import NOT_ACKNOWLEDGED, NOT_WELCOMED, Policies, Targets
from kiosk.core.purposes import Purpose
from kiosk.core.wait_counts import CountKey, counted
from kiosk.store import seed_calendar as calendar
from kiosk.store import seed_cast as cast
from kiosk.store import wait_counts
from kiosk.store.database import writing
from kiosk.store.people import add_staff

# The hub's defaults: escalations follow these targets and visitors left on site are checked
# out at this local time.
TARGETS = Targets()
CLOSING = Policies().closing_time or time(20, 0)

# Visits written per transaction: large enough that the fsync of each commit does not matter.
BATCH_VISITS = 20_000

_KIOSKS = ("lobby", "lobby-2")
_DESKS = ("reception-1", "reception-2")

_EMPTY_PAYLOAD = "{}"
_VISIT_COLUMNS = tuple(f.name for f in fields(Visit))
_visit_row = attrgetter(*_VISIT_COLUMNS)
_to_json = json.JSONEncoder(separators=(",", ":")).encode
# Names come from small lists, so each key is worked out once.
_key = cache(matching_key)


@dataclass(frozen=True)
class SeedReport:
    """What `seed_history` made.

    `staff` counts the staff the history is spread over (added now if the list was empty);
    `visitors` and `visits` count the rows added.
    """

    staff: int
    visitors: int
    visits: int


class _Visitor:
    """A visitor as the seed remembers them while it writes their visits."""

    __slots__ = ("contact", "created_at", "id", "last_day", "name", "pronunciation")

    def __init__(self, id_: int, name: str, pronunciation: str | None, contact: str | None):
        self.id = id_
        self.name = name
        self.pronunciation = pronunciation
        self.contact = contact
        self.created_at = 0
        self.last_day: date | None = None


@dataclass(frozen=True)
class _Desk:
    """Whom visits can be for and who handles them at the desk."""

    hosts: Sequence[int]
    host_cum_weights: Sequence[float]
    receptionists: Sequence[str]


def seed_history(
    db: Database, visits: int, *, now_ms: int, tz: tzinfo | None = None, seed: int = 7
) -> SeedReport:
    """Add `visits` made-up visits ending at `now_ms`, and their visitors; the same every time
    for the same seed. Adds a staff list first if there is none."""
    if visits < 0:
        raise ValueError("The number of visits to make up can't be negative.")
    rng = random.Random(seed)
    staff = _ensure_staff(db)
    desk = _load_desk(db)
    (next_visit,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM visits").fetchone()
    (next_seq,) = db.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()
    (next_visitor,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM visitors").fetchone()
    history = _History(rng, desk, now_ms, tz, next_visit, next_seq, next_visitor)

    events: list[tuple[Any, ...]] = []
    rows: list[tuple[Any, ...]] = []
    for day, count in calendar.plan_days(rng, visits, now_ms, tz):
        day_events, day_visits = history.day(day, count)
        events += day_events
        rows += day_visits
        if len(rows) >= BATCH_VISITS:
            _write(db, events, rows, history.take_counts(), [])
            events, rows = [], []
    _write(db, events, rows, history.take_counts(), history.visitor_rows())
    return SeedReport(staff=staff, visitors=len(history.visitors), visits=visits)


def _write(
    db: Database,
    events: list[tuple[Any, ...]],
    visits: list[tuple[Any, ...]],
    counts: Mapping[CountKey, int],
    visitors: list[tuple[Any, ...]],
) -> None:
    with writing(db):
        wait_counts.add(db, counts)
        db.conn.executemany(
            "INSERT INTO events (seq, visit_id, type, at_ms, actor, payload) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            events,
        )
        placeholders = ", ".join("?" for _ in _VISIT_COLUMNS)
        db.conn.executemany(
            f"INSERT INTO visits ({', '.join(_VISIT_COLUMNS)}) VALUES ({placeholders})", visits
        )
        db.conn.executemany(
            "INSERT INTO visitors (id, name, name_key, pronunciation, contact, visit_count, "
            "last_visit_at, last_host_id, last_wait_s, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            visitors,
        )


# --- staff -------------------------------------------------------------------------------------


def _ensure_staff(db: Database) -> int:
    (count,) = db.execute("SELECT count(*) FROM staff WHERE active = 1").fetchone()
    if count:
        return count
    with writing(db):
        for name, department in cast.HOSTS:
            local = ".".join(_key(name).split()) if name.isascii() else None
            add_staff(
                db,
                name,
                Role.HOST,
                email=f"{local}@example.com" if local else None,
                department=department,
            )
        for name in cast.RECEPTIONISTS:
            add_staff(db, name, Role.RECEPTIONIST, department="Reception")
    return len(cast.HOSTS) + len(cast.RECEPTIONISTS)


def _load_desk(db: Database) -> _Desk:
    rows = db.execute("SELECT id, name, role FROM staff WHERE active = 1 ORDER BY id").fetchall()
    hosts = [id_ for id_, _, role in rows if role == Role.HOST]
    # Named in the log as the hub names them, so the figures know them by the staff list.
    receptionists = [staff_actor(id_) for id_, _, role in rows if role == Role.RECEPTIONIST]
    # A few hosts get most of the visitors, as in any office.
    weights = accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(hosts)))
    return _Desk(hosts, list(weights), receptionists or ["desk:local"])


# --- what happened -------------------------------------------------------------------------


class _History:
    """Makes the visits of one day after another, with consecutive ids and sequence numbers."""

    def __init__(
        self,
        rng: random.Random,
        desk: _Desk,
        now_ms: int,
        tz: tzinfo | None,
        next_visit: int,
        next_seq: int,
        next_visitor: int,
    ) -> None:
        self.rng = rng
        self.desk = desk
        self.now_ms = now_ms
        self.tz = tz
        self.next_visit = next_visit
        self.next_seq = next_seq
        self.next_visitor = next_visitor
        self.visitors: list[_Visitor] = []
        self.by_name: dict[str, _Visitor] = {}
        # Each visitor's figures, updated from the visits in check-in order as the hub would.
        self.visit_count: dict[int, int] = {}
        self.last_visit_at: dict[int, int] = {}
        self.last_host_id: dict[int, int] = {}
        self.last_wait_s: dict[int, float] = {}
        # The wait counts of the visits made since they were last written.
        self.counts: Counter[CountKey] = Counter()

    def take_counts(self) -> Counter[CountKey]:
        counts, self.counts = self.counts, Counter()
        return counts

    def day(self, day: date, count: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The event rows and visit rows of `count` visits on `day`."""
        rng = self.rng
        midnight_ms, offset_min = self._local_midnight(day)
        limit = self.now_ms - midnight_ms
        # Today, only the hours that have begun; past days have all their hours.
        hours = {h: n for h, n in calendar.opening_hours(day).items() if h * 3_600_000 <= limit}
        hour_list, cum_weights = list(hours), list(accumulate(hours.values()))
        arrivals: list[int] = []
        while len(arrivals) < count:
            hour = rng.choices(hour_list, cum_weights=cum_weights)[0]
            at = hour * 3_600_000 + rng.randrange(3_600_000)
            if at <= limit:  # nobody checks in from the future
                arrivals.append(at)
        arrivals.sort()
        closing_ms = midnight_ms + (CLOSING.hour * 60 + CLOSING.minute) * 60_000

        planned: list[tuple[Any, ...]] = []
        for at in arrivals:
            planned += self._visit(
                self.next_visit, day, at // 3_600_000, midnight_ms + at, offset_min, closing_ms
            )
            self.next_visit += 1
        # One log for the whole site: sequence numbers follow the hub's clock across visits.
        planned.sort()
        event_rows: list[tuple[Any, ...]] = []
        current: dict[int, Visit] = {}
        for at_ms, visit_id, _, event_type, actor, payload in planned:
            if at_ms > self.now_ms:
                continue
            seq = self.next_seq
            self.next_seq += 1
            event = Event(seq, visit_id, event_type, at_ms, actor, payload)
            current[visit_id] = apply(current.get(visit_id), event)
            text = _to_json(payload) if payload else _EMPTY_PAYLOAD
            event_rows.append((seq, visit_id, event_type.value, at_ms, actor, text))
        visit_rows = []
        for visit_id in sorted(current):
            visit = current[visit_id]
            self._note(visit)
            self.counts.update(counted(visit))
            visit_rows.append(_visit_row(visit))
        return event_rows, visit_rows

    def _local_midnight(self, day: date) -> tuple[int, int]:
        """Epoch ms of the local 00:00 that the opening hours count from, and the UTC offset."""
        noon = datetime.combine(day, time(12))
        aware = noon.replace(tzinfo=self.tz) if self.tz is not None else noon.astimezone()
        offset = aware.utcoffset() or timedelta()
        offset_min = int(offset.total_seconds() // 60)
        wall_ms = (datetime.combine(day, time()) - datetime(1970, 1, 1)) // timedelta(
            milliseconds=1
        )
        return wall_ms - offset_min * 60_000, offset_min

    def _note(self, visit: Visit) -> None:
        """Count the visit towards its visitor, as the hub's check-in and welcome do."""
        who = visit.visitor_id
        self.visit_count[who] = self.visit_count.get(who, 0) + 1
        self.last_visit_at[who] = visit.checked_in_at
        if visit.host_id is not None:
            self.last_host_id[who] = visit.host_id
        if visit.welcomed_at is not None:
            self.last_wait_s[who] = (visit.welcomed_at - visit.checked_in_at) / 1000

    def visitor_rows(self) -> list[tuple[Any, ...]]:
        return [
            (
                v.id,
                v.name,
                _key(v.name),
                v.pronunciation,
                v.contact,
                self.visit_count[v.id],
                self.last_visit_at[v.id],
                self.last_host_id.get(v.id),
                self.last_wait_s.get(v.id),
                v.created_at,
            )
            for v in self.visitors
        ]

    def _visitor_for(self, day: date, at_ms: int) -> _Visitor:
        rng = self.rng
        if self.visitors and rng.random() < 0.5:
            # Regulars: the earliest visitors come back most often.
            known = self.visitors[int(len(self.visitors) * rng.random() ** 3)]
            if known.last_day != day:
                known.last_day = day
                return known
        name = cast.new_name(rng)
        namesake = self.by_name.get(_key(name))
        if namesake is not None and rng.random() < 0.5:
            name = namesake.name  # the same name, another person: the kiosk must tell them apart
        first = name.split()[0]
        pronunciation = cast.PRONUNCIATIONS.get(first) if rng.random() < 0.7 else None
        visitor = _Visitor(
            self.next_visitor, name, pronunciation, cast.contact(rng, name, self.next_visitor)
        )
        self.next_visitor += 1
        visitor.created_at = at_ms
        visitor.last_day = day
        self.visitors.append(visitor)
        self.by_name.setdefault(_key(name), visitor)
        return visitor

    def _visit(
        self, visit_id: int, day: date, hour: int, start: int, offset_min: int, closing_ms: int
    ) -> list[tuple[Any, ...]]:
        """The events of one visit as (at_ms, visit id, step, type, actor, payload)."""
        rng = self.rng
        visitor = self._visitor_for(day, start)
        purpose = self._purpose(day)
        host = None
        if purpose is Purpose.MEETING:
            host = rng.choices(self.desk.hosts, cum_weights=self.desk.host_cum_weights)[0]
        kiosk = _KIOSKS[0] if rng.random() < 0.7 else _KIOSKS[1]
        receptionist = rng.choice(self.desk.receptionists)
        steps: list[tuple[int, EventType, str, dict[str, Any]]] = []
        steps.append(
            (
                start,
                EventType.CHECKED_IN,
                kiosk,
                {
                    "visitor_id": visitor.id,
                    "host_id": host,
                    "purpose": purpose.value,
                    "kiosk": kiosk,
                    "utc_offset_min": offset_min,
                },
            )
        )
        steps.append((start + rng.randint(150, 900), EventType.ALERTED, _DESKS[0], {}))
        if len(self.desk.receptionists) > 1 and rng.random() < 0.5:
            steps.append((start + rng.randint(150, 1500), EventType.ALERTED, _DESKS[1], {}))

        busy = calendar.BUSY_FACTOR.get(hour, 1.0)
        outcome = rng.random()
        if outcome < 0.02:  # checked in by mistake, or the meeting was called off
            ended = start + rng.randint(5_000, 90_000)
            steps += self._escalations(start, None, ended)
            steps.append((ended, EventType.CANCELLED, receptionist, {}))
        elif outcome < 0.035:  # waited a long time, then gave up
            ended = start + rng.randint(6 * 60_000, 25 * 60_000)
            acknowledged = None
            if rng.random() < 0.3:
                acknowledged = start + rng.randint(60_000, ended - start - 1)
                steps.append((acknowledged, EventType.ACKNOWLEDGED, receptionist, {}))
            steps += self._escalations(start, acknowledged, ended)
            steps.append((ended, EventType.LEFT_UNSEEN, receptionist, {}))
        else:
            steps += self._welcomed_and_gone(start, purpose, busy, receptionist, kiosk, closing_ms)
        steps.sort(key=lambda step: step[0])
        return [
            (at, visit_id, index, event_type, actor, payload)
            for index, (at, event_type, actor, payload) in enumerate(steps)
        ]

    def _purpose(self, day: date) -> Purpose:
        draw = self.rng.random()
        if day.weekday() == 5:
            return Purpose.DELIVERY if draw < 0.7 else Purpose.MEETING
        if draw < 0.78:
            return Purpose.MEETING if self.desk.hosts else Purpose.DELIVERY
        if draw < 0.90:
            return Purpose.DELIVERY
        return Purpose.INTERVIEW if draw < 0.97 else Purpose.NOT_SURE

    def _welcomed_and_gone(
        self,
        start: int,
        purpose: Purpose,
        busy: float,
        receptionist: str,
        kiosk: str,
        closing_ms: int,
    ) -> list[tuple[int, EventType, str, dict[str, Any]]]:
        rng = self.rng
        steps: list[tuple[int, EventType, str, dict[str, Any]]] = []
        to_acknowledge = min(rng.lognormvariate(math.log(18), 0.8) * busy, 900.0)
        to_walk_over = min(rng.lognormvariate(math.log(40), 0.6), 600.0)
        if rng.random() < 0.03:  # nobody at the desk: a meeting ran over, a fire drill
            to_acknowledge += rng.uniform(180, 1500)
        acknowledged = None
        if rng.random() < 0.85:
            # Never before the desk's alert (at most 1.5 s after check-in).
            acknowledged = start + max(2_000, int(to_acknowledge * 1000))
            steps.append((acknowledged, EventType.ACKNOWLEDGED, receptionist, {}))
            welcomed = acknowledged + max(1_000, int(to_walk_over * 1000))
        else:  # the receptionist was at the desk and greeted them straight away
            welcomed = start + max(2_000, int(to_acknowledge * 1000))
        steps += self._escalations(start, acknowledged, welcomed)
        steps.append((welcomed, EventType.WELCOMED, receptionist, {}))
        wait_s = (welcomed - start) / 1000

        stay_minutes = {
            Purpose.MEETING: rng.lognormvariate(math.log(50), 0.6),
            Purpose.DELIVERY: rng.uniform(1, 6),
            Purpose.INTERVIEW: rng.uniform(45, 120),
            Purpose.NOT_SURE: rng.uniform(5, 30),
        }[purpose]
        leaves = welcomed + int(stay_minutes * 60_000)
        if rng.random() < 0.1 or leaves >= closing_ms:
            # Forgot to check out: the hub's first tick after closing does it.
            leaves = max(closing_ms, welcomed + 1) + rng.randint(0, 5_000)
            steps.append((leaves, EventType.DEPARTED, "hub", {"auto": True}))
            return steps
        steps.append((leaves, EventType.DEPARTED, kiosk, {}))
        if rng.random() < 0.35:
            rating = {"rating": self._rating(wait_s)}
            steps.append(
                (leaves + rng.randint(2_000, 12_000), EventType.FEEDBACK, "visitor", rating)
            )
        return steps

    def _rating(self, wait_s: float) -> int:
        if wait_s <= TARGETS.welcome_s:
            weights = (1, 1, 4, 20, 45)
        elif wait_s <= 3 * TARGETS.welcome_s:
            weights = (4, 8, 20, 20, 10)
        else:
            weights = (25, 20, 10, 4, 2)
        return self.rng.choices((1, 2, 3, 4, 5), weights)[0]

    def _escalations(
        self, start: int, acknowledged: int | None, handled: int
    ) -> list[tuple[int, EventType, str, dict[str, Any]]]:
        """The escalations the hub's tick writes while the visitor waits past a target.

        Mirrors `policies.escalation_due`: waiting past the acknowledge target, or acknowledged
        past the welcome target, escalates, then again every `escalation_repeat_s`.
        """
        steps: list[tuple[int, EventType, str, dict[str, Any]]] = []
        last: int | None = None
        phases = [(NOT_ACKNOWLEDGED, TARGETS.acknowledge_s, start, acknowledged or handled)]
        if acknowledged is not None:
            phases.append((NOT_WELCOMED, TARGETS.welcome_s, acknowledged, handled))
        for reason, target_s, phase_start, phase_end in phases:
            while True:
                due = start + target_s * 1000
                if last is not None:
                    due = max(due, last + TARGETS.escalation_repeat_s * 1000)
                # The hub ticks every couple of seconds, so it notices a little after the due time.
                tick = max(due, phase_start + 1) + self.rng.randint(0, 2_000)
                if tick >= phase_end:
                    break
                payload = {"reason": reason, "level": len(steps) + 1}
                steps.append((tick, EventType.ESCALATED, "hub", payload))
                last = tick
        return steps
