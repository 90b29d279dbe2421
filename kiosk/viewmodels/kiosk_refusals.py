"""What the kiosk tells a visitor when the hub says no, by the refusal's reason code: the hub
speaks English, and the kiosk says it again in the visitor's language.

The sentences are translated in the kiosk view model's context, where
`KioskViewModel.in_visitors_language` looks them up; "%1" stands for the longest name the kiosk
takes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

REFUSALS = {
    "invalid_name": QT_TRANSLATE_NOOP(
        "KioskViewModel", "Names can't contain control characters. Please type your name again."
    ),
    "name_too_long": QT_TRANSLATE_NOOP(
        "KioskViewModel", "That name is too long. Please keep it under %1 characters."
    ),
    "name_empty": QT_TRANSLATE_NOOP("KioskViewModel", "Please type your name."),
    "host_gone": QT_TRANSLATE_NOOP(
        "KioskViewModel", "That person is not on the staff list any more. Please choose again."
    ),
    "visitor_unknown": QT_TRANSLATE_NOOP(
        "KioskViewModel", "We couldn't find your earlier visit. Please check in again."
    ),
    "choose_host": QT_TRANSLATE_NOOP(
        "KioskViewModel", "Please choose whom you are visiting, or ask at reception."
    ),
    "not_now": QT_TRANSLATE_NOOP(
        "KioskViewModel", "That can't be done now. Please ask at reception."
    ),
    "identity_expired": QT_TRANSLATE_NOOP(
        "KioskViewModel", "That took a little long. Please check in again."
    ),
    "visit_handle_expired": QT_TRANSLATE_NOOP(
        "KioskViewModel", "This screen has moved on. Please start again, or ask at reception."
    ),
    "invalid_pronunciation": QT_TRANSLATE_NOOP(
        "KioskViewModel",
        "How to say your name can't contain control characters. Please type it again.",
    ),
    # A code scanned at the kiosk (an invitation or a badge) that can't be used. The screen
    # offers the name path under each.
    "code_unreadable": QT_TRANSLATE_NOOP(
        "KioskViewModel", "We couldn't read that code. Please check in with your name instead."
    ),
    "code_forged": QT_TRANSLATE_NOOP(
        "KioskViewModel", "We can't accept that code. Please check in with your name instead."
    ),
    "code_wrong_site": QT_TRANSLATE_NOOP(
        "KioskViewModel",
        "That code is for another of our sites. Please check in with your name instead.",
    ),
    "code_wrong_kind": QT_TRANSLATE_NOOP(
        "KioskViewModel",
        "That code is for something else. Please check in with your name instead.",
    ),
    "code_too_early": QT_TRANSLATE_NOOP(
        "KioskViewModel",
        "You're early! Your invitation works closer to the time of your visit. "
        "Please check in with your name instead.",
    ),
    "code_expired": QT_TRANSLATE_NOOP(
        "KioskViewModel",
        "That invitation was for another day. Please check in with your name instead.",
    ),
    "code_used": QT_TRANSLATE_NOOP(
        "KioskViewModel",
        "That invitation has been used already. Please check in with your name instead.",
    ),
    "code_withdrawn": QT_TRANSLATE_NOOP(
        "KioskViewModel",
        "That invitation has been withdrawn. Please check in with your name, or ask at reception.",
    ),
    # A badge whose visit has ended (the hub says `code_used`; the kiosk knows it was a badge).
    "badge_used": QT_TRANSLATE_NOOP(
        "KioskViewModel", "You've checked out already. Thank you for visiting!"
    ),
}
