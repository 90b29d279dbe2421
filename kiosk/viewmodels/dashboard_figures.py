"""The dashboard's figures page: headline tiles, three charts and the receptionists' cards, all
from one `figures` reply of the hub."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels import dashboard_text as say
from kiosk.viewmodels.dashboard_charts import (
    HourBars,
    Scale,
    VisitBars,
    WaitBins,
    hour_bars,
    scale_for,
    visit_bars,
    wait_bins,
)
from kiosk.viewmodels.dashboard_headline import recognitions, tiles
from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

TILE_FIELDS = ("key", "label", "value", "before", "change", "tone")
RECOGNITION_FIELDS = ("name", "welcomed", "median", "bestWeek")
_NO_SCALE = scale_for(0)
# A Python list, as QML sees it; named so for pyside6-metaobjectdump, which reads the name.
QVariantList = list


@QmlElement
@QmlUncreatable("The figures page has one.")
class HourChart(QObject):
    """Median and 90th-percentile wait by hour of check-in."""

    hoursChanged = Signal()
    medianChanged = Signal()
    p90Changed = Signal()
    unitChanged = Signal()
    topChanged = Signal()
    tickChanged = Signal()
    targetChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bars = HourBars([], [], [], "min", _NO_SCALE, 0)

    def show(self, bars: HourBars) -> None:
        before, self._bars = self._bars, bars
        _emit_changed(
            before,
            bars,
            {
                "hours": self.hoursChanged,
                "median": self.medianChanged,
                "p90": self.p90Changed,
                "unit": self.unitChanged,
                "target": self.targetChanged,
            },
        )
        _emit_scale(before.scale, bars.scale, self.topChanged, self.tickChanged)

    def _get_hours(self) -> list[str]:
        return self._bars.hours

    def _get_median(self) -> list[float]:
        return self._bars.median

    def _get_p90(self) -> list[float]:
        return self._bars.p90

    def _get_unit(self) -> str:
        return self._bars.unit

    def _get_top(self) -> float:
        return self._bars.scale.top

    def _get_tick(self) -> float:
        return self._bars.scale.tick

    def _get_target(self) -> float:
        return self._bars.target

    hours = Property(QVariantList, _get_hours, notify=hoursChanged)
    median = Property(QVariantList, _get_median, notify=medianChanged)
    p90 = Property(QVariantList, _get_p90, notify=p90Changed)
    unit = Property(str, _get_unit, notify=unitChanged)
    top = Property(float, _get_top, notify=topChanged)
    tick = Property(float, _get_tick, notify=tickChanged)
    target = Property(float, _get_target, notify=targetChanged)


@QmlElement
@QmlUncreatable("The figures page has one.")
class WaitChart(QObject):
    """How long visitors waited: visitors per bin, within the welcome target and over it."""

    labelsChanged = Signal()
    withinChanged = Signal()
    overChanged = Signal()
    unitChanged = Signal()
    topChanged = Signal()
    tickChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bins = WaitBins([], [], [], "min", _NO_SCALE)

    def show(self, bins: WaitBins) -> None:
        before, self._bins = self._bins, bins
        _emit_changed(
            before,
            bins,
            {
                "labels": self.labelsChanged,
                "within": self.withinChanged,
                "over": self.overChanged,
                "unit": self.unitChanged,
            },
        )
        _emit_scale(before.scale, bins.scale, self.topChanged, self.tickChanged)

    def _get_labels(self) -> list[str]:
        return self._bins.labels

    def _get_within(self) -> list[int]:
        return self._bins.within

    def _get_over(self) -> list[int]:
        return self._bins.over

    def _get_unit(self) -> str:
        return self._bins.unit

    def _get_top(self) -> float:
        return self._bins.scale.top

    def _get_tick(self) -> float:
        return self._bins.scale.tick

    labels = Property(QVariantList, _get_labels, notify=labelsChanged)
    within = Property(QVariantList, _get_within, notify=withinChanged)
    over = Property(QVariantList, _get_over, notify=overChanged)
    unit = Property(str, _get_unit, notify=unitChanged)
    top = Property(float, _get_top, notify=topChanged)
    tick = Property(float, _get_tick, notify=tickChanged)


@QmlElement
@QmlUncreatable("The figures page has one.")
class VisitChart(QObject):
    """Visits per day (or per week, month or year over a long range)."""

    labelsChanged = Signal()
    visitsChanged = Signal()
    perChanged = Signal()
    topChanged = Signal()
    tickChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bars = VisitBars([], [], "day", _NO_SCALE)

    def show(self, bars: VisitBars) -> None:
        before, self._bars = self._bars, bars
        _emit_changed(
            before,
            bars,
            {"labels": self.labelsChanged, "visits": self.visitsChanged, "per": self.perChanged},
        )
        _emit_scale(before.scale, bars.scale, self.topChanged, self.tickChanged)

    def _get_labels(self) -> list[str]:
        return self._bars.labels

    def _get_visits(self) -> list[int]:
        return self._bars.visits

    def _get_per(self) -> str:
        return self._bars.per

    def _get_top(self) -> float:
        return self._bars.scale.top

    def _get_tick(self) -> float:
        return self._bars.scale.tick

    labels = Property(QVariantList, _get_labels, notify=labelsChanged)
    visits = Property(QVariantList, _get_visits, notify=visitsChanged)
    per = Property(str, _get_per, notify=perChanged)
    top = Property(float, _get_top, notify=topChanged)
    tick = Property(float, _get_tick, notify=tickChanged)


def _emit_changed(before: Any, after: Any, signals: dict[str, Any]) -> None:
    for field, signal in signals.items():
        if getattr(before, field) != getattr(after, field):
            signal.emit()


def _emit_scale(before: Scale, after: Scale, top: Any, tick: Any) -> None:
    if before.top != after.top:
        top.emit()
    if before.tick != after.tick:
        tick.emit()


@QmlElement
@QmlUncreatable("The dashboard's view model has the one figures page.")
class DashboardFigures(QObject):
    """Everything the figures page shows, from the latest `figures` reply."""

    targetChanged = Signal()
    visitsChanged = Signal()
    loadedChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tiles = RowsModel(TILE_FIELDS, self)
        self._recognitions = RowsModel(RECOGNITION_FIELDS, self)
        self._hours = HourChart(self)
        self._waits = WaitChart(self)
        self._days = VisitChart(self)
        self._target = ""
        self._visits = 0
        self._loaded = False

    def show(self, figures: dict[str, Any]) -> None:
        """Show a `figures` reply."""
        welcome_s = int(figures["targets"]["welcome_s"])
        current, previous = figures["current"], figures["previous"]
        self._tiles.replace_rows([asdict(t) for t in tiles(current, previous, welcome_s)])
        self._recognitions.replace_rows(
            [
                {
                    "name": r.name,
                    "welcomed": r.welcomed,
                    "median": r.median,
                    "bestWeek": r.best_week,
                }
                for r in recognitions(figures.get("receptionists", []), welcome_s)
            ]
        )
        self._hours.show(hour_bars(figures.get("by_hour", []), welcome_s))
        self._waits.show(wait_bins(figures.get("waits", []), welcome_s))
        self._days.show(visit_bars(figures.get("visits_per_day", [])))
        self._set("_target", say.within(welcome_s), self.targetChanged)
        self._set("_visits", int(current.get("visits") or 0), self.visitsChanged)
        self._set("_loaded", True, self.loadedChanged)

    def _set(self, attribute: str, value: Any, signal: Any) -> None:
        if getattr(self, attribute) != value:
            setattr(self, attribute, value)
            signal.emit()

    @property
    def visit_count(self) -> int:
        return self._visits

    def _get_tiles(self) -> RowsModel:
        return self._tiles

    def _get_recognitions(self) -> RowsModel:
        return self._recognitions

    def _get_hours(self) -> HourChart:
        return self._hours

    def _get_waits(self) -> WaitChart:
        return self._waits

    def _get_days(self) -> VisitChart:
        return self._days

    def _get_target(self) -> str:
        return self._target

    def _get_visits(self) -> int:
        return self._visits

    def _get_loaded(self) -> bool:
        return self._loaded

    tiles = Property(RowsModel, _get_tiles, constant=True)
    recognitions = Property(RowsModel, _get_recognitions, constant=True)
    hours = Property(HourChart, _get_hours, constant=True)
    waits = Property(WaitChart, _get_waits, constant=True)
    days = Property(VisitChart, _get_days, constant=True)
    target = Property(str, _get_target, notify=targetChanged)  # "within 3 min"
    visits = Property(int, _get_visits, notify=visitsChanged)
    loaded = Property(bool, _get_loaded, notify=loadedChanged)
