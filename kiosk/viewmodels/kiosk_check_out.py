"""Checking out at the kiosk: name and contact, then one question. The answer and the thank-you
are the same whatever the hub found, so the screen tells nobody whether a name was here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.kiosk_screens import FEEDBACK, THANKS

if TYPE_CHECKING:
    from kiosk.viewmodels.kiosk import KioskViewModel

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("The kiosk's view model has one, as checkOut.")
class CheckOutFlow(QObject):
    def __init__(self, kiosk: KioskViewModel) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk

    def forget(self) -> None:
        """Nothing of its own: what it knows is in the visitor's session."""

    def leave(self, name: str, contact: str) -> None:
        self._kiosk.ask("leaving", self.said_goodbye, name=name, contact=contact)

    def said_goodbye(self, result: dict[str, Any]) -> None:
        self._kiosk.session.visit = result["visit"]
        self._kiosk.go(FEEDBACK)

    @Slot(int)
    def rate(self, rating: int) -> None:
        """One of the faces: the answer is sent, and the thank-you shown without waiting."""
        visit = self._kiosk.session.visit
        if visit is not None and 1 <= rating <= 5:
            self._kiosk.send("rate_welcome", visit=visit, rating=rating)
        self._kiosk.go(THANKS)
