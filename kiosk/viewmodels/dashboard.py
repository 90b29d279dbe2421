"""The manager's dashboard: its connection to the hub, the days chosen, and its four pages
(figures, follow-ups, on site now, export), each a view model of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.viewmodels import dashboard_text as say
from kiosk.viewmodels.dashboard_export import DashboardExport
from kiosk.viewmodels.dashboard_figures import DashboardFigures
from kiosk.viewmodels.dashboard_follow_ups import DashboardFollowUps
from kiosk.viewmodels.dashboard_on_site import DashboardOnSite
from kiosk.viewmodels.dashboard_range import DashboardRange, Days

QML_IMPORT_NAME = "ViewModels"
QML_IMPORT_MAJOR_VERSION = 1

PAIRING, DASHBOARD = "pairing", "dashboard"
FIGURES, FOLLOW_UPS, ON_SITE, EXPORT = "figures", "follow_ups", "on_site", "export"
VIEWS = (FIGURES, FOLLOW_UPS, ON_SITE, EXPORT)

OFFLINE_GRACE_MS = 2500  # a normal start connects well within this: no banner flash
ON_SITE_SETTLE_MS = 250  # a burst of arrivals asks for the list once
FIGURES_SETTLE_MS = 5000  # today's figures follow the day's events, at most this often
# Events that change who is on site (the roll call's own come as notices and accounted_for).
_ON_SITE_EVENTS = {
    "checked_in",
    "checked_in_again",
    "acknowledged",
    "welcomed",
    "left_unseen",
    "left_unseen_undone",
    "cancelled",
    "departed",
}


class Hub(Protocol):
    """kiosk.hub.client.HubClient, with a manager's token"""

    replied: Any
    refused: Any
    connectionChanged: Any
    eventReceived: Any
    noticeReceived: Any
    unauthorised: Any

    @property
    def connected(self) -> bool: ...

    def request(self, command: str, **fields: Any) -> int: ...


OnReply = Callable[[dict[str, Any]], None]
OnRefusal = Callable[[str], None]


