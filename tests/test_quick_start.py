"""`kiosk run` and `kiosk screen` start without the command line's machinery, and mean the same as
through it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.__main__ import quick_command
from kiosk.hub.local_credential import screen_token


@pytest.mark.parametrize(
    ("arguments", "quick"),
    [
        (["run"], ("run", None, False)),
        (["screen", "--windowed"], ("screen", None, True)),
        (["--home", "/srv/kiosk", "run", "--windowed"], ("run", "/srv/kiosk", True)),
        (["--home=/srv/kiosk", "screen"], ("screen", "/srv/kiosk", False)),
        # Everything else is the command line's: help, mistakes, other commands.
        (["run", "--help"], None),
        (["run", "--windowed", "--windowed"], None),
        (["--home"], None),
        (["--home", "/srv/kiosk"], None),
        (["--version"], None),
        (["where"], None),
        ([], None),
    ],
)
def test_only_exactly_run_or_screen_takes_the_short_way(
    arguments: list[str], quick: tuple[str, str | None, bool] | None
) -> None:
    assert quick_command(arguments) == quick


def printed_by(code: str) -> str:
    """What `code` prints, run by a fresh Python process."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip()


def loaded_by(module: str, among: tuple[str, ...]) -> list[str]:
    """Which of `among` (modules, or the packages they are in) importing `module` loads, in a
    fresh process that starts the way `python -m kiosk` does."""
    return json.loads(
        printed_by(
            f"import json, sys, kiosk.__main__, {module}; among = {among!r}; "
            "print(json.dumps(sorted(m for m in sys.modules "
            "if m in among or m.split('.')[0] in among)))"
        )
    )


def test_the_way_to_welcome_loads_neither_the_command_line_nor_the_database_code() -> None:
    among = ("click", "kiosk.cli", "sqlite3", "sqlite_utils", "platformdirs", "cryptography")
    assert loaded_by("kiosk.launch.kiosk_screen", among) == []


def test_the_way_to_welcome_leaves_the_qt_namespace_unloaded() -> None:
    """PySide6 makes its `Qt` namespace (every enum of Qt's) when it is first named, which takes
    a good part of the wait for the first frame; the kiosk screen's code names it later."""
    loaded = printed_by(
        "import kiosk.__main__, kiosk.launch.kiosk_screen, PySide6.QtCore; "
        "print('Qt' in vars(PySide6.QtCore))"
    )
    assert loaded == "False"


# What the kiosk screen's first frame must not wait for: the network's and the voice's code,
# the code that reads scans and codes, hashing, json, the lifecycle of visits, and Qt Quick Controls
# (Welcome's buttons are plain Qt Quick items). Each is loaded once that frame is out.
AFTER_THE_FIRST_FRAME = (
    "json", "hashlib", "secrets", "PySide6.QtWebSockets", "PySide6.QtMultimedia",
    "kiosk.app.speech_child", "kiosk.app.scanner_keys", "kiosk.core.scanner",
    "kiosk.core.lifecycle", "kiosk.core.codes",
)  # fmt: skip
FIRST_FRAME = r"""
import os, sys
from pathlib import Path
from kiosk.app.qt_environment import prepare_kiosk_environment
prepare_kiosk_environment(offscreen=True)
from PySide6.QtGui import QGuiApplication
from kiosk.app.site_settings import SiteSettings
from kiosk.launch.kiosk_screen import start_kiosk
from kiosk.store.settings import Settings
app = QGuiApplication(sys.argv)
folder = Path(sys.argv[1])
running = start_kiosk(SiteSettings(None, Settings(site_name="Harbour Works")), folder,
                      lockdown=False, speech_engine="mock", cache=folder / "qm")
def first_frame():
    among = AMONG
    maps = Path("/proc/self/maps").read_text()
    print(sorted(m for m in sys.modules if m in among)
          + (["Qt Quick Controls"] if "QuickControls2" in maps else []))
    sys.stdout.flush()
    os._exit(0)
running.screen.window.frameSwapped.connect(first_frame)
app.exec()
"""


def test_the_first_frame_waits_for_nothing_it_does_not_show(tmp_path: Path) -> None:
    screen_token(tmp_path)  # made by the first start: every other start reads it
    code = FIRST_FRAME.replace("AMONG", repr(AFTER_THE_FIRST_FRAME))
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_supervisor_starts_the_screen_before_it_loads_the_settings() -> None:
    among = ("click", "kiosk.cli", "PySide6", "kiosk.store.settings", "kiosk.hub.local_credential")
    assert loaded_by("kiosk.launch.supervisor", among) == []


def processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.mark.parametrize("command", ["run", "screen"])
def test_a_broken_settings_file_ends_the_command_with_its_one_sentence(
    tmp_path: Path, command: str
) -> None:
    (tmp_path / "settings.toml").write_text("[site\n")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--home", str(tmp_path), command, "--windowed"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Error: ") and "is not valid TOML" in done.stderr
    assert done.stderr.count("Error: ") == 1 and "Traceback" not in done.stderr
    # `kiosk run` had started its screen before it read the settings: it is gone too.
    assert processes_mentioning(str(tmp_path)) == []
