"""The headline figures beside the days before, and the receptionists' recognition."""

from __future__ import annotations

import pytest

from kiosk.viewmodels import dashboard_text as say
from kiosk.viewmodels.dashboard_headline import BETTER, NEUTRAL, SAME, WORSE, recognitions, tiles

NOW = {
    "visits": 436,
    "wait_median_s": 64.4,
    "wait_p90_s": 142,
    "within_target_share": 0.934,
    "acknowledge_median_s": 23,
    "left_unseen": 8,
}
BEFORE = {
    "visits": 400,
    "wait_median_s": 95,
    "wait_p90_s": 130,
    "within_target_share": 0.95,
    "acknowledge_median_s": 23.2,
    "left_unseen": 10,
}
EMPTY = dict.fromkeys(NOW) | {"visits": 0, "left_unseen": 0}


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "—"), (0, "0 s"), (45.4, "45 s"), (59.6, "1 min"), (125, "2 min 05 s"),
     (180, "3 min"), (3600, "1 h"), (3930, "1 h 05 min")],
)  # fmt: skip
def test_durations(seconds: float | None, text: str) -> None:
    assert say.duration(seconds) == text


@pytest.mark.parametrize(
    ("share", "text"), [(None, "—"), (0, "0%"), (0.934, "93%"), (0.996, "99%"), (1.0, "100%")]
)
def test_shares_are_never_rounded_up_to_a_flattering_figure(share, text: str) -> None:
    assert say.percent(share) == text


def test_six_tiles_each_beside_the_days_before() -> None:
    shown = {t.key: t for t in tiles(NOW, BEFORE, welcome_s=180)}
    assert [(t.label, t.value, t.before, t.change, t.tone) for t in shown.values()] == [
        ("Visits", "436", "Before: 400", "9% more", NEUTRAL),
        ("Median wait", "1 min 04 s", "Before: 1 min 35 s", "31 s shorter", BETTER),
        ("9 in 10 welcomed within", "2 min 22 s", "Before: 2 min 10 s", "12 s longer", WORSE),
        ("Welcomed within 3 min", "93%", "Before: 95%", "2 points lower", WORSE),
        ("Median time to acknowledge", "23 s", "Before: 23 s", "no change", SAME),
        ("Left without being seen", "8", "Before: 10", "2 fewer", BETTER),
    ]


def test_with_nothing_before_there_is_nothing_to_compare() -> None:
    shown = {t.key: t for t in tiles(NOW, EMPTY, welcome_s=90)}
    assert shown["wait_median_s"].before == "Before: —"
    assert (shown["wait_median_s"].change, shown["wait_median_s"].tone) == ("", NEUTRAL)
    assert shown["visits"].change == "436 more"
    assert shown["within_target_share"].label == "Welcomed within 1 min 30 s"


def test_receptionists_are_thanked_most_welcomed_first() -> None:
    said = recognitions(
        [
            {"name": "Ana Lima", "welcomed": 1, "wait_median_s": 30, "within_target_share": 1.0,
             "best_week": None},
            {"name": "Sam Jones", "welcomed": 40, "wait_median_s": 80, "within_target_share": 0.95,
             "best_week": {"monday": "2026-11-02", "within_target": 14}},
            {"name": "Kim", "welcomed": 0, "wait_median_s": None, "within_target_share": None,
             "best_week": None},
        ],
        welcome_s=180,
    )  # fmt: skip
    assert [(r.name, r.welcomed, r.median, r.best_week) for r in said] == [
        (
            "Sam Jones",
            "Sam welcomed 40 visitors, 95% within 3 min",
            "Median wait 1 min 20 s",
            "Best week: from Mon 2 Nov 2026, 14 welcomed within 3 min",
        ),
        ("Ana Lima", "Ana welcomed 1 visitor, 100% within 3 min", "Median wait 30 s", ""),
    ]
