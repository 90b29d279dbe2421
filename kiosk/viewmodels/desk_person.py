"""Who sits at a desk console, the staff they choose from, and their day so far."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

# "Someone at this desk": answers without a name, for a desk shared by whoever is there.
SOMEONE_HERE = -1
NOBODY = 0
YOUR_DAY_REFRESH_MS = 60_000

Ask = Callable[..., None]  # (command, on_reply, **fields): a request to the hub, if connected


class Memory(Protocol):
    """kiosk.app.desk_settings_file.DeskSettingsFile: what the desk writes back to its settings."""

    def save_receptionist(self, staff_id: int) -> None: ...


@QmlElement
@QmlUncreatable("The desk's view model knows who sits at the desk.")
class DeskPerson(QObject):
    """Asked once per desk: who answers here, so "On my way" and "Your day" are theirs.

    Everyone on the staff list may be chosen (receptionists first), and "Someone at this desk"
    too: a desk is never a dead end that hides a waiting visitor.
    """

    staffIdChanged = Signal()
    nameChanged = Signal()
    welcomedTodayChanged = Signal()
    medianWaitSecondsChanged = Signal()
    chosen = Signal()  # someone was chosen: the console can show the queue
    needed = Signal()  # nobody (or nobody still on the staff list) sits here: ask

    def __init__(self, memory: Memory, staff_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._memory = memory
        self._staff_id = staff_id
        self._name = ""
        self._staff = RowsModel(("id", "name", "department", "receptionist"), self)
        self._welcomed_today = 0
        self._median_wait_s = -1.0
        self._ask: Ask | None = None
        self._day_timer = QTimer(self)
        self._day_timer.timeout.connect(self.refresh_day)
        self._day_timer.start(YOUR_DAY_REFRESH_MS)

    def connected(self, ask: Ask) -> None:
        """The hub answers: learn the staff list and this person's day."""
        self._ask = ask
        ask("receptionists", self._got_staff)
        self.refresh_day()

    def disconnected(self) -> None:
        self._ask = None

    def staff_changed(self) -> None:
        if self._ask is not None:
            self._ask("receptionists", self._got_staff)

    @property
    def staff_id(self) -> int:
        """A member of staff's number, SOMEONE_HERE, or NOBODY."""
        return self._staff_id

    def answering_fields(self) -> dict[str, Any]:
        """Who answers, as the hub's acknowledge/welcome commands name them."""
        return {"staff_id": self._staff_id} if self._staff_id > 0 else {}

    def status_id(self) -> int | None:
        """For the desk's status: a staff number, 0 for someone at this desk, None for nobody."""
        return None if self._staff_id == NOBODY else max(self._staff_id, 0)

    def _got_staff(self, result: dict[str, Any]) -> None:
        staff = result.get("staff", [])
        self._staff.set_rows(
            [
                {
                    "id": s["id"],
                    "name": s["name"],
                    "department": s.get("department") or "",
                    "receptionist": bool(s.get("receptionist")),
                }
                for s in staff
            ]
        )
        if self._staff_id == SOMEONE_HERE:
            self._name = self.tr("Someone at this desk")
        else:
            me = next((s for s in staff if s["id"] == self._staff_id), None)
            self._name = me["name"] if me else ""
            if me is None:  # not chosen yet, or no longer on the staff list
                self._staff_id = NOBODY
                self._who_changed()
                self.needed.emit()
                return
        self._who_changed()

    @Slot(int)
    def choose(self, staff_id: int) -> None:
        """A member of staff by number, or SOMEONE_HERE."""
        if staff_id == SOMEONE_HERE:
            name = self.tr("Someone at this desk")
        else:
            person = next((r for r in self._staff.rows() if r["id"] == staff_id), None)
            if person is None:
                return
            name = person["name"]
        self._staff_id, self._name = staff_id, name
        self._memory.save_receptionist(staff_id)
        self._who_changed()
        self._set_day(0, -1.0)
        self.chosen.emit()
        self.refresh_day()

    def _who_changed(self) -> None:
        self.staffIdChanged.emit()
        self.nameChanged.emit()

    def refresh_day(self) -> None:
        if self._ask is not None and self._staff_id > 0:
            self._ask("your_day", self._got_day, staff_id=self._staff_id)

    def _got_day(self, result: dict[str, Any]) -> None:
        median = result.get("median_wait_s")
        self._set_day(int(result.get("welcomed") or 0), float(median) if median is not None else -1)

    def _set_day(self, welcomed: int, median_wait_s: float) -> None:
        if welcomed != self._welcomed_today:
            self._welcomed_today = welcomed
            self.welcomedTodayChanged.emit()
        if median_wait_s != self._median_wait_s:
            self._median_wait_s = median_wait_s
            self.medianWaitSecondsChanged.emit()

    def _get_staff(self) -> RowsModel:
        return self._staff

    def _get_staff_id(self) -> int:
        return self._staff_id

    def _get_name(self) -> str:
        return self._name

    def _get_someone_here(self) -> int:
        return SOMEONE_HERE

    def _get_welcomed_today(self) -> int:
        return self._welcomed_today

    def _get_median_wait_seconds(self) -> float:
        return self._median_wait_s

    staff = Property(RowsModel, _get_staff, constant=True)
    staffId = Property(int, _get_staff_id, notify=staffIdChanged)
    name = Property(str, _get_name, notify=nameChanged)
    someoneHere = Property(int, _get_someone_here, constant=True)
    welcomedToday = Property(int, _get_welcomed_today, notify=welcomedTodayChanged)
    medianWaitSeconds = Property(float, _get_median_wait_seconds, notify=medianWaitSecondsChanged)
