"""Exporting the visits of the dashboard's days to a file: rows come from the hub page by page
and are written in a thread of their own, whole or not at all.

The writer (kiosk.store.export_files.write_export) fills a hidden file beside the target and
renames it only once complete; a cancel stops it between pages and leaves no file behind.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.store.export import FORMATS, XLSX_MAX_ROWS
from kiosk.store.export_files import ExportError, check_place, write_export
from kiosk.viewmodels import dashboard_text as say
from kiosk.viewmodels.dashboard_range import Days
from kiosk.viewmodels.export_feed import Cancelled, Feed

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

PAGE_ROWS = 2000  # the most the hub sends in one page
PAGES_AHEAD = 3  # pages waiting for the writer before the next is asked for

Ask = Callable[..., None]  # (command, on_reply, **fields): the dashboard's way to the hub


def default_name(days: Days, fmt: str) -> str:
    """ "visits 2026-10-26 to 2026-11-24.csv" """
    if days.first == days.last:
        return f"visits {days.first.isoformat()}.{fmt}"
    return f"visits {days.first.isoformat()} to {days.last.isoformat()}.{fmt}"


def with_extension(path: Path, fmt: str) -> Path:
    """`path` ending in the format's extension: the extension is the format."""
    if path.suffix.lower().removeprefix(".") in FORMATS:
        return path.with_suffix(f".{fmt}")
    return path.with_name(f"{path.name}.{fmt}")


@dataclass
class _Job:
    out: Path
    fmt: str
    days: Days
    anonymous: bool
    total: int  # visits expected, from the figures; 0 if unknown
    feed: Feed
    header: list[str] | None = None
    asked: int = 0  # pages asked for and not yet answered
    following: int | None = None  # the visit to ask after next, when there is room
    stopped: bool = False
    thread: threading.Thread | None = field(default=None, repr=False)


