"""The desk console's own settings: the [desk] section of the settings file, and saving back
who is at this desk and how it reaches the hub."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from kiosk.store.settings import SettingsError, save_setting

SECTION = "desk"


@dataclass(frozen=True)
class DeskOptions:
    """Sound and identity of one desk. Volumes are percentages, as a person would set them."""

    chime_volume_percent: int = 70
    alarm_volume_percent: int = 100
    chime_repeat_seconds: int = 20
    alarm_repeat_seconds: int = 6
    notifications: bool = True
    receptionist_id: int = 0  # 0: not chosen yet; the console asks "Who is at this desk?"

    def __post_init__(self) -> None:
        for volume in (self.chime_volume_percent, self.alarm_volume_percent):
            if not 0 <= volume <= 100:
                raise ValueError("Volumes are percentages, from 0 to 100.")
        if min(self.chime_repeat_seconds, self.alarm_repeat_seconds) < 1:
            raise ValueError("Sounds repeat at least a second apart.")


_KINDS = {
    "chime_volume_percent": int,
    "alarm_volume_percent": int,
    "chime_repeat_seconds": int,
    "alarm_repeat_seconds": int,
    "notifications": bool,
    "receptionist_id": int,
}
_KIND_WORDS = {int: "a whole number", bool: "true or false"}


def read_desk_options(settings_file: Path | None) -> DeskOptions:
    """The [desk] section of `settings_file`; defaults for whatever it does not say."""
    if settings_file is None or not settings_file.exists():
        return DeskOptions()
    try:
        doc = tomlkit.parse(settings_file.read_text(encoding="utf-8")).unwrap()
    except (TOMLKitError, UnicodeDecodeError) as error:
        raise SettingsError(f"{settings_file} is not valid TOML ({error}).") from error
    section: dict[str, Any] = doc.get(SECTION, {})
    values = {}
    for key, kind in _KINDS.items():
        if key not in section:
            continue
        value = section[key]
        if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
            raise SettingsError(
                f"In {settings_file}, [{SECTION}] {key} should be {_KIND_WORDS[kind]}, "
                f"not {value!r}."
            )
        values[key] = value
    try:
        return DeskOptions(**values)
    except ValueError as error:
        raise SettingsError(f"In {settings_file}, [{SECTION}]: {error}") from error


class DeskSettingsFile:
    """Writes back what the desk learns: its pairing token and hub address, and who sits here.
    Without a file (the demo, the tests) nothing is written."""

    def __init__(self, settings_file: Path | None) -> None:
        self.file = settings_file

    def save_receptionist(self, staff_id: int) -> None:
        if self.file is not None:
            save_setting(self.file, SECTION, "receptionist_id", staff_id)

    def save_connection(self, hub_url: str, token: str) -> None:
        if self.file is not None:
            save_setting(self.file, "connection", "hub_url", hub_url)
            save_setting(self.file, "connection", "token", token)
