"""Visitor and staff names: cleaning what was typed, and the key that matches a person again."""

from __future__ import annotations

import unicodedata

MAX_NAME_LENGTH = 80


class InvalidName(ValueError):
    """A name that cannot be accepted; the message is a sentence for the person typing it."""


def clean_name(typed: str, *, max_length: int = MAX_NAME_LENGTH) -> str:
    """Return the name as it should be shown and stored, or raise InvalidName.

    Spaces are trimmed and collapsed and the text is put in Unicode NFC, so "José" typed with a
    combining accent and "José" typed as one character are the same name. Any script, apostrophes,
    hyphens and emoji are welcome; control characters are not.
    """
    if any(_is_control(ch) for ch in typed):
        raise InvalidName("Names can't contain control characters. Please type your name again.")
    name = " ".join(unicodedata.normalize("NFC", typed).split())
    if not name:
        raise InvalidName("Please type your name.")
    if len(name) > max_length:
        raise InvalidName(f"That name is too long. Please keep it under {max_length} characters.")
    return name


def matching_key(name: str) -> str:
    """Return the key under which a name is looked up: case, accents and spacing ignored.

    "José  Núñez" and "jose nunez" share a key; "Jose" and "Josef" do not.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", bare).split())


def first_name(name: str) -> str:
    """The word a greeting uses: "Welcome back, Maria!" for "Maria Garcia Lopez"."""
    return name.split()[0] if name.split() else name


def _is_control(ch: str) -> bool:
    # Cc covers C0/C1 controls (tab, newline, NUL, escape...). Format characters (Cf) such as the
    # zero-width joiner are kept: emoji sequences and Arabic or Indic names need them.
    return unicodedata.category(ch) == "Cc"
