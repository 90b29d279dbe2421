"""The headline figures beside the days before, and each receptionist's recognition: pure
functions from the hub's `figures` reply to what the dashboard's tiles and cards say."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.core.names import first_name
from kiosk.viewmodels import dashboard_text as say

BETTER, WORSE, SAME, NEUTRAL = "better", "worse", "same", ""


@dataclass(frozen=True)
class Tile:
    """One headline figure: what it is, its value now, before, and how it moved."""

    key: str
    label: str
    value: str
    before: str
    change: str
    tone: str  # BETTER, WORSE, SAME, or NEUTRAL where more is neither (visits)


def tiles(current: Mapping[str, Any], previous: Mapping[str, Any], welcome_s: int) -> list[Tile]:
    """The six headline figures, each beside the same number of days just before."""
    return [
        _count_tile("visits", say.translate("Visits"), current, previous, fewer_is_better=None),
        _wait_tile("wait_median_s", say.translate("Median wait"), current, previous),
        _wait_tile("wait_p90_s", say.translate("9 in 10 welcomed within"), current, previous),
        _share_tile(
            say.translate("Welcomed %1").replace("%1", say.within(welcome_s)), current, previous
        ),
        _wait_tile(
            "acknowledge_median_s", say.translate("Median time to acknowledge"), current, previous
        ),
        _count_tile(
            "left_unseen",
            say.translate("Left without being seen"),
            current,
            previous,
            fewer_is_better=True,
        ),
    ]


def _before(text: str) -> str:
    return say.translate("Before: %1").replace("%1", text)


def _count_tile(
    key: str,
    label: str,
    current: Mapping[str, Any],
    previous: Mapping[str, Any],
    *,
    fewer_is_better: bool | None,
) -> Tile:
    now, then = int(current.get(key) or 0), int(previous.get(key) or 0)
    difference = now - then
    if difference == 0:
        change, tone = say.translate("no change"), SAME
    else:
        if fewer_is_better is None and then:  # visits: by how much the front desk got busier
            amount = f"{abs(difference) / then:.0%}"
        else:
            amount = say.count(abs(difference))
        more = difference > 0
        change = (say.translate("%1 more") if more else say.translate("%1 fewer")).replace(
            "%1", amount
        )
        tone = NEUTRAL if fewer_is_better is None else (WORSE if more else BETTER)
    return Tile(key, label, say.count(now), _before(say.count(then)), change, tone)


def _wait_tile(
    key: str, label: str, current: Mapping[str, Any], previous: Mapping[str, Any]
) -> Tile:
    now, then = current.get(key), previous.get(key)
    change, tone = "", NEUTRAL
    if now is not None and then is not None:
        difference = round(now) - round(then)
        if difference == 0:
            change, tone = say.translate("no change"), SAME
        elif difference < 0:
            change = say.translate("%1 shorter").replace("%1", say.duration(-difference))
            tone = BETTER
        else:
            change = say.translate("%1 longer").replace("%1", say.duration(difference))
            tone = WORSE
    return Tile(key, label, say.duration(now), _before(say.duration(then)), change, tone)


def _share_tile(label: str, current: Mapping[str, Any], previous: Mapping[str, Any]) -> Tile:
    key = "within_target_share"
    now, then = current.get(key), previous.get(key)
    change, tone = "", NEUTRAL
    if now is not None and then is not None:
        # Points between the percents as shown, so that the tile's sums add up.
        points = int(say.percent(now)[:-1]) - int(say.percent(then)[:-1])
        if points == 0:
            change, tone = say.translate("no change"), SAME
        else:
            template = "%1 points higher" if points > 0 else "%1 points lower"
            if abs(points) == 1:
                template = "1 point higher" if points > 0 else "1 point lower"
            change = say.translate(template).replace("%1", str(abs(points)))
            tone = BETTER if points > 0 else WORSE
    return Tile(key, label, say.percent(now), _before(say.percent(then)), change, tone)


@dataclass(frozen=True)
class Recognition:
    """A receptionist's days, said as thanks: what they did, how fast, and their best week."""

    name: str
    welcomed: str  # "Sam welcomed 40 visitors, 95% within 3 min"
    median: str  # "Median wait 1 min 20 s"
    best_week: str  # "Best week: from Mon 3 Nov 2026, 38 welcomed within 3 min", or ""


def recognitions(receptionists: list[Mapping[str, Any]], welcome_s: int) -> list[Recognition]:
    """Most visitors welcomed first."""
    ordered = sorted(receptionists, key=lambda r: (-int(r.get("welcomed") or 0), r["name"]))
    return [_recognition(r, welcome_s) for r in ordered if int(r.get("welcomed") or 0) > 0]


def _recognition(row: Mapping[str, Any], welcome_s: int) -> Recognition:
    name = str(row["name"])
    welcomed = int(row["welcomed"])
    template = (
        say.translate("%1 welcomed 1 visitor")
        if welcomed == 1
        else say.translate("%1 welcomed %2 visitors")
    )
    sentence = template.replace("%1", first_name(name) or name).replace("%2", say.count(welcomed))
    share = row.get("within_target_share")
    if share is not None:
        sentence += (
            say.translate(", %1 %2")
            .replace("%1", say.percent(share))
            .replace("%2", say.within(welcome_s))
        )
    median = say.translate("Median wait %1").replace("%1", say.duration(row.get("wait_median_s")))
    best = row.get("best_week")
    best_week = ""
    if best and int(best.get("within_target") or 0) > 0:
        best_week = (
            say.translate("Best week: from %1, %2 welcomed %3")
            .replace("%1", say.day(date.fromisoformat(best["monday"])))
            .replace("%2", say.count(int(best["within_target"])))
            .replace("%3", say.within(welcome_s))
        )
    return Recognition(name, sentence, median, best_week)
