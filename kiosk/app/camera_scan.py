"""Reading invitation and badge codes from a camera: frames decoded with zxing-cpp off the GUI
thread, one at a time, each code said once.

The kiosk's camera delivers 25 or 30 frames a second; decoding a 1280x720 frame takes a few
milliseconds, more on a slow computer (bench/bench_scan.py). While one is being decoded, newer
frames are dropped rather than queued, so the GUI and the viewfinder never wait and the code in
front of the camera now is the one read.
"""

from __future__ import annotations

import time

import zxingcpp
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from kiosk.core.codes import PREFIX

# The same code seen in the next frames is the same scan, for this long.
REPEAT_AFTER_S = 5.0


def codes_in(image: QImage) -> list[str]:
    """The codes of ours (invitations, badges) that a QR code in `image` holds."""
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found if barcode.text.upper().startswith(PREFIX)]


class _Decode(QRunnable):
    def __init__(self, scanner: FrameScanner, image: QImage) -> None:
        super().__init__()
        self._scanner = scanner
        self._image = image

    def run(self) -> None:
        self._scanner.decoded.emit(codes_in(self._image))


class FrameScanner(QObject):
    """Give it frames (`offer`); it says `codeFound` once for each code it reads."""

    codeFound = Signal(str)
    # From the worker thread back to this object's thread (queued by Qt).
    decoded = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._busy = False
        self._last: tuple[str, float] | None = None
        self.decoded.connect(self._done)

    @Slot(QImage)
    def offer(self, image: QImage) -> bool:
        """Decode this frame if none is being decoded; False if it was dropped."""
        if self._busy or image.isNull():
            return False
        self._busy = True
        # A copy the worker owns: the camera reuses its buffers.
        self._pool.start(_Decode(self, image.copy()))
        return True

    @Slot(list)
    def _done(self, codes: list[str]) -> None:
        self._busy = False
        now = time.monotonic()
        for code in codes:
            if self._last and self._last[0] == code and now - self._last[1] < REPEAT_AFTER_S:
                continue
            self._last = (code, now)
            self.codeFound.emit(code)

    def stop(self) -> None:
        """Wait for the frame being decoded, if any (before the window closes)."""
        self._pool.waitForDone()
