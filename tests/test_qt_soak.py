"""The Qt binding must survive a working day of signals: a desk emits thousands per hour."""

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal


class Beacon(QObject):
    pinged = Signal(int)


def test_signals_and_event_processing_keep_pythons_counts(qapp: QCoreApplication) -> None:
    # PySide6 6.12.0 dropped a reference to True on every emit and to None on every
    # processEvents; after a few thousand, Python aborted the desk. The counts must not move.
    beacon = Beacon()
    heard: list[int] = []
    beacon.pinged.connect(heard.append)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(5000):
        beacon.pinged.emit(n)
    for _ in range(500):
        QCoreApplication.processEvents()
    assert len(heard) == 5000
    assert sys.getrefcount(True) >= true_before
    assert sys.getrefcount(None) >= none_before - 50
