"""The hub running in a worker thread of this process: the kiosk's own hub, and `kiosk hub`."""

from __future__ import annotations

import logging
import secrets
import sqlite3
import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, QTimer, Slot

from kiosk.core.codes import CodeKind
from kiosk.hub.certificate import CertificateError, HubIdentity, load_identity
from kiosk.hub.client import HubClient
from kiosk.hub.handler import CommandHandler
from kiosk.hub.local_credential import site_secret
from kiosk.hub.notifier import Notifier
from kiosk.hub.protocol import notice
from kiosk.hub.server import HubServer, ServerError
from kiosk.hub.service import HubService
from kiosk.hub.sessions import LogBudget
from kiosk.store.database import DatabaseError, explain, open_database
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import (
    Settings,
    SettingsError,
    load_settings,
    pin_matches,
    save_setting,
)

log = logging.getLogger(__name__)

TICK_MS = 1000


class SettingsRules:
    """The site's settings as the hub applies them: read again whenever the file changes, so
    `kiosk pin` or an edit takes effect without a restart."""

    def __init__(self, settings: Settings, settings_file: Path | None) -> None:
        self._settings = settings
        self._file = settings_file
        self._stamp: float | None = None

    def _current(self) -> Settings:
        if self._file is None:
            return self._settings
        try:
            stamp = self._file.stat().st_mtime
            if stamp != self._stamp:
                self._settings, self._stamp = load_settings(self._file), stamp
        except (OSError, SettingsError):
            pass  # keep what was read last; the file is being written or was broken by hand
        return self._settings

    @property
    def settings(self) -> Settings:
        return self._current()

    @property
    def show_host_list(self) -> bool:
        return self._current().show_host_list

    @property
    def sends_email(self) -> bool:
        return bool(self._current().mail.server)

    def pin_matches(self, pin: str) -> bool:
        stored = self._current().admin_pin_hash
        return bool(stored) and pin_matches(pin, stored)

    def save_targets(self, acknowledge_s: int, welcome_s: int) -> None:
        if self._file is None:
            return
        try:
            save_setting(self._file, "targets", "acknowledge_seconds", acknowledge_s)
            save_setting(self._file, "targets", "welcome_seconds", welcome_s)
        except SettingsError as error:  # applied now all the same; said once in the log
            log.warning("The new targets apply until the hub restarts: %s", error)


class HubHost(QObject):
    """Lives in the hub thread: the database, the service, the server and the clock duties."""

    def __init__(
        self,
        database: Path,
        settings: Settings,
        identity: HubIdentity,
        address: str,
        port: int,
        local_tokens: dict[str, DeviceRole] | None = None,
        settings_file: Path | None = None,
    ) -> None:
        super().__init__()
        self._database = database
        self._settings_file = settings_file
        self.identity = identity
        self._settings = settings
        self._address = address
        self._port = port
        self.local_tokens = local_tokens or {secrets.token_urlsafe(24): r for r in DeviceRole}
        self.port = 0
        self.error = ""
        self.ready = threading.Event()
        self._db = None
        self._server: HubServer | None = None
        self._service: HubService | None = None
        self._notifier: Notifier | None = None
        self._timer: QTimer | None = None
        self._tick_errors = LogBudget(per_minute=1)

    @Slot()
    def start(self) -> None:
        try:
            self._db = open_database(self._database)
            service = HubService(self._db, self._settings.policies)
            rules = SettingsRules(self._settings, self._settings_file)
            handler = CommandHandler(
                service, self._db, self.identity.fingerprint, self.local_tokens, rules,
                site_secret=site_secret(self._database.parent),
            )  # fmt: skip
            # The first round of clock duties before listening: a database that can't take a
            # write stops the hub here, with its sentence, before any device is let in.
            service.tick()
            self._server = HubServer(handler, self.identity, self)
            self.port = self._server.listen(self._address, self._port)
            service.subscribe(self._server.publish)
            self._service = service
            # Hosts hear of their visitors by e-mail and chat, sent off this thread.
            self._notifier = Notifier(
                service, self._db, lambda: rules.settings,
                invitation_code=partial(handler.kiosks.invitations.code, CodeKind.INVITATION),
            )  # fmt: skip
            self._notifier.start()
            # Desks see when hosts can't be reached: with the queue, and told when it changes.
            handler.host_messages = self._notifier.desk_status
            self._notifier.on_change = lambda status: handler.announce_to_desks(
                notice("host_messages", status)
            )
            self._timer = QTimer(self)
            self._timer.timeout.connect(self._tick)
            self._timer.start(TICK_MS)
        except (ServerError, DatabaseError, OSError) as error:
            self.error = str(error)
        except sqlite3.Error as error:
            explained = explain(error, self._database)
            if explained is None:
                raise
            self.error = str(explained)
        except Exception as error:  # the caller must hear why the hub did not start
            log.exception("The hub could not start")
            self.error = f"The hub could not start: {error}"
        finally:
            self.ready.set()

    @Slot()
    def _tick(self) -> None:
        """Escalations, closing time, the daily purge and messages to hosts. A busy or full
        database costs this round only: the next one tries again, and the log says so once a
        minute at most."""
        try:
            self._service.tick()
            self._notifier.pump()
        except sqlite3.Error as error:
            explained = explain(error, self._database)
            if explained is None:
                raise
            if self._tick_errors.allow():
                log.warning("%s", explained)

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._notifier is not None:
            self._notifier.stop()
        if self._server is not None:
            self._server.close()
        if self._db is not None:
            self._db.close()
            self._db = None
        # Hand this object (and its timer and sockets) back to the main thread, where Python
        # will eventually destroy it; Qt forbids destroying timers from another thread.
        self.moveToThread(QCoreApplication.instance().thread())

    def token_for(self, role: DeviceRole) -> str:
        return next(token for token, r in self.local_tokens.items() if r is role)


class LocalHub:
    """The hub running in a worker thread of this process, listening on `address`:`port`."""

    def __init__(
        self,
        database: Path,
        settings: Settings,
        *,
        address: str = "127.0.0.1",
        port: int = 0,
        local_tokens: dict[str, DeviceRole] | None = None,
        settings_file: Path | None = None,
    ) -> None:
        """`local_tokens` let clients of this process in without pairing; by default one is
        made for each role (see `client`). With `settings_file`, the hub follows changes to it
        (the admin PIN, whether kiosks list hosts)."""
        try:
            identity = load_identity(database.parent)
        except CertificateError as error:
            raise ServerError(str(error)) from error
        self._thread = QThread()
        self._thread.setObjectName("hub")
        self.host = HubHost(
            database, settings, identity, address, port, local_tokens, settings_file
        )
        self.host.moveToThread(self._thread)
        self._thread.started.connect(self.host.start)
        self._thread.start()
        self.host.ready.wait(30)
        if self.host.error:
            self.stop()
            raise ServerError(self.host.error)

    @property
    def port(self) -> int:
        return self.host.port

    @property
    def fingerprint(self) -> str:
        return self.host.identity.fingerprint

    @property
    def url(self) -> str:
        return f"wss://127.0.0.1:{self.port}"

    def client(self, role: DeviceRole = DeviceRole.KIOSK) -> HubClient:
        return HubClient(self.url, self.host.token_for(role), self.fingerprint)

    def stop(self) -> None:
        if self._thread.isRunning():
            QMetaObject.invokeMethod(self.host, "stop", Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.quit()
        self._thread.wait()
