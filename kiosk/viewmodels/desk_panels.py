"""The desk's views beside the queue: who is on site (and the roll call), who is expected today,
whether the hosts' messages are getting through, and what is wrong at a kiosk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.desk_expected import DeskExpected
from kiosk.viewmodels.desk_on_site import DeskOnSite

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

SETTLE_MS = 250  # a burst of arrivals asks for the lists once

Ask = Callable[..., None]  # (command, on_reply, on_refusal=None, **fields)


@QmlElement
@QmlUncreatable("The desk's view model has the views beside the queue.")
class DeskPanels(QObject):
    hostProblemChanged = Signal()
    kioskProblemChanged = Signal()

    def __init__(
        self,
        site_name: str,
        pdf_folder: Path,
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_site = DeskOnSite(site_name, pdf_folder, say, self)
        self.expected = DeskExpected(say, self)
        self._host_problem = ""
        self._kiosk_problem = ""
        self._on_site_soon = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._on_site_soon.timeout.connect(self.on_site.refresh)
        self._expected_soon = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._expected_soon.timeout.connect(self.expected.refresh)

    def connected(self, ask: Ask, staff_fields: Callable[[], dict[str, Any]]) -> None:
        self.on_site.connected(ask, staff_fields)
        self.expected.connected(ask)

    def disconnected(self) -> None:
        self.on_site.disconnected()
        self.expected.disconnected()

    def queue(self, result: dict[str, Any]) -> None:
        """The queue reply: it says how the messages to hosts are going, and what is wrong at
        the kiosks."""
        if "host_messages" in result:
            self._hosts(result["host_messages"] or {})
        if "kiosk_problems" in result:
            self._kiosks(result["kiosk_problems"] or [])

    def visit_news(self, message: dict[str, Any]) -> None:
        kind = message.get("event")
        if kind == "accounted_for":
            self.on_site.accounted_for(int(message.get("visit_id") or 0))
            return
        self._on_site_soon.start()
        if kind == "checked_in":
            self._expected_soon.start()

    def notice(self, message: dict[str, Any]) -> None:
        notice = message.get("notice")
        if notice == "roll_call":
            self.on_site.roll_call_changed(message.get("roll_call"))
            self._on_site_soon.start()
        elif notice == "expected":
            self._expected_soon.start()
        elif notice == "host_messages":
            self._hosts(message)
        elif notice == "kiosks":
            self._kiosks(message.get("problems") or [])

    def _hosts(self, status: dict[str, Any]) -> None:
        # The hub's sentence, shown only while there is a problem.
        problem = ""
        if status.get("problem"):
            fallback = self.tr("Hosts can't be told of their visitors just now.")
            problem = str(status.get("message") or fallback)
        if problem != self._host_problem:
            self._host_problem = problem
            self.hostProblemChanged.emit()

    def _kiosks(self, problems: list[dict[str, Any]]) -> None:
        # One line a kiosk, in the kiosk's words: a badge printer stopped, say.
        lines = []
        for told in problems:
            kiosk = str(told.get("kiosk") or "") or self.tr("The hub's own kiosk")
            lines.append(self.tr("%1: %2").replace("%1", kiosk).replace("%2", str(told["problem"])))
        problem = "\n".join(lines)
        if problem != self._kiosk_problem:
            self._kiosk_problem = problem
            self.kioskProblemChanged.emit()

    def _get_on_site(self) -> DeskOnSite:
        return self.on_site

    def _get_expected(self) -> DeskExpected:
        return self.expected

    def _get_host_problem(self) -> str:
        return self._host_problem

    onSite = Property(DeskOnSite, _get_on_site, constant=True)
    expectedToday = Property(DeskExpected, _get_expected, constant=True)
    hostProblem = Property(str, _get_host_problem, notify=hostProblemChanged)

    def _get_kiosk_problem(self) -> str:
        return self._kiosk_problem

    kioskProblem = Property(str, _get_kiosk_problem, notify=kioskProblemChanged)
