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
}
