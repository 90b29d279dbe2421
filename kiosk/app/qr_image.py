"""QR codes drawn by Qt on a PDF page or a printer, from the modules kiosk.core.qr makes."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter


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
