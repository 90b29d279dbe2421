"""A list of small records for a QML ListView or Repeater, one role per field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

_Index = QModelIndex | QPersistentModelIndex
# Qt's DisplayRole, and the role of the first field (UserRole + 1), by number: naming them
# here would load the whole Qt namespace, which the kiosk's first frame would wait for.
_DISPLAY_ROLE = 0
_FIRST_FIELD_ROLE = 0x0101


@QmlElement
@QmlUncreatable("Made by the view model that shows the list.")
class RowsModel(QAbstractListModel):
    countChanged = Signal()

    def __init__(self, fields: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        self._rows: list[dict[str, Any]] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = _DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        field = role - _FIRST_FIELD_ROLE
        if 0 <= field < len(self._fields):
            return self._rows[index.row()].get(self._fields[field])
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {
            _FIRST_FIELD_ROLE + i: QByteArray(name.encode()) for i, name in enumerate(self._fields)
        }

    def _kept(self, row: dict[str, Any]) -> dict[str, Any]:
        return {field: row.get(field) for field in self._fields}

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show `rows` afresh."""
        self.beginResetModel()
        self._rows = [self._kept(row) for row in rows]
        self.endResetModel()
        self.countChanged.emit()

    def replace_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show `rows` instead: in place when there are as many (the delegates stay, and only
        what changed is read again, so a half-typed note or a scrolled list stays as it was),
        else afresh."""
        if not rows or len(rows) != len(self._rows):
            self.set_rows(rows)
            return
        self._rows = [self._kept(row) for row in rows]
        self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    def set_row(self, index: int, row: dict[str, Any]) -> None:
        """Change one row in place."""
        if 0 <= index < len(self._rows):
            self._rows[index] = self._kept(row)
            changed = self.index(index)
            self.dataChanged.emit(changed, changed)

    def clear(self) -> None:
        if self._rows:
            self.set_rows([])

    def row(self, i: int) -> dict[str, Any] | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)
