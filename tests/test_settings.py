"""The settings file a site edits, and where the kiosk keeps its files."""

from datetime import time
from pathlib import Path

import pytest

from kiosk.app.site_settings import SiteSettings
from kiosk.store.settings import (
    Paths,
    SettingsError,
    hash_pin,
    load_settings,
    pin_matches,
    save_setting,
)


def test_a_documented_default_is_written_on_first_start(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    settings = load_settings(path)
    text = path.read_text()
    assert "acknowledge_seconds = 60" in text and "# Seconds within which" in text
    assert settings.policies.targets.acknowledge_s == 60
    assert settings.policies.closing_time == time(20, 0)
    assert settings.speech is True and settings.idle_timeout_s == 45
    assert "chime_repeat_seconds = 20" in text and settings.desk.chime_repeat_seconds == 20


def test_edits_are_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    load_settings(path)
    path.write_text(
        path.read_text()
        .replace('name = "Front Desk"', 'name = "Acme Ltd, Floor 3"')
        .replace("welcome_seconds = 180", "welcome_seconds = 300")
        .replace('closing_time = "20:00"', 'closing_time = ""')
    )
    settings = load_settings(path)
    assert settings.site_name == "Acme Ltd, Floor 3"
    assert settings.policies.targets.welcome_s == 300
    assert settings.policies.closing_time is None


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("acknowledge_seconds = 60", 'acknowledge_seconds = "soon"', "should be a whole number"),
        ("acknowledge_seconds = 60", "acknowledge_seconds = true", "should be a whole number"),
        ("speech = true", "speech = 1", "should be true or false"),
        ("welcome_seconds = 180", "welcome_seconds = 10", "can't be shorter"),
        ('closing_time = "20:00"', 'closing_time = "8pm"', "Invalid isoformat"),
        ("port = 8765", "port = 70000", "between 1 and 65535"),
        ('language = "en"', 'language = "fr"', '"en" or "es"'),
        ("retention_days = 90", "retention_days = 0", "at least one day"),
        ("[site]", "[site", "is not valid TOML"),
        ("chime_volume_percent = 70", "chime_volume_percent = 170", "percentages, from 0 to 100"),
        ("notifications = true", 'notifications = "yes"', "should be true or false"),
        ('label = "62mm"', 'label = "a4"', '"62mm" or "cr80"'),
        ('printer = ""', 'printer = "Brother QL"', "without spaces"),
        ('printer = ""', 'printer = "-o evil"', "as `lpstat -p` lists it"),
    ],
)
def test_bad_settings_name_the_file_and_the_fix(
    tmp_path: Path, before: str, after: str, message: str
) -> None:
    path = tmp_path / "settings.toml"
    load_settings(path)
    path.write_text(path.read_text().replace(before, after))
    with pytest.raises(SettingsError, match=message) as raised:
        load_settings(path)
    assert str(path) in str(raised.value)


def test_files_named_in_the_settings_are_beside_them_and_a_pairing_counts_when_whole(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    load_settings(path)
    save_setting(path, "site", "logo", "logo.png")
    save_setting(path, "dashboard", "hub_url", "wss://192.168.1.20:8765")
    save_setting(path, "dashboard", "token", "t" * 40)
    settings = load_settings(path)
    assert settings.site_logo == str(tmp_path / "logo.png")
    assert settings.dashboard is None  # no fingerprint yet: half a pairing is none
    save_setting(path, "dashboard", "fingerprint", "ab" * 32)
    assert load_settings(path).dashboard.fingerprint == "ab" * 32


def test_the_admin_pin_is_stored_salted_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_setting(path, "admin", "pin_hash", hash_pin("4827"))
    stored = load_settings(path).admin_pin_hash
    assert "4827" not in stored
    assert hash_pin("4827") != hash_pin("4827")  # a new salt each time
    assert pin_matches("4827", stored)
    assert not pin_matches("4828", stored)
    assert "# Salted hash of the admin PIN" in path.read_text()  # comments survive the edit


@pytest.mark.parametrize("pin", ["12", "abcd", "1234567890123", ""])
def test_weak_or_odd_pins_are_refused(pin: str) -> None:
    with pytest.raises(SettingsError, match="4 to 12 digits"):
        hash_pin(pin)


def test_portable_mode_keeps_everything_in_one_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("KIOSK_HOME")
    paths = Paths.resolve(tmp_path / "usb")
    assert paths.settings_file.parent == paths.database.parent == (tmp_path / "usb").resolve()
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "env"))
    assert Paths.resolve().database == (tmp_path / "env").resolve() / "kiosk.db"


def test_platform_folders_are_used_otherwise(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KIOSK_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    paths = Paths.resolve()
    assert paths.database == tmp_path / "data" / "front-desk-kiosk" / "kiosk.db"
    assert paths.settings_file == tmp_path / "config" / "front-desk-kiosk" / "settings.toml"


def test_targets_set_on_the_kiosk_are_kept_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    site = SiteSettings(path)
    site.save_targets(75, 240)
    assert site.current.policies.targets.acknowledge_s == 75
    reread = load_settings(path).policies.targets
    assert (reread.acknowledge_s, reread.welcome_s) == (75, 240)
