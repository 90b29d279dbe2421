"""Badges printed at check-in, on the printer named in the kiosk's settings, from a worker thread:
the visitor is never held up by a printer.

Each badge is drawn into a PDF in a private temporary folder, sent to the printer's CUPS queue
and the file removed; the job is then watched until it finishes. A printer CUPS does not know,
a stopped queue, one that takes no jobs, or a badge not printed within a minute is the kiosk's
`problem`, in a sentence with CUPS's reason, which the kiosk tells the hub and the desks show.
While there is a problem the printer is looked at again now and then, and the problem clears as
soon as the printer works again. The job's title says "Visitor badge", never the visitor's name:
anyone on the network may list a printer's queue.
"""

from __future__ import annotations

import contextlib
import queue
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk.app import cups
from kiosk.app.badge_printout import LABELS, Badge, badge_printout
from kiosk.app.printing import PrintError, write_pdf
from kiosk.store.settings import Badges

FINISH_WITHIN_S = 60.0
WATCH_EVERY_S = 1.0
RECHECK_EVERY_MS = 30_000
FIRST_LOOK_MS = 2_000
TITLE = "Visitor badge"
_LOOK_AGAIN = object()  # a job for the worker: is the problem over?


class BadgePrinter(QObject):
    problemChanged = Signal()
    _found = Signal(str)  # from the worker thread: the problem now, or ""

    def __init__(
        self,
        options: Badges,
        *,
        finish_within_s: float = FINISH_WITHIN_S,
        watch_every_s: float = WATCH_EVERY_S,
        recheck_every_ms: int = RECHECK_EVERY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._printer = options.printer
        self._paper = LABELS[options.label]
        self._finish_within_s = finish_within_s
        self._watch_every_s = watch_every_s
        self._problem = ""
        self._late: list[str] = []  # jobs past their minute: the worker's alone
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._found.connect(self._set_problem, Qt.ConnectionType.QueuedConnection)
        self._recheck = QTimer(self, interval=recheck_every_ms)
        self._recheck.timeout.connect(lambda: self._jobs.put(_LOOK_AGAIN))
        # Gone with its owner (the kiosk's view model), the thread goes too; nothing of `self`
        # is held here, as the object is being destroyed.
        stopping, jobs = self._stopping, self._jobs
        self.destroyed.connect(lambda: (stopping.set(), jobs.put(None)))
        self._worker = threading.Thread(target=self._work, name="badge-printer", daemon=True)
        self._worker.start()
        # A printer missing at start is said soon, not in the kiosk's first moments.
        QTimer.singleShot(FIRST_LOOK_MS, self, lambda: self._jobs.put(_LOOK_AGAIN))

    def print_badge(self, badge: dict[str, str]) -> None:
        """Print the hub's badge ({"name", "visiting", "day", "code"}); returns at once."""
        self._jobs.put(Badge(**badge))

    def stop(self) -> None:
        self._stopping.set()
        self._jobs.put(None)

    def _get_problem(self) -> str:
        return self._problem

    problem = Property(str, _get_problem, notify=problemChanged)

    @Slot(str)
    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit()
        if problem:
            self._recheck.start()
        else:
            self._recheck.stop()

    # --- the worker thread ---------------------------------------------------------------------

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None and not self._stopping.is_set():
            try:
                problem = self._look_again() if job is _LOOK_AGAIN else self._print(job)
            except (cups.CupsError, PrintError) as error:
                problem = str(error)
            with contextlib.suppress(RuntimeError):  # the kiosk closed meanwhile
                self._found.emit(self._sentence(problem))

    def _look_again(self) -> str:
        problem = cups.queue_problem(self._printer)
        doing = {job: cups.unfinished(self._printer, job) for job in self._late}
        self._late = [job for job, still in doing.items() if still is not None]
        if problem or not self._late:
            return problem
        return self._waited_too_long(doing[self._late[0]] or "")

    def _print(self, badge: Badge) -> str:
        problem = cups.queue_problem(self._printer)
        if problem:
            return problem
        with tempfile.TemporaryDirectory(prefix="kiosk-badge-") as folder:
            pdf = Path(folder) / "badge.pdf"
            write_pdf(pdf, badge_printout(badge), title=TITLE, paper=self._paper)
            job = cups.send_pdf(self._printer, pdf, TITLE, self._paper.millimetres())
        deadline = time.monotonic() + self._finish_within_s
        while (doing := cups.unfinished(self._printer, job)) is not None:
            if time.monotonic() >= deadline:
                self._late.append(job)
                return self._waited_too_long(doing)
            if self._stopping.wait(self._watch_every_s):
                return ""
        return "" if not self._late else self._look_again()

    def _waited_too_long(self, doing: str) -> str:
        seconds = round(self._finish_within_s)
        because = f" ({doing})" if doing else ""
        return f"A badge has not printed on {self._printer} within {seconds} s{because}."

    @staticmethod
    def _sentence(problem: str) -> str:
        return f"{problem} Badges are not printing." if problem else ""
