"""The kiosk's window: the QML engine, the lock-down, noticing every touch, and the barcode
scanner's keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.app.scanner_keys import ScannerKeys
from kiosk.app.translations import UI_FOLDER, LanguageSwitcher, compiled_translations

MAIN_QML = UI_FOLDER / "Main.qml"

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


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
        self._watcher: ActivityWatcher | None = None
        self._scanner: ScannerKeys | None = None

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
        self._watcher = ActivityWatcher(on_activity, window)
        window.installEventFilter(self._watcher)
        if on_scan is not None:
            # Installed last, so it sees a key first: a scan's keys reach nothing else.
            self._scanner = ScannerKeys(on_scan, takes_scans, window)
            window.installEventFilter(self._scanner)
        self.window = window
        return window

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
