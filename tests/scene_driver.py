"""Driving a Qt Quick window as a person would: find items by objectName, press, read, look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import SIGNAL, QObject, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlEngine, QQmlExpression, qmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
PLAIN_TEXT = 0  # Text.PlainText


def is_button(item: QObject) -> bool:
    """A button, the kiosk's own (KioskButton) or a Qt Quick Controls one: an item that says
    it was clicked."""
    return item.metaObject().indexOfSignal("clicked()") >= 0


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

    def item(self, name: str, root: QQuickItem | None = None, timeout: int = 15000) -> QQuickItem:
        """The visible item called `name`, waiting for it to appear."""
        self.qtbot.waitUntil(lambda: self.find(name, root) is not None, timeout=timeout)
        found = self.find(name, root)
        assert found is not None
        return found

    def texts_read_as_markup(self, root: QQuickItem | None = None) -> list[str]:
        """Text items of our own QML, shown or not, that would read their text as markup rather
        than as plain text: one showing a visitor's name could fetch an image from the network.

        Qt's own items (a field's placeholder, the virtual keyboard) are left out.
        """
        found = []
        stack = [root or self.window.contentItem()]
        while stack:
            item = stack.pop()
            if item.objectName() == "keyboard":
                continue
            stack.extend(item.childItems())
            kind = item.metaObject().className()
            if not item.inherits("QQuickText") or kind.startswith("QQuickPlaceholderText"):
                continue
            if text_format(item) != PLAIN_TEXT:
                found.append(f"{item.objectName() or kind}: {item.property('text')!r}")
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
        """A tap or click at the middle of `item`, once it is enabled and a tap there would land
        on it: inside the window, not clipped away, not under another item. A person can't press
        what they can't see, so neither may a test."""
        self.qtbot.waitUntil(lambda: bool(item.isEnabled()), timeout=3000)
        # A button that has just appeared is placed by its layout on the next polish: tapping
        # before that could press where it is about to leave, and release where it has gone.
        self.settle()
        try:
            self.qtbot.waitUntil(lambda: self.why_a_tap_misses(item) is None, timeout=3000)
        except self.qtbot.TimeoutError:
            raise AssertionError(self.why_a_tap_misses(item)) from None
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        clicked: list[bool] = []
        button = is_button(item)
        if button:
            QObject.connect(item, SIGNAL("clicked()"), lambda: clicked.append(True))
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
        )
        if button and not clicked and isValid(item):
            receiver = self.receiver_at(QPointF(centre))
            took = receiver.objectName() or receiver.metaObject().className() if receiver else None
            raise AssertionError(
                f"{item.objectName() or 'a button'} did not take the click at {centre.toTuple()} "
                f"(enabled: {item.isEnabled()}; the press went to {took})"
            )

    def cut_off(self, root: QQuickItem | None = None) -> list[str]:
        """What a person can't read or reach: texts elided, and texts or named items that stick
        out of the window (outside anything that scrolls or clips, whose content may rightly
        lie beyond it). The keyboard, parked below the window, is left out."""
        found, stack = [], [root or self.window.contentItem()]
        width, height = self.window.width(), self.window.height()
        while stack:
            item = stack.pop()
            if not isinstance(item, QQuickItem) or not item.isVisible() or item.clip():
                continue
            if item.objectName().startswith("keyboard"):
                continue
            stack.extend(item.childItems())
            ours = not item.metaObject().className().startswith("QQuickPlaceholderText")
            text = str(item.property("text") or "") if item.inherits("QQuickText") and ours else ""
            if not (text.strip() or item.objectName()) or item.width() <= 0:
                continue
            name = f"{item.objectName() or 'text'}: {text!r}" if text else item.objectName()
            top_left = item.mapToScene(QPointF(0, 0))
            bottom_right = item.mapToScene(QPointF(item.width(), item.height()))
            outside = (top_left.x() < -1 or top_left.y() < -1 or bottom_right.x() > width + 1
                       or bottom_right.y() > height + 1)  # fmt: skip
            if outside or (text and item.property("truncated")):
                found.append(name)
        return found

    def why_a_tap_misses(self, item: QQuickItem) -> str | None:
        """Why a tap at the middle of `item` would not land on it, or None if it would."""
        name = item.objectName() or item.metaObject().className()
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        x, y = centre.x(), centre.y()
        width, height = self.window.width(), self.window.height()
        if not (0 <= x < width and 0 <= y < height):
            return f"{name}'s middle ({x:.0f}, {y:.0f}) is outside the {width}x{height} window"
        ancestor = item.parentItem()
        while ancestor is not None:
            if ancestor.clip() and not ancestor.contains(ancestor.mapFromScene(centre)):
                clipper = ancestor.objectName() or ancestor.metaObject().className()
                return f"{name}'s middle ({x:.0f}, {y:.0f}) is clipped away by {clipper}"
            ancestor = ancestor.parentItem()
        receiver = self.receiver_at(centre)
        if receiver is None:
            return f"nothing at {name}'s middle ({x:.0f}, {y:.0f}) takes a tap"
        if not (_within(receiver, item) or _within(item, receiver)):
            covering = receiver.objectName() or receiver.metaObject().className()
            return f"{name}'s middle ({x:.0f}, {y:.0f}) is covered by {covering}"
        return None

    def receiver_at(self, point: QPointF, root: QQuickItem | None = None) -> QQuickItem | None:
        """The item a press at `point` (scene coordinates) goes to: the topmost enabled, visible
        item there that takes presses, as Qt chooses it (children over parents, higher z and
        later siblings over earlier ones, nothing outside a clipping parent)."""
        node = root or self.window.contentItem()
        inside = node.contains(node.mapFromScene(point))
        if node.clip() and not inside:
            return None
        children = list(enumerate(node.childItems()))
        for _, child in sorted(children, key=lambda pair: (pair[1].z(), pair[0]), reverse=True):
            if child.isVisible() and child.isEnabled():
                found = self.receiver_at(point, child)
                if found is not None:
                    return found
        return node if inside and _takes_presses(node) else None

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


def text_format(item: QQuickItem) -> int:
    """A Text item's textFormat (PySide6 can't convert QQuickText's enum, so QML reads it)."""
    context = QQmlEngine.contextForObject(item) or qmlEngine(item).rootContext()
    value = QQmlExpression(context, item, "textFormat").evaluate()
    return int(value[0] if isinstance(value, tuple) else value)


def _within(item: QQuickItem, ancestor: QQuickItem) -> bool:
    """Whether `item` is `ancestor` or lies inside it."""
    while item is not None and item is not ancestor:
        item = item.parentItem()
    return item is not None


def _takes_presses(item: QQuickItem) -> bool:
    # An item takes a press with a mouse button accepted, or with a pointer handler (TapHandler).
    if item.acceptedMouseButtons() != Qt.MouseButton.NoButton:
        return True
    return any(child.inherits("QQuickPointerHandler") for child in item.children())
