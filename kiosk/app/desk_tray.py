"""The desk console's tray icon: how many visitors are waiting, and the desktop notifications."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from kiosk.app.desk_sounds import DESK_ASSETS

TRAY_SVG = DESK_ASSETS / "tray.svg"
_CALM = QColor("#0A55A3")
_WAITING = QColor("#B3261E")
_NOTICE_MS = 15_000


def count_icon(count: int, size: int = 64) -> QIcon:
    """The bell when nobody waits; otherwise the number waiting, white on red, readable at 16 px."""
    if count <= 0:
        return QIcon(str(TRAY_SVG))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_WAITING)
    painter.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), size * 0.22, size * 0.22)
    text = str(count) if count < 100 else "99+"
    font = QFont("Noto Sans")
    font.setBold(True)
    font.setPixelSize(int(size * (0.62 if len(text) == 1 else 0.5 if len(text) == 2 else 0.36)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class DeskTray(QObject):
    """The icon in the system tray, where there is one; notifications are remembered either way
    so the console (and the tests) can tell what was announced."""

    showRequested = Signal()
    quitRequested = Signal()

    def __init__(self, tooltip_title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._title = tooltip_title
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.count = 0
        self.notices: list[tuple[str, str, bool]] = []  # (title, body, urgent), newest last
        self._icon = QSystemTrayIcon(count_icon(0), self)
        self._menu = QMenu()
        show = QAction(self.tr("Show the desk console"), self._menu)
        show.triggered.connect(self.showRequested)
        leave = QAction(self.tr("Quit the desk console"), self._menu)
        leave.triggered.connect(self.quitRequested)
        self._menu.addAction(show)
        self._menu.addSeparator()
        self._menu.addAction(leave)
        self._icon.setContextMenu(self._menu)
        self._icon.activated.connect(self._activated)
        self._icon.messageClicked.connect(self.showRequested)
        self.set_count(0)
        if self.available:
            self._icon.show()

    def set_count(self, count: int, unanswered: int = 0) -> None:
        self.count = count
        self._icon.setIcon(count_icon(count))
        if count == 0:
            tip = self.tr("Nobody is waiting")
        elif unanswered:
            tip = (
                self.tr("waiting: %1, not answered yet: %2")
                .replace("%1", str(count))
                .replace("%2", str(unanswered))
            )
        else:
            tip = self.tr("waiting: %1").replace("%1", str(count))
        self._icon.setToolTip(f"{self._title}: {tip}")

    def notify(self, title: str, body: str, *, urgent: bool = False) -> None:
        self.notices.append((title, body, urgent))
        if self.available and QSystemTrayIcon.supportsMessages():
            icon = (
                QSystemTrayIcon.MessageIcon.Critical
                if urgent
                else QSystemTrayIcon.MessageIcon.Information
            )
            self._icon.showMessage(title, body, icon, _NOTICE_MS)

    def hide(self) -> None:
        self._icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.showRequested.emit()
