"""The site's settings file as the kiosk screen uses it: read once, a few values saved back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kiosk.store.settings import Paths, Settings, load_settings, pin_matches, save_setting


class SiteSettings:
    """The settings in effect, and the few a kiosk's admin panel may change and save."""

    def __init__(self, settings_file: Path | None, settings: Settings | None = None) -> None:
        self.file = settings_file
        self.current = settings if settings is not None else load_settings(settings_file)

    @classmethod
    def for_home(cls, home: str | None = None) -> tuple[SiteSettings, Path]:
        """The settings and the database path for `--home DIR` (or KIOSK_HOME, or the platform)."""
        paths = Paths.resolve(home)
        return cls(paths.settings_file), paths.database

    @property
    def has_pin(self) -> bool:
        return bool(self.current.admin_pin_hash)

    def pin_matches(self, pin: str) -> bool:
        return self.has_pin and pin_matches(pin, self.current.admin_pin_hash)

    def save_speech(self, on: bool) -> None:
        self._save("kiosk", "speech", on)
        self.current = replace(self.current, speech=on)

    def save_language(self, language: str) -> None:
        self._save("kiosk", "language", language)
        self.current = replace(self.current, language=language)

    def save_targets(self, acknowledge_s: int, welcome_s: int) -> None:
        self._save("targets", "acknowledge_seconds", acknowledge_s)
        self._save("targets", "welcome_seconds", welcome_s)
        targets = replace(
            self.current.policies.targets, acknowledge_s=acknowledge_s, welcome_s=welcome_s
        )
        self.current = replace(
            self.current, policies=replace(self.current.policies, targets=targets)
        )

    def _save(self, section: str, key: str, value: object) -> None:
        if self.file is not None:  # settings given in code (tests, demo) are not written back
            save_setting(self.file, section, key, value)
