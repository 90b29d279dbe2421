"""Where the kiosk keeps its files, and the settings file (TOML) that a site edits."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from datetime import time
from pathlib import Path
from typing import Any

from kiosk.core.policies import Policies, Targets
from kiosk.store import places
from kiosk.store import setting_rules as rules
from kiosk.store.settings_template import DEFAULT_FILE

APP_NAME = "front-desk-kiosk"
HOME_VARIABLE = "KIOSK_HOME"
PIN_ITERATIONS = 200_000


class SettingsError(ValueError):
    """A settings file that can't be used; the message names the file and the fix."""


@dataclass(frozen=True)
class Paths:
    """The settings file and the database; in portable mode both sit in one folder."""

    settings_file: Path
    database: Path

    @classmethod
    def resolve(cls, home: str | Path | None = None) -> Paths:
        """`--home DIR` wins, then KIOSK_HOME, then the platform's own folders."""
        home = home or os.environ.get(HOME_VARIABLE)
        if home:
            folder = Path(home).expanduser().resolve()
            blocker = places.file_in_the_way(folder)
            if blocker is not None:
                raise SettingsError(
                    f"{blocker} is a file, not a folder; point --home or {HOME_VARIABLE} at the "
                    "folder for the kiosk's settings and data."
                )
            return cls(folder / "settings.toml", folder / "kiosk.db")
        import platformdirs  # only when no folder was given; it is slow to load at start-up

        config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        return cls(config / "settings.toml", data / "kiosk.db")


@dataclass(frozen=True)
class DeskOptions:
    """Sound and identity of one desk console. Volumes are percentages, as a person sets them."""

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


@dataclass(frozen=True)
class MailServer:
    """The mail server that tells hosts their visitor is here; no `server`, no e-mail."""

    server: str = ""
    port: int = 587
    security: str = "starttls"  # one of setting_rules.MAIL_SECURITY
    user: str = ""
    password: str = ""
    from_address: str = ""


@dataclass(frozen=True)
class Webhooks:
    """Chat tools told the same news: each address gets a JSON POST signed with `secret`."""

    urls: tuple[str, ...] = ()
    secret: str = ""


@dataclass(frozen=True)
class Pairing:
    """A pairing with a hub on another computer: its address, the token, and the fingerprint of
    the certificate it showed."""

    hub_url: str
    token: str
    fingerprint: str


@dataclass(frozen=True)
class Badges:
    """Badges printed at check-in, on the printer this computer calls `printer`; none without."""

    printer: str = ""
    label: str = "62mm"  # one of setting_rules.BADGE_LABELS


@dataclass(frozen=True)
class Settings:
    site_name: str = "Front Desk"
    site_logo: str = ""  # a picture file, the full path; "" for none
    policies: Policies = field(default_factory=Policies)
    idle_timeout_s: int = 45
    done_timeout_s: int = 10
    no_desk_message: str = ""
    privacy_notice: str = ""
    speech: bool = True
    language: str = "en"
    show_host_list: bool = True
    hub_port: int = 8765
    hub_listen: str = "0.0.0.0"
    hub_url: str = ""
    device_token: str = ""
    hub_fingerprint: str = ""
    admin_pin_hash: str = ""
    desk: DeskOptions = field(default_factory=DeskOptions)
    mail: MailServer = field(default_factory=MailServer)
    webhooks: Webhooks = field(default_factory=Webhooks)
    badges: Badges = field(default_factory=Badges)
    # A manager's dashboard on another computer than the hub's: its pairing, once whole.
    dashboard: Pairing | None = None


def load_settings(path: Path) -> Settings:
    """Read the settings file, writing the documented default first if there is none."""
    if path.is_dir():
        raise SettingsError(
            f"{path} is a folder, not a settings file; move it away, and the kiosk will write "
            "a fresh settings file there."
        )
    if not path.exists():
        _write(path, DEFAULT_FILE)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path} is not valid TOML ({error}). Fix it or delete it.") from error
    except OSError as error:
        raise SettingsError(
            f"{path} can't be read ({error.strerror or error}); let the user who runs the kiosk "
            f"read it, or {places.ELSEWHERE}."
        ) from error
    return _settings_from(doc, path)


