"""Free text that people type: the characters refused in it, and how to print it in a terminal.

Visitors type their names, pronunciations and contacts at a public kiosk; managers import staff
lists; devices name themselves when they pair. Whatever was typed is shown on desks, spoken,
exported and printed in a manager's terminal, so it must stay text: a character that moves the
cursor, clears the screen, ends a line or turns the rest of a line backwards is refused in every
free-text field. Everything else is kept, format characters included: the zero-width joiner
(U+200D) holds emoji sequences together and Arabic and Indic names need the joiners too.
"""

from __future__ import annotations

from dataclasses import dataclass

# First and last code point of each refused range, both included.
REFUSED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0000, 0x001F),  # C0 controls: NUL, tab, line feed, carriage return, escape...
    (0x007F, 0x009F),  # delete, and the C1 controls (U+009B starts a terminal command too)
    (0x202A, 0x202E),  # bidirectional embeddings and overrides ("‮" turns a line backwards)
    (0x2066, 0x2069),  # bidirectional isolates
)


def is_refused(ch: str) -> bool:
    """Whether one character is refused in free text."""
    point = ord(ch)
    return any(first <= point <= last for first, last in REFUSED_RANGES)


def first_refused(text: str) -> str | None:
    """The first refused character in `text`, or None if there is none."""
    return next((ch for ch in text if is_refused(ch)), None)


def without_refused(text: str) -> str:
    """`text` with every refused character left out: for words from elsewhere (a printer's
    reason) that are shown, not typed by anyone who could be asked to correct them."""
    return "".join(ch for ch in text if not is_refused(ch))


def code_point(ch: str) -> str:
    """How a character is named for a person: "U+001B"."""
    return f"U+{ord(ch):04X}"


@dataclass(frozen=True)
class TextField:
    """A kind of free text: the stable reason code for refusing it, and the sentence that says
    what to do instead."""

    reason: str
    sentence: str


NAME = TextField(
    "invalid_name", "Names can't contain control characters. Please type your name again."
)
PRONUNCIATION = TextField(
    "invalid_pronunciation",
    "How to say your name can't contain control characters. Please type it again.",
)
CONTACT = TextField(
    "invalid_contact",
    "An email or phone number can't contain control characters. Please type it again.",
)
DEVICE_NAME = TextField(
    "invalid_device_name",
    "A device name can't contain control characters. Please choose another name.",
)
FOLLOW_UP_NOTE = TextField(
    "invalid_note", "A note can't contain control characters. Please type it again."
)
STAFF_DETAIL = TextField(
    "invalid_staff_detail",
    "Staff details can't contain control characters. Please correct the staff list.",
)


class RefusedText(ValueError):
    """Free text that can't be accepted. The message is a sentence for the person who typed it;
    `reason` is a stable code a screen uses to say it in its own language; `character` is the
    refused character, if one was the cause."""

    def __init__(self, message: str, reason: str, character: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.character = character


def check_free_text(text: str, field: TextField) -> str:
    """Return `text` unchanged, or raise RefusedText if it holds a refused character."""
    ch = first_refused(text)
    if ch is not None:
        raise RefusedText(field.sentence, field.reason, ch)
    return text


def for_terminal(text: str) -> str:
    """Text as stored, safe to print in a terminal: each refused character is written as a
    `\\uXXXX` escape ("\\u001b" for escape), so it shows instead of acting. Nothing else is
    changed, so a name in any script prints as it was typed."""
    if first_refused(text) is None:
        return text
    return "".join(f"\\u{ord(ch):04x}" if is_refused(ch) else ch for ch in text)
