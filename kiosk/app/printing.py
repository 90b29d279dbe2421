"""Printing: pages drawn with QPainter, onto a printer or into a PDF file; and the on-site list.

A printout is a function that, given the printable area of the paper, returns its pages; a page
is a function that draws itself within that area, in points (1/72 inch) from its top-left
corner, whatever the device's resolution: `render` scales the painter so. The same printout goes
to a printer (`print_pages`) or to a PDF (`write_pdf`); another printout (a visitor's badge, say)
is another such function.

A PDF is written to a hidden file beside its name and takes the name only once complete, so a
failed write leaves no half a file. Anything a visitor typed is drawn with `drawText`, which
reads no markup.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.store.places import full_disk

Page = Callable[[QPainter, QRectF], None]  # draws one page within the area, in points
Printout = Callable[[QRectF], Sequence[Page]]  # the pages that fill paper with this area

POINTS_PER_INCH = 72
MARGIN_MM = 15
PDF_DPI = 300


class PrintError(RuntimeError):
    """A printout that could not be made; the message says what to do."""


def render(device: QPagedPaintDevice, printout: Printout) -> int:
    """Draw `printout` on a printer or PDF writer that is set up (paper, margins, resolution);
    return the number of pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("The printout could not be started: check the printer and try again.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = device.resolution() / POINTS_PER_INCH
        painter.scale(scale, scale)
        paint = device.pageLayout().paintRect(QPageLayout.Unit.Point)
        area = QRectF(0, 0, paint.width(), paint.height())
        pages = printout(area)
        for number, page in enumerate(pages):
            if number and not device.newPage():
                raise PrintError("The printer stopped taking pages: check it and try again.")
            painter.save()
            try:
                page(painter, area)
            finally:
                painter.restore()
    finally:
        painter.end()
    return len(pages)


@dataclass(frozen=True)
class Paper:
    """What a printout is printed on: the sheet's size and the margin kept clear all round."""

    size: QPageSize
    margin_mm: float

    def millimetres(self) -> tuple[float, float]:
        """The sheet's width and length in millimetres."""
        size = self.size.size(QPageSize.Unit.Millimeter)
        return size.width(), size.height()


A4 = Paper(QPageSize(QPageSize.PageSizeId.A4), MARGIN_MM)


def _set_up(device: QPagedPaintDevice, title: str, paper: Paper = A4) -> None:
    device.setPageSize(paper.size)
    margin = paper.margin_mm
    device.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)
    if isinstance(device, QPdfWriter):
        device.setTitle(title)
        device.setCreator("Front Desk Kiosk")
    else:
        device.setDocName(title)


def write_pdf(path: Path, printout: Printout, *, title: str, paper: Paper = A4) -> int:
    """Write `printout` to the PDF file `path` (replacing one there) and return its number of
    pages, or raise PrintError."""
    path = Path(path)
    if not path.parent.is_dir():
        raise PrintError(
            f"There is no folder {path.parent}; make it first, or save the PDF somewhere else."
        )
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        os.close(handle)
    except OSError as error:
        raise PrintError(_cannot_write(path, error)) from error
    try:
        writer = QPdfWriter(temporary)
        writer.setResolution(PDF_DPI)
        _set_up(writer, title, paper)
        pages = render(writer, printout)
        del writer  # closes the file
        os.replace(temporary, path)
    except OSError as error:
        raise PrintError(_cannot_write(path, error)) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return pages


