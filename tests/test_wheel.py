"""The program as a user installs it: a wheel in a fresh environment, run from another folder,
finds its QML, sounds and translations, and its kiosk and hub start.

The wheel is installed with no network; its libraries are this environment's."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.pairing import typed
from kiosk.hub.client import HubClient
from kiosk.store.devices import DeviceRole
from kiosk.store.settings import load_settings, save_setting
from tests.hub_process import free_port

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{' '.join(args)}: {done.stderr[-2000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `kiosk` command of a fresh environment with nothing but the built wheel in it."""
    uv = shutil.which("uv")
    assert uv, "uv is needed to build the wheel: install it as the README says"
    place = tmp_path_factory.mktemp("wheel")
    run(uv, "build", "--wheel", "--out-dir", str(place / "dist"), str(ROOT))
    (wheel,) = (place / "dist").glob("*.whl")
    run(uv, "venv", "--python", sys.executable, str(place / "venv"))
    python = place / "venv" / "bin" / "python"
    run(uv, "pip", "install", "--offline", "--no-deps", "--python", str(python), str(wheel))
    # Its libraries are borrowed from this environment rather than downloaded again: a path
    # line, read after the fresh environment's own packages, so the wheel's `kiosk` is the one
    # imported, never this checkout's.
    fresh = run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    (Path(fresh.stdout.strip()) / "borrowed.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    where = run(str(python), "-c", "import kiosk; print(kiosk.__file__)", cwd=place)
    assert where.stdout.startswith(fresh.stdout.strip()), where.stdout
    return place / "venv" / "bin" / "kiosk"


def test_an_installed_wheel_runs_the_kiosk_from_another_folder(
    qtbot: QtBot, installed: Path, tmp_path: Path
) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    settings_file = home / "settings.toml"
    load_settings(settings_file)
    port = free_port()
    save_setting(settings_file, "hub", "port", port)
    save_setting(settings_file, "hub", "listen", "127.0.0.1")
    env = {**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    kiosk = subprocess.Popen(
        [str(installed), "run", "--windowed"],
        cwd=elsewhere,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        code = ""
        for _ in range(100):  # the hub starts once the kiosk's first frame is out
            paired = subprocess.run(
                [str(installed), "pair", "--role", "desk"],
                cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            if paired.returncode == 0:
                code = paired.stdout.split("desk: ")[1].split()[0]
                break
        desk = HubClient(f"wss://127.0.0.1:{port}", pairing=(typed(code), "Desk", DeviceRole.DESK))
        qtbot.waitUntil(lambda: desk.connected, timeout=30000)
        desk.close()
    finally:
        os.killpg(kiosk.pid, signal.SIGTERM)
        try:
            _, err = kiosk.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(kiosk.pid, signal.SIGKILL)
            _, err = kiosk.communicate()
    assert "Traceback" not in err, err
    for trouble in ("is not installed", "No such file", "Cannot open", "not a type"):
        assert trouble not in err, err
