"""What the kiosk's Qt process needs set before the application object exists."""

from __future__ import annotations

import os

from PySide6.QtCore import QLoggingCategory

# Qt's own QML (the virtual keyboard's word list) trips this 6.12 check; it says nothing about
# our code, and left on it would drown real warnings.
_QUIET_CATEGORIES = (
    "qt.qml.propertyCache.append",
    "qt.multimedia.symbolsresolver",
)


def prepare_kiosk_environment(*, offscreen: bool = False, keyboard: bool = True) -> None:
    """Select the in-scene virtual keyboard (a desk has a real one: `keyboard=False`), and for
    tests and benchmarks no real screen; quiet Qt's own noise.

    Must run before QGuiApplication is created: Qt reads these once, at start-up.
    """
    if keyboard:
        os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
        os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    rules = [r for r in os.environ.get("QT_LOGGING_RULES", "").split(";") if r]
    rules += [f"{category}=false" for category in _QUIET_CATEGORIES]
    os.environ["QT_LOGGING_RULES"] = ";".join(dict.fromkeys(rules))
    # The variable is read once; if Qt has logged already, set the same rules directly.
    QLoggingCategory.setFilterRules("\n".join(dict.fromkeys(rules)))
