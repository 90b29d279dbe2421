"""The kiosk screen's view model: the visitor's path from Welcome to Done, and back again."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.core.names import MAX_NAME_LENGTH, InvalidName, clean_name, first_name, matching_key
from kiosk.core.purposes import Purpose
from kiosk.viewmodels.admin_lock import AdminLock
from kiosk.viewmodels.rows import RowsModel

# The screens, in the order a visitor meets them. QML shows the one named by `screen`.
WELCOME = "welcome"
NAME = "name"
CONTACT = "contact"
RETURNING = "returning"
HOST = "host"
PRONUNCIATION = "pronunciation"
DONE = "done"
CHECKOUT_NAME = "checkout_name"
CHECKOUT_CONTACT = "checkout_contact"
FEEDBACK = "feedback"
THANKS = "thanks"
ADMIN_PIN = "admin_pin"
ADMIN = "admin"

_BRIEF_SCREENS = {DONE, THANKS}  # these go back to Welcome after done_timeout_s
KIOSK_NAME = "lobby"
MAX_CONTACT_LENGTH = 120


# The admin panel moves targets in steps a front desk thinks in.
TARGET_STEP_S = 15


class Hub(Protocol):
    """What the view model needs of the hub client (kiosk.hub.client.HubClient)."""

    replied: Any
    refused: Any
    connectionChanged: Any
    eventReceived: Any

    @property
    def connected(self) -> bool: ...

    def request(self, command: str, **fields: Any) -> int: ...


class Voice(Protocol):
    enabled: bool

    def say(self, text: str, language: str = "en") -> None: ...

    def forget(self) -> None: ...


class Languages(Protocol):
    language: str

    def use(self, language: str) -> None: ...


class SiteOptions(Protocol):
    """The settings the kiosk screen reads, and the two its admin panel saves."""

    @property
    def current(self) -> Any: ...  # kiosk.store.settings.Settings

    @property
    def has_pin(self) -> bool: ...

    def pin_matches(self, pin: str) -> bool: ...

    def save_speech(self, on: bool) -> None: ...

    def save_language(self, language: str) -> None: ...

    def save_targets(self, acknowledge_s: int, welcome_s: int) -> None: ...


class KioskViewModel(QObject):
    """Everything the kiosk's QML shows, and every action a visitor can take.

    Whatever a visitor typed or was told is held here and nowhere else, so that `reset()` can
    forget all of it when they walk away.
    """

    changed = Signal()
    resetDone = Signal()

    def __init__(
        self,
        hub: Hub,
        site: SiteOptions,
        voice: Voice,
        languages: Languages,
        *,
        quit_app: Callable[[], None] = lambda: None,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hub = hub
        self._site = site
        self._voice = voice
        self._languages = languages
        self._quit_app = quit_app
        settings = site.current
        self._site_name: str = settings.site_name
        self._idle_s: int = settings.idle_timeout_s
        self._done_s: int = settings.done_timeout_s
        self._show_host_list: bool = settings.show_host_list
        self._default_language: str = settings.language
        voice.enabled = settings.speech
        self._lock = AdminLock(site.pin_matches, clock) if clock else AdminLock(site.pin_matches)

        self.hosts = RowsModel(("hostId", "name", "department"), self)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._idle_timed_out)
        self._pin_clock = QTimer(self)  # ticks the "try again in N s" countdown
        self._pin_clock.setInterval(250)
        self._pin_clock.timeout.connect(self._pin_tick)

        hub.replied.connect(self._replied)
        hub.refused.connect(self._refused)
        hub.connectionChanged.connect(self._connection_changed)
        hub.eventReceived.connect(self._event)

        self._exit_allowed = False
        self._forget_visitor()
        self._language = self._default_language
        if self._language != languages.language:
            languages.use(self._language)

    # --- state that belongs to one visitor -------------------------------------------------------

    def _forget_visitor(self) -> None:
        self._screen = WELCOME
        self._name = ""
        self._name_error = ""
        self._message = ""
        self._contact = ""
        # Handles from the hub: to this visitor, once proven, and to the visit this kiosk made.
        self._identity: str | None = None
        self._visit: str | None = None
        self._greeting_name = ""
        self._last_host: dict[str, Any] | None = None
        self._host: dict[str, Any] | None = None
        self._purpose = Purpose.MEETING
        self._host_query = ""
        self._pronunciation = ""
        self._acknowledged_by = ""
        self._pending: dict[int, Callable[[dict[str, Any]], None]] = {}
        self._host_request = 0
        self._blocking: int | None = None  # the request the visitor is waiting for
        self._pin = ""
        self._admin_pin = ""  # while the admin panel is open: the hub checks it again
        self._pin_message = ""
        self.hosts.clear()

    @Slot()
    def reset(self) -> None:
        """Back to Welcome, forgetting the last visitor entirely (and their language choice)."""
        if self._visit is not None:
            self._hub.request("release", visit=self._visit)  # the handle dies with the visitor
        self._forget_visitor()
        self._voice.forget()
        self._pin_clock.stop()
        self._idle.stop()
        if self._language != self._default_language:
            self._language = self._default_language
            self._languages.use(self._language)
        self.changed.emit()
        self.resetDone.emit()

    def _go(self, screen: str) -> None:
        self._screen = screen
        self._message = ""
        self._blocking = None
        self._arm_idle()
        self.changed.emit()

    def _arm_idle(self) -> None:
        if self._screen == WELCOME:
            self._idle.stop()
            return
        seconds = self._done_s if self._screen in _BRIEF_SCREENS else self._idle_s
        self._idle.start(int(seconds * 1000))

    @Slot()
    def touched(self) -> None:
        """Any press anywhere: the visitor is still here."""
        if self._screen not in _BRIEF_SCREENS and self._idle.isActive():
            self._arm_idle()

    def _idle_timed_out(self) -> None:
        self.reset()

    # --- the hub ---------------------------------------------------------------------------------

    def _ask(
        self,
        command: str,
        on_reply: Callable[[dict[str, Any]], None],
        *,
        busy: bool = True,
        **fields: Any,
    ) -> int:
        request_id = self._hub.request(command, **fields)
        self._pending[request_id] = on_reply
        if busy:
            self._blocking = request_id
            self._message = ""
            self.changed.emit()
        return request_id

    @property
    def _busy(self) -> bool:
        return self._blocking is not None

    def _replied(self, request_id: int, result: dict[str, Any]) -> None:
        on_reply = self._pending.pop(request_id, None)
        if on_reply is None:
            return  # an answer for a visitor who has gone, or a superseded search
        if request_id == self._blocking:
            self._blocking = None
        on_reply(result)
        self.changed.emit()

    def _refused(self, request_id: int, message: str, reason: str = "") -> None:
        if self._pending.pop(request_id, None) is None:
            return
        if request_id == self._blocking:
            self._blocking = None
        self._message = self._in_visitors_language(reason, message)
        self.changed.emit()

    def _in_visitors_language(self, reason: str, message: str) -> str:
        """The hub speaks English; what a visitor can meet is said again in their language."""
        sentences = {
            "host_gone": self.tr(
                "That person is not on the staff list any more. Please choose again."
            ),
            "visitor_unknown": self.tr(
                "We couldn't find your earlier visit. Please check in again."
            ),
            "choose_host": self.tr("Please choose whom you are visiting, or ask at reception."),
            "not_now": self.tr("That can't be done now. Please ask at reception."),
            "identity_expired": self.tr("That took a little long. Please check in again."),
            "visit_handle_expired": self.tr(
                "This screen has moved on. Please start again, or ask at reception."
            ),
            "invalid_pronunciation": self.tr(
                "How to say your name can't contain control characters. Please type it again."
            ),
        }
        return sentences.get(reason, message)

    def _connection_changed(self, _connected: bool) -> None:
        self.changed.emit()

    def _event(self, message: dict[str, Any]) -> None:
        if (
            message.get("event") == "acknowledged"
            and self._screen == DONE
            and message.get("visit") == self._visit
        ):
            self._acknowledged_by = message.get("by") or self.tr("Someone from reception")
            self.changed.emit()

    # --- Welcome ---------------------------------------------------------------------------------

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        if language in ("en", "es") and language != self._language:
            self._language = language
            self._languages.use(language)
            self._name_error = ""
            self.changed.emit()

    @Slot()
    def startCheckIn(self) -> None:
        self._go(NAME)

    @Slot()
    def startCheckOut(self) -> None:
        self._go(CHECKOUT_NAME)

    # --- Your name -------------------------------------------------------------------------------

    @Slot(str)
    def setName(self, typed: str) -> None:
        self._name = typed
        self._name_error = self._problem_with(typed) if typed.strip() else ""
        self.changed.emit()

    def _problem_with(self, typed: str) -> str:
        try:
            clean_name(typed)
        except InvalidName as error:
            return self._translated(str(error))
        return ""

    def _translated(self, english: str) -> str:
        # The domain's sentences, in the visitor's language.
        if english.startswith("Names can't contain control characters"):
            return self.tr("Names can't contain control characters. Please type your name again.")
        if english.startswith("That name is too long"):
            return self.tr("That name is too long. Please keep it under %1 characters.").replace(
                "%1", str(MAX_NAME_LENGTH)
            )
        if english.startswith("Please type your name"):
            return self.tr("Please type your name.")
        return english

    def _cleaned_name(self) -> str | None:
        try:
            return clean_name(self._name)
        except InvalidName as error:
            self._name_error = self._translated(str(error))
            self.changed.emit()
            return None

    @Slot()
    def submitName(self) -> None:
        if self._cleaned_name() is None or self._busy:
            return
        self._go(CHECKOUT_CONTACT if self._screen == CHECKOUT_NAME else CONTACT)

    # --- E-mail or phone, asked of everyone ----------------------------------------------------

    @Slot(str)
    def setContact(self, typed: str) -> None:
        self._contact = typed[:MAX_CONTACT_LENGTH]
        self.changed.emit()

    @Slot()
    def submitContact(self) -> None:
        """Next (or Skip, with nothing typed). Only a name and a contact that both match what
        the hub keeps make a returning visitor; whatever was typed, every visitor goes on the
        same way, so the screen tells nobody who else has been here."""
        name = self._cleaned_name()
        if name is None or self._busy:
            return
        contact = " ".join(self._contact.split())
        if self._screen == CHECKOUT_CONTACT:
            self._ask("leaving", self._said_goodbye, name=name, contact=contact)
        elif contact:
            self._ask("identify", self._identified, name=name, contact=contact)
        else:
            self._greeting_name = first_name(name)
            self._go(HOST)

    @Slot()
    def skipContact(self) -> None:
        self._contact = ""
        self.submitContact()

    def _identified(self, result: dict[str, Any]) -> None:
        self._greeting_name = first_name(clean_name(self._name))
        if not result.get("identity"):
            self._go(HOST)
            return
        self._identity = result["identity"]
        self._pronunciation = result.get("pronunciation") or ""
        self._last_host = result.get("last_host")
        self._go(RETURNING)

    # --- Welcome back --------------------------------------------------------------------------

    @Slot()
    def notMe(self) -> None:
        """ "That's not me": check in as a new visitor after all."""
        self._identity = None
        self._pronunciation = ""
        self._last_host = None
        self._go(HOST)

    @Slot()
    def sameHostAgain(self) -> None:
        if self._last_host:
            self._host = self._last_host
            self._purpose = Purpose.MEETING
            self._go(PRONUNCIATION)

    @Slot()
    def someoneElse(self) -> None:
        self._go(HOST)

    # --- Whom are you visiting -------------------------------------------------------------------

    @Slot(str)
    def setHostQuery(self, typed: str) -> None:
        self._host_query = typed
        self._message = ""
        if not self._show_host_list:
            self.changed.emit()
            return
        if len(matching_key(typed)) < 2:
            self._host_request = 0
            self.hosts.clear()
            self.changed.emit()
            return
        request_id = self._hub.request("find_hosts", text=typed.strip()[:120])
        self._host_request = request_id
        self._pending[request_id] = self._latest_hosts(request_id)
        self.changed.emit()

    def _latest_hosts(self, request_id: int) -> Callable[[dict[str, Any]], None]:
        # Replies to earlier keystrokes may arrive after later ones; only the last search counts.
        def on_reply(result: dict[str, Any]) -> None:
            if request_id == self._host_request:
                self._hosts_found(result)

        return on_reply

    def _hosts_found(self, result: dict[str, Any]) -> None:
        self.hosts.set_rows([_host_row(h) for h in result["hosts"]])
        if not self._show_host_list and not result["hosts"]:
            self._message = self.tr(
                "We couldn't find anyone with that name. Check the spelling, "
                "or choose \u201cI'm not sure\u201d."
            )

    @Slot()
    def submitHostName(self) -> None:
        """For sites that hide the list: the visitor types the whole name, then Next."""
        typed = self._host_query.strip()
        if len(matching_key(typed)) < 2:
            self._message = self.tr("Please type the full name of the person you are visiting.")
            self.changed.emit()
            return
        self._ask("find_host_by_full_name", self._full_name_found, name=typed[:80])

    def _full_name_found(self, result: dict[str, Any]) -> None:
        hosts = result["hosts"]
        if len(hosts) == 1:
            self._host = hosts[0]
            self._purpose = Purpose.MEETING
            self._go(PRONUNCIATION)
        elif hosts:  # two people share the name: let the visitor tell them apart
            self.hosts.set_rows([_host_row(h) for h in hosts])
        else:
            self._hosts_found({"hosts": []})

    @Slot(int)
    def chooseHost(self, row: int) -> None:
        picked = self.hosts.row(row)
        if picked is None:
            return
        self._host = {"id": picked["hostId"], "name": picked["name"]}
        self._purpose = Purpose.MEETING
        self._go(PRONUNCIATION)

    @Slot(str)
    def chooseReception(self, purpose: str) -> None:
        """ "I'm not sure", "Delivery" or "Interview": reception takes it from here."""
        self._purpose = Purpose(purpose)
        self._host = None
        self._go(PRONUNCIATION)

    # --- Say my name -----------------------------------------------------------------------------

    @Slot(str)
    def setPronunciation(self, typed: str) -> None:
        self._pronunciation = typed
        self.changed.emit()

    @Slot()
    def hearIt(self) -> None:
        spoken = self._pronunciation.strip() or self._greeting_name
        if spoken:
            self._voice.say(spoken, self._language)

    @Slot()
    def checkIn(self) -> None:
        name = self._cleaned_name()
        if name is None or self._busy:
            return
        pronunciation = " ".join(self._pronunciation.split())[:120] or None
        self._ask(
            "check_in",
            self._checked_in,
            name=name,
            host_id=self._host["id"] if self._host else None,
            purpose=str(self._purpose),
            identity=self._identity,
            pronunciation=pronunciation,
            contact=" ".join(self._contact.split()) or None,
            kiosk=KIOSK_NAME,
        )

    def _checked_in(self, result: dict[str, Any]) -> None:
        self._visit = result["visit"]
        self._greeting_name = result["first_name"]
        self._go(DONE)
        spoken = self._pronunciation.strip() or self._greeting_name
        self._voice.say(self.tr("Welcome, %1!").replace("%1", spoken), self._language)

    # --- Check out -------------------------------------------------------------------------------

    def _said_goodbye(self, result: dict[str, Any]) -> None:
        # The hub answers alike whether or not it found the visit: the thank-you is the same.
        self._visit = result["visit"]
        self._go(FEEDBACK)

    @Slot(int)
    def rate(self, rating: int) -> None:
        """One of the faces: the answer is sent, and the thank-you shown without waiting."""
        if self._visit is not None and 1 <= rating <= 5:
            self._hub.request("rate_welcome", visit=self._visit, rating=rating)
        self._go(THANKS)

    @Slot()
    def back(self) -> None:
        previous = {
            NAME: WELCOME,
            CHECKOUT_NAME: WELCOME,
            CONTACT: NAME,
            RETURNING: CONTACT,
            HOST: CONTACT,
            PRONUNCIATION: HOST,
            CHECKOUT_CONTACT: CHECKOUT_NAME,
        }.get(self._screen)
        if previous == WELCOME:
            self.reset()
        elif previous is not None:
            self._pending.clear()
            self._go(previous)

    # --- the hidden admin corner -----------------------------------------------------------------

    @Slot()
    def cornerTapped(self) -> None:
        if self._lock.corner_tapped():
            self._pin = ""
            self._pin_message = (
                ""
                if self._site.has_pin
                else self.tr(
                    "No admin PIN is set. Set one with \u201ckiosk pin\u201d on this computer."
                )
            )
            self._go(ADMIN_PIN)
            self._pin_tick()

    @Slot(str)
    def pinDigit(self, digit: str) -> None:
        if digit.isdigit() and len(self._pin) < 12:
            self._pin += digit
            self.changed.emit()

    @Slot()
    def pinErase(self) -> None:
        self._pin = self._pin[:-1]
        self.changed.emit()

    @Slot()
    def pinSubmit(self) -> None:
        outcome = self._lock.try_pin(self._pin)
        pin, self._pin = self._pin, ""
        if outcome is True:
            self._admin_pin = pin
            self._go(ADMIN)
            return
        if outcome is False:
            self._pin_message = self.tr("That PIN is not right.")
        self._pin_tick()
        self.changed.emit()

    def _pin_tick(self) -> None:
        waiting = self._lock.seconds_to_wait() > 0
        if waiting and not self._pin_clock.isActive():
            self._pin_clock.start()
        elif not waiting:
            self._pin_clock.stop()
        self.changed.emit()

    @Slot(bool)
    def setSpeech(self, on: bool) -> None:
        self._voice.enabled = on
        self._site.save_speech(on)
        self.changed.emit()

    @Slot(str)
    def setDefaultLanguage(self, language: str) -> None:
        if language in ("en", "es"):
            self._default_language = language
            self._site.save_language(language)
            self.setLanguage(language)

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
        if self._screen != ADMIN or (acknowledge_s, welcome_s) == (
            targets.acknowledge_s,
            targets.welcome_s,
        ):
            return

        def applied(result: dict[str, Any]) -> None:
            self._site.save_targets(result["acknowledge_s"], result["welcome_s"])

        self._ask(
            "set_targets",
            applied,
            acknowledge_s=acknowledge_s,
            welcome_s=welcome_s,
            pin=self._admin_pin,
        )

    @Slot()
    def exitKiosk(self) -> None:
        if self._screen == ADMIN:
            self._exit_allowed = True
            self.changed.emit()
            self._quit_app()

    # --- what QML reads --------------------------------------------------------------------------

    screen = Property(str, lambda self: self._screen, notify=changed)
    siteName = Property(str, lambda self: self._site_name, notify=changed)
    language = Property(str, lambda self: self._language, notify=changed)
    name = Property(str, lambda self: self._name, notify=changed)
    nameError = Property(str, lambda self: self._name_error, notify=changed)
    maxNameLength = Property(int, lambda self: MAX_NAME_LENGTH, constant=True)
    message = Property(str, lambda self: self._message, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    connected = Property(bool, lambda self: bool(self._hub.connected), notify=changed)
    tryingAgain = Property(
        bool, lambda self: self._busy and not self._hub.connected, notify=changed
    )
    greetingName = Property(str, lambda self: self._greeting_name, notify=changed)
    lastHostName = Property(
        str, lambda self: (self._last_host or {}).get("name", ""), notify=changed
    )
    hostName = Property(str, lambda self: (self._host or {}).get("name", ""), notify=changed)
    purpose = Property(str, lambda self: str(self._purpose), notify=changed)
    showHostList = Property(bool, lambda self: self._show_host_list, constant=True)
    hostQuery = Property(str, lambda self: self._host_query, notify=changed)
    pronunciation = Property(str, lambda self: self._pronunciation, notify=changed)
    acknowledgedBy = Property(str, lambda self: self._acknowledged_by, notify=changed)
    contact = Property(str, lambda self: self._contact, notify=changed)
    maxContactLength = Property(int, lambda self: MAX_CONTACT_LENGTH, constant=True)
    hostModel = Property(QObject, lambda self: self.hosts, constant=True)
    pinLength = Property(int, lambda self: len(self._pin), notify=changed)
    pinMessage = Property(str, lambda self: self._pin_message, notify=changed)
    pinWaitSeconds = Property(
        int, lambda self: math.ceil(self._lock.seconds_to_wait()), notify=changed
    )
    speechOn = Property(bool, lambda self: bool(self._voice.enabled), notify=changed)
    acknowledgeTarget = Property(
        int, lambda self: self._site.current.policies.targets.acknowledge_s, notify=changed
    )
    welcomeTarget = Property(
        int, lambda self: self._site.current.policies.targets.welcome_s, notify=changed
    )
    exitAllowed = Property(bool, lambda self: self._exit_allowed, notify=changed)

    def visitor_texts(self) -> list[str]:
        """Every text this view model holds about the current visitor (for the idle-reset test
        and for anyone auditing what a kiosk remembers)."""
        held = [
            self._name,
            self._greeting_name,
            self._host_query,
            self._pronunciation,
            self._acknowledged_by,
            self._message,
            self._name_error,
            self._pin,
            self._admin_pin,
            self._contact,
            self._identity or "",
            self._visit or "",
            str((self._last_host or {}).get("name", "")),
        ]
        held += [str(v) for row in self.hosts.rows() for v in row.values()]
        return [text for text in held if text]


def _host_row(host: dict[str, Any]) -> dict[str, Any]:
    return {"hostId": host["id"], "name": host["name"], "department": host.get("department") or ""}
