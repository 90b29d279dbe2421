"""The desk console's view model: the queue, the alerts, and the receptionist's answers."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.policies import Targets
from kiosk.viewmodels.desk_crier import DeskCrier, Sounds, Tray
from kiosk.viewmodels.desk_note import DeskNote
from kiosk.viewmodels.desk_panels import DeskPanels
from kiosk.viewmodels.desk_person import DeskPerson, Memory
from kiosk.viewmodels.desk_queue import OPEN_STATES, WAITING, DeskQueue, HubClock
from kiosk.viewmodels.desk_requests import DeskRequests, Refusal, Reply
from kiosk.viewmodels.services import Hub, Voice

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

PAIRING = "pairing"
WHO = "who"
CONSOLE = "console"

OFFLINE_GRACE_MS = 2500  # a normal start connects well within this: no banner flash


@QmlElement
@QmlUncreatable("The desk console makes it, with its sounds, tray and voice.")
class DeskViewModel(QObject):
    """Everything the console shows, and every answer a receptionist can give.

    The hub is the truth: events and `queue` replies decide what is on screen; a card that one
    desk handles leaves every desk by the event that follows.
    """

    screenChanged = Signal()
    connectedChanged = Signal()
    offlineChanged = Signal()
    waitingCountChanged = Signal()
    unansweredCountChanged = Signal()
    alertChanged = Signal()
    confirmingLeftChanged = Signal()
    bringForward = Signal()  # an escalation: the window must come to the front
    acknowledgeTargetChanged = Signal()
    welcomeTargetChanged = Signal()
    soundAvailableChanged = Signal()

    def __init__(
        self,
        targets: Targets,
        *,
        sounds: Sounds,
        tray: Tray,
        voice: Voice,
        memory: Memory,
        receptionist_id: int = 0,
        notifications: bool = True,
        site_name: str = "",
        hide_to_tray: bool = False,
        clock: Callable[[], float] = time.time,
        pdf_folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._targets = targets
        self._sounds, self._voice = sounds, voice
        self._notifications = notifications
        self._site_name = site_name
        self._hide_to_tray = hide_to_tray
        self._hub_clock = HubClock(clock)
        self._queue = DeskQueue(targets, self._hub_clock.now_ms, self)
        self.person = DeskPerson(memory, receptionist_id, self)
        self.person.chosen.connect(self._someone_chose)
        self.person.needed.connect(self._nobody_here)
        self._hub: Hub | None = None
        self._screen = PAIRING
        self._connected = False
        self._ever_connected = False
        self._grace_over = False
        self._shown: set[int] = set()
        self.note = DeskNote(self)
        self._requests = DeskRequests(self.note.show, self)
        self._panels = DeskPanels(site_name, pdf_folder or Path.home(), self.note.show, self)
        self._crier = DeskCrier(sounds, tray, self.note, notifications, self)
        self._confirming = 0  # the visit whose "left without being seen" awaits a second press
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start(1000)
        self._grace = QTimer(self, singleShot=True, interval=OFFLINE_GRACE_MS)
        self._grace.timeout.connect(self._grace_ended)
        sounds.availableChanged.connect(self._sound_changed)

    def _sound_changed(self, _available: bool) -> None:
        self.soundAvailableChanged.emit()
        self._tell_status()

    # --- the hub --------------------------------------------------------------------------------

    def attach(self, hub: Hub) -> None:
        """Start listening to `hub` (a HubClient with a desk token)."""
        self._hub = hub
        hub.replied.connect(self._requests.replied)
        hub.refused.connect(self._requests.refused)
        hub.eventReceived.connect(self._event)
        hub.connectionChanged.connect(self._connection_changed)
        if hasattr(hub, "noticeReceived"):
            hub.noticeReceived.connect(self._notice)
        if hasattr(hub, "unauthorised"):
            hub.unauthorised.connect(self._unpaired)
        self._grace.start()
        self._set_screen(CONSOLE if self.person.staff_id else WHO)
        if hub.connected:
            self._connection_changed(True)

    @property
    def hub(self) -> Hub | None:
        return self._hub

    def _ask(self, command: str, on_reply: Reply, on_refusal: Refusal | None = None,
             **fields: Any) -> None:  # fmt: skip
        assert self._hub is not None
        self._requests.send(self._hub, command, on_reply, on_refusal, **fields)

    @Slot(bool)
    def _connection_changed(self, connected: bool) -> None:
        if connected == self._connected:
            return
        self._connected = connected
        self.connectedChanged.emit()
        self.offlineChanged.emit()
        if connected:
            self._ever_connected = True
            self._hub_clock.forget()  # the hub may have restarted on another clock
            # Catch up: events missed while away are replayed by the hub, and the queue reply
            # settles whatever is on screen against the truth.
            self._ask("queue", self._reconcile)
            self.person.connected(self._ask)
            self._panels.connected(self._ask, self.person.answering_fields)
            self._tell_status()
        else:
            self.person.disconnected()
            self._panels.disconnected()

    def _tell_status(self) -> None:
        """What this desk can do, so the hub knows whether anyone is listening here."""
        if self._hub is None or not self._connected:
            return
        self._hub.request(
            "status",
            sound=self._sounds.available,
            speech=bool(getattr(self._voice, "enabled", False)),
            receptionist_id=self.person.status_id(),
        )

    @Slot(dict)
    def _notice(self, message: dict) -> None:
        if message.get("notice") == "targets":
            self._use_targets(message["targets"])
        elif message.get("notice") == "staff":
            self.person.staff_changed()
        self._panels.notice(message)

    @Slot(str)
    def _unpaired(self, message: str) -> None:
        """The hub no longer knows this desk (revoked): back to pairing, saying why."""
        self._hub = None  # first: a desk being paired again is not "offline"
        self._connection_changed(False)
        self._set_screen(PAIRING)
        self.note.show(message)

    def _grace_ended(self) -> None:
        self._grace_over = True
        self.offlineChanged.emit()

    # --- events and the queue -------------------------------------------------------------------

    @Slot(dict)
    def _event(self, message: dict) -> None:
        self._hub_clock.learn(message.get("at"))
        self._panels.visit_news(message)
        card = message.get("card")
        if not card:
            return
        visit_id = card["visit_id"]
        kind = message.get("event")
        self._crier.news(kind, card, self._queue.row(card["visit_id"]))
        if card.get("state") in OPEN_STATES:
            added = self._queue.upsert(card)
            if kind == "escalated":
                urgent = self._queue.escalate(
                    visit_id, str(message.get("reason") or ""), int(message.get("level") or 1)
                )
                if urgent:
                    self._announce_escalation(visit_id)
            if added:
                self._announce_arrival(visit_id)
        else:
            self._queue.remove(visit_id)
            self._shown.discard(visit_id)
        if kind == "welcomed":
            self.person.refresh_day()
        self._refresh_attention()

    def _reconcile(self, result: dict[str, Any]) -> None:
        """The hub's queue is the truth: drop what has gone, add what was missed."""
        if "targets" in result:
            self._use_targets(result["targets"])
        self._panels.queue(result)
        cards = [c for c in result.get("visits", []) if c.get("state") in OPEN_STATES]
        present = {c["visit_id"] for c in cards}
        for visit_id in self._queue.ids() - present:
            self._queue.remove(visit_id)
            self._shown.discard(visit_id)
        for card in cards:
            if self._queue.upsert(card):
                self._announce_arrival(card["visit_id"])
        self._refresh_attention()

    def _use_targets(self, targets: dict[str, int]) -> None:
        self._targets = Targets(**targets)
        self._queue.use_targets(self._targets)
        self.acknowledgeTargetChanged.emit()
        self.welcomeTargetChanged.emit()
        self._refresh_attention()

    def _announce_arrival(self, visit_id: int) -> None:
        row = self._queue.row(visit_id)
        if row is None or row["visitState"] != WAITING:
            return
        if visit_id not in self._shown and self._hub is not None:
            self._shown.add(visit_id)
            self._hub.request("shown", visit_id=visit_id)
        self._crier.arrival(row)

    def _announce_escalation(self, visit_id: int) -> None:
        row = self._queue.row(visit_id)
        if row is None:
            return
        self._refresh_attention()
        self._crier.escalation(row)
        self.bringForward.emit()

    def _refresh_attention(self) -> None:
        for changed, signal in zip(
            self._crier.attend(self._queue),
            (self.alertChanged, self.waitingCountChanged, self.unansweredCountChanged),
            strict=True,
        ):
            if changed:
                signal.emit()

    def _tick(self) -> None:
        self._queue.tick()
        if self._queue.rowCount():
            self._refresh_attention()  # an acknowledged visitor may pass the welcome target

    # --- receptionist ---------------------------------------------------------------------------

    def _someone_chose(self) -> None:
        self._set_screen(CONSOLE)
        self._tell_status()

    def _nobody_here(self) -> None:
        self._set_screen(WHO)
        self._tell_status()

    @Slot()
    def changeReceptionist(self) -> None:
        self._set_screen(WHO)

    # --- actions --------------------------------------------------------------------------------

    @Slot(int)
    def acknowledge(self, visit_id: int) -> None:
        self._answer("acknowledge", visit_id)

    @Slot(int)
    def welcome(self, visit_id: int) -> None:
        self._answer("welcome", visit_id)

    @Slot(int)
    def markLeftUnseen(self, visit_id: int) -> None:
        """Asks once: the card shows "Yes, they left" and "No" in place of its buttons."""
        self._confirming = visit_id
        self.confirmingLeftChanged.emit()

    @Slot(bool)
    def confirmLeftUnseen(self, left: bool) -> None:
        visit_id, self._confirming = self._confirming, 0
        self.confirmingLeftChanged.emit()
        if left and visit_id:
            self._answer("mark_left_unseen", visit_id)

    def _answer(self, command: str, visit_id: int) -> None:
        if not self.person.staff_id:
            self._set_screen(WHO)
            return
        self._ask(command, self._answered, visit_id=visit_id, **self.person.answering_fields())

    def _answered(self, card: dict[str, Any]) -> None:
        if card.get("state") == "left_unseen":
            visit_id = card["visit_id"]
            self._crier.left_unseen(card, lambda: self._answer("undo_left_unseen", visit_id))
        # The event follows for every desk; applying the card now saves this desk the wait.
        if card.get("state") in OPEN_STATES:
            self._queue.upsert(card)
        else:
            self._queue.remove(card["visit_id"])
        self._refresh_attention()
        if card.get("state") == "welcomed":
            self.person.refresh_day()

    @Slot(int)
    def sayName(self, visit_id: int) -> None:
        row = self._queue.row(visit_id)
        if row is not None:
            self._voice.say(row["pronunciation"] or row["name"])

    # --- properties -----------------------------------------------------------------------------

    def _set_screen(self, screen: str) -> None:
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit()

    def _get_screen(self) -> str:
        return self._screen

    def _get_connected(self) -> bool:
        return self._connected

    def _get_offline(self) -> bool:
        return (
            self._hub is not None
            and not self._connected
            and (self._ever_connected or self._grace_over)
        )

    def _get_queue(self) -> DeskQueue:
        return self._queue

    def _get_waiting_count(self) -> int:
        return self._queue.rowCount()

    def _get_unanswered_count(self) -> int:
        return self._queue.unanswered()

    def _get_alert(self) -> str:
        return self._sounds.level

    def _get_message(self) -> DeskNote:
        return self.note

    def _get_confirming_left(self) -> int:
        return self._confirming

    def _get_site_name(self) -> str:
        return self._site_name

    def _get_hide_to_tray(self) -> bool:
        return self._hide_to_tray

    def _get_acknowledge_target(self) -> int:
        return self._targets.acknowledge_s

    def _get_welcome_target(self) -> int:
        return self._targets.welcome_s

    def _get_sound_available(self) -> bool:
        return self._sounds.available

    def _get_who(self) -> DeskPerson:
        return self.person

    def _get_panels(self) -> DeskPanels:
        return self._panels

    screen = Property(str, _get_screen, notify=screenChanged)
    connected = Property(bool, _get_connected, notify=connectedChanged)
    offline = Property(bool, _get_offline, notify=offlineChanged)
    queue = Property(DeskQueue, _get_queue, constant=True)
    waitingCount = Property(int, _get_waiting_count, notify=waitingCountChanged)
    unansweredCount = Property(int, _get_unanswered_count, notify=unansweredCountChanged)
    alert = Property(str, _get_alert, notify=alertChanged)
    message = Property(DeskNote, _get_message, constant=True)
    confirmingLeft = Property(int, _get_confirming_left, notify=confirmingLeftChanged)
    siteName = Property(str, _get_site_name, constant=True)
    hideToTray = Property(bool, _get_hide_to_tray, constant=True)
    acknowledgeTarget = Property(int, _get_acknowledge_target, notify=acknowledgeTargetChanged)
    welcomeTarget = Property(int, _get_welcome_target, notify=welcomeTargetChanged)
    soundAvailable = Property(bool, _get_sound_available, notify=soundAvailableChanged)
    who = Property(DeskPerson, _get_who, constant=True)
    panels = Property(DeskPanels, _get_panels, constant=True)
