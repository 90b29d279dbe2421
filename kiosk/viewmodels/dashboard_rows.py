"""The dashboard's lists (headline tiles, receptionists, follow-ups, people on site): a QML type,
so that its pages declare what they show, whose rows can change one at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("Made by the dashboard page that shows the list.")
class DashboardRows(RowsModel):
    """A list of small records, one role per field."""

    def replace_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show `rows` instead: in place when there are as many (the delegates stay, and only
        what changed is read again), else afresh."""
        if len(rows) != self.rowCount() or not rows:
            self.set_rows(rows)
            return
        self._rows = [{field: row.get(field) for field in self._fields} for row in rows]
        self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    def set_row(self, index: int, row: dict[str, Any]) -> None:
        """Change one row in place: the other rows' delegates (a note half typed, where the
        list is scrolled to) stay as they are."""
        if self.row(index) is None:
            return
        self._rows[index] = {field: row.get(field) for field in self._fields}
        changed = self.index(index)
        self.dataChanged.emit(changed, changed)
