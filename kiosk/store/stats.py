"""The manager's figures over a range of local days, read from the wait counts.

Every figure comes from the histograms in `wait_counts` (kiosk.core.wait_counts) for the few
calendar spans that make up the range, never from the visits themselves. Waits count welcomed
visits only; a visit belongs to the day and hour it checked in, in the site's time then. Shares
within target are taken against the targets given, the ones in force when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from sqlite_utils import Database

from kiosk.core.metrics import WaitSummary
from kiosk.core.policies import Targets
from kiosk.core.spans import cover, week_code, week_start, widen
from kiosk.core.wait_counts import ALL_HOURS, EVERYONE, Measure

_Histogram = dict[int, int]


@dataclass(frozen=True)
class Figures:
    """The headline figures of the visits that checked in from `first` to `last` (included).

    `waits` is the histogram behind `wait`: {whole seconds: visits}.
    """

    first: date
    last: date
    visits: int
    wait: WaitSummary
    acknowledge: WaitSummary
    left_unseen: int
    waits: Mapping[int, int]


@dataclass(frozen=True)
class Hour:
    """The visits that checked in during one local hour of the day, over a range."""

    visits: int
    wait: WaitSummary


@dataclass(frozen=True)
class BestWeek:
    """A receptionist's week (from Monday) with the most visitors welcomed within target."""

    monday: date
    within_target: int


