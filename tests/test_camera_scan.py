"""The camera's codes: QR codes of ours found in frames as a kiosk's camera would see them."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from kiosk.app.camera_scan import FrameScanner, codes_in
from kiosk.core.qr import qr_png

CODE = "FDKIYQPC4AAAAAA2TMP4IJHT2G44Z5GA"


def qr_picture(text: str, module_px: int) -> QImage:
    """The code as an invitation's PNG shows it, ready to paint into a frame."""
    return QImage.fromData(qr_png(text, module_px)).convertToFormat(QImage.Format.Format_RGB32)


def frame(
    module_px: int = 8, angle: float = 0.0, clutter: bool = False, with_code: bool = True
) -> QImage:
    """A 1280x720 frame with the code printed somewhere on it (or, for a benchmark, not)."""
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a7f70"))
    painter = QPainter(image)
    rng = random.Random(5)
    if clutter:  # a desk, papers, a sleeve: shapes and lines of every colour
        for _ in range(300):
            painter.setPen(QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
            painter.setBrush(QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
            painter.drawRect(rng.randrange(1280), rng.randrange(720), rng.randrange(9, 120),
                             rng.randrange(9, 120))  # fmt: skip
    if not with_code:
        painter.end()
        return image
    code = qr_picture(CODE, module_px)
    painter.translate(QPointF(760, 380))
    painter.setTransform(QTransform().rotate(angle), combine=True)
    side = code.width()
    painter.fillRect(
        QRectF(-side / 2 - 10, -side / 2 - 10, side + 20, side + 20), Qt.GlobalColor.white
    )
    painter.drawImage(QRect(-side // 2, -side // 2, side, side), code)
    painter.end()
    return image


@pytest.mark.parametrize(
    ("module_px", "angle", "clutter"),
    [(8, 0, False), (8, 0, True), (6, 33, True), (4, 90, True), (3, -15, False)],
    ids=["plain", "cluttered", "rotated", "sideways", "small"],
)
def test_a_code_in_a_frame_is_read(module_px: int, angle: float, clutter: bool) -> None:
    assert codes_in(frame(module_px, angle, clutter)) == [CODE]


def test_other_barcodes_are_not_codes_of_ours() -> None:
    image = QImage(qr_picture("https://example.com/menu", 8))
    assert codes_in(image) == []


def test_the_scanner_says_each_code_once_and_drops_frames_while_busy(qtbot) -> None:
    scanner = FrameScanner()
    found: list[str] = []
    scanner.codeFound.connect(found.append)
    image = frame(8, 0, True)
    assert scanner.offer(image) is True
    assert scanner.offer(image) is False  # one at a time: the newer frame is dropped
    qtbot.waitUntil(lambda: found == [CODE], timeout=5000)
    for _ in range(3):  # the code stays in view: still one scan
        qtbot.waitUntil(lambda: scanner.offer(image), timeout=5000)
    scanner.stop()
    qtbot.wait(50)
    assert found == [CODE]
