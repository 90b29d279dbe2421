"""On site now: everyone checked in and not yet out, the roll call, and the printed list for an
evacuation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.app.printing import (
    OnSiteList,
    OnSitePerson,
    PrintError,
    on_site_printout,
    print_pages,
    write_pdf,
)
from kiosk.viewmodels import dashboard_text as say
from kiosk.viewmodels.desk_on_site import pdf_name
from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

FIELDS = ("visitId", "name", "host", "since", "status", "accounted")
PRINT, PDF = "print", "pdf"

Ask = Callable[..., None]  # (command, on_reply, **fields): the dashboard's way to the hub


def status_of(visit: dict[str, Any]) -> str:
    state = visit.get("state")
    if state in ("waiting", "acknowledged"):
        return say.translate("Waiting at reception")
    return say.translate("With their host")


def row_of(visit: dict[str, Any]) -> dict[str, Any]:
    return {
        "visitId": int(visit["visit_id"]),
        "name": visit.get("name") or say.translate("(name erased)"),
        "host": visit.get("host") or say.translate("no host"),
        "since": say.clock_time(int(visit["checked_in_at"])),
        "status": status_of(visit),
        "accounted": bool(visit.get("accounted")),
    }


@QmlElement
@QmlUncreatable("The dashboard's view model has the one on-site list.")
class DashboardOnSite(QObject):
    headcountChanged = Signal()
    rollCallChanged = Signal()
    rollCallTextChanged = Signal()
    confirmingEndChanged = Signal()
    confirmTextChanged = Signal()

    def __init__(
        self,
        site_name: str,
        pdf_folder: Path,
        say_done: Callable[[str], None],
        parent: QObject | None = None,
        *,
        printer: Callable[..., str] = print_pages,
    ) -> None:
        """`say_done` shows a sentence to the manager: where the PDF went, why printing failed.
        `printer` prints a printout (kiosk.app.printing.print_pages)."""
        super().__init__(parent)
        self._printer = printer
        self._site_name = site_name
        self._pdf_folder = pdf_folder
        self._say = say_done
        self._rows = RowsModel(FIELDS, self)
        self._visits: list[dict[str, Any]] = []
        self._at = 0
        self._roll_call: dict[str, Any] | None = None
        self._confirming_end = False
        self._ask: Ask | None = None

    def use(self, ask: Ask) -> None:
        self._ask = ask

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        if self._ask is not None:
            self._ask("on_site", lambda result: self._show(result, then))

    def _show(self, result: dict[str, Any], then: Callable[[], None] | None = None) -> None:
        self._at = int(result.get("at") or 0)
        self._visits = list(result.get("visits", []))
        self._rows.replace_rows([row_of(v) for v in self._visits])
        self.headcountChanged.emit()
        self.roll_call_changed(result.get("roll_call"))
        if then is not None:
            then()

    def roll_call_changed(self, roll_call: dict[str, Any] | None) -> None:
        """A roll call started or ended (here, or at another desk or dashboard)."""
        was_on = self._roll_call is not None
        self._roll_call = roll_call
        if was_on != (roll_call is not None):
            self.rollCallChanged.emit()
            if roll_call is None:
                for visit in self._visits:
                    visit["accounted"] = False
                self._rows.set_rows([row_of(v) for v in self._visits])
        self._set_confirming_end(False)
        self._counts_changed()

    def accounted_for(self, visit_id: int) -> None:
        """Someone was marked accounted for, at any desk or dashboard."""
        for index, visit in enumerate(self._visits):
            if visit["visit_id"] == visit_id and not visit.get("accounted"):
                visit["accounted"] = True
                self._rows.set_row(index, row_of(visit))
                self._counts_changed()
                return

    def _counts_changed(self) -> None:
        self.rollCallTextChanged.emit()
        self.confirmTextChanged.emit()

    # --- the roll call ----------------------------------------------------------------------

    @Slot()
    def startRollCall(self) -> None:
        if self._ask is not None and self._roll_call is None:
            self._ask("start_roll_call", lambda _result: self.refresh())

    @Slot()
    def endRollCall(self) -> None:
        """Asks first while anyone is not accounted for."""
        if self._unaccounted() and not self._confirming_end:
            self._set_confirming_end(True)
            return
        self.confirmEnd(True)

    @Slot(bool)
    def confirmEnd(self, end: bool) -> None:
        self._set_confirming_end(False)
        if end and self._ask is not None and self._roll_call is not None:
            self._ask("end_roll_call", lambda _result: self.refresh())

    @Slot(int)
    def markAccounted(self, visit_id: int) -> None:
        if self._ask is not None and self._roll_call is not None:
            self._ask(
                "accounted_for", lambda _result: self.accounted_for(visit_id), visit_id=visit_id
            )

    def _unaccounted(self) -> int:
        return sum(1 for v in self._visits if not v.get("accounted"))

    def _set_confirming_end(self, confirming: bool) -> None:
        if confirming != self._confirming_end:
            self._confirming_end = confirming
            self.confirmingEndChanged.emit()

    # --- the printed list -------------------------------------------------------------------

    @Slot()
    def printList(self) -> None:
        """Print the list as the hub has it now; with no printer here, save it as a PDF."""
        self.refresh(then=lambda: self._print(PRINT))

    @Slot()
    def savePdf(self) -> None:
        self.refresh(then=lambda: self._print(PDF))

    def listing(self) -> OnSiteList:
        """The list as it is now, for paper."""
        people = tuple(
            OnSitePerson(row["name"], row["host"], row["since"], row["accounted"])
            for row in self._rows.rows()
        )
        title = say.translate("On site at %1").replace("%1", self._site_name)
        when = say.day_and_time(self._at) if self._at else ""
        return OnSiteList(title, when, self._get_roll_call_text(), people)

    def _print(self, how: str) -> None:
        listing = self.listing()
        if how == PRINT:
            try:
                printer = self._printer(on_site_printout(listing), title=listing.title)
            except PrintError as error:
                self._save_pdf(listing, str(error))
                return
            people = self._people(len(listing.people))
            sentence = say.translate("The list of %1 is printing on %2.")
            self._say(sentence.replace("%1", people).replace("%2", printer))
            return
        self._save_pdf(listing, "")

    def _save_pdf(self, listing: OnSiteList, why_not_printed: str) -> None:
        path = self._pdf_folder / pdf_name(self._at)
        try:
            write_pdf(path, on_site_printout(listing), title=listing.title)
        except PrintError as error:
            self._say(" ".join(s for s in (why_not_printed, str(error)) if s))
            return
        saved = say.translate("The list is saved as %1.").replace("%1", str(path))
        if why_not_printed:
            saved = (
                say.translate("%1 The list is saved as %2 instead.")
                .replace("%1", why_not_printed)
                .replace("%2", str(path))
            )
        self._say(saved)

    # --- properties -------------------------------------------------------------------------

    def _people(self, count: int) -> str:
        if count == 1:
            return say.translate("1 person")
        return say.translate("%1 people").replace("%1", say.count(count))

    def _get_rows(self) -> RowsModel:
        return self._rows

    def _get_headcount(self) -> str:
        if not self._visits:
            return say.translate("Nobody is checked in.")
        return say.translate("%1 on site").replace("%1", self._people(len(self._visits)))

    def _get_roll_call(self) -> bool:
        return self._roll_call is not None

    def _get_roll_call_text(self) -> str:
        if self._roll_call is None:
            return ""
        accounted = len(self._visits) - self._unaccounted()
        return (
            say.translate("Roll call started at %1: %2 of %3 accounted for.")
            .replace("%1", say.clock_time(int(self._roll_call.get("started_at") or 0)))
            .replace("%2", say.count(accounted))
            .replace("%3", say.count(len(self._visits)))
        )

    def _get_confirming_end(self) -> bool:
        return self._confirming_end

    def _get_confirm_text(self) -> str:
        return say.translate("%1 not accounted for yet. End the roll call all the same?").replace(
            "%1", self._people(self._unaccounted())
        )

    rows = Property(RowsModel, _get_rows, constant=True)
    headcount = Property(str, _get_headcount, notify=headcountChanged)
    rollCall = Property(bool, _get_roll_call, notify=rollCallChanged)
    rollCallText = Property(str, _get_roll_call_text, notify=rollCallTextChanged)
    confirmingEnd = Property(bool, _get_confirming_end, notify=confirmingEndChanged)
    confirmText = Property(str, _get_confirm_text, notify=confirmTextChanged)
