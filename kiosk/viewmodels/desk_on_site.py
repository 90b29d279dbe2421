"""On site, at the desk: everyone checked in and not yet out, the roll call with a big
"Accounted for" per person, and the list on paper, from the last list the hub gave even when it
no longer answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.app.printing import (
    OnSiteList,
    OnSitePerson,
    PrintError,
    on_site_printout,
    print_pages,
    write_pdf,
)
from kiosk.viewmodels.dashboard_text import clock_time
from kiosk.viewmodels.desk_person import Ask
from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

FIELDS = ("visitId", "name", "host", "since", "waiting", "accounted")
PRINT, PDF = "print", "pdf"

Say = Callable[[str], None]  # a sentence for the receptionist (the desk's note)


def pdf_name(at_ms: int) -> str:
    """ "On site 2026-11-24 10-42.pdf": sorts by time, and is a valid name everywhere."""
    return f"On site {datetime.fromtimestamp(at_ms / 1000):%Y-%m-%d %H-%M}.pdf"


def row_of(visit: dict[str, Any]) -> dict[str, Any]:
    return {
        "visitId": int(visit["visit_id"]),
        "name": visit.get("name") or "",
        "host": visit.get("host") or "",
        "since": clock_time(int(visit.get("checked_in_at") or 0)),
        "waiting": visit.get("state") in ("waiting", "acknowledged"),
        "accounted": bool(visit.get("accounted")),
    }


@QmlElement
@QmlUncreatable("The desk's view model keeps the one on-site list.")
class DeskOnSite(QObject):
    countsChanged = Signal()
    rollCallChanged = Signal()
    asOfChanged = Signal()
    confirmingEndChanged = Signal()
    busyChanged = Signal()

    def __init__(
        self,
        site_name: str,
        pdf_folder: Path,
        say: Say,
        parent: QObject | None = None,
        *,
        printer: Callable[..., str] = print_pages,
        pdf_writer: Callable[..., int] = write_pdf,
    ) -> None:
        super().__init__(parent)
        self._site_name = site_name
        self._pdf_folder = pdf_folder
        self._say = say
        self._printer, self._pdf_writer = printer, pdf_writer
        self._rows = RowsModel(FIELDS, self)
        self._visits: list[dict[str, Any]] = []
        self._at = 0
        self._roll_call: dict[str, Any] | None = None
        self._confirming_end = False
        self._busy = False
        self._ask: Ask | None = None
        self._staff_fields: Callable[[], dict[str, Any]] = dict

    # --- the hub ----------------------------------------------------------------------------

    def connected(self, ask: Ask, staff_fields: Callable[[], dict[str, Any]]) -> None:
        self._ask, self._staff_fields = ask, staff_fields
        self.refresh()
        self.asOfChanged.emit()

    def disconnected(self) -> None:
        self._ask = None
        self.asOfChanged.emit()

    def refresh(self) -> None:
        if self._ask is not None:
            self._ask("on_site", self.show)

    def show(self, result: dict[str, Any]) -> None:
        """The hub's list: the truth, kept for printing should the hub stop answering."""
        self._at = int(result.get("at") or 0)
        self._visits = [dict(v) for v in result.get("visits", [])]
        self._rows.replace_rows([row_of(v) for v in self._visits])
        self.asOfChanged.emit()
        self.roll_call_changed(result.get("roll_call"))

    def roll_call_changed(self, roll_call: dict[str, Any] | None) -> None:
        """A roll call started or ended, here or anywhere else."""
        if (self._roll_call is None) != (roll_call is None):
            self._roll_call = roll_call
            self.rollCallChanged.emit()
            if roll_call is None:
                for visit in self._visits:
                    visit["accounted"] = False
                self._rows.replace_rows([row_of(v) for v in self._visits])
        self._roll_call = roll_call
        if roll_call is None:  # a fresh list leaves the question asked; an ended call does not
            self._set_confirming_end(False)
        self.countsChanged.emit()

    def accounted_for(self, visit_id: int) -> None:
        """Someone was seen safe, at this desk or any other."""
        for index, visit in enumerate(self._visits):
            if visit["visit_id"] == visit_id and not visit.get("accounted"):
                visit["accounted"] = True
                self._rows.set_row(index, row_of(visit))
                self.countsChanged.emit()
                return

    # --- the roll call ----------------------------------------------------------------------

    @Slot()
    def startRollCall(self) -> None:
        if self._ask is not None and self._roll_call is None:
            self._ask("start_roll_call", self._changed, **self._staff_fields())

    @Slot()
    def endRollCall(self) -> None:
        """Asks once while anyone is not accounted for."""
        if self._unaccounted() and not self._confirming_end:
            self._set_confirming_end(True)
            return
        self.confirmEnd(True)

    @Slot(bool)
    def confirmEnd(self, end: bool) -> None:
        self._set_confirming_end(False)
        if end and self._ask is not None and self._roll_call is not None:
            self._ask("end_roll_call", self._changed)

    @Slot(int)
    def markAccounted(self, visit_id: int) -> None:
        if self._ask is not None and self._roll_call is not None:
            self._ask(
                "accounted_for",
                lambda _result: self.accounted_for(visit_id),
                visit_id=visit_id,
                **self._staff_fields(),
            )

    def _changed(self, _result: dict[str, Any]) -> None:
        self.refresh()

    def _unaccounted(self) -> int:
        return sum(1 for v in self._visits if not v.get("accounted"))

    def _set_confirming_end(self, confirming: bool) -> None:
        if confirming != self._confirming_end:
            self._confirming_end = confirming
            self.confirmingEndChanged.emit()

    # --- on paper ---------------------------------------------------------------------------

    @Slot()
    def printList(self) -> None:
        """Print the list kept here; with no printer, save it as a PDF instead."""
        self._soon(PRINT)

    @Slot()
    def savePdf(self) -> None:
        self._soon(PDF)

    def _soon(self, how: str) -> None:
        # "Printing…" shows first: a page or two takes a moment, never long enough to matter.
        if self._busy:
            return
        self._set_busy(True)
        QTimer.singleShot(0, self, lambda: self._print(how))

    def listing(self) -> OnSiteList:
        rows = self._rows.rows()
        people = tuple(OnSitePerson(r["name"], r["host"], r["since"], r["accounted"]) for r in rows)
        title = self.tr("On site at %1").replace("%1", self._site_name)
        when = datetime.fromtimestamp(self._at / 1000).strftime("%a %d %b %Y, %H:%M")
        if self._ask is None:
            when = self._get_as_of()
        return OnSiteList(title, when, self._get_roll_call_text(), people)

    def _print(self, how: str) -> None:
        try:
            listing = self.listing()
            if how == PRINT:
                try:
                    printer = self._printer(on_site_printout(listing), title=listing.title)
                except PrintError as error:
                    self._save_pdf(listing, str(error))
                    return
                self._say(self.tr("The list is printing on %1.").replace("%1", printer))
                return
            self._save_pdf(listing, "")
        finally:
            self._set_busy(False)

    def _save_pdf(self, listing: OnSiteList, why_not_printed: str) -> None:
        path = self._pdf_folder / pdf_name(self._at)
        try:
            self._pdf_writer(path, on_site_printout(listing), title=listing.title)
        except PrintError as error:
            self._say(" ".join(s for s in (why_not_printed, str(error)) if s))
            return
        if why_not_printed:
            sentence = self.tr("%1 The list is saved as %2 instead.").replace("%1", why_not_printed)
            self._say(sentence.replace("%2", str(path)))
        else:
            self._say(self.tr("The list is saved as %1.").replace("%1", str(path)))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busyChanged.emit()

    # --- properties -------------------------------------------------------------------------

    def _get_rows(self) -> RowsModel:
        return self._rows

    def _get_headcount(self) -> str:
        count = len(self._visits)
        if count == 0:
            return self.tr("Nobody is checked in.")
        if count == 1:
            return self.tr("1 person on site")
        return self.tr("%1 people on site").replace("%1", str(count))

    def _get_roll_call(self) -> bool:
        return self._roll_call is not None

    def _get_roll_call_text(self) -> str:
        if self._roll_call is None:
            return ""
        return (
            self.tr("Roll call since %1: %2 of %3 accounted for")
            .replace("%1", clock_time(int(self._roll_call.get("started_at") or 0)))
            .replace("%2", str(len(self._visits) - self._unaccounted()))
            .replace("%3", str(len(self._visits)))
        )

    def _get_as_of(self) -> str:
        """Said while the hub does not answer: how old the list is."""
        if self._ask is not None or not self._at:
            return ""
        return self.tr("As of %1, the hub is not answering.").replace("%1", clock_time(self._at))

    def _get_online(self) -> bool:
        return self._ask is not None

    def _get_confirming_end(self) -> bool:
        return self._confirming_end

    def _get_confirm_text(self) -> str:
        return self.tr("Not accounted for yet: %1. End the roll call all the same?").replace(
            "%1", str(self._unaccounted())
        )

    def _get_busy(self) -> bool:
        return self._busy

    rows = Property(RowsModel, _get_rows, constant=True)
    headcount = Property(str, _get_headcount, notify=countsChanged)
    rollCall = Property(bool, _get_roll_call, notify=rollCallChanged)
    rollCallText = Property(str, _get_roll_call_text, notify=countsChanged)
    asOf = Property(str, _get_as_of, notify=asOfChanged)
    online = Property(bool, _get_online, notify=asOfChanged)  # the roll call needs the hub
    confirmingEnd = Property(bool, _get_confirming_end, notify=confirmingEndChanged)
    confirmText = Property(str, _get_confirm_text, notify=countsChanged)
    busy = Property(bool, _get_busy, notify=busyChanged)
