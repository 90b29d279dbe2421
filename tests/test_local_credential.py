"""The kiosk screen's local credential: one token, its owner's only, whoever makes it first."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.hub.certificate import CertificateError
from kiosk.hub.local_credential import (
    CREDENTIAL_FILE,
    MANAGER_CREDENTIAL_FILE,
    forget_local_tokens,
    manager_token,
    screen_token,
)


def test_the_token_is_made_once_and_only_its_owner_reads_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    token = screen_token(folder)
    assert len(token) >= 32
    assert screen_token(folder) == token
    assert stat.S_IMODE((folder / CREDENTIAL_FILE).stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [CREDENTIAL_FILE]  # nothing left beside it


def test_processes_starting_at_once_agree_on_one_token(tmp_path: Path) -> None:
    """The hub and the screen, started together on a fresh folder, read the same token."""
    folder = tmp_path / "data"
    read = (
        "import sys; from pathlib import Path; from kiosk.hub.local_credential import "
        "screen_token; print(screen_token(Path(sys.argv[1])))"
    )
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", read, str(folder)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(8)
    ]
    tokens = {racer.communicate(timeout=60)[0].strip() for racer in racers}
    assert tokens == {screen_token(folder)}


def test_a_new_certificate_brings_new_tokens(tmp_path: Path) -> None:
    screen, manager = screen_token(tmp_path), manager_token(tmp_path)
    assert screen != manager
    assert stat.S_IMODE((tmp_path / MANAGER_CREDENTIAL_FILE).stat().st_mode) == 0o600
    forget_local_tokens(tmp_path)
    assert screen_token(tmp_path) != screen and manager_token(tmp_path) != manager


@pytest.mark.parametrize("content", ["", "short", "not a token at all, with spaces " * 2])
def test_a_damaged_credential_says_what_to_do(tmp_path: Path, content: str) -> None:
    (tmp_path / CREDENTIAL_FILE).write_text(content)
    with pytest.raises(CertificateError, match="Delete that file"):
        screen_token(tmp_path)


# As in test_cli_local_state: root's power to override permissions is taken away, so an
# unreadable file is as unreadable for the command as for the user who runs the kiosk.
BOUND_BY_PERMISSIONS = (
    ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
    if os.geteuid() == 0
    else []
)


@pytest.mark.parametrize(
    ("command", "damage", "sentence"),
    [
        (["hub", "--supervised", "--listen", "127.0.0.1", "--port", "0"], "unreadable",
         "can't read the credential of its screen"),
        (["run", "--windowed"], "unreadable", "can't read the credential of its screen"),
        (["run", "--windowed"], "damaged", "Delete that file and start the kiosk again"),
        (["run", "--windowed"], "folder unwritable", "can't keep the credential of its screen"),
    ],
)  # fmt: skip
def test_a_bad_credential_is_one_sentence(
    tmp_path: Path, command: list[str], damage: str, sentence: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    if damage == "unreadable":
        screen_token(home)
        (home / CREDENTIAL_FILE).chmod(0)
    elif damage == "damaged":
        (home / CREDENTIAL_FILE).write_text("?")
    (home / "settings.toml").write_text("")  # the defaults; written now, while home is writable
    if damage == "folder unwritable":
        home.chmod(0o500)
    try:
        done = subprocess.run(
            [*BOUND_BY_PERMISSIONS, sys.executable, "-m", "kiosk", *command],
            env={**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        home.chmod(0o700)
    assert done.returncode == 1, done.stderr
    assert sentence in done.stderr
    assert "Traceback" not in done.stderr
