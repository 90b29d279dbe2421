"""The kiosk's window: the QML engine, the lock-down, noticing every touch, and the barcode
scanner's keys.

Touches and keys are looked at from the window's first frame, when there is something to touch:
the filters that look at them, and Qt's event types they name, would otherwise make that frame
wait."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.app.translations import UI_FOLDER, LanguageSwitcher, compiled_translations

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

MAIN_QML = UI_FOLDER / "Main.qml"

# By number: MouseButtonPress, TouchBegin, KeyPress, Wheel.
_ACTIVITY = {2, 194, 6, 31}


class FirstFrame(QObject):
    """Calls `then()` once, on the GUI thread, when `window` has shown its first frame. Qt may
    draw on a thread of its own, and several frames may be out before the GUI thread hears of
    the first: only the first call counts. Not a single-shot connection: naming its type would
    load the whole Qt namespace, which that frame would wait for."""

    def __init__(self, window: QQuickWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.frameSwapped.connect(self._swapped)

    @Slot()
    def _swapped(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.frameSwapped.disconnect(self._swapped)
            then()


class ActivityWatcher(QObject):
    """Calls back on every press, so the idle timer restarts while someone is using the kiosk."""

    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._on_activity()
        return False


class KioskWindow:
    """Builds the QML scene around a view model; `show()` puts it on screen, locked down or not.

    The engine is made first, so that the language switcher exists before the view model that
    uses it.
    """

    def __init__(self, translations_cache: Path) -> None:
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(UI_FOLDER))
        self.languages = LanguageSwitcher(self.engine, compiled_translations(translations_cache))
        self.window: QQuickWindow | None = None
        self._filters: list[QObject] = []

    def load(
        self,
        kiosk: QObject,
        on_activity: Callable[[], None],
        *,
        size: tuple[int, int] = (1920, 1080),
        on_scan: Callable[[str], None] | None = None,
        takes_scans: Callable[[], bool] = lambda: True,
    ) -> QQuickWindow:
        """Create the scene for `kiosk` (the root view model); raises if the QML has errors.
        With `on_scan`, a barcode scanner's codes go there, on the screens that `takes_scans`."""
        errors: list[str] = []
        self.engine.warnings.connect(lambda found: errors.extend(e.toString() for e in found))
        self.engine.setInitialProperties({"kiosk": kiosk, "width": size[0], "height": size[1]})
        self.engine.load(QUrl.fromLocalFile(str(MAIN_QML)))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("The kiosk screen could not be built:\n" + "\n".join(errors))
        window = roots[0]
        assert isinstance(window, QQuickWindow)
        self.window = window
        # A turn of the event loop after the first frame, so that nothing delays that frame.
        listen = lambda: self._listen(window, on_activity, on_scan, takes_scans)  # noqa: E731
        FirstFrame(window, lambda: QTimer.singleShot(0, window, listen))
        return window

    def _listen(
        self,
        window: QQuickWindow,
        on_activity: Callable[[], None],
        on_scan: Callable[[str], None] | None,
        takes_scans: Callable[[], bool],
    ) -> None:
        self._filters.append(ActivityWatcher(on_activity, window))
        if on_scan is not None:
            from kiosk.app.scanner_keys import ScannerKeys

            # Installed last, so it sees a key first: a scan's keys reach nothing else.
            self._filters.append(ScannerKeys(on_scan, takes_scans, window))
        for watcher in self._filters:
            window.installEventFilter(watcher)

    def show(self, *, lockdown: bool) -> None:
        """Locked down: frameless and full screen; the QML refuses close requests itself."""
        window = self.window
        assert window is not None
        if not lockdown:
            window.show()
            return
        # Loaded only here: the whole Qt namespace comes with it, and takes a while to load.
        from PySide6.QtCore import Qt

        window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        window.showFullScreen()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
