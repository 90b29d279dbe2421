"""Where a dashboard away from the hub's computer keeps its pairing: the [dashboard] section of
its settings file, apart from a desk's [connection], so one computer can be both."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.store.settings import SettingsError, save_setting

SECTION = "dashboard"


@dataclass(frozen=True)
class DashboardPairingKept:
    hub_url: str
    token: str
    fingerprint: str


class DashboardSettingsFile:
    """Reads and writes the dashboard's pairing. Without a file (the tests), nothing is kept."""

    def __init__(self, settings_file: Path | None) -> None:
        self.file = settings_file

    def connection(self) -> DashboardPairingKept | None:
        """The pairing kept, if there is a whole one."""
        if self.file is None or not self.file.exists():
            return None
        try:
            section = tomllib.loads(self.file.read_text(encoding="utf-8")).get(SECTION, {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise SettingsError(
                f"{self.file} can't be read ({error}). Fix it or delete it."
            ) from error
        kept = [section.get(key) if isinstance(section, dict) else None
                for key in ("hub_url", "token", "fingerprint")]  # fmt: skip
        if all(isinstance(value, str) and value for value in kept):
            return DashboardPairingKept(*kept)
        return None

    def save_connection(self, hub_url: str, token: str, fingerprint: str) -> None:
        if self.file is not None:
            save_setting(self.file, SECTION, "hub_url", hub_url)
            save_setting(self.file, SECTION, "token", token)
            save_setting(self.file, SECTION, "fingerprint", fingerprint)