class WaitCounts:
    """Reads the manager's figures from one database, against one set of targets."""

    def __init__(self, db: Database, targets: Targets) -> None:
        self.db = db
        self.targets = targets

    def figures(self, first: date, last: date) -> Figures:
        spans = self._cover(first, last)
        visits = sum(self._histogram(Measure.CHECKED_IN, spans).values())
        left_unseen = sum(self._histogram(Measure.LEFT_UNSEEN, spans).values())
        waits = self._histogram(Measure.WELCOMED, spans)
        acknowledges = self._histogram(Measure.ACKNOWLEDGED, spans)
        return Figures(
            first=first,
            last=last,
            visits=visits,
            wait=WaitSummary.from_histogram(waits, self.targets.welcome_s),
            acknowledge=WaitSummary.from_histogram(acknowledges, self.targets.acknowledge_s),
            left_unseen=left_unseen,
            waits=MappingProxyType(waits),
        )

    def previous(self, first: date, last: date) -> Figures:
        """The figures of the same number of calendar days just before `first`."""
        days = (last - first).days + 1
        return self.figures(first - timedelta(days=days), first - timedelta(days=1))

    def by_hour(self, first: date, last: date) -> dict[int, Hour]:
        """Each local hour anyone checked in during, in order."""
        spans = self._cover(first, last)
        visits = self._grouped(Measure.CHECKED_IN, spans, "hour", "hour >= 0")
        waits = self._grouped(Measure.WELCOMED, spans, "hour", "hour >= 0")
        return {
            hour: Hour(
                visits=sum(visits[hour].values()),
                wait=WaitSummary.from_histogram(waits.get(hour, {}), self.targets.welcome_s),
            )
            for hour in sorted(visits)
        }

    def by_receptionist(self, first: date, last: date) -> dict[str, WaitSummary]:
        """The waits of the visitors each receptionist welcomed (keyed by who the log names)."""
        waits = self._grouped(
            Measure.WELCOMED,
            self._cover(first, last),
            "receptionist",
            f"hour = {ALL_HOURS} AND receptionist > ''",  # the key's order: one seek a span
        )
        return {
            who: WaitSummary.from_histogram(histogram, self.targets.welcome_s)
            for who, histogram in sorted(waits.items())
        }

    def visits_per_day(self, first: date, last: date) -> dict[date, int]:
        """Check-ins on each day from `first` to `last`, days without any included."""
        rows = self.db.execute(
            "SELECT span, sum(count) FROM wait_counts WHERE measure = ? AND span BETWEEN ? AND ? "
            "AND hour = ? AND receptionist = ? GROUP BY span",
            [Measure.CHECKED_IN, f"D{first}", f"D{last}", ALL_HOURS, EVERYONE],
        )
        counted = {date.fromisoformat(span[1:]): n for span, n in rows}
        days = (last - first).days + 1
        return {
            day: counted.get(day, 0) for day in (first + timedelta(days=i) for i in range(days))
        }

    def best_weeks(self, first: date, last: date) -> dict[str, BestWeek]:
        """Each receptionist's week with the most visitors welcomed within target (the earliest
        when two are level), among the weeks that begin in the range; a range too short to hold
        the start of a week looks at the week it falls in. Weeks are counted whole."""
        target = self.targets.welcome_s
        monday = week_start(first)
        if monday < first and week_start(last) >= first:  # a later Monday is in the range
            monday += timedelta(days=7)
        weeks = [
            week_code(monday + timedelta(weeks=n)) for n in range((last - monday).days // 7 + 1)
        ]
        marks = ", ".join("?" * len(weeks))
        rows = self.db.execute(
            "SELECT receptionist, span, sum(count) FROM wait_counts WHERE measure = ? "
            f"AND span IN ({marks}) AND hour = ? AND receptionist > '' AND seconds <= ? "
            "GROUP BY receptionist, span ORDER BY receptionist, span",
            [Measure.WELCOMED, *weeks, ALL_HOURS, target],
        )
        best: dict[str, BestWeek] = {}
        for who, span, n in rows:
            if who not in best or n > best[who].within_target:
                best[who] = BestWeek(date.fromisoformat(span[1:]), n)
        return best

    def _cover(self, first: date, last: date) -> list[str]:
        if last < first:
            return []
        earliest, latest = self.db.execute(
            "SELECT (SELECT min(span) FROM wait_counts WHERE measure = :m AND span >= 'D'), "
            "(SELECT max(span) FROM wait_counts WHERE measure = :m AND span < 'E')",
            {"m": Measure.CHECKED_IN},
        ).fetchone()
        if earliest is None:
            return []
        first, last = widen(
            first, last, date.fromisoformat(earliest[1:]), date.fromisoformat(latest[1:])
        )
        return cover(first, last)

    def _histogram(self, measure: Measure, spans: list[str]) -> _Histogram:
        return self._grouped(measure, spans, "0", f"hour = {ALL_HOURS} AND receptionist = ''").get(
            0, {}
        )

    def _grouped(
        self, measure: Measure, spans: list[str], by: str, which: str
    ) -> dict[int | str, _Histogram]:
        """{group: {seconds: visits}} of `measure` over `spans`, for the rows `which` picks."""
        if not spans:
            return {}
        marks = ", ".join("?" * len(spans))
        grouped: dict[int | str, _Histogram] = {}
        histogram: _Histogram = {}
        # Each group's rows together, in order.
        for group, seconds, n in self.db.execute(
            f"SELECT {by}, seconds, sum(count) FROM wait_counts WHERE measure = ? "
            f"AND span IN ({marks}) AND {which} GROUP BY 1, 2 ORDER BY 1",
            [measure, *spans],
        ):
            if group not in grouped:
                histogram = grouped[group] = {}
            histogram[seconds] = n
        return grouped


# --- as plain data: `kiosk report --format json`, the hub's `figures`, an export's summary --------


def headline(figures: Figures) -> dict[str, Any]:
    """The headline figures, durations in seconds (None where nothing was measured)."""
    return {
        "from": figures.first.isoformat(),
        "to": figures.last.isoformat(),
        "visits": figures.visits,
        "wait_median_s": figures.wait.median,
        "wait_p90_s": figures.wait.p90,
        "within_target_share": figures.wait.within_target,
        "acknowledge_median_s": figures.acknowledge.median,
        "left_unseen": figures.left_unseen,
    }


def hours(by_hour: Mapping[int, Hour]) -> list[dict[str, Any]]:
    return [
        {
            "hour": hour,
            "visits": each.visits,
            "wait_median_s": each.wait.median,
            "wait_p90_s": each.wait.p90,
        }
        for hour, each in by_hour.items()
    ]


def figures_body(
    counts: WaitCounts, first: date, last: date, name_of: Callable[[str], str | None]
) -> dict[str, Any]:
    """Every figure of the manager's view for a range. `name_of` names the receptionist an
    event's actor is (None: not a member of staff, left out of the recognition)."""
    best = counts.best_weeks(first, last)
    receptionists = []
    for actor, summary in counts.by_receptionist(first, last).items():
        name = name_of(actor)
        if name is None:
            continue
        week = best.get(actor)
        best_week = (
            {"monday": week.monday.isoformat(), "within_target": week.within_target}
            if week
            else None
        )
        receptionists.append(
            {
                "name": name,
                "welcomed": summary.count,
                "wait_median_s": summary.median,
                "within_target_share": summary.within_target,
                "best_week": best_week,
            }
        )
    current = counts.figures(first, last)
    targets = counts.targets
    return {
        "targets": {
            "acknowledge_s": targets.acknowledge_s,
            "welcome_s": targets.welcome_s,
            "escalation_repeat_s": targets.escalation_repeat_s,
        },
        "current": headline(current),
        "previous": headline(counts.previous(first, last)),
        "by_hour": hours(counts.by_hour(first, last)),
        "waits": sorted(current.waits.items()),
        "visits_per_day": [
            {"day": day.isoformat(), "visits": n}
            for day, n in counts.visits_per_day(first, last).items()
        ],
        "receptionists": sorted(receptionists, key=lambda r: -r["welcomed"]),
    }


def summary_rows(body: Mapping[str, Any]) -> list[list[Any]]:
    """The summary sheet of an Excel export, from `figures_body`: the headline figures beside
    the days before, then the by-hour table. Durations in seconds, shares as fractions."""
    now, before = body["current"], body["previous"]
    welcome_s = body["targets"]["welcome_s"]
    rows: list[list[Any]] = [
        [f"Visitors who checked in from {now['from']} to {now['to']}"],
        ["", "this period", f"{before['from']} to {before['to']}"],
    ]
    for label, key in (
        ("Visits", "visits"),
        ("Median wait (s)", "wait_median_s"),
        ("90% welcomed within (s)", "wait_p90_s"),
        (f"Share welcomed within {welcome_s} s", "within_target_share"),
        ("Median time to acknowledge (s)", "acknowledge_median_s"),
        ("Left without being seen", "left_unseen"),
    ):
        rows.append([label, now[key], before[key]])
    rows += [[""], ["By hour of check-in"], ["Hour", "Visits", "Median wait (s)", "90% within (s)"]]
    rows += [
        [f"{h['hour']:02d}:00", h["visits"], h["wait_median_s"], h["wait_p90_s"]]
        for h in body["by_hour"]
    ]
    return rows
