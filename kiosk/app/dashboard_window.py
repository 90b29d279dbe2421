"""The manager's dashboard window: its own QML engine, loaded with the Dashboard module around a
view model.

The pieces are put together in `kiosk.launch.dashboard`: the view model layer sits above this
one, so the window never imports it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, QUrl
from PySide6.QtGui import QIcon
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.app.desk_tray import TRAY_SVG
from kiosk.app.translations import UI_FOLDER

DASHBOARD_QML = UI_FOLDER / "Dashboard" / "Dashboard.qml"
# The smallest window that shows a page without cutting anything off; below a wide layout's
# width the figures and the charts wrap onto more rows.
MINIMUM_SIZE = (1024, 640)


class DashboardWindow:
    """Builds the dashboard scene for a view model; `show()` puts it on screen as a normal,
    resizable desktop window."""

    def __init__(self) -> None:
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(UI_FOLDER))
        self.window: QQuickWindow | None = None

    def load(
        self, dashboard: QObject, pairing: QObject, *, size: tuple[int, int] = (1280, 800)
    ) -> QQuickWindow:
        """Create the scene for `dashboard` and its `pairing` view model; raises if the QML
        has errors."""
        errors: list[str] = []
        self.engine.warnings.connect(lambda found: errors.extend(e.toString() for e in found))
        self.engine.setInitialProperties(
            {"dashboard": dashboard, "pairing": pairing, "width": size[0], "height": size[1]}
        )
        self.engine.load(QUrl.fromLocalFile(str(DASHBOARD_QML)))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("The dashboard could not be built:\n" + "\n".join(errors))
        window = roots[0]
        assert isinstance(window, QQuickWindow)
        window.setIcon(QIcon(str(TRAY_SVG)))
        window.setMinimumSize(QSize(*MINIMUM_SIZE))
        self.window = window
        return window

    def show(self) -> None:
        assert self.window is not None
        self.window.show()

    def close(self) -> None:
        if self.window is not None:
            self.window.hide()
        self.engine.deleteLater()
