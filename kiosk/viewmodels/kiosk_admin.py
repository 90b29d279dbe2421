"""The kiosk's admin panel, behind five taps in a corner and the admin PIN: speech, language,
targets, and leaving the kiosk program."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels.admin_lock import AdminLock
from kiosk.viewmodels.kiosk_screens import ADMIN, ADMIN_PIN

if TYPE_CHECKING:
    from kiosk.viewmodels.kiosk import KioskViewModel
    from kiosk.viewmodels.services import Voice

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

# The admin panel moves targets in steps a front desk thinks in.
TARGET_STEP_S = 15


class SiteOptions(Protocol):
    """The settings the kiosk screen reads, and the few its admin panel saves."""

    @property
    def current(self) -> Any: ...  # kiosk.store.settings.Settings

    @property
    def has_pin(self) -> bool: ...

    def pin_matches(self, pin: str) -> bool: ...

    def save_speech(self, on: bool) -> None: ...

    def save_language(self, language: str) -> None: ...

    def save_targets(self, acknowledge_s: int, welcome_s: int) -> None: ...


@QmlElement
@QmlUncreatable("The kiosk's view model has one, as adminPanel.")
class AdminFlow(QObject):
    pinLengthChanged = Signal()
    pinMessageChanged = Signal()
    pinWaitSecondsChanged = Signal()
    speechOnChanged = Signal()
    speechOffReasonChanged = Signal()
    acknowledgeTargetChanged = Signal()
    welcomeTargetChanged = Signal()
    exitAllowedChanged = Signal()

    def __init__(
        self,
        kiosk: KioskViewModel,
        site: SiteOptions,
        voice: Voice,
        *,
        quit_app: Callable[[], None],
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(kiosk)
        self._kiosk, self._site, self._voice, self._quit_app = kiosk, site, voice, quit_app
        self._lock = AdminLock(site.pin_matches, clock) if clock else AdminLock(site.pin_matches)
        self._pin = ""
        self._admin_pin = ""  # while the panel is open: the hub checks it again for targets
        self._pin_message = ""
        self._exit_allowed = False
        self._pin_clock = QTimer(self)  # ticks the "try again in N s" countdown
        self._pin_clock.setInterval(250)
        self._pin_clock.timeout.connect(self._pin_tick)
        # The voice may go off by itself (no sound output, a voice that stopped answering):
        # the panel says so at once.
        for signal, ours in (
            ("enabledChanged", self.speechOnChanged),
            ("offReasonChanged", self.speechOffReasonChanged),
        ):
            if hasattr(voice, signal):
                getattr(voice, signal).connect(ours)

    def forget(self) -> None:
        self._pin = self._admin_pin = ""
        self._pin_clock.stop()
        self.pinLengthChanged.emit()

    def held_texts(self) -> list[str]:
        return [self._pin, self._admin_pin]

    @Slot()
    def cornerTapped(self) -> None:
        if not self._lock.corner_tapped():
            return
        self._pin = ""
        self.pinLengthChanged.emit()
        self._set_pin_message(
            ""
            if self._site.has_pin
            else self.tr(
                "No admin PIN is set. Set one with \u201ckiosk pin\u201d on this computer."
            )
        )
        self._kiosk.go(ADMIN_PIN)
        self._pin_tick()

    @Slot(str)
    def pinDigit(self, digit: str) -> None:
        if digit.isdigit() and len(self._pin) < 12:
            self._pin += digit
            self.pinLengthChanged.emit()

    @Slot()
    def pinErase(self) -> None:
        self._pin = self._pin[:-1]
        self.pinLengthChanged.emit()

    @Slot()
    def pinSubmit(self) -> None:
        outcome = self._lock.try_pin(self._pin)
        pin, self._pin = self._pin, ""
        self.pinLengthChanged.emit()
        if outcome is True:
            self._admin_pin = pin
            self._kiosk.go(ADMIN)
            return
        if outcome is False:
            self._set_pin_message(self.tr("That PIN is not right."))
        self._pin_tick()

    def _set_pin_message(self, message: str) -> None:
        self._pin_message = message
        self.pinMessageChanged.emit()

    def _pin_tick(self) -> None:
        waiting = self._lock.seconds_to_wait() > 0
        if waiting and not self._pin_clock.isActive():
            self._pin_clock.start()
        elif not waiting:
            self._pin_clock.stop()
        self.pinWaitSecondsChanged.emit()

    @Slot(bool)
    def setSpeech(self, on: bool) -> None:
        self._voice.enabled = on
        self._site.save_speech(on)
        self.speechOnChanged.emit()
        self._kiosk.tell_status()

    @Slot(str)
    def setDefaultLanguage(self, language: str) -> None:
        if language in ("en", "es"):
            self._kiosk.default_language = language
            self._site.save_language(language)
            self._kiosk.setLanguage(language)

    @Slot(str, int)
    def adjustTarget(self, which: str, step_s: int) -> None:
        """Move the acknowledge or welcome target by `step_s`; the hub applies it at once."""
        targets = self._site.current.policies.targets
        acknowledge_s, welcome_s = targets.acknowledge_s, targets.welcome_s
        if which == "acknowledge":
            acknowledge_s = min(max(acknowledge_s + step_s, TARGET_STEP_S), 3600)
            welcome_s = max(welcome_s, acknowledge_s)
        else:
            welcome_s = min(max(welcome_s + step_s, acknowledge_s), 7200)
        unchanged = (acknowledge_s, welcome_s) == (targets.acknowledge_s, targets.welcome_s)
        if self._kiosk.screen_now != ADMIN or unchanged:
            return

        def applied(result: dict[str, Any]) -> None:
            self._site.save_targets(result["acknowledge_s"], result["welcome_s"])
            self.acknowledgeTargetChanged.emit()
            self.welcomeTargetChanged.emit()

        self._kiosk.ask(
            "set_targets",
            applied,
            acknowledge_s=acknowledge_s,
            welcome_s=welcome_s,
            pin=self._admin_pin,
        )

    @Slot()
    def exitKiosk(self) -> None:
        if self._kiosk.screen_now == ADMIN:
            self._exit_allowed = True
            self.exitAllowedChanged.emit()
            self._quit_app()

    def _get_pin_length(self) -> int:
        return len(self._pin)

    def _get_pin_message(self) -> str:
        return self._pin_message

    def _get_pin_wait_seconds(self) -> int:
        return math.ceil(self._lock.seconds_to_wait())

    def _get_speech_on(self) -> bool:
        return bool(self._voice.enabled)

    def _get_speech_off_reason(self) -> str:
        return getattr(self._voice, "offReason", "")

    def _get_acknowledge_target(self) -> int:
        return self._site.current.policies.targets.acknowledge_s

    def _get_welcome_target(self) -> int:
        return self._site.current.policies.targets.welcome_s

    def _get_exit_allowed(self) -> bool:
        return self._exit_allowed

    pinLength = Property(int, _get_pin_length, notify=pinLengthChanged)
    pinMessage = Property(str, _get_pin_message, notify=pinMessageChanged)
    pinWaitSeconds = Property(int, _get_pin_wait_seconds, notify=pinWaitSecondsChanged)
    speechOn = Property(bool, _get_speech_on, notify=speechOnChanged)
    # Why speech is off, as a reason code (kiosk.app.speech), or "" while it is on.
    speechOffReason = Property(str, _get_speech_off_reason, notify=speechOffReasonChanged)
    acknowledgeTarget = Property(int, _get_acknowledge_target, notify=acknowledgeTargetChanged)
    welcomeTarget = Property(int, _get_welcome_target, notify=welcomeTargetChanged)
    exitAllowed = Property(bool, _get_exit_allowed, notify=exitAllowedChanged)
