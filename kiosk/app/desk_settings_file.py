"""What a desk console writes back to its settings file: its pairing and who sits there."""

from __future__ import annotations

from pathlib import Path

from kiosk.store.settings import save_setting

SECTION = "desk"


class DeskSettingsFile:
    """Writes back what the desk learns: its pairing (token, hub address and the hub certificate's
    fingerprint), and who sits here.
    Without a file (the demo, the tests) nothing is written."""

    def __init__(self, settings_file: Path | None) -> None:
        self.file = settings_file

    def save_receptionist(self, staff_id: int) -> None:
        if self.file is not None:
            save_setting(self.file, SECTION, "receptionist_id", staff_id)

    def save_connection(self, hub_url: str, token: str, fingerprint: str) -> None:
        if self.file is not None:
            save_setting(self.file, "connection", "hub_url", hub_url)
            save_setting(self.file, "connection", "token", token)
            save_setting(self.file, "connection", "fingerprint", fingerprint)
