"""Visitor and staff names: cleaning what was typed, and the key that matches a person again."""

from __future__ import annotations

import re
import unicodedata

from kiosk.core import text

MAX_NAME_LENGTH = 80
# Reason codes for a refused name besides text.NAME's ("invalid_name": a refused character).
NAME_EMPTY = "name_empty"
NAME_TOO_LONG = "name_too_long"
# A device's name as it pairs ("Front desk 2", "Lobby kiosk"), shown in `kiosk devices`.
MAX_DEVICE_NAME_LENGTH = 60
# A word of a name, for capitalising: what follows a space or a hyphen ("anne-marie").
_CAPITALISED_WORD = re.compile(r"[^\s-]+")


class InvalidName(text.RefusedText):
    """A name that cannot be accepted; the message is a sentence for the person typing it.

    A visitor's or a member of staff's name is refused with the reason "invalid_name", a
    device's with "invalid_device_name".
    """

    def __init__(
        self, message: str, reason: str = text.NAME.reason, character: str | None = None
    ) -> None:
        super().__init__(message, reason, character)


def clean_name(typed: str, *, max_length: int = MAX_NAME_LENGTH) -> str:
    """Return the name as it should be shown and stored, or raise InvalidName.

    Spaces are trimmed and collapsed and the text is put in Unicode NFC, so "José" typed with a
    combining accent and "José" typed as one character are the same name. Any script, apostrophes,
    hyphens and emoji are welcome; control and bidirectional-override characters are not
    (`kiosk.core.text`).
    """
    _check_characters(typed, text.NAME)
    name = " ".join(unicodedata.normalize("NFC", typed).split())
    if not name:
        raise InvalidName("Please type your name.", NAME_EMPTY)
    if len(name) > max_length:
        raise InvalidName(
            f"That name is too long. Please keep it under {max_length} characters.", NAME_TOO_LONG
        )
    return name


def matching_key(name: str) -> str:
    """Return the key under which a name is looked up: case, accents and spacing ignored.

    "José  Núñez" and "jose nunez" share a key; "Jose" and "Josef" do not.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", bare).split())


def greeted_name(name: str) -> str:
    """The name as a greeting says it: typed all in lower case, each word gets a capital.

    "maria garcia" is greeted as "Maria Garcia" and "anne-marie" as "Anne-Marie": nobody means
    to be greeted in lower case, it is only how a touchscreen keyboard starts. Anything else is
    kept exactly as typed, because the visitor chose it: "McDonald", "de la Cruz Ana", "ÉLODIE",
    "王小明". The stored name stays as typed; only greetings use this.
    """
    if not name.islower():
        return name
    return _CAPITALISED_WORD.sub(lambda word: word[0][:1].title() + word[0][1:], name)


def first_name(name: str) -> str:
    """The word a greeting uses: "Welcome back, Maria!" for "Maria Garcia Lopez", and for
    "maria garcia lopez" too (`greeted_name`)."""
    words = greeted_name(name).split()
    return words[0] if words else name


def clean_device_name(typed: str) -> str:
    """Return a device's name (a desk's, a kiosk's) as it should be stored, or raise
    InvalidName with the reason "invalid_device_name".

    Like a person's name: trimmed, spaces collapsed, NFC, and no control or
    bidirectional-override characters, so `kiosk devices` prints it as it was typed.
    """
    _check_characters(typed, text.DEVICE_NAME)
    name = " ".join(unicodedata.normalize("NFC", typed).split())
    if not name:
        raise InvalidName("Please give this device a name.", text.DEVICE_NAME.reason)
    if len(name) > MAX_DEVICE_NAME_LENGTH:
        raise InvalidName(
            "That device name is too long. "
            f"Please keep it under {MAX_DEVICE_NAME_LENGTH} characters.",
            text.DEVICE_NAME.reason,
        )
    return name


def _check_characters(typed: str, field: text.TextField) -> None:
    try:
        text.check_free_text(typed, field)
    except text.RefusedText as error:
        raise InvalidName(str(error), error.reason, error.character) from None
