"""Expected today, at the desk: who is coming, when, to see whom, and whether they came; the
"Expect a visitor" form that makes an invitation; and withdrawing one, asking once."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.desk_on_site import clock_time
from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

FIELDS = ("expectedId", "time", "name", "host", "note", "status", "arrived", "withdrawable")
DAYS_OFFERED = 14  # today and the next two weeks; further ahead is the manager's `kiosk invite`

Ask = Callable[..., None]  # (command, on_reply, on_refusal=None, **fields)


def status_of(visit: dict[str, Any], tr: Callable[[str], str]) -> str:
    came = visit.get("arrival")
    if not came:
        return tr("Not yet")
    minutes = int(came.get("minutes") or 0)
    if came.get("kind") == "early":
        return tr("Came %1 min early").replace("%1", str(minutes))
    if came.get("kind") == "late":
        return tr("Came %1 min late").replace("%1", str(minutes))
    return tr("Came on time")


def at_ms(day: date, clock: str) -> int | None:
    """ "14:30" on `day`, this computer's local time, as Unix ms; None if it is not a time."""
    hours, _, minutes = clock.strip().replace(".", ":").partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        return None
    if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
        return None
    return int(datetime(day.year, day.month, day.day, int(hours), int(minutes)).timestamp() * 1000)


