"""Scanning at the kiosk: an invitation checks its visitor in at once, a badge checks its visit
out, and a code that can't be used is said kindly with the name path offered. Codes come from a
USB barcode scanner (on any screen) or from the camera screen's frames."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.kiosk_check_in import KIOSK_NAME
from kiosk.viewmodels.kiosk_screens import (
    ADMIN,
    ADMIN_PIN,
    CAMERA,
    CHECKOUT_NAME,
    NAME,
    SCAN_REFUSED,
)

if TYPE_CHECKING:
    from kiosk.app.camera_scan import FrameScanner
    from kiosk.viewmodels.kiosk import KioskViewModel
    from kiosk.viewmodels.services import Hub

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

# The longest code the hub reads; anything longer is not one of ours.
MAX_CODE_LENGTH = 64
# Looking for a camera loads the multimedia libraries: not before Welcome is on screen.
LOOK_FOR_CAMERA_MS = 1000


@QmlElement
@QmlUncreatable("The kiosk's view model has one, as scan.")
class ScanFlow(QObject):
    problemChanged = Signal()
    cameraAvailableChanged = Signal()
    readingChanged = Signal()

    def __init__(self, kiosk: KioskViewModel, hub: Hub) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._hub = hub
        self._request: int | None = None
        self._badge = False
        self._problem = ""
        self._camera_available = False
        self._devices: QObject | None = None
        self._frames: FrameScanner | None = None
        self._decoding = False  # a frame of the viewfinder's is with the reader
        hub.replied.connect(self._replied)
        hub.refused.connect(self._refused)
        QTimer.singleShot(LOOK_FOR_CAMERA_MS, self, self._look_for_camera)

    def forget(self) -> None:
        self._request, self._badge = None, False
        self._set_problem("")
        self.readingChanged.emit()

    def takes_scans(self) -> bool:
        """Whether a scan counts on this screen: on the staff screens, keys stay keys."""
        return self._kiosk.screen_now not in (ADMIN, ADMIN_PIN)

    # --- a code read ------------------------------------------------------------------------------

    @Slot(str)
    def scanned(self, code: str) -> None:
        """A code from the barcode scanner or the camera: whatever the screen, this visitor
        starts afresh with it (the one before, if any, has gone)."""
        code = code.strip()
        if not code or not self.takes_scans() or self._request is not None:
            return
        language = self._kiosk.language_now
        if self._kiosk.screen_now != CAMERA:
            self._kiosk.reset()
            if language != self._kiosk.language_now:  # chosen on Welcome, just before
                self._kiosk.use_language(language)
        from kiosk.core.codes import PREFIX, CodeKind  # here: not before the first frame

        self._badge = code.upper().startswith(f"{PREFIX}{CodeKind.BADGE}")
        self._request = self._hub.request(
            "scan", code=code[:MAX_CODE_LENGTH], key=os.urandom(16).hex(), kiosk=KIOSK_NAME
        )
        self.readingChanged.emit()

    def _replied(self, request_id: int, result: dict[str, Any]) -> None:
        if request_id != self._request:
            return
        self._request = None
        self.readingChanged.emit()
        session = self._kiosk.session
        if result.get("did") == "checked_out":
            self._kiosk.check_out.said_goodbye(result)
            return
        session.pronunciation = result.get("pronunciation") or ""
        host = result.get("host")
        session.host = {"id": None, "name": host} if host else None
        self._kiosk.check_in.checked_in(result)

    def _refused(self, request_id: int, message: str, reason: str = "") -> None:
        if request_id != self._request:
            return
        self._request = None
        self.readingChanged.emit()
        if reason == "code_used" and self._badge:
            reason = "badge_used"
        self._kiosk.go(SCAN_REFUSED)
        self._set_problem(self._kiosk.in_visitors_language(reason, message))

    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit()

    @Slot()
    def nameInstead(self) -> None:
        """The name path, for a code that could not be used."""
        badge = self._badge
        self.forget()
        self._kiosk.go(CHECKOUT_NAME if badge else NAME)

    # --- the camera -------------------------------------------------------------------------------

    @Slot()
    def openCamera(self) -> None:
        if self._camera_available:
            self._kiosk.go(CAMERA)

    def _look_for_camera(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        devices = QMediaDevices(self)
        devices.videoInputsChanged.connect(self._cameras_changed)
        self._devices = devices
        self._cameras_changed()

    def _cameras_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        available = bool(QMediaDevices.videoInputs())
        if available != self._camera_available:
            self._camera_available = available
            self.cameraAvailableChanged.emit()
            if self._hub.connected:
                self._kiosk.tell_status()

    @property
    def camera_now(self) -> bool:
        return self._camera_available

    def camera_frames(self) -> FrameScanner:
        """What reads codes in the camera's frames (made when first needed: it loads the
        decoder)."""
        if self._frames is None:
            from kiosk.app.camera_scan import FrameScanner

            self._frames = FrameScanner(self)
            self._frames.codeFound.connect(self.scanned)
            self._frames.decoded.connect(self._decoded)
        return self._frames

    @Slot(QObject)
    def watch(self, sink: QObject) -> None:
        """The viewfinder's video sink: the frames it shows go to the code reader."""
        sink.videoFrameChanged.connect(self._offer)  # type: ignore[attr-defined]

    def _offer(self, frame: Any) -> None:
        """A frame of the viewfinder's, made an image only when the reader is free for it: the
        frames that come while it is busy are dropped as they are."""
        if not self._decoding:
            self._decoding = self.camera_frames().offer(frame.toImage())

    def _decoded(self) -> None:
        self._decoding = False

    def close(self) -> None:
        """Wait for a frame being decoded, if any (before the window closes)."""
        if self._frames is not None:
            self._frames.stop()

    # --- what QML reads ---------------------------------------------------------------------------

    def _get_problem(self) -> str:
        return self._problem

    def _get_camera_available(self) -> bool:
        return self._camera_available

    def _get_reading(self) -> bool:
        return self._request is not None

    problem = Property(str, _get_problem, notify=problemChanged)
    cameraAvailable = Property(bool, _get_camera_available, notify=cameraAvailableChanged)
    # A code has gone to the hub and its answer is awaited.
    reading = Property(bool, _get_reading, notify=readingChanged)
