"""The one line the desk console shows across its foot: a sentence to read, and at most one
thing to do about it (such as "Undo"), for as long as that makes sense."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

SHOWN_MS = 8000


@QmlElement
@QmlUncreatable("The desk's view model has the one note.")
class DeskNote(QObject):
    textChanged = Signal()
    actionChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._action = ""
        self._on_action: Callable[[], None] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.dismiss)

    def show(
        self,
        text: str,
        *,
        action: str = "",
        on_action: Callable[[], None] | None = None,
        for_ms: int = SHOWN_MS,
    ) -> None:
        """Show `text`; with `action`, a button that calls `on_action` while the note lasts."""
        self._text, self._action, self._on_action = text, action, on_action
        self.textChanged.emit()
        self.actionChanged.emit()
        self._timer.start(for_ms)

    @Slot()
    def dismiss(self) -> None:
        self._timer.stop()
        if self._text or self._action:
            self._text, self._action, self._on_action = "", "", None
            self.textChanged.emit()
            self.actionChanged.emit()

    @Slot()
    def act(self) -> None:
        on_action = self._on_action
        self.dismiss()
        if on_action is not None:
            on_action()

    def _get_text(self) -> str:
        return self._text

    def _get_action(self) -> str:
        return self._action

    text = Property(str, _get_text, notify=textChanged)
    action = Property(str, _get_action, notify=actionChanged)
