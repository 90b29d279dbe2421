"""The desk console's window: its own QML engine, loaded with the Desk module around a view model.

The pieces are put together in `kiosk.launch.desk_console` (`open_desk`, `run_desk`): the view
model layer sits above this one, so the window never imports it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, QUrl
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.app.desk_tray import TRAY_SVG
from kiosk.app.translations import UI_FOLDER

CONSOLE_QML = UI_FOLDER / "Desk" / "Console.qml"
# The smallest console that still shows everything: below a wide layout's width the panels go
# above the queue and the cards wrap, so a receptionist can keep it in a third of the screen.
MINIMUM_SIZE = (480, 560)
_NO_WINDOW_MANAGER = ("offscreen", "minimal")  # these warn on raise()


class DeskWindow:
    """Builds the console scene for a view model; `show()` puts it on screen as a normal,
    resizable desktop window (a receptionist has other work open beside it)."""

    def __init__(self) -> None:
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(UI_FOLDER))
        self.window: QQuickWindow | None = None

    def load(
        self, desk: QObject, pairing: QObject, *, size: tuple[int, int] = (1280, 800)
    ) -> QQuickWindow:
        """Create the scene for `desk` and its first-run `pairing` view model; raises if the QML
        has errors."""
        errors: list[str] = []
        self.engine.warnings.connect(lambda found: errors.extend(e.toString() for e in found))
        self.engine.setInitialProperties(
            {"desk": desk, "pairing": pairing, "width": size[0], "height": size[1]}
        )
        self.engine.load(QUrl.fromLocalFile(str(CONSOLE_QML)))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("The desk console could not be built:\n" + "\n".join(errors))
        window = roots[0]
        assert isinstance(window, QQuickWindow)
        window.setIcon(QIcon(str(TRAY_SVG)))
        window.setMinimumSize(QSize(*MINIMUM_SIZE))
        self.window = window
        return window

    def show(self) -> None:
        assert self.window is not None
        self.window.show()

    def bring_forward(self) -> None:
        """Unhide, un-minimise and raise the console: an overdue visitor must be seen."""
        window = self.window
        if window is None:
            return
        if window.visibility() in (
            QQuickWindow.Visibility.Hidden,
            QQuickWindow.Visibility.Minimized,
        ):
            window.showNormal()
        if QGuiApplication.platformName() not in _NO_WINDOW_MANAGER:
            window.raise_()
            window.requestActivate()

    def close(self) -> None:
        if self.window is not None:
            self.window.hide()
        self.engine.deleteLater()
