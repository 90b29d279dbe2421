"""A visitor's badge: their name large, whom they visit, the day, and a QR code of its own that
checks this visit out at any kiosk. On a 62 mm label (Brother QL) or a CR80 card."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageSize, QPainter

from kiosk.app.printing import Page, Paper, Printout
from kiosk.app.qr_image import paint_qr
from kiosk.core.qr import qr_modules

_INK = QColor("#1C1B1F")
_MUTED = QColor("#4B4A52")
LABELS = {
    # A 62 mm continuous roll, cut 100 mm long: portrait.
    "62mm": Paper(QPageSize(QSizeF(62, 100), QPageSize.Unit.Millimeter, "Label 62 x 100 mm"), 3),
    # A credit-card sized card, ISO/IEC 7810 ID-1: landscape.
    "cr80": Paper(QPageSize(QSizeF(85.6, 54), QPageSize.Unit.Millimeter, "CR80 card"), 3),
}


@dataclass(frozen=True)
class Badge:
    name: str
    visiting: str  # "Visiting Jane Park", or the purpose for a visit with no host
    day: str  # "Tue 1 Dec 2026"
    code: str  # the badge's own code (kiosk.core.codes, FDKB…)


def badge_printout(badge: Badge) -> Printout:
    def pages(area: QRectF) -> list[Page]:
        return [_page(badge)]

    return pages


def _font(size: float, *, bold: bool = False) -> QFont:
    font = QFont("Noto Sans")
    font.setPixelSize(round(size))
    font.setBold(bold)
    return font


def _page(badge: Badge) -> Page:
    def draw(painter: QPainter, area: QRectF) -> None:
        width, height = area.width(), area.height()
        portrait = height > width
        side = round(min(width * 0.62, height * 0.5) if portrait else height * 0.78)
        text_width = width if portrait else width - side - 6
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.setPen(_INK)
        painter.setFont(_font(20 if portrait else 16, bold=True))
        painter.drawText(QRectF(0, 0, text_width, 56), wrap, badge.name)
        painter.setFont(_font(10 if portrait else 8))
        painter.drawText(QRectF(0, 58, text_width, 28), wrap, badge.visiting)
        painter.setPen(_MUTED)
        painter.drawText(QRectF(0, 86, text_width, 14), wrap, badge.day)
        if portrait:
            box = QRect(round((width - side) / 2), round(height - side - 12), side, side)
        else:
            box = QRect(round(width - side), round((height - side) / 2), side, side)
        paint_qr(painter, qr_modules(badge.code), box)
        painter.setFont(_font(6))
        below = (
            QRectF(0, height - 10, width, 10)
            if portrait
            else QRectF(0, height - 10, text_width, 10)
        )
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, "Scan at the kiosk when you leave.")

    return draw
