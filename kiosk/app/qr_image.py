"""QR codes as images: encoded by `qrcode` (alphanumeric mode, for the upper-case codes of
kiosk.core.codes), drawn by Qt, so a PNG needs no imaging library and a PDF page can hold one."""

from __future__ import annotations

from pathlib import Path

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

# Four modules of quiet zone, as the standard asks; without it phone cameras and scanners
# often can't find the code.
QUIET_MODULES = 4


def qr_modules(text: str) -> list[list[bool]]:
    """The dark and light modules of a QR code for `text`, quiet zone included."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=QUIET_MODULES
    )
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def qr_image(text: str, module_px: int = 10) -> QImage:
    """The QR code for `text`, black on white, each module `module_px` pixels square."""
    modules = qr_modules(text)
    side = len(modules) * module_px
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_qr(painter, modules, QRect(0, 0, side, side))
    painter.end()
    return image


def paint_qr(painter: QPainter, modules: list[list[bool]], area: QRect) -> None:
    """Paint `modules` into `area` (a square), on whatever the painter paints: an image, a PDF
    page, a printer."""
    size = area.width() / len(modules)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for row, line in enumerate(modules):
        for column, dark in enumerate(line):
            if dark:
                painter.drawRect(
                    round(area.x() + column * size),
                    round(area.y() + row * size),
                    round(area.x() + (column + 1) * size) - round(area.x() + column * size),
                    round(area.y() + (row + 1) * size) - round(area.y() + row * size),
                )
    painter.restore()


def save_qr_png(text: str, out: Path) -> None:
    """Write the QR code for `text` to `out` as a PNG; OSError with the reason if it can't."""
    if not qr_image(text).save(str(out), "PNG"):
        raise OSError(f"{out} could not be written")
