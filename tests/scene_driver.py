"""Driving a Qt Quick window as a person would: find items by objectName, press, read, look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


class SceneDriver:
    def __init__(self, qtbot: QtBot, window: QQuickWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    # --- finding --------------------------------------------------------------------------------

    def items(self, root: QQuickItem | None = None) -> Iterator[QQuickItem]:
        """Every item of the scene under `root`, shown or not, in tree order."""
        yield from self._walk(root, visible_only=False)

    def visible_items(self, root: QQuickItem | None = None) -> Iterator[QQuickItem]:
        yield from self._walk(root, visible_only=True)

    def _walk(self, root: QQuickItem | None, *, visible_only: bool) -> Iterator[QQuickItem]:
        stack = [root or self.window.contentItem()]
        while stack:
            item = stack.pop()
            if visible_only and not item.isVisible():
                continue
            yield item
            stack.extend(reversed(item.childItems()))

    def find(self, name: str, root: QQuickItem | None = None) -> QQuickItem | None:
        return next((i for i in self.visible_items(root) if i.objectName() == name), None)

    def item(self, name: str, root: QQuickItem | None = None, timeout: int = 5000) -> QQuickItem:
        """The visible item called `name`, waiting for it to appear."""
        self.qtbot.waitUntil(lambda: self.find(name, root) is not None, timeout=timeout)
        found = self.find(name, root)
        assert found is not None
        return found

    def texts(self, root: QQuickItem | None = None) -> list[str]:
        """Every text shown now (visible items only), in tree order."""
        return [
            value
            for item in self.visible_items(root)
            for prop in ("text", "placeholderText")
            if isinstance(value := item.property(prop), str) and value.strip()
        ]

    # --- acting and looking ---------------------------------------------------------------------

    def press(self, item: QQuickItem) -> None:
        """A tap or click at the middle of `item`, once it is enabled."""
        self.qtbot.waitUntil(lambda: bool(item.isEnabled()), timeout=3000)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )

    def settle(self) -> None:
        """Let bindings, layouts and a frame catch up."""
        for _ in range(3):
            QGuiApplication.processEvents()
        self.qtbot.wait(30)

    def screenshot(self, name: str) -> Path:
        self.settle()
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert self.window.grabWindow().save(str(path))
        return path
