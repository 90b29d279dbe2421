"""How the manager's dashboard says durations, shares, days and times: small pure functions."""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale

NOTHING = "—"  # a figure with no data behind it: nobody was welcomed, nothing to compare
TO = "\u2013"  # the en dash between the ends of a range: "3 Nov to 24 Nov", "1 to 2 min"

# The dashboard speaks English; its dates do too, whatever the computer's own language.
_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@lru_cache(maxsize=512)  # the dashboard's language is set once, before its first sentence
def translate(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def duration(seconds: float | None) -> str:
    """A wait as a manager reads it: "45 s", "2 min 05 s", "3 min", "1 h 05 min"."""
    if seconds is None:
        return NOTHING
    whole = round(seconds)
    if whole < 60:
        return translate("%1 s").replace("%1", str(whole))
    minutes, rest = divmod(whole, 60)
    if minutes < 60:
        if not rest:
            return translate("%1 min").replace("%1", str(minutes))
        return translate("%1 min %2 s").replace("%1", str(minutes)).replace("%2", f"{rest:02d}")
    hours, minutes = divmod(minutes, 60)
    if not minutes:
        return translate("%1 h").replace("%1", str(hours))
    return translate("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")


def percent(share: float | None) -> str:
    """A share as whole percent, rounded down: 99.6% is "99%", never a flattering "100%"."""
    if share is None:
        return NOTHING
    return f"{math.floor(share * 100 + 1e-9)}%"


def count(number: int) -> str:
    return f"{number:,}"


@lru_cache(maxsize=4096)
def day(value: date) -> str:
    """ "Tue 24 Nov 2026" """
    return _LOCALE.toString(QDate(value.year, value.month, value.day), "ddd d MMM yyyy")


@lru_cache(maxsize=4096)
def short_day(value: date) -> str:
    """ "24 Nov" """
    return _LOCALE.toString(QDate(value.year, value.month, value.day), "d MMM")


def month(value: date) -> str:
    """ "Nov 2026" """
    return _LOCALE.toString(QDate(value.year, value.month, value.day), "MMM yyyy")


def days(first: date, last: date) -> str:
    """A range of days, saying the year once when it can: "3 Nov to 24 Nov 2026", dashed."""
    if first == last:
        return day(first)
    if first.year != last.year:
        return f"{short_day(first)} {first.year} {TO} {short_day(last)} {last.year}"
    return f"{short_day(first)} {TO} {short_day(last)} {last.year}"


def clock_time(at_ms: int) -> str:
    """A hub time (Unix ms) as this computer's local time of day: "09:42"."""
    return datetime.fromtimestamp(at_ms / 1000).strftime("%H:%M")


def day_and_time(at_ms: int) -> str:
    """ "Tue 24 Nov 2026, 09:42" """
    moment = datetime.fromtimestamp(at_ms / 1000)
    return f"{day(moment.date())}, {moment:%H:%M}"


def within(target_s: int) -> str:
    """The welcome target as the figures name it: "within 3 min"."""
    return translate("within %1").replace("%1", duration(target_s))
