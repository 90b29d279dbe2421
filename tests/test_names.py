"""Names as visitors type them: cleaned for display, matched again on the next visit."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.names import (
    MAX_NAME_LENGTH,
    InvalidName,
    clean_name,
    first_name,
    greeted_name,
    matching_key,
)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("  Maria   Garcia ", "Maria Garcia"),
        ("Jose\u0301 Nu\u0301n\u0303ez", "José Núñez"),  # combining accents become one character
        ("Siobhán O'Brien-Kelly", "Siobhán O'Brien-Kelly"),
        ("محمد عبد الله", "محمد عبد الله"),
        ("王小明", "王小明"),
        ("देवनागरी नाम", "देवनागरी नाम"),
        ("Zoë 👩🏽‍💻", "Zoë 👩🏽‍💻"),  # the zero-width joiner in the emoji is kept
    ],
)
def test_names_in_any_script_are_kept_and_tidied(typed: str, shown: str) -> None:
    assert clean_name(typed) == shown


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Please type your name."),
        ("   \u3000 ", "Please type your name."),
        ("Maria\nGarcia", "control characters"),
        ("Bob\x00", "control characters"),
        ("\x1b[31mRed", "control characters"),
        ("A" * (MAX_NAME_LENGTH + 1), "too long"),
    ],
)
def test_bad_names_are_refused_with_a_sentence(typed: str, message: str) -> None:
    with pytest.raises(InvalidName, match=message):
        clean_name(typed)


def test_matching_ignores_case_accents_and_spacing() -> None:
    assert matching_key("José  Núñez") == matching_key("jose nunez") == "jose nunez"
    assert matching_key("JOSÉ NÚÑEZ") == "jose nunez"
    assert matching_key("Jose") != matching_key("Josef")
    assert matching_key("王小明") == "王小明"


def test_greeting_uses_the_first_name() -> None:
    assert first_name("Maria Garcia Lopez") == "Maria"
    assert first_name("王小明") == "王小明"


@pytest.mark.parametrize(
    ("typed", "greeted", "first"),
    [
        ("maria garcia", "Maria Garcia", "Maria"),  # a touchscreen keyboard starts in lower case
        ("josé núñez", "José Núñez", "José"),
        ("anne-marie dupont", "Anne-Marie Dupont", "Anne-Marie"),
        ("élodie", "Élodie", "Élodie"),
        ("McDonald", "McDonald", "McDonald"),  # anything but all lower case is as typed
        ("de la Cruz Ana", "de la Cruz Ana", "de"),
        ("ÉLODIE", "ÉLODIE", "ÉLODIE"),
        ("maria Garcia", "maria Garcia", "maria"),
        ("王小明", "王小明", "王小明"),
        ("<img src=x>", "<img Src=x>", "<img"),  # text stays text: nothing is taken out
    ],
)
def test_a_name_typed_all_in_lower_case_is_greeted_with_capitals(
    typed: str, greeted: str, first: str
) -> None:
    assert greeted_name(typed) == greeted
    assert first_name(typed) == first


@given(st.text(min_size=1, max_size=60))
def test_a_greeting_changes_only_the_case_of_a_lower_case_name(typed: str) -> None:
    try:
        name = clean_name(typed)
    except InvalidName:
        return
    greeted = greeted_name(name)
    assert greeted == name or name.islower()
    assert matching_key(greeted) == matching_key(name)  # the same person, found the same way
    assert greeted_name(greeted) == greeted
    assert first_name(name) == greeted.split()[0]


@given(st.text(min_size=1, max_size=60))
def test_a_cleaned_name_is_stable_and_matches_itself(typed: str) -> None:
    try:
        name = clean_name(typed)
    except InvalidName:
        return
    assert clean_name(name) == name
    assert unicodedata.is_normalized("NFC", name)
    assert name == name.strip() and "  " not in name
    assert matching_key(name) == matching_key(name.upper().lower())