def _write(path: Path, text: str) -> None:
    """Write the settings file, readable by its owner only: it holds the admin PIN's hash and,
    on a desk or remote kiosk, its device token."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(path, 0o600)
    except OSError as error:
        raise SettingsError(places.cannot_write(path, error, "settings file")) from error


def _settings_from(doc: dict[str, Any], path: Path) -> Settings:
    def get(section: str, key: str, kind: type, default: Any) -> Any:
        table = doc.get(section, {})
        if not isinstance(table, dict):
            shown = "a list" if isinstance(table, list) else repr(table)
            raise SettingsError(
                f"In {path}, {section} should be a section [{section}] with its settings under "
                f"it, not {shown}."
            )
        value = table.get(key, default)
        if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
            raise SettingsError(
                f"In {path}, [{section}] {key} should be {_KIND_WORDS[kind]}, not {value!r}."
            )
        return value

    defaults = Settings()
    targets = Targets()
    closing_text = get("day", "closing_time", str, "20:00")
    try:
        closing = time.fromisoformat(closing_text) if closing_text else None
        policies = Policies(
            targets=Targets(
                acknowledge_s=get("targets", "acknowledge_seconds", int, targets.acknowledge_s),
                welcome_s=get("targets", "welcome_seconds", int, targets.welcome_s),
                escalation_repeat_s=get(
                    "targets", "escalation_repeat_seconds", int, targets.escalation_repeat_s
                ),
            ),
            retention_days=get("privacy", "retention_days", int, defaults.policies.retention_days),
            closing_time=closing,
        )
    except ValueError as error:
        if isinstance(error, SettingsError):
            raise
        raise SettingsError(f"In {path}: {error}") from error
    language = get("kiosk", "language", str, defaults.language)
    if language not in ("en", "es"):
        raise SettingsError(f'In {path}, [kiosk] language should be "en" or "es".')
    desk_defaults = DeskOptions()
    try:
        desk = DeskOptions(
            **{
                f.name: get(
                    "desk",
                    f.name,
                    type(getattr(desk_defaults, f.name)),
                    getattr(desk_defaults, f.name),
                )
                for f in fields(DeskOptions)
            }
        )
    except SettingsError:
        raise
    except ValueError as error:
        raise SettingsError(f"In {path}, [desk]: {error}") from error
    port = get("hub", "port", int, defaults.hub_port)
    if not 1 <= port <= 65535:
        raise SettingsError(f"In {path}, [hub] port should be between 1 and 65535.")
    mail = MailServer(
        **{
            f.name: get(
                "email",
                f.name,
                type(getattr(defaults.mail, f.name)),
                getattr(defaults.mail, f.name),
            )
            for f in fields(MailServer)
        }
    )
    _refuse(rules.mail_problem(mail), path)
    webhooks = Webhooks(
        urls=tuple(get("webhooks", "urls", list, [])),
        secret=get("webhooks", "secret", str, ""),
    )
    _refuse(rules.webhooks_problem(webhooks), path)
    badges = Badges(
        printer=get("badges", "printer", str, "").strip(),
        label=get("badges", "label", str, Badges.label),
    )
    _refuse(rules.badges_problem(badges), path)
    kept = [get("dashboard", key, str, "") for key in ("hub_url", "token", "fingerprint")]
    return Settings(
        site_name=get("site", "name", str, defaults.site_name).strip() or defaults.site_name,
        site_logo=_beside(path, get("site", "logo", str, "").strip()),
        policies=policies,
        idle_timeout_s=get("kiosk", "idle_timeout_seconds", int, defaults.idle_timeout_s),
        done_timeout_s=get("kiosk", "done_timeout_seconds", int, defaults.done_timeout_s),
        no_desk_message=get("kiosk", "no_desk_message", str, "").strip(),
        privacy_notice=get("privacy", "notice", str, "").strip(),
        speech=get("kiosk", "speech", bool, defaults.speech),
        language=language,
        show_host_list=get("kiosk", "show_host_list", bool, defaults.show_host_list),
        hub_port=port,
        hub_listen=get("hub", "listen", str, defaults.hub_listen),
        hub_url=get("connection", "hub_url", str, ""),
        device_token=get("connection", "token", str, ""),
        hub_fingerprint=get("connection", "fingerprint", str, ""),
        admin_pin_hash=get("admin", "pin_hash", str, ""),
        desk=desk,
        mail=mail,
        webhooks=webhooks,
        badges=badges,
        dashboard=Pairing(*kept) if all(kept) else None,
    )


_KIND_WORDS = {
    int: "a whole number",
    str: "text in quotes",
    bool: "true or false",
    list: "a list in square brackets",
}


def _refuse(problem: str, path: Path) -> None:
    if problem:
        raise SettingsError(f"In {path}, {problem}")


def _beside(settings_file: Path, name: str) -> str:
    """A file named in the settings: a relative name is in the settings file's folder."""
    return str(settings_file.parent / Path(name).expanduser()) if name else ""


def save_setting(path: Path, section: str, key: str, value: Any) -> None:
    """Change one setting in the file, keeping the comments around it."""
    import tomlkit  # only writing needs it; reading at start-up stays quick with tomllib

    load_settings(path)  # creates the documented default, and refuses a broken file
    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    if section not in doc:
        doc[section] = tomlkit.table()
    doc[section][key] = value  # type: ignore[index]
    text = tomlkit.dumps(doc)
    _settings_from(tomllib.loads(text), path)  # refuse a value the kiosk couldn't read
    _write(path, text)


def hash_pin(pin: str) -> str:
    """A salted PBKDF2 hash of the admin PIN, as stored in the settings file."""
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise SettingsError("The admin PIN must be 4 to 12 digits.")
    import hashlib  # here, as in pin_matches: the kiosk's start does without them
    import secrets

    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), PIN_ITERATIONS)
    return f"pbkdf2_sha256${PIN_ITERATIONS}${salt}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    try:
        scheme, iterations, salt, expected = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return scheme == "pbkdf2_sha256" and hmac.compare_digest(digest.hex(), expected)