@QmlElement
@QmlUncreatable("The dashboard's launcher makes it, with its hub and its folder.")
class DashboardViewModel(QObject):
    """Asks the hub for what each page shows and keeps it up to date as events come in."""

    screenChanged = Signal()
    viewChanged = Signal()
    connectedChanged = Signal()
    offlineChanged = Signal()
    offlineTextChanged = Signal()
    updatingChanged = Signal()
    messageChanged = Signal()
    firstFiguresShown = Signal()  # once: the window is whole

    def __init__(
        self,
        site_name: str,
        folder: Path,
        *,
        local: bool,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        """`local`: the hub is this computer's own, so "not running" is what there is to say.
        `folder`: where exports and printed lists go unless the manager says otherwise."""
        super().__init__(parent)
        self._site_name = site_name
        self._local = local
        self._today = today
        self._hub: Hub | None = None
        self._hub_address = ""
        self._screen = DASHBOARD
        self._view = FIGURES
        self._connected = False
        self._ever_connected = False
        self._grace_over = False
        self._message = ""
        # What to do with each answer, and the kind of request whose newest answer alone counts.
        self._waiting: dict[int, tuple[OnReply, OnRefusal | None, str]] = {}
        self._latest: dict[str, int] = {}
        # The follow-ups of the days shown are asked for when their page is open: a long list
        # costs the window's thread its time, and a manager looking at the charts none.
        self._follow_ups_due = True
        self._settled = False  # the first figures shown
        self.range = DashboardRange(today, self)
        self.figures = DashboardFigures(self)
        self.follow_ups = DashboardFollowUps(self)
        self.on_site = DashboardOnSite(site_name, folder, self._tell, self)
        self.export = DashboardExport(folder, self.range.days, self)
        for page in (self.follow_ups, self.on_site):
            page.use(self._ask)
        self.export.use(self._ask, self._visits_in)
        self.range.changed.connect(self._range_changed)
        self._grace = QTimer(self, singleShot=True, interval=OFFLINE_GRACE_MS)
        self._grace.timeout.connect(self._grace_ended)
        self._on_site_soon = QTimer(self, singleShot=True, interval=ON_SITE_SETTLE_MS)
        self._on_site_soon.timeout.connect(self.on_site.refresh)
        self._figures_soon = QTimer(self, singleShot=True, interval=FIGURES_SETTLE_MS)
        self._figures_soon.timeout.connect(self._ask_for_figures)
        self._grace.start()

    # --- the hub ----------------------------------------------------------------------------

    def attach(self, hub: Hub, address: str = "") -> None:
        """Talk to `hub` (a HubClient with a manager's token), at `address` as people say it."""
        self._hub, self._hub_address = hub, address.removeprefix("wss://")
        hub.replied.connect(self._replied)
        hub.refused.connect(self._refused)
        hub.eventReceived.connect(self._event)
        hub.connectionChanged.connect(self._connection_changed)
        hub.noticeReceived.connect(self._notice)
        hub.unauthorised.connect(self._unpaired)
        self._set_screen(DASHBOARD)
        self.offlineTextChanged.emit()
        if hub.connected:
            self._connection_changed(True)

    @property
    def hub(self) -> Hub | None:
        return self._hub

    def needs_pairing(self, why: str = "") -> None:
        self._set_screen(PAIRING)
        if why:
            self._tell(why)

    def _ask(
        self,
        command: str,
        on_reply: OnReply,
        on_refusal: OnRefusal | None = None,
        *,
        newest_only: bool = False,
        **fields: Any,
    ) -> None:
        """Send a command; `on_reply` gets its result, `on_refusal` the hub's sentence (without
        it, the sentence is shown). `newest_only`: heed only the newest answer of this kind, so
        a range chosen twice quickly shows the second one's figures, whichever comes last."""
        if self._hub is None:
            return
        request_id = self._hub.request(command, **fields)
        self._waiting[request_id] = (on_reply, on_refusal, command if newest_only else "")
        if newest_only:
            self._latest[command] = request_id
            self.updatingChanged.emit()

    def _answered(self, request_id: int) -> tuple[OnReply, OnRefusal | None] | None:
        """The handlers of an answer that still counts."""
        on_reply, on_refusal, kind = self._waiting.pop(request_id, (None, None, ""))
        if on_reply is None:
            return None
        if kind:
            if self._latest.get(kind) != request_id:
                return None  # a newer request of this kind is on its way
            del self._latest[kind]
            self.updatingChanged.emit()
        return on_reply, on_refusal

    @Slot(int, dict)
    def _replied(self, request_id: int, result: dict) -> None:
        handlers = self._answered(request_id)
        if handlers is not None:
            handlers[0](result)

    @Slot(int, str, str)
    def _refused(self, request_id: int, message: str, _reason: str) -> None:
        handlers = self._answered(request_id)
        if handlers is None:
            return
        if handlers[1] is not None:
            handlers[1](message)
        else:
            self._tell(message)

    @Slot(bool)
    def _connection_changed(self, connected: bool) -> None:
        if connected == self._connected:
            return
        self._connected = connected
        self.connectedChanged.emit()
        self.offlineChanged.emit()
        if connected:
            self._ever_connected = True
            self.range.refresh()
            self._ask_for_days()
            self.on_site.refresh()

    @Slot(str)
    def _unpaired(self, message: str) -> None:
        """The hub no longer lets this dashboard in."""
        self._hub = None
        self._connected = False
        self.connectedChanged.emit()
        self.offlineChanged.emit()
        if self._local:
            self._tell(message)
        else:
            self.needs_pairing(message)

    def _grace_ended(self) -> None:
        self._grace_over = True
        self.offlineChanged.emit()

    # --- keeping up -------------------------------------------------------------------------

    def _range_changed(self) -> None:
        self.export.use_days(self.range.days)
        self._ask_for_days()

    def _ask_for_figures(self) -> None:
        """Today's figures again, as the day's events come in. The follow-ups are not asked
        again then: a note being typed on that page would be lost."""
        self._ask("figures", self._show_figures, newest_only=True, **self._days_fields())

    def _show_figures(self, result: dict[str, Any]) -> None:
        self.figures.show(result)
        if not self._settled:
            self._settled = True
            self.firstFiguresShown.emit()

    def _ask_for_days(self) -> None:
        self._ask_for_figures()
        self._follow_ups_due = True
        if self._view == FOLLOW_UPS:
            self._ask_for_follow_ups()

    def _ask_for_follow_ups(self) -> None:
        self._follow_ups_due = False
        self._ask("follow_ups", self.follow_ups.show, newest_only=True, **self._days_fields())

    def _days_fields(self) -> dict[str, str]:
        days = self.range.days
        return {"first": days.first.isoformat(), "last": days.last.isoformat()}

    def _visits_in(self, days: Days) -> int:
        """Visits in these days, if the figures shown are theirs (for the export's progress)."""
        return self.figures.visit_count if days == self.range.days else 0

    @Slot(dict)
    def _event(self, message: dict) -> None:
        kind = message.get("event")
        visit_id = int(message.get("visit_id") or 0)
        if kind == "accounted_for":
            self.on_site.accounted_for(visit_id)
        elif kind == "followed_up":  # by another manager: the note comes with the next list
            self.follow_ups.followed_up(visit_id, int(message.get("at") or 0), None)
        elif kind in _ON_SITE_EVENTS:
            self._on_site_soon.start()
        if self.range.days.includes(self._today()) and not self._figures_soon.isActive():
            self._figures_soon.start()

    @Slot(dict)
    def _notice(self, message: dict) -> None:
        notice = message.get("notice")
        if notice == "roll_call":
            self.on_site.roll_call_changed(message.get("roll_call"))
            self._on_site_soon.start()
        elif notice == "targets":
            self._ask_for_days()

    # --- the manager ------------------------------------------------------------------------

    @Slot(str)
    def show(self, view: str) -> None:
        if view in VIEWS and view != self._view:
            self._view = view
            self.viewChanged.emit()
            if view == FOLLOW_UPS and self._follow_ups_due and self._connected:
                self._ask_for_follow_ups()

    def _tell(self, sentence: str) -> None:
        if sentence != self._message:
            self._message = sentence
            self.messageChanged.emit()

    @Slot()
    def dismissMessage(self) -> None:
        self._tell("")

    def close(self) -> None:
        self.export.close()

    # --- properties -------------------------------------------------------------------------

    def _set_screen(self, screen: str) -> None:
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit()

    def _get_screen(self) -> str:
        return self._screen

    def _get_view(self) -> str:
        return self._view

    def _get_connected(self) -> bool:
        return self._connected

    def _get_offline(self) -> bool:
        return (
            self._screen == DASHBOARD
            and not self._connected
            and (self._ever_connected or self._grace_over)
        )

    def _get_offline_text(self) -> str:
        if self._local:
            return say.translate(
                "The hub is not running — start it with `kiosk run` or `kiosk hub`. The "
                "dashboard connects as soon as it is up."
            )
        return say.translate("Can't reach the hub at %1 — trying again…").replace(
            "%1", self._hub_address or say.translate("its address")
        )

    def _get_updating(self) -> bool:
        return bool(self._latest)

    def _get_message(self) -> str:
        return self._message

    def _get_site_name(self) -> str:
        return self._site_name

    def _get_range(self) -> DashboardRange:
        return self.range

    def _get_figures(self) -> DashboardFigures:
        return self.figures

    def _get_follow_ups(self) -> DashboardFollowUps:
        return self.follow_ups

    def _get_on_site(self) -> DashboardOnSite:
        return self.on_site

    def _get_export(self) -> DashboardExport:
        return self.export

    screen = Property(str, _get_screen, notify=screenChanged)
    view = Property(str, _get_view, notify=viewChanged)
    connected = Property(bool, _get_connected, notify=connectedChanged)
    offline = Property(bool, _get_offline, notify=offlineChanged)
    offlineText = Property(str, _get_offline_text, notify=offlineTextChanged)
    updating = Property(bool, _get_updating, notify=updatingChanged)
    message = Property(str, _get_message, notify=messageChanged)
    siteName = Property(str, _get_site_name, constant=True)
    days = Property(DashboardRange, _get_range, constant=True)
    figuresPage = Property(DashboardFigures, _get_figures, constant=True)
    followUpsPage = Property(DashboardFollowUps, _get_follow_ups, constant=True)
    onSitePage = Property(DashboardOnSite, _get_on_site, constant=True)
    exportPage = Property(DashboardExport, _get_export, constant=True)