@QmlElement
@QmlUncreatable("The desk's view model keeps the one list of expected visitors.")
class DeskExpected(QObject):
    confirmingWithdrawChanged = Signal()
    formErrorChanged = Signal()
    invitedChanged = Signal()

    def __init__(
        self,
        say: Callable[[str], None],
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._say = say
        self._clock = clock
        self._rows = RowsModel(FIELDS, self)
        self._days = RowsModel(("label",), self)
        self._name_days()
        self._ask: Ask | None = None
        self._confirming = 0
        self._form_error = ""
        self._invited = ""

    def connected(self, ask: Ask) -> None:
        self._ask = ask
        self.refresh()

    def disconnected(self) -> None:
        self._ask = None

    def refresh(self) -> None:
        if self._ask is not None:
            self._ask("expected", self.show)

    def show(self, result: dict[str, Any]) -> None:
        self._rows.replace_rows(
            [
                {
                    "expectedId": int(v["expected_id"]),
                    "time": clock_time(int(v["expected_at"])),
                    "name": v.get("name") or "",
                    "host": v.get("host") or "",
                    "note": v.get("note") or "",
                    "status": status_of(v, self.tr),
                    "arrived": v.get("arrival") is not None,
                    "withdrawable": not v.get("visit_id") and v.get("arrival") is None,
                }
                for v in result.get("visits", [])
            ]
        )
        self._name_days()  # "Today" may be another day since the last list

    # --- withdrawing ------------------------------------------------------------------------

    @Slot(int)
    def withdraw(self, expected_id: int) -> None:
        """Asks once: the row shows "Yes, withdraw" and "No, keep it"."""
        self._confirming = expected_id
        self.confirmingWithdrawChanged.emit()

    @Slot(bool)
    def confirmWithdraw(self, withdraw: bool) -> None:
        expected_id, self._confirming = self._confirming, 0
        self.confirmingWithdrawChanged.emit()
        if withdraw and expected_id and self._ask is not None:
            self._ask(
                "withdraw_invitation",
                lambda _result: self.refresh(),
                self._withdraw_refused,
                expected_id=expected_id,
            )

    def _withdraw_refused(self, message: str, reason: str) -> None:
        if reason == "not_now":
            self._say(self.tr("That invitation has been used or withdrawn already."))
        else:
            self._say(message)
        self.refresh()

    # --- expecting a visitor ----------------------------------------------------------------

    @Slot(str, str, int, int, str, str, str)
    def expect(
        self,
        name: str,
        email: str,
        host_id: int,
        day_index: int,
        clock: str,
        note: str,
        pronunciation: str,
    ) -> None:
        """From the form: `day_index` counts days from today, `clock` is "14:30"."""
        self._set_invited("")
        today = datetime.fromtimestamp(self._clock()).date()
        when = at_ms(today + timedelta(days=max(0, day_index)), clock)
        if not name.strip():
            self._set_form_error(self.tr("Please type the visitor's name."))
        elif host_id <= 0:
            self._set_form_error(self.tr("Please choose whom they are visiting."))
        elif when is None:
            self._set_form_error(self.tr("Please give the time as hours and minutes, like 14:30."))
        elif self._ask is None:
            self._set_form_error(self.tr("The hub is not answering; try again in a moment."))
        else:
            self._set_form_error("")
            fields = {"email": email.strip(), "note": note.strip(),
                      "pronunciation": pronunciation.strip()}  # fmt: skip
            self._ask(
                "expect",
                lambda result: self._expected(name.strip(), result),
                self._expect_refused,
                name=name.strip(),
                host_id=host_id,
                at=when,
                **{k: v for k, v in fields.items() if v},
            )

    def _expected(self, name: str, result: dict[str, Any]) -> None:
        said = (
            self.tr("%1 is expected, and their invitation is on its way by e-mail.")
            if result.get("mailed")
            else self.tr("%1 is expected. Their invitation code: %2")
        )
        self._set_invited(said.replace("%1", name).replace("%2", str(result.get("code") or "")))
        self.refresh()

    def _expect_refused(self, message: str, reason: str) -> None:
        self._set_form_error(self.refusal(reason) or message)

    def refusal(self, reason: str) -> str:
        """The hub's reason for refusing an invitation, as the form says it ("" if unknown)."""
        return {
            "name_empty": self.tr("Please type the visitor's name."),
            "name_too_long": self.tr("That name is too long; please shorten it."),
            "invalid_name": self.tr("The name holds a character that can't be used; retype it."),
            "invalid_pronunciation": self.tr(
                "The pronunciation holds a character that can't be used; retype it."
            ),
            "invalid_email": self.tr("That e-mail address doesn't look right; check it."),
            "invalid_note": self.tr("The note holds a character that can't be used; retype it."),
            "host_gone": self.tr("That host is no longer on the staff list; choose another."),
        }.get(reason, "")  # fmt: skip

    @Slot()
    def clearForm(self) -> None:
        self._set_form_error("")
        self._set_invited("")

    def _set_form_error(self, text: str) -> None:
        if text != self._form_error:
            self._form_error = text
            self.formErrorChanged.emit()

    def _set_invited(self, text: str) -> None:
        if text != self._invited:
            self._invited = text
            self.invitedChanged.emit()

    # --- properties -------------------------------------------------------------------------

    def _get_rows(self) -> RowsModel:
        return self._rows

    def _get_confirming_withdraw(self) -> int:
        return self._confirming

    def _get_form_error(self) -> str:
        return self._form_error

    def _get_invited(self) -> str:
        return self._invited

    def _name_days(self) -> None:
        """The days the form offers: "Today", "Tomorrow", then "Wed 02 Dec"."""
        today = datetime.fromtimestamp(self._clock()).date()
        named = [self.tr("Today"), self.tr("Tomorrow")]
        labels = named + [
            f"{today + timedelta(days=n):%a %d %b}" for n in range(len(named), DAYS_OFFERED)
        ]
        if [r["label"] for r in self._days.rows()] != labels:
            self._days.set_rows([{"label": label} for label in labels])

    def _get_days(self) -> RowsModel:
        return self._days

    rows = Property(RowsModel, _get_rows, constant=True)
    confirmingWithdraw = Property(int, _get_confirming_withdraw, notify=confirmingWithdrawChanged)
    formError = Property(str, _get_form_error, notify=formErrorChanged)
    invited = Property(str, _get_invited, notify=invitedChanged)
    days = Property(RowsModel, _get_days, constant=True)
