"""Where a dashboard away from the hub's computer keeps its pairing: the [dashboard] section of
its settings file, apart from a desk's [connection], so one computer can be both. The settings
module reads it back (`Settings.dashboard`)."""

from __future__ import annotations

from pathlib import Path

from kiosk.store.settings import save_setting

SECTION = "dashboard"


class DashboardSettingsFile:
    """Writes the dashboard's pairing. Without a file (the tests), nothing is kept."""

    def __init__(self, settings_file: Path | None) -> None:
        self.file = settings_file

    def save_connection(self, hub_url: str, token: str, fingerprint: str) -> None:
        if self.file is not None:
            save_setting(self.file, SECTION, "hub_url", hub_url)
            save_setting(self.file, SECTION, "token", token)
            save_setting(self.file, SECTION, "fingerprint", fingerprint)
