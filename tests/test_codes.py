"""Invitation and badge codes: made by one site, read back by it, and refused with a reason."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.codes import (
    LENGTH,
    Arrival,
    Code,
    CodeKind,
    CodeRefused,
    arrival,
    make_code,
    read_code,
)

SECRET = b"s" * 32
OTHER_SITE = b"o" * 32


@pytest.mark.parametrize("kind", list(CodeKind))
@pytest.mark.parametrize("number", [1, 42, 2**32 - 1])
def test_a_code_reads_back_as_what_it_was_made_for(kind: CodeKind, number: int) -> None:
    code = make_code(kind, number, SECRET)
    # Upper-case letters and digits only: QR alphanumeric mode, any keyboard layout.
    assert re.fullmatch(r"[A-Z0-9]+", code) and len(code) == LENGTH == 32
    assert code.startswith(f"FDK{kind}")
    assert read_code(code, SECRET) == Code(kind, number)
    assert read_code(f" {code.lower()}\r\n", SECRET) == Code(kind, number)


def test_the_two_kinds_of_code_are_not_interchangeable() -> None:
    invitation = make_code(CodeKind.INVITATION, 7, SECRET)
    as_badge = "FDKB" + invitation[4:]
    with pytest.raises(CodeRefused) as refused:
        read_code(as_badge, SECRET)
    assert refused.value.reason == "forged"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (make_code(CodeKind.INVITATION, 7, OTHER_SITE), "wrong_site"),
        (make_code(CodeKind.INVITATION, 7, SECRET)[:-1] + "A", "forged"),
        (make_code(CodeKind.INVITATION, 7, SECRET)[:-3], "unreadable"),
        ("FDKX" + make_code(CodeKind.INVITATION, 7, SECRET)[4:], "unreadable"),
        ("FDKI" + "1" * 28, "unreadable"),  # 1 is not base32
        ("", "unreadable"),
        ("https://example.com/?FDKI", "unreadable"),
    ],
)
def test_a_code_that_is_not_ours_is_refused_with_its_reason(text: str, reason: str) -> None:
    if text.endswith("A") and make_code(CodeKind.INVITATION, 7, SECRET).endswith("A"):
        text = text[:-1] + "B"
    with pytest.raises(CodeRefused) as refused:
        read_code(text, SECRET)
    assert refused.value.reason == reason and str(refused.value).endswith(".")


@given(st.text(alphabet=string.ascii_uppercase + string.digits, min_size=0, max_size=40))
def test_random_text_is_refused_never_crashes(text: str) -> None:
    with pytest.raises(CodeRefused):
        read_code(text, SECRET)


@pytest.mark.parametrize(
    ("minutes_after", "expected"),
    [(0, Arrival("on_time", 0)), (10, Arrival("on_time", 0)), (-10, Arrival("on_time", 0)),
     (12, Arrival("late", 12)), (-12, Arrival("early", 12)), (-95, Arrival("early", 95))],
)  # fmt: skip
def test_early_late_or_on_time(minutes_after: int, expected: Arrival) -> None:
    assert arrival(1_000_000_000, 1_000_000_000 + minutes_after * 60_000) == expected
