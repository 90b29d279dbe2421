"""The desk console's and the manager's dashboard's windows: each its own QML engine, loaded with
its module around its view model, as a normal, resizable desktop window (a receptionist or a
manager has other work open beside it).

The pieces are put together in `kiosk.launch.desk_console` and `kiosk.launch.dashboard`: the view
model layer sits above this one, so the window never imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QStandardPaths, QUrl
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.app.desk_tray import TRAY_SVG
from kiosk.app.translations import UI_FOLDER
from kiosk.hub.client import HubClient

_NO_WINDOW_MANAGER = ("offscreen", "minimal")  # these warn on raise()


@dataclass(frozen=True)
class Scene:
    """Which QML file a window shows, what its view model is called there, and how small the
    window may be while it still shows everything."""

    qml: Path
    view_model: str  # the top QML file's required property for the view model
    what: str  # for a person: "the desk console"
    minimum_size: tuple[int, int]


# Below a wide layout's width the panels go above the queue and the cards wrap, so a receptionist
# can keep the console in a third of the screen.
CONSOLE = Scene(UI_FOLDER / "Desk" / "Console.qml", "desk", "The desk console", (480, 560))
# Below a wide layout's width the figures and the charts wrap onto more rows.
DASHBOARD = Scene(
    UI_FOLDER / "Dashboard" / "Dashboard.qml", "dashboard", "The dashboard", (1024, 640)
)


class DeskWindow:
    """Builds a scene for a view model; `show()` puts it on screen. What the scene shows (the
    view models, and what they use) is made with `holder` as its parent, so it lives as long
    as the window and goes after it."""

    def __init__(self, scene: Scene = CONSOLE) -> None:
        self.scene = scene
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(UI_FOLDER))
        self.window: QQuickWindow | None = None
        self.holder = QObject(QCoreApplication.instance())

    def load(
        self, view_model: QObject, pairing: QObject, *, size: tuple[int, int] = (1280, 800)
    ) -> QQuickWindow:
        """Create the scene for `view_model` and its `pairing` view model; raises if the QML has
        errors."""
        errors: list[str] = []
        self.engine.warnings.connect(lambda found: errors.extend(e.toString() for e in found))
        self.engine.setInitialProperties(
            {self.scene.view_model: view_model, "pairing": pairing, "width": size[0],
             "height": size[1]}
        )  # fmt: skip
        self.engine.load(QUrl.fromLocalFile(str(self.scene.qml)))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError(f"{self.scene.what} could not be built:\n" + "\n".join(errors))
        window = roots[0]
        assert isinstance(window, QQuickWindow)
        window.setIcon(QIcon(str(TRAY_SVG)))
        window.setMinimumSize(QSize(*self.scene.minimum_size))
        self.window = window
        return window

    def show(self) -> None:
        assert self.window is not None
        self.window.show()

    def bring_forward(self) -> None:
        """Unhide, un-minimise and raise the window: an overdue visitor must be seen."""
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

    def close(self, hub: QObject | None = None) -> None:
        """Close `hub` (the program's client) and take the window apart: the scene first, then
        what it shows, now and in this order, not at exit when a view model might go first."""
        if isinstance(hub, HubClient):  # not a test's fake
            hub.close()
        if self.window is not None:
            self.window.hide()
        self.engine.deleteLater()
        self.holder.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def documents_folder() -> Path:
    """Where exports and printed lists go unless the person chooses elsewhere."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()
