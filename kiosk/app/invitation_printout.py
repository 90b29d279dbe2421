"""An invitation on paper: one A4 page with the visitor's welcome, who expects them and when, and
the QR code to scan at the entrance. Drawn by kiosk.app.printing, into a PDF or on a printer."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from kiosk.app.printing import Page, PrintError, Printout
from kiosk.app.qr_image import paint_qr
from kiosk.core.qr import qr_modules

_INK = QColor("#1C1B1F")
_MUTED = QColor("#4B4A52")
# The code printed 8 cm square: a phone or the kiosk's camera reads it from arm's length.
_QR_PT = 227
# The site's logo fits in this box (6 x 2 cm), its shape kept, above the site's name.
_LOGO_W_PT, _LOGO_H_PT = 170, 56


@dataclass(frozen=True)
class Invitation:
    site: str  # "Harbour Works"
    first_name: str  # "Maria"
    host: str  # "Jane Park"
    when: str  # "Tuesday 1 December at 10:30"
    code: str
    logo: QImage | None = None  # the site's, above its name


def site_logo(path: str) -> QImage | None:
    """The site's logo from the settings' `[site] logo` (a full path), None if there is none,
    or PrintError saying what to fix."""
    if not path:
        return None
    logo = QImage(path)
    if logo.isNull():
        raise PrintError(
            f"The logo in the settings ([site] logo), {path}, can't be read as a picture: give "
            'a PNG, JPEG or SVG file, or set logo = "" to print the site\'s name alone.'
        )
    return logo


def invitation_printout(invitation: Invitation) -> Printout:
    def pages(area: QRectF) -> list[Page]:
        return [_page(invitation)]

    return pages


def _font(size: float, *, bold: bool = False) -> QFont:
    font = QFont("Noto Sans")
    font.setPixelSize(round(size))  # points: the painter is scaled to them
    font.setBold(bold)
    return font


def _page(invitation: Invitation) -> Page:
    def draw(painter: QPainter, area: QRectF) -> None:
        width = area.width()
        top = _logo(painter, invitation.logo, width)
        centred = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        painter.setPen(_MUTED)
        painter.setFont(_font(14))
        painter.drawText(QRectF(0, top, width, 20), centred, invitation.site)
        painter.setPen(_INK)
        painter.setFont(_font(34, bold=True))
        painter.drawText(
            QRectF(0, top + 60, width, 90), centred, f"Welcome, {invitation.first_name}"
        )
        painter.setFont(_font(16))
        painter.drawText(
            QRectF(0, top + 160, width, 50), centred,
            f"{invitation.host} expects you on {invitation.when}.",
        )  # fmt: skip
        left, code_top = round((width - _QR_PT) / 2), round(top + 240)
        paint_qr(painter, qr_modules(invitation.code), QRect(left, code_top, _QR_PT, _QR_PT))
        painter.setFont(_font(14))
        painter.drawText(
            QRectF(0, code_top + _QR_PT + 20, width, 40), centred,
            "Scan this at the entrance, and reception will know you are here.",
        )  # fmt: skip
        painter.setPen(_MUTED)
        painter.setFont(_font(10))
        painter.drawText(
            QRectF(0, code_top + _QR_PT + 70, width, 30), centred,
            f"If it can't be scanned, type your name at the kiosk instead. Code: "
            f"{invitation.code}",
        )  # fmt: skip

    return draw


def _logo(painter: QPainter, logo: QImage | None, width: float) -> float:
    """Draw the logo centred at the top; return where the rest of the page starts."""
    if logo is None or logo.isNull():
        return 0.0
    scale = min(_LOGO_W_PT / logo.width(), _LOGO_H_PT / logo.height())
    shown_w, shown_h = logo.width() * scale, logo.height() * scale
    painter.drawImage(QRectF((width - shown_w) / 2, 0, shown_w, shown_h), logo)
    return shown_h + 12
