"""The credentials of this computer's own kiosk screen and manager's dashboard: random tokens in
the data folder.

`kiosk run` starts the hub and the kiosk screen as two processes; the screen reaches the hub over
TLS like any device, with its token. The hub started by `kiosk run` (`kiosk hub --supervised`)
reads it at start and lets it in as a kiosk, alongside the paired devices; every hub lets in the
dashboard's token as a manager, so `kiosk dashboard` on the hub's computer needs no pairing. They
are not rows in the devices table, so they never need a pairing code and are never shown among
the paired devices. The site's secret, which signs invitation and badge codes, is kept the same
way.

Each file is readable by its owner only, like the hub's key beside it, and is made by whichever
process needs it first (the screen or the supervisor, as `kiosk run` starts). It is made whole or
not at all, and never replaced, so two processes starting at once still agree on one token.
This module loads nothing slow: the kiosk screen reads the token before its first frame.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from kiosk.hub.certificate import CertificateError

CREDENTIAL_FILE = "screen-credential"
MANAGER_CREDENTIAL_FILE = "manager-credential"
# The key that signs this site's invitation and badge codes (kiosk.core.codes).
SITE_SECRET_FILE = "site-secret"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,128}")
_WHOSE = {
    CREDENTIAL_FILE: "its screen",
    MANAGER_CREDENTIAL_FILE: "its dashboard",
    SITE_SECRET_FILE: "its invitations",
}


def screen_token(folder: Path) -> str:
    """The local screen's token, made the first time it is needed."""
    return _token(folder / CREDENTIAL_FILE)


def manager_token(folder: Path) -> str:
    """The local dashboard's token, made the first time it is needed."""
    return _token(folder / MANAGER_CREDENTIAL_FILE)


def site_secret(folder: Path) -> bytes:
    """The key that signs this site's codes, made the first time it is needed. Unlike the
    credentials it outlives a new certificate, so invitations already sent stay good."""
    return _token(folder / SITE_SECRET_FILE).encode("ascii")


def forget_local_tokens(folder: Path) -> None:
    """Throw the credentials away; the next start makes new ones."""
    for name in (CREDENTIAL_FILE, MANAGER_CREDENTIAL_FILE):
        (folder / name).unlink(missing_ok=True)


def _token(path: Path) -> str:
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise _unreadable(path, error) from error
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _create(path, _random_text(32))
        return _read(path)
    except OSError as error:
        raise CertificateError(
            f"The kiosk can't keep the credential of {_WHOSE[path.name]} in {path.parent} "
            f"({error.strerror}). Make that folder writable for this user."
        ) from error


def _read(path: Path) -> str:
    token = path.read_text(encoding="ascii", errors="replace").strip()
    if not _TOKEN.fullmatch(token):
        raise CertificateError(
            f"The credential of {_WHOSE[path.name]}, {path}, is damaged. Delete that file and "
            "start the kiosk again: a new one is made."
        )
    return token


def _create(path: Path, token: str) -> None:
    """Write the token beside `path`, then link it into place: a reader sees the whole file or
    none, and if another process made one meanwhile, theirs stays and ours is dropped."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{_random_text(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(token + "\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first: its token is the one
        except OSError:
            # A file system without hard links (a FAT memory stick in portable mode): rename,
            # which may replace a token made at the very same moment; the screen then restarts.
            if not path.exists():
                os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _unreadable(path: Path, error: OSError) -> CertificateError:
    return CertificateError(
        f"The kiosk can't read the credential of {_WHOSE[path.name]}, {path} ({error.strerror}). "
        "Let the user who runs the kiosk read it, or delete it: a new one is made."
    )


def _random_text(size: int) -> str:
    """`size` random bytes as URL-safe text; `secrets` is loaded only to make a credential, which
    the kiosk screen's start, reading one, does without."""
    import secrets

    return secrets.token_urlsafe(size)