@QmlElement
@QmlUncreatable("The dashboard's view model has the one export.")
class DashboardExport(QObject):
    formatChanged = Signal()
    anonymousChanged = Signal()
    fileNameChanged = Signal()
    runningChanged = Signal()
    progressChanged = Signal()
    statusChanged = Signal()
    confirmingReplaceChanged = Signal()
    # From the writer's thread, delivered on the GUI thread.
    _wrote = Signal(object, int)
    _done = Signal(object, int)
    _failed = Signal(object, str)

    def __init__(self, folder: Path, days: Days, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._days = days
        self._format = "csv"
        self._anonymous = False
        self._file_name = str(folder / default_name(days, "csv"))
        self._named_by_hand = False
        self._progress = 0.0
        self._status = ""
        self._confirming_replace = False
        self._job: _Job | None = None
        self._ask: Ask | None = None
        self._total: Callable[[Days], int] = lambda _days: 0
        self._wrote.connect(self._on_wrote)
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)

    def use(self, ask: Ask, total: Callable[[Days], int]) -> None:
        """`total` says how many visits the days hold, if the figures know (0 if not)."""
        self._ask, self._total = ask, total

    def use_days(self, days: Days) -> None:
        self._days = days
        if not self._named_by_hand:
            self._propose(str(Path(self._file_name).parent / default_name(days, self._format)))

    # --- choices ----------------------------------------------------------------------------

    @Slot(str)
    def chooseFormat(self, fmt: str) -> None:
        if fmt not in FORMATS or fmt == self._format:
            return
        self._format = fmt
        self.formatChanged.emit()
        self._propose(str(with_extension(Path(self._file_name), fmt)))

    @Slot(bool)
    def chooseAnonymous(self, anonymous: bool) -> None:
        if anonymous != self._anonymous:
            self._anonymous = anonymous
            self.anonymousChanged.emit()

    @Slot(str)
    def nameFile(self, name: str) -> None:
        """The manager typed or chose a file name."""
        if name != self._file_name:
            self._named_by_hand = True
            self._propose(name)

    @Slot(QUrl)
    def chooseFile(self, url: QUrl) -> None:
        """The manager chose a file in the file dialog."""
        if url.isLocalFile():
            self.nameFile(url.toLocalFile())

    def _propose(self, name: str) -> None:
        self._set_confirming_replace(False)
        if name != self._file_name:
            self._file_name = name
            self.fileNameChanged.emit()

    # --- exporting --------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        if self._job is not None or self._ask is None:
            return
        out = self._target()
        total = self._total(self._days)
        try:
            if self._format == "xlsx" and total > XLSX_MAX_ROWS:
                raise ExportError(
                    say.translate("These days have %1 visits, more than an Excel sheet can hold "
                                  "(%2). Choose fewer days, or CSV or JSON Lines.")
                    .replace("%1", say.count(total)).replace("%2", say.count(XLSX_MAX_ROWS))
                )  # fmt: skip
            check_place(out)
        except ExportError as refused:
            self._set_status(str(refused))
            return
        if out.exists() and not self._confirming_replace:
            self._set_confirming_replace(True)
            self._set_status(
                say.translate("%1 is there already. Replace it?").replace("%1", str(out))
            )
            return
        self._set_confirming_replace(False)
        if str(out) != self._file_name:
            self._propose(str(out))
        # The writer tells this job's progress, from its thread.
        feed = Feed(lambda written: self._wrote.emit(job, written))
        job = _Job(out, self._format, self._days, self._anonymous, total, feed)
        self._job = job
        self.runningChanged.emit()
        self._set_progress(0.0 if total else -1.0)
        self._set_status(say.translate("Exporting the visits of %1…").replace(
            "%1", say.days(job.days.first, job.days.last)))  # fmt: skip
        self._ask_page(job, 0)

    @Slot(bool)
    def confirmReplace(self, replace: bool) -> None:
        if replace:
            self.start()
        else:
            self._set_confirming_replace(False)
            self._set_status("")

    @Slot()
    def cancel(self) -> None:
        job = self._job
        if job is None:
            return
        job.stopped = True
        if job.thread is not None:
            job.feed.cancel()  # the writer stops at its next page and removes its file
        else:
            self._finished(job, self._cancelled_sentence(job))

    def close(self) -> None:
        """The window is closing: stop any export, leaving no file."""
        self.cancel()
        job = self._job
        if job is not None and job.thread is not None:
            job.thread.join(timeout=10)

    def _target(self) -> Path:
        path = Path(self._file_name.strip() or default_name(self._days, self._format))
        path = path.expanduser()
        if not path.is_absolute():
            path = self._folder / path
        return with_extension(path, self._format)

    def _ask_page(self, job: _Job, after: int) -> None:
        assert self._ask is not None
        job.asked += 1
        self._ask(
            "export_rows",
            lambda result: self._page(job, result),
            on_refusal=lambda message: self._refused(job, message),
            first=job.days.first.isoformat(),
            last=job.days.last.isoformat(),
            anonymous=job.anonymous,
            csv=job.fmt == "csv",
            after=after,
            limit=PAGE_ROWS,
        )

    def _page(self, job: _Job, result: dict[str, Any]) -> None:
        job.asked -= 1
        if job.stopped:
            return
        if job.thread is None:
            job.header = list(result["columns"])
            job.thread = threading.Thread(
                target=self._write, args=(job,), name="export", daemon=True
            )
            job.thread.start()
        job.feed.put(result["rows"])
        following = result.get("next")
        if following is None:
            job.feed.finish()
        elif job.feed.waiting() < PAGES_AHEAD:
            self._ask_page(job, int(following))
        else:
            job.following = int(following)  # asked for when the writer has taken a page

    def _refused(self, job: _Job, message: str) -> None:
        job.asked -= 1
        if job.stopped:
            return
        job.stopped = True
        if job.thread is not None:
            job.feed.cancel()
        self._finished(job, message)

    def _write(self, job: _Job) -> None:
        """In the writer's thread."""
        assert job.header is not None
        try:
            written = write_export(job.out, job.fmt, job.header, job.feed.chunks())
        except Cancelled:
            self._failed.emit(job, self._cancelled_sentence(job))
        except ExportError as error:
            self._failed.emit(job, str(error))
        except Exception as error:  # the manager must hear that it stopped, never see a trace
            log.exception("The export stopped")
            self._failed.emit(
                job,
                say.translate("The export stopped (%1); no file was written. Try again.").replace(
                    "%1", str(error) or type(error).__name__
                ),
            )
        else:
            self._done.emit(job, written)

    @Slot(object, int)
    def _on_wrote(self, job: _Job, written: int) -> None:
        if job is not self._job or job.stopped:
            return
        if job.total:
            self._set_progress(min(written / job.total, 1.0))
        if job.following is not None and job.feed.waiting() < PAGES_AHEAD:
            after, job.following = job.following, None
            self._ask_page(job, after)

    @Slot(object, int)
    def _on_done(self, job: _Job, written: int) -> None:
        if written:
            sentence = say.translate("Exported %1 to %2.").replace(
                "%1", say.translate("1 visit") if written == 1 else
                say.translate("%1 visits").replace("%1", say.count(written))
            ).replace("%2", str(job.out))  # fmt: skip
        elif job.fmt == "jsonl":
            sentence = say.translate("Nobody checked in during these days: %1 is empty.").replace(
                "%1", str(job.out)
            )
        else:
            sentence = say.translate(
                "Nobody checked in during these days: %1 holds the column headings only."
            ).replace("%1", str(job.out))
        self._set_progress(1.0)
        self._finished(job, sentence)

    @Slot(object, str)
    def _on_failed(self, job: _Job, sentence: str) -> None:
        self._finished(job, sentence)

    def _cancelled_sentence(self, job: _Job) -> str:
        if job.out.exists():
            return say.translate("Export cancelled; %1 is as it was.").replace("%1", str(job.out))
        return say.translate("Export cancelled; no file was written.")

    def _finished(self, job: _Job, sentence: str) -> None:
        if job is not self._job:
            return
        self._job = None
        self.runningChanged.emit()
        self._set_status(sentence)

    # --- properties -------------------------------------------------------------------------

    def _set_progress(self, progress: float) -> None:
        if progress != self._progress:
            self._progress = progress
            self.progressChanged.emit()

    def _set_status(self, status: str) -> None:
        if status != self._status:
            self._status = status
            self.statusChanged.emit()

    def _set_confirming_replace(self, confirming: bool) -> None:
        if confirming != self._confirming_replace:
            self._confirming_replace = confirming
            self.confirmingReplaceChanged.emit()

    def _get_format(self) -> str:
        return self._format

    def _get_anonymous(self) -> bool:
        return self._anonymous

    def _get_file_name(self) -> str:
        return self._file_name

    def _get_running(self) -> bool:
        return self._job is not None

    def _get_progress(self) -> float:
        return self._progress

    def _get_status(self) -> str:
        return self._status

    def _get_confirming_replace(self) -> bool:
        return self._confirming_replace

    format = Property(str, _get_format, notify=formatChanged)
    anonymous = Property(bool, _get_anonymous, notify=anonymousChanged)
    fileName = Property(str, _get_file_name, notify=fileNameChanged)
    running = Property(bool, _get_running, notify=runningChanged)
    progress = Property(float, _get_progress, notify=progressChanged)  # 0 to 1; -1: unknown
    status = Property(str, _get_status, notify=statusChanged)
    confirmingReplace = Property(bool, _get_confirming_replace, notify=confirmingReplaceChanged)