def _cannot_write(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return full_disk(path)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"The folder {path.parent} is read-only; save the PDF somewhere else."
    return f"Can't write {path} ({error.strerror or error}); save the PDF somewhere else."


def printer_names() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def print_pages(printout: Printout, *, title: str, printer_name: str = "") -> str:
    """Print `printout` on the printer called `printer_name`, or on this computer's default
    printer; return the printer's name, or raise PrintError."""
    if printer_name:
        info = QPrinterInfo.printerInfo(printer_name)
        if info.isNull():
            raise PrintError(
                f"There is no printer called “{printer_name}” on this computer: choose another, "
                "or save the list as a PDF."
            )
    else:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrintError(
                "No printer is set up on this computer: save the list as a PDF and print it "
                "from another computer."
            )
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    _set_up(printer, title)
    render(printer, printout)
    return info.printerName()


# --- the on-site list, for an evacuation -----------------------------------------------------


@dataclass(frozen=True)
class OnSitePerson:
    name: str
    host: str
    since: str  # "09:42"
    accounted: bool


@dataclass(frozen=True)
class OnSiteList:
    """Everyone checked in and not yet out at one moment, as the hub said."""

    title: str  # "On site at Harbour Works"
    at: str  # "Tue 24 Nov 2026, 10:42"
    roll_call: str  # "Roll call started 10:40 by Front desk: 12 of 30 accounted for", or ""
    people: tuple[OnSitePerson, ...]


_TITLE_PT, _BODY_PT, _SMALL_PT = 18, 11, 9
_ROW_PT = 22
_BOX_PT = 12
_HEADER_PT = 86  # title, time, roll call, column heads
_FOOTER_PT = 20
_INK = QColor("#1C1B1F")
_MUTED = QColor("#4B4A52")
_RULE = QColor("#9A9DA3")


def on_site_printout(listing: OnSiteList) -> Printout:
    """The list on as many pages as it takes, each with its heading, a box to tick by each
    name (ticked for those accounted for) and "Page 1 of 2"."""

    def pages(area: QRectF) -> list[Page]:
        per_page = max(1, int((area.height() - _HEADER_PT - _FOOTER_PT) // _ROW_PT))
        people = listing.people
        count = max(1, math.ceil(len(people) / per_page))
        return [
            _on_site_page(listing, people[i * per_page : (i + 1) * per_page], i + 1, count)
            for i in range(count)
        ]

    return pages


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("Noto Sans")
    font.setPixelSize(round(size))  # in points: `render` scaled the painter
    font.setBold(bold)
    return font


def _on_site_page(
    listing: OnSiteList, people: Sequence[OnSitePerson], number: int, count: int
) -> Page:
    def draw(painter: QPainter, area: QRectF) -> None:
        width = area.width()
        painter.setPen(_INK)
        painter.setFont(_font(_TITLE_PT, bold=True))
        painter.drawText(QRectF(0, 0, width, 26), Qt.AlignmentFlag.AlignLeft, listing.title)
        painter.setFont(_font(_BODY_PT))
        total = len(listing.people)
        line = f"{listing.at} — {total} {'person' if total == 1 else 'people'} on site"
        painter.drawText(QRectF(0, 28, width, 16), Qt.AlignmentFlag.AlignLeft, line)
        if listing.roll_call:
            painter.drawText(QRectF(0, 44, width, 16), Qt.AlignmentFlag.AlignLeft,
                             listing.roll_call)  # fmt: skip
        columns = _columns(width)
        painter.setFont(_font(_SMALL_PT, bold=True))
        painter.setPen(_MUTED)
        top = _HEADER_PT - 16
        for (x, w), heading in zip(columns, ("Here", "Name", "Visiting", "Since"), strict=True):
            painter.drawText(QRectF(x, top, w, 14), Qt.AlignmentFlag.AlignLeft, heading)
        painter.setPen(QPen(_RULE, 0.5))
        painter.drawLine(QPointF(0, _HEADER_PT - 1), QPointF(width, _HEADER_PT - 1))
        if not listing.people:
            painter.setPen(_INK)
            painter.setFont(_font(_BODY_PT))
            painter.drawText(QRectF(0, _HEADER_PT + 4, width, 18), Qt.AlignmentFlag.AlignLeft,
                             "Nobody is checked in.")  # fmt: skip
        for row, person in enumerate(people):
            _person_row(painter, person, _HEADER_PT + row * _ROW_PT, columns, width)
        painter.setPen(_MUTED)
        painter.setFont(_font(_SMALL_PT))
        painter.drawText(QRectF(0, area.height() - 14, width, 14), Qt.AlignmentFlag.AlignRight,
                         f"Page {number} of {count}")  # fmt: skip

    return draw


def _columns(width: float) -> list[tuple[float, float]]:
    """(x, width) of the tick box, the name, the host and the time in."""
    box, since = 36, 50
    rest = width - box - since
    return [(0, box), (box, rest * 0.55), (box + rest * 0.55, rest * 0.45 - 8), (width - since,
            since)]  # fmt: skip


def _person_row(
    painter: QPainter,
    person: OnSitePerson,
    top: float,
    columns: list[tuple[float, float]],
    width: float,
) -> None:
    middle = top + _ROW_PT / 2
    box = QRectF(4, middle - _BOX_PT / 2, _BOX_PT, _BOX_PT)
    painter.setPen(QPen(_INK, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    if person.accounted:
        painter.setPen(QPen(_INK, 1.8))
        painter.drawPolyline([
            QPointF(box.left() + 2.5, middle),
            QPointF(box.left() + 5, box.bottom() - 2.5),
            QPointF(box.right() - 2, box.top() + 2.5),
        ])  # fmt: skip
    painter.setPen(_INK)
    painter.setFont(_font(_BODY_PT))
    metrics = painter.fontMetrics()
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    for (x, w), text in zip(columns[1:], (person.name, person.host, person.since), strict=True):
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(w - 6))
        painter.drawText(QRectF(x, top, w, _ROW_PT), flags, shown)
    painter.setPen(QPen(_RULE, 0.5))
    painter.drawLine(QPointF(0, top + _ROW_PT), QPointF(width, top + _ROW_PT))
