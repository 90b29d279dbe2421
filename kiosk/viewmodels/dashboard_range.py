"""The days the dashboard shows: today, this week, the last 30 days, or two days typed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels import dashboard_text as say

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

TODAY, WEEK, LAST_30_DAYS, CUSTOM = "today", "week", "last30", "custom"
PRESETS = (TODAY, WEEK, LAST_30_DAYS)
# The longest range the hub answers for (it refuses more with reason "bad_range").
MAX_DAYS = 3660
EXAMPLE = "2026-11-02"


@dataclass(frozen=True)
class Days:
    """From `first` to `last`, both included."""

    first: date
    last: date

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Days:
        """The same number of calendar days just before, as the hub compares them."""
        return Days(self.first - timedelta(days=self.length), self.first - timedelta(days=1))

    def includes(self, day: date) -> bool:
        return self.first <= day <= self.last


def preset_days(preset: str, today: date) -> Days:
    """The days of a preset: today; this week from its Monday; the last 30 days with today."""
    if preset == TODAY:
        return Days(today, today)
    if preset == WEEK:
        return Days(today - timedelta(days=today.weekday()), today)
    if preset == LAST_30_DAYS:
        return Days(today - timedelta(days=29), today)
    raise ValueError(f"Unknown range {preset!r}.")


class RangeRefused(ValueError):
    """Typed days that can't make a range; the message says what to type instead."""


def typed_days(first_text: str, last_text: str, today: date) -> Days:
    """Two typed days as a range, or RangeRefused with a sentence."""
    first = _typed_day(first_text, say.translate("first"))
    last = _typed_day(last_text, say.translate("last"))
    if last < first:
        raise RangeRefused(
            say.translate("The last day (%1) comes before the first day (%2): swap them.")
            .replace("%1", say.day(last))
            .replace("%2", say.day(first))
        )
    if first > today:
        raise RangeRefused(
            say.translate("The first day (%1) is still to come: choose a day up to today.").replace(
                "%1", say.day(first)
            )
        )
    if last > today:
        raise RangeRefused(
            say.translate(
                "The last day (%1) is still to come: end the range today or before."
            ).replace("%1", say.day(last))
        )
    days = Days(first, last)
    if days.length > MAX_DAYS:
        raise RangeRefused(
            say.translate("That is %1 days; a range can cover at most %2 (about ten years). "
                          "Choose a shorter one.")
            .replace("%1", say.count(days.length))
            .replace("%2", say.count(MAX_DAYS))
        )  # fmt: skip
    return days


def _typed_day(text: str, which: str) -> date:
    cleaned = text.strip()
    if not cleaned:
        raise RangeRefused(
            say.translate("Type the %1 day as year-month-day, like %2.")
            .replace("%1", which)
            .replace("%2", EXAMPLE)
        )
    try:
        if len(cleaned) != len(EXAMPLE):
            raise ValueError(cleaned)
        return date.fromisoformat(cleaned)
    except ValueError:
        raise RangeRefused(
            say.translate("“%1” is not a day the dashboard can read: type the %2 day as "
                          "year-month-day, like %3.")
            .replace("%1", cleaned)
            .replace("%2", which)
            .replace("%3", EXAMPLE)
        ) from None  # fmt: skip


@QmlElement
@QmlUncreatable("The dashboard's view model has the one range.")
class DashboardRange(QObject):
    """The range chosen, what it is called, and why typed days were refused."""

    presetChanged = Signal()
    firstChanged = Signal()
    lastChanged = Signal()
    labelChanged = Signal()
    comparedWithChanged = Signal()
    errorChanged = Signal()
    changed = Signal()  # a new range: ask the hub again

    def __init__(self, today: Callable[[], date] = date.today, parent: QObject | None = None):
        super().__init__(parent)
        self._today = today
        self._preset = LAST_30_DAYS
        self._days = preset_days(LAST_30_DAYS, today())
        self._error = ""

    @property
    def days(self) -> Days:
        return self._days

    def refresh(self) -> None:
        """After midnight "today" is another day: move a preset along with it."""
        if self._preset != CUSTOM:
            self._use(self._preset, preset_days(self._preset, self._today()))

    @Slot(str)
    def choose(self, preset: str) -> None:
        if preset in PRESETS:
            self._use(preset, preset_days(preset, self._today()))
        elif preset == CUSTOM and self._preset != CUSTOM:
            self._preset = CUSTOM  # the two fields show; the days stay until they are typed
            self.presetChanged.emit()

    @Slot(str, str)
    def useTyped(self, first: str, last: str) -> None:
        try:
            days = typed_days(first, last, self._today())
        except RangeRefused as refused:
            self._set_error(str(refused))
            return
        self._use(CUSTOM, days)

    def _use(self, preset: str, days: Days) -> None:
        self._set_error("")
        if preset != self._preset:
            self._preset = preset
            self.presetChanged.emit()
        if days != self._days:
            self._days = days
            for signal in (
                self.firstChanged,
                self.lastChanged,
                self.labelChanged,
                self.comparedWithChanged,
                self.changed,
            ):
                signal.emit()

    def _set_error(self, error: str) -> None:
        if error != self._error:
            self._error = error
            self.errorChanged.emit()

    def _get_preset(self) -> str:
        return self._preset

    def _get_first(self) -> str:
        return self._days.first.isoformat()

    def _get_last(self) -> str:
        return self._days.last.isoformat()

    def _get_label(self) -> str:
        return say.days(self._days.first, self._days.last)

    def _get_compared_with(self) -> str:
        before = self._days.previous()
        length = self._days.length
        which = (
            say.translate("the day before")
            if length == 1
            else say.translate("the %1 days before").replace("%1", say.count(length))
        )
        return (
            say.translate("Compared with %1 (%2)")
            .replace("%1", which)
            .replace("%2", say.days(before.first, before.last))
        )

    def _get_error(self) -> str:
        return self._error

    preset = Property(str, _get_preset, notify=presetChanged)
    first = Property(str, _get_first, notify=firstChanged)
    last = Property(str, _get_last, notify=lastChanged)
    label = Property(str, _get_label, notify=labelChanged)
    comparedWith = Property(str, _get_compared_with, notify=comparedWithChanged)
    error = Property(str, _get_error, notify=errorChanged)
