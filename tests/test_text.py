"""Free text is data: the characters refused in every field, the ones kept, and terminal output."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core import text
from kiosk.core.names import InvalidName, clean_device_name, clean_name
from kiosk.core.text import RefusedText, check_free_text, for_terminal, is_refused

# Each refused range: its first, a middle and its last character.
REFUSED = [
    ("\x00", "NUL"),
    ("\x09", "tab"),
    ("\x0a", "line feed"),
    ("\x0d", "carriage return"),
    ("\x1b", "escape"),
    ("\x1f", "unit separator"),
    ("\x7f", "delete"),
    ("\x85", "next line"),
    ("\x9b", "control sequence introducer"),
    ("\x9f", "application program command"),
    ("\u202a", "left-to-right embedding"),
    ("\u202c", "pop directional formatting"),
    ("\u202e", "right-to-left override"),
    ("\u2066", "left-to-right isolate"),
    ("\u2068", "first strong isolate"),
    ("\u2069", "pop directional isolate"),
]

# Just outside each range, and format characters that names need.
KEPT = [
    (" ", "space"),
    ("~", "tilde, just before delete"),
    ("\xa0", "no-break space, just after the C1 controls"),
    ("\u2029", "paragraph separator, just before the embeddings"),
    ("\u202f", "narrow no-break space, just after the overrides"),
    ("\u2065", "just before the isolates"),
    ("\u206a", "just after the isolates"),
    ("\u200d", "zero-width joiner"),
    ("\u200c", "zero-width non-joiner"),
    ("\u200e", "left-to-right mark"),
    ("\u200f", "right-to-left mark"),
    ("\u061c", "Arabic letter mark"),
    ("\ufe0f", "variation selector"),
]

NAMES_IN_MANY_SCRIPTS = [
    "محمد عبد الله",  # Arabic
    "देवनागरी नाम",  # Devanagari, with a virama that joins
    "क्‍ष",  # Devanagari with an explicit zero-width joiner
    "می‌خواهم",  # Persian with a zero-width non-joiner
    "Zoë 👩🏽‍💻",  # an emoji sequence held together by a zero-width joiner
    "👨‍👩‍👧‍👦 Family",
    "🏳️‍🌈 Alex",
    "王小明",
    "Siobhán O'Brien-Kelly",
]

FIELDS = [text.NAME, text.PRONUNCIATION, text.CONTACT, text.DEVICE_NAME, text.STAFF_DETAIL]


@pytest.mark.parametrize(("ch", "what"), REFUSED, ids=[w for _, w in REFUSED])
@pytest.mark.parametrize("field", FIELDS, ids=[f.reason for f in FIELDS])
def test_control_and_bidi_override_characters_are_refused_in_every_field(
    ch: str, what: str, field: text.TextField
) -> None:
    assert is_refused(ch), what
    with pytest.raises(RefusedText) as refused:
        check_free_text(f"Ana{ch}Lima", field)
    assert refused.value.reason == field.reason
    assert refused.value.character == ch
    assert str(refused.value) == field.sentence
    assert "control characters" in field.sentence and field.sentence.endswith(".")


@pytest.mark.parametrize(("ch", "what"), KEPT, ids=[w for _, w in KEPT])
def test_everything_else_is_kept(ch: str, what: str) -> None:
    assert not is_refused(ch), what
    assert check_free_text(f"Ana{ch}Lima", text.PRONUNCIATION) == f"Ana{ch}Lima"


def test_the_refused_ranges_are_exactly_those() -> None:
    refused = {point for point in range(0x110000) if is_refused(chr(point))}
    expected = (
        set(range(0x00, 0x20))
        | set(range(0x7F, 0xA0))
        | set(range(0x202A, 0x202F))
        | set(range(0x2066, 0x206A))
    )
    assert refused == expected


@pytest.mark.parametrize("name", NAMES_IN_MANY_SCRIPTS)
def test_names_in_any_script_keep_their_joiners(name: str) -> None:
    assert clean_name(name) == name
    for field in FIELDS:
        assert check_free_text(name, field) == name
    assert for_terminal(name) == name


@pytest.mark.parametrize(
    "typed", ["Bob\x00", "\x1b[2JBob", "Bob\r\nSmith", "Bob\u202eevil", "\u2066Bob\u2069"]
)
def test_a_name_with_a_control_or_override_character_is_refused(typed: str) -> None:
    with pytest.raises(InvalidName, match="control characters") as refused:
        clean_name(typed)
    assert refused.value.reason == "invalid_name"


def test_device_names_follow_the_same_rule() -> None:
    assert clean_device_name("  Front   desk 2 ") == "Front desk 2"
    assert clean_device_name("Recepción 🛎️") == "Recepción 🛎️"
    for typed, words in [
        ("Lobby\u202ekiosk", "control characters"),
        ("Desk\x1b]0;pwned\x07", "control characters"),
        ("   ", "give this device a name"),
        ("D" * 61, "too long"),
    ]:
        with pytest.raises(InvalidName, match=words) as refused:
            clean_device_name(typed)
        assert refused.value.reason == "invalid_device_name"


@pytest.mark.parametrize(
    ("stored", "printed"),
    [
        ("Ana\x1b[31mLima", "Ana\\u001b[31mLima"),
        ("Bob\x00", "Bob\\u0000"),
        ("Bob\r\nSmith", "Bob\\u000d\\u000aSmith"),
        ("Bob\x9b2J", "Bob\\u009b2J"),
        ("\u202eevil.exe", "\\u202eevil.exe"),
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("Zoë 👩🏽‍💻", "Zoë 👩🏽‍💻"),
        ("C:\\Users\\ana", "C:\\Users\\ana"),  # a backslash is printed as it is
        ("", ""),
    ],
)
def test_for_the_terminal_only_refused_characters_are_escaped(stored: str, printed: str) -> None:
    assert for_terminal(stored) == printed


@given(st.text(max_size=40))
def test_terminal_text_holds_no_refused_character_and_reads_back_as_stored(stored: str) -> None:
    printed = for_terminal(stored)
    assert not any(is_refused(ch) for ch in printed)
    if not any(is_refused(ch) for ch in stored):
        assert printed == stored
    if "\\" not in stored:
        read_back = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m[1], 16)), printed)
        assert read_back == stored
