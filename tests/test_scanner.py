"""A barcode scanner's keys against a person's: case tables on the rule in kiosk.core."""

from __future__ import annotations

import pytest

from kiosk.core.scanner import ScanDetector

CODE = "FDKIYQPC4AAAAAA2TMP4IJHT2G44Z5GA"


def feed(detector: ScanDetector, keys: str, start: int, gap: int) -> tuple[int, str]:
    """Type `keys` `gap` ms apart from `start`; returns the time after and what was released."""
    released = ""
    at = start
    for character in keys:
        released += detector.key(character, at)
        at += gap
    return at - gap, released


@pytest.mark.parametrize(
    ("keys", "gap", "enter_after", "scanned"),
    [
        (CODE, 4, 5, CODE),  # a scanner
        (CODE, 30, 30, CODE),  # a slow scanner, still within 30 ms
        ("12345678", 10, 10, "12345678"),  # eight characters is enough
        ("1234567", 10, 10, None),  # seven is not
        (CODE, 31, 5, None),  # a very fast typist is still a person
        (CODE, 5, 200, None),  # Enter pressed by hand after a pause
        ("maria", 120, 150, None),  # a person typing
    ],
)
def test_a_scan_is_fast_long_and_ends_with_enter(keys, gap, enter_after, scanned) -> None:
    detector = ScanDetector()
    last, released = feed(detector, keys, 1000, gap)
    code, held = detector.enter(last + enter_after)
    assert code == scanned
    # Nothing is lost: whatever was not a scan reaches the field, in order.
    assert (released + held == keys) if scanned is None else (held == "" and released == "")


def test_a_person_s_keys_reach_the_field_once_the_pause_shows_them_human() -> None:
    detector = ScanDetector()
    assert detector.key("A", 0) == ""
    assert detector.release(20) == ""  # might still be a scan
    assert detector.release(31) == "A"  # a pause: a person; the field gets it
    assert detector.release(60) == ""  # given once
    assert detector.key("d", 200) == "" and detector.key("a", 400) == "d"
