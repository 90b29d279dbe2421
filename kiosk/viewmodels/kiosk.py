"""The kiosk screen's view model: which screen the visitor is on, the hub, and the name and
contact both paths ask for. The check-in, check-out, scan and admin flows are view models of
their own; what is known of the visitor lives in one `VisitorSession` that `reset()` replaces."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.names import MAX_NAME_LENGTH, InvalidName, clean_name, first_name
from kiosk.viewmodels.kiosk_admin import AdminFlow, SiteOptions
from kiosk.viewmodels.kiosk_check_in import CheckInFlow
from kiosk.viewmodels.kiosk_check_out import CheckOutFlow
from kiosk.viewmodels.kiosk_refusals import REFUSALS
from kiosk.viewmodels.kiosk_scan import ScanFlow
from kiosk.viewmodels.kiosk_screens import (
    BACK,
    BRIEF_SCREENS,
    CHECKOUT_CONTACT,
    CHECKOUT_NAME,
    CONTACT,
    HOST,
    NAME,
    WELCOME,
)
from kiosk.viewmodels.services import BadgePrinter, Hub, Languages, Voice
from kiosk.viewmodels.visitor_session import VisitorSession

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

MAX_CONTACT_LENGTH = 120


@QmlElement
@QmlUncreatable("The kiosk screen makes it, with the hub, the voice and the languages.")
class KioskViewModel(QObject):
    """Everything the kiosk's QML shows comes from here or from one of its three flows."""

    screenChanged = Signal()
    languageChanged = Signal()
    nameChanged = Signal()
    nameErrorChanged = Signal()
    contactChanged = Signal()
    greetingNameChanged = Signal()
    messageChanged = Signal()
    busyChanged = Signal()
    connectedChanged = Signal()
    tryingAgainChanged = Signal()
    resetDone = Signal()

    def __init__(
        self,
        hub: Hub,
        site: SiteOptions,
        voice: Voice,
        languages: Languages,
        *,
        badges: BadgePrinter | None = None,
        quit_app: Callable[[], None] = lambda: None,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hub = hub
        self._voice = voice
        self._languages = languages
        settings = site.current
        self._site_name: str = settings.site_name
        self._idle_s: int = settings.idle_timeout_s
        self._done_s: int = settings.done_timeout_s
        self.default_language: str = settings.language
        voice.enabled = settings.speech
        self.session = VisitorSession()
        self._screen = WELCOME
        self._name_error = ""
        self._message = ""
        self._pending: dict[int, Callable[[dict[str, Any]], None]] = {}
        self._blocking: int | None = None  # the request the visitor is waiting for

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.reset)

        self.check_in = CheckInFlow(self, settings, voice, badges)
        self.check_out = CheckOutFlow(self)
        self.admin = AdminFlow(self, site, voice, quit_app=quit_app, clock=clock)
        self.scan = ScanFlow(self, hub)

        hub.replied.connect(self._replied)
        hub.refused.connect(self._refused)
        hub.connectionChanged.connect(self._connection_changed)
        hub.eventReceived.connect(self.check_in.heard)
        self.check_in.printerProblemChanged.connect(self.tell_status)

        self._language = self.default_language
        if self._language != languages.language:
            languages.use(self._language)

    # --- the visitor, and going back to Welcome --------------------------------------------------

    @Slot()
    def reset(self) -> None:
        """Back to Welcome, forgetting the last visitor entirely (and their language choice)."""
        if self.session.visit is not None:
            self._hub.request("release", visit=self.session.visit)  # dies with the visitor
        self.session = VisitorSession()
        self._pending.clear()
        self._voice.forget()
        self._idle.stop()
        self._screen, self._name_error, self._message, self._blocking = WELCOME, "", "", None
        for flow in (self.check_in, self.check_out, self.admin, self.scan):
            flow.forget()
        if self._language != self.default_language:
            self.use_language(self.default_language)
        for signal in (
            self.screenChanged,
            self.nameChanged,
            self.nameErrorChanged,
            self.contactChanged,
            self.greetingNameChanged,
            self.messageChanged,
            self.busyChanged,
        ):
            signal.emit()
        self.resetDone.emit()

    def visitor_texts(self) -> list[str]:
        """Every text the kiosk holds about the current visitor, for anyone auditing it."""
        held = [*self.session.texts(), self._name_error, self._message]
        held += self.check_in.held_texts() + self.admin.held_texts()
        return [text for text in held if text]

    @property
    def screen_now(self) -> str:
        return self._screen

    def go(self, screen: str) -> None:
        self._screen = screen
        self.set_message("")
        self._set_blocking(None)
        self._arm_idle()
        self.screenChanged.emit()

    def _arm_idle(self) -> None:
        if self._screen == WELCOME:
            self._idle.stop()
            return
        seconds = self._done_s if self._screen in BRIEF_SCREENS else self._idle_s
        self._idle.start(int(seconds * 1000))

    @Slot()
    def touched(self) -> None:
        """Any press anywhere: the visitor is still here."""
        if self._screen not in BRIEF_SCREENS and self._idle.isActive():
            self._arm_idle()

    @Slot()
    def back(self) -> None:
        previous = BACK.get(self._screen)
        if previous == WELCOME:
            self.reset()
        elif previous is not None:
            self._pending.clear()
            self.go(previous)

    # --- the hub ---------------------------------------------------------------------------------

    def ask(
        self,
        command: str,
        on_reply: Callable[[dict[str, Any]], None],
        *,
        busy: bool = True,
        **fields: Any,
    ) -> int:
        """Send `command`; `on_reply` gets its answer, unless the visitor has gone by then.
        With `busy`, the visitor waits for it (buttons off, "trying again" if the hub is away)."""
        request_id = self._hub.request(command, **fields)
        self._pending[request_id] = on_reply
        if busy:
            self._set_blocking(request_id)
            self.set_message("")
        return request_id

    def send(self, command: str, **fields: Any) -> None:
        """Send `command` and wait for nothing."""
        self._hub.request(command, **fields)

    @property
    def busy_now(self) -> bool:
        return self._blocking is not None

    def _set_blocking(self, request_id: int | None) -> None:
        if request_id != self._blocking:
            was_busy = self._blocking is not None
            self._blocking = request_id
            if was_busy != (request_id is not None):
                self.busyChanged.emit()
                self.tryingAgainChanged.emit()

    def _replied(self, request_id: int, result: dict[str, Any]) -> None:
        on_reply = self._pending.pop(request_id, None)
        if on_reply is None:
            return  # an answer for a visitor who has gone, or a superseded search
        if request_id == self._blocking:
            self._set_blocking(None)
        on_reply(result)

    def _refused(self, request_id: int, message: str, reason: str = "") -> None:
        if self._pending.pop(request_id, None) is None:
            return
        if request_id == self._blocking:
            self._set_blocking(None)
        self.set_message(self.in_visitors_language(reason, message))

    def in_visitors_language(self, reason: str, message: str) -> str:
        """The hub speaks English; what a visitor can meet is said again in their language, by
        its reason code."""
        sentence = REFUSALS.get(reason)
        return self.tr(sentence).replace("%1", str(MAX_NAME_LENGTH)) if sentence else message

    def set_message(self, message: str) -> None:
        """A sentence for the visitor on the current screen."""
        if message != self._message:
            self._message = message
            self.messageChanged.emit()

    def _connection_changed(self, connected: bool) -> None:
        self.connectedChanged.emit()
        self.tryingAgainChanged.emit()
        if connected:
            self.tell_status()

    def tell_status(self) -> None:
        """What this kiosk can do, for the desks to see: its voice, its camera, and what is
        wrong with its badge printer."""
        speaking, camera = bool(self._voice.enabled), self.scan.camera_now
        printer = self.check_in.printer_problem[:300]
        self._hub.request("status", sound=speaking, speech=speaking, camera=camera, printer=printer)

    # --- Welcome ---------------------------------------------------------------------------------

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        if language in ("en", "es") and language != self._language:
            self.use_language(language)
            self._set_name_error("")

    def use_language(self, language: str) -> None:
        self._language = language
        self._languages.use(language)
        self.languageChanged.emit()

    @property
    def language_now(self) -> str:
        return self._language

    @Slot()
    def startCheckIn(self) -> None:
        self.go(NAME)

    @Slot()
    def startCheckOut(self) -> None:
        self.go(CHECKOUT_NAME)

    # --- Your name, and your e-mail or phone: asked on both paths --------------------------------

    @Slot(str)
    def setName(self, typed: str) -> None:
        self.session.name = typed
        self.nameChanged.emit()
        if not typed.strip() or self.cleaned_name() is not None:
            self._set_name_error("")  # nothing typed yet is not a problem to show

    def _set_name_error(self, error: str) -> None:
        if error != self._name_error:
            self._name_error = error
            self.nameErrorChanged.emit()

    def cleaned_name(self) -> str | None:
        """The name as typed, cleaned; None (and the reason shown) if it can't be used."""
        try:
            return clean_name(self.session.name)
        except InvalidName as error:
            self._set_name_error(self.in_visitors_language(error.reason, str(error)))
            return None

    @Slot()
    def submitName(self) -> None:
        if self.cleaned_name() is None or self.busy_now:
            return
        self.go(CHECKOUT_CONTACT if self._screen == CHECKOUT_NAME else CONTACT)

    @Slot(str)
    def setContact(self, typed: str) -> None:
        self.session.contact = typed[:MAX_CONTACT_LENGTH]
        self.contactChanged.emit()

    @Slot()
    def submitContact(self) -> None:
        """Next (or Skip, with nothing typed). Only a name and a contact that both match what
        the hub keeps make a returning visitor; whatever was typed, every visitor goes on the
        same way, so the screen tells nobody who else has been here."""
        name = self.cleaned_name()
        if name is None or self.busy_now:
            return
        contact = " ".join(self.session.contact.split())
        if self._screen == CHECKOUT_CONTACT:
            self.check_out.leave(name, contact)
        elif contact:
            self.ask("identify", self.check_in.identified, name=name, contact=contact)
        else:
            self.greet_as(first_name(name))
            self.go(HOST)

    @Slot()
    def skipContact(self) -> None:
        self.setContact("")
        self.submitContact()

    def greet_as(self, name: str) -> None:
        self.session.greeting_name = name
        self.greetingNameChanged.emit()

    # --- what QML reads --------------------------------------------------------------------------

    def _get_screen(self) -> str:
        return self._screen

    def _get_site_name(self) -> str:
        return self._site_name

    def _get_language(self) -> str:
        return self._language

    def _get_name(self) -> str:
        return self.session.name

    def _get_name_error(self) -> str:
        return self._name_error

    def _get_max_name_length(self) -> int:
        return MAX_NAME_LENGTH

    def _get_contact(self) -> str:
        return self.session.contact

    def _get_max_contact_length(self) -> int:
        return MAX_CONTACT_LENGTH

    def _get_greeting_name(self) -> str:
        return self.session.greeting_name

    def _get_message(self) -> str:
        return self._message

    def _get_busy(self) -> bool:
        return self.busy_now

    def _get_connected(self) -> bool:
        return bool(self._hub.connected)

    def _get_trying_again(self) -> bool:
        return self.busy_now and not self._hub.connected

    def _get_check_in(self) -> CheckInFlow:
        return self.check_in

    def _get_check_out(self) -> CheckOutFlow:
        return self.check_out

    def _get_admin_panel(self) -> AdminFlow:
        return self.admin

    def _get_scan(self) -> ScanFlow:
        return self.scan

    screen = Property(str, _get_screen, notify=screenChanged)
    siteName = Property(str, _get_site_name, constant=True)
    language = Property(str, _get_language, notify=languageChanged)
    name = Property(str, _get_name, notify=nameChanged)
    nameError = Property(str, _get_name_error, notify=nameErrorChanged)
    maxNameLength = Property(int, _get_max_name_length, constant=True)
    contact = Property(str, _get_contact, notify=contactChanged)
    maxContactLength = Property(int, _get_max_contact_length, constant=True)
    greetingName = Property(str, _get_greeting_name, notify=greetingNameChanged)
    message = Property(str, _get_message, notify=messageChanged)
    busy = Property(bool, _get_busy, notify=busyChanged)
    connected = Property(bool, _get_connected, notify=connectedChanged)
    # Waiting for the hub while it can't be reached: the banner says "trying again".
    tryingAgain = Property(bool, _get_trying_again, notify=tryingAgainChanged)
    checkIn = Property(CheckInFlow, _get_check_in, constant=True)
    checkOut = Property(CheckOutFlow, _get_check_out, constant=True)
    adminPanel = Property(AdminFlow, _get_admin_panel, constant=True)
    scanFlow = Property(ScanFlow, _get_scan, constant=True)
