"""Checking in at the kiosk after the name and contact: welcome back (only after proof), whom
they are visiting, how to say their name, and Done, greeted by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.names import clean_name, first_name, matching_key
from kiosk.core.purposes import Purpose
from kiosk.viewmodels.kiosk_screens import ALREADY, DONE, HOST, PRONUNCIATION, RETURNING
from kiosk.viewmodels.rows import RowsModel

if TYPE_CHECKING:
    from kiosk.viewmodels.kiosk import KioskViewModel
    from kiosk.viewmodels.services import BadgePrinter, Voice

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

KIOSK_NAME = "lobby"


@QmlElement
@QmlUncreatable("The kiosk's view model has one, as checkIn.")
class CheckInFlow(QObject):
    lastHostNameChanged = Signal()
    hostNameChanged = Signal()
    purposeChanged = Signal()
    hostQueryChanged = Signal()
    pronunciationChanged = Signal()
    acknowledgedByChanged = Signal()
    receptionListeningChanged = Signal()
    badgePrintingChanged = Signal()
    printerProblemChanged = Signal()

    def __init__(
        self, kiosk: KioskViewModel, settings: Any, voice: Voice, badges: BadgePrinter | None
    ) -> None:
        """`badges` prints a badge at each check-in; None: this kiosk prints none."""
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._voice = voice
        self._badges = badges
        self._badge_printing = False
        if badges is not None:
            badges.setParent(self)  # it lives and stops with the kiosk it prints for
            badges.problemChanged.connect(self.printerProblemChanged)
        self._show_host_list: bool = settings.show_host_list
        self._no_desk_message: str = settings.no_desk_message
        self._privacy_notice: str = settings.privacy_notice
        self._retention_days: int = settings.policies.retention_days
        self.hosts = RowsModel(("hostId", "name", "department"), self)
        self._host_request = 0

    @property
    def _session(self) -> Any:
        return self._kiosk.session

    def forget(self) -> None:
        self.hosts.clear()
        self._host_request = 0
        self._badge_printing = False
        for signal in (
            self.lastHostNameChanged,
            self.hostNameChanged,
            self.purposeChanged,
            self.hostQueryChanged,
            self.pronunciationChanged,
            self.acknowledgedByChanged,
            self.receptionListeningChanged,
            self.badgePrintingChanged,
        ):
            signal.emit()

    def held_texts(self) -> list[str]:
        return [str(v) for row in self.hosts.rows() for v in row.values()]

    # --- proven by name and contact --------------------------------------------------------------

    def identified(self, result: dict[str, Any]) -> None:
        session = self._session
        name = clean_name(session.name)
        if not result.get("identity"):
            self._kiosk.greet_as(first_name(name))
            self._kiosk.go(HOST)
            return
        session.identity = result["identity"]
        self._kiosk.greet_as(result.get("first_name") or first_name(name))
        self._set_pronunciation(result.get("pronunciation") or "")
        session.last_host = result.get("last_host")
        self.lastHostNameChanged.emit()
        self._kiosk.go(ALREADY if result.get("on_site") else RETURNING)

    @Slot()
    def notMe(self) -> None:
        """ "That's not me": check in as a new visitor after all."""
        session = self._session
        session.identity, session.last_host = None, None
        self._set_pronunciation("")
        self.lastHostNameChanged.emit()
        self._kiosk.go(HOST)

    @Slot()
    def sameHostAgain(self) -> None:
        if self._session.last_host:
            self._choose(self._session.last_host, Purpose.MEETING)

    @Slot()
    def someoneElse(self) -> None:
        self._kiosk.go(HOST)

    # --- whom are you visiting -------------------------------------------------------------------

    @Slot(str)
    def setHostQuery(self, typed: str) -> None:
        self._session.host_query = typed
        self.hostQueryChanged.emit()
        self._kiosk.set_message("")
        if not self._show_host_list:
            return
        if len(matching_key(typed)) < 2:
            self._host_request = 0
            self.hosts.clear()
            return
        asked: list[int] = []

        def on_reply(result: dict[str, Any]) -> None:
            # Replies to earlier keystrokes may come after later ones: only the last counts.
            if asked and asked[0] == self._host_request:
                self._hosts_found(result)

        self._host_request = self._kiosk.ask(
            "find_hosts", on_reply, busy=False, text=typed.strip()[:120]
        )
        asked.append(self._host_request)

    def _hosts_found(self, result: dict[str, Any]) -> None:
        self.hosts.set_rows([_host_row(h) for h in result["hosts"]])
        if not self._show_host_list and not result["hosts"]:
            self._kiosk.set_message(
                self.tr(
                    "We couldn't find anyone with that name. Check the spelling, "
                    "or choose \u201cI'm not sure\u201d."
                )
            )

    @Slot()
    def submitHostName(self) -> None:
        """For sites that hide the list: the visitor types the whole name, then Next."""
        typed = self._session.host_query.strip()
        if len(matching_key(typed)) < 2:
            self._kiosk.set_message(
                self.tr("Please type the full name of the person you are visiting.")
            )
            return
        self._kiosk.ask("find_host_by_full_name", self._full_name_found, name=typed[:80])

    def _full_name_found(self, result: dict[str, Any]) -> None:
        hosts = result["hosts"]
        if len(hosts) == 1:
            self._choose(hosts[0], Purpose.MEETING)
        elif hosts:  # two people share the name: let the visitor tell them apart
            self.hosts.set_rows([_host_row(h) for h in hosts])
        else:
            self._hosts_found({"hosts": []})

    @Slot(int)
    def chooseHost(self, row: int) -> None:
        picked = self.hosts.row(row)
        if picked is not None:
            self._choose({"id": picked["hostId"], "name": picked["name"]}, Purpose.MEETING)

    @Slot(str)
    def chooseReception(self, purpose: str) -> None:
        """ "I'm not sure", "Delivery" or "Interview": reception takes it from here."""
        self._choose(None, Purpose(purpose))

    def _choose(self, host: dict[str, Any] | None, purpose: Purpose) -> None:
        self._session.host, self._session.purpose = host, purpose
        self.hostNameChanged.emit()
        self.purposeChanged.emit()
        self._kiosk.go(PRONUNCIATION)

    # --- say my name, and Done -------------------------------------------------------------------

    @Slot(str)
    def setPronunciation(self, typed: str) -> None:
        self._set_pronunciation(typed)

    def _set_pronunciation(self, typed: str) -> None:
        self._session.pronunciation = typed
        self.pronunciationChanged.emit()

    @Slot()
    def hearIt(self) -> None:
        spoken = self._session.pronunciation.strip() or self._session.greeting_name
        if spoken:
            self._voice.say(spoken, self._kiosk.language_now)

    @Slot()
    def checkIn(self) -> None:
        name = self._kiosk.cleaned_name()
        if name is None or self._kiosk.busy_now:
            return
        session = self._session
        self._kiosk.ask(
            "check_in",
            self.checked_in,
            name=name,
            host_id=session.host["id"] if session.host else None,
            purpose=str(session.purpose),
            identity=session.identity,
            pronunciation=" ".join(session.pronunciation.split())[:120] or None,
            contact=" ".join(session.contact.split()) or None,
            kiosk=KIOSK_NAME,
        )

    def checked_in(self, result: dict[str, Any]) -> None:
        """Checked in, by name or by invitation: Done, greeted by name."""
        session = self._session
        session.visit = result["visit"]
        session.listening = bool(result.get("listening"))
        self.receptionListeningChanged.emit()
        self._kiosk.greet_as(result["first_name"])
        self._kiosk.go(DONE)
        spoken = session.pronunciation.strip() or session.greeting_name
        self._voice.say(self.tr("Welcome, %1!").replace("%1", spoken), self._kiosk.language_now)
        if self._badges is not None:
            self._kiosk.ask("badge", self._badge_ready, busy=False, visit=session.visit)

    def _badge_ready(self, result: dict[str, Any]) -> None:
        # Nothing for a visit this kiosk only hears of: that visitor has their badge already.
        if self._badges is not None and result.get("badge"):
            self._badges.print_badge(result["badge"])
            # Told to take it only from a printer that works as far as the kiosk knows.
            self._badge_printing = not self._badges.problem
            self.badgePrintingChanged.emit()

    @property
    def printer_problem(self) -> str:
        """What is wrong with the badge printer, for the desks and the admin panel: "" if
        nothing (or no printer)."""
        return self._badges.problem if self._badges is not None else ""

    def heard(self, message: dict[str, Any]) -> None:
        """News from the hub of this kiosk's own visit: someone is on the way."""
        session = self._session
        if (
            message.get("event") == "acknowledged"
            and self._kiosk.screen_now == DONE
            and message.get("visit") == session.visit
        ):
            session.acknowledged_by = message.get("by") or self.tr("Someone from reception")
            self.acknowledgedByChanged.emit()

    # --- what QML reads --------------------------------------------------------------------------

    def _get_last_host_name(self) -> str:
        return (self._session.last_host or {}).get("name", "")

    def _get_host_name(self) -> str:
        return (self._session.host or {}).get("name", "")

    def _get_purpose(self) -> str:
        return str(self._session.purpose)

    def _get_show_host_list(self) -> bool:
        return self._show_host_list

    def _get_host_query(self) -> str:
        return self._session.host_query

    def _get_host_model(self) -> RowsModel:
        return self.hosts

    def _get_pronunciation(self) -> str:
        return self._session.pronunciation

    def _get_acknowledged_by(self) -> str:
        return self._session.acknowledged_by

    def _get_reception_listening(self) -> bool:
        return self._session.listening

    def _get_printer_problem(self) -> str:
        return self.printer_problem

    def _get_badge_printing(self) -> bool:
        return self._badge_printing

    def _get_no_desk_message(self) -> str:
        return self._no_desk_message

    def _get_privacy_notice(self) -> str:
        return self._privacy_notice

    def _get_retention_days(self) -> int:
        return self._retention_days

    lastHostName = Property(str, _get_last_host_name, notify=lastHostNameChanged)
    hostName = Property(str, _get_host_name, notify=hostNameChanged)
    purpose = Property(str, _get_purpose, notify=purposeChanged)
    showHostList = Property(bool, _get_show_host_list, constant=True)
    hostQuery = Property(str, _get_host_query, notify=hostQueryChanged)
    hostModel = Property(RowsModel, _get_host_model, constant=True)
    pronunciation = Property(str, _get_pronunciation, notify=pronunciationChanged)
    acknowledgedBy = Property(str, _get_acknowledged_by, notify=acknowledgedByChanged)
    # Whether a desk was listening when this visitor checked in: only then does the kiosk say
    # that reception knows; otherwise it says the site's own words (or its default).
    receptionListening = Property(bool, _get_reception_listening, notify=receptionListeningChanged)
    noDeskMessage = Property(str, _get_no_desk_message, constant=True)
    # This visitor's badge went to a printer with nothing wrong: Done asks them to take it.
    badgePrinting = Property(bool, _get_badge_printing, notify=badgePrintingChanged)
    # The badge printer's problem, in CUPS's words and ours (English): for the admin panel.
    printerProblem = Property(str, _get_printer_problem, notify=printerProblemChanged)
    # The site's own privacy line on the name screen, or "" for the default with these days.
    privacyNotice = Property(str, _get_privacy_notice, constant=True)
    retentionDays = Property(int, _get_retention_days, constant=True)


def _host_row(host: dict[str, Any]) -> dict[str, Any]:
    return {"hostId": host["id"], "name": host["name"], "department": host.get("department") or ""}
