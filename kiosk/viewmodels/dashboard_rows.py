"""The dashboard's lists (headline tiles, receptionists, follow-ups, people on site) as a QML
type, so that its pages declare what they show."""

from __future__ import annotations

from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.rows import RowsModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("Made by the dashboard page that shows the list.")
class DashboardRows(RowsModel):
    """A list of small records, one role per field."""
