"""Python's reference cycles collected on the main thread only, in a process with a Qt event loop.

Python collects cycles in whichever thread allocates when a generation fills up: the hub's
thread, a badge printer's, a camera decoder's, an export writer's. A Qt object caught in a
cycle (a timer, a socket, a child process, a view model) is then destroyed on that thread,
where Qt can stop neither its timers nor its socket notifiers: it warns, and a notifier left
behind can keep the event loop spinning. So such a process turns automatic collection off and
collects here instead, on its main thread, a few times a second, by the generations and
thresholds Python itself would use. Only cycles wait for it: everything else is freed at once
by reference counting, as always.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

EVERY_MS = 100


class MainThreadCollector(QObject):
    """Collects while it lives; automatic collection comes back when it is stopped."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, interval=EVERY_MS)
        self._timer.timeout.connect(collect_what_is_due)
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collect what is left here, and let Python collect as it would again."""
        self._timer.stop()
        gc.collect()
        gc.enable()


def set_aside_what_is_built() -> None:
    """Collect once, then set what is left aside (`gc.freeze`): called once a window is whole.
    What it is made of lives as long as it does, as do the modules and types loaded, so every
    later collection walks only what was made since, and none holds the window's thread for a
    frame or two. `gc.unfreeze()` lets it go again, when the window closes in a process that
    goes on (the tests)."""
    gc.collect()
    gc.freeze()


def collect_from_now_on(app: QObject) -> MainThreadCollector:
    """For a process that started with collection off: set aside what is built, then collect
    on this thread for as long as `app` lives."""
    set_aside_what_is_built()
    return MainThreadCollector(app)


def collect_what_is_due() -> None:
    """The oldest generation past its threshold, as Python would collect it at its next
    allocation."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return
