"""`kiosk run` at a front desk: desks on the LAN reach the hub that the running kiosk started."""

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.core.pairing import typed
from kiosk.hub.certificate import load_identity
from kiosk.hub.client import HubClient
from kiosk.store.database import open_database, writing
from kiosk.store.devices import DeviceRole
from kiosk.store.people import add_staff
from kiosk.store.settings import load_settings, save_setting
from tests.hub_process import free_port, pairing_code


def test_a_desk_pairs_with_the_hub_of_a_running_kiosk(qtbot: QtBot, tmp_path: Path) -> None:
    home = tmp_path / "kiosk-home"
    port = free_port()
    settings_file = home / "settings.toml"
    load_settings(settings_file)
    save_setting(settings_file, "hub", "port", port)
    save_setting(settings_file, "hub", "listen", "127.0.0.1")
    db = open_database(home / "kiosk.db")
    with writing(db):
        add_staff(db, "Priya Raman")
    db.close()
    env = {**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        code = typed(pairing_code(home, "desk"))
        pinned: list[str] = []
        url = f"wss://127.0.0.1:{port}"
        desk = HubClient(url, pairing=(code, "Front desk", DeviceRole.DESK))
        desk.paired.connect(lambda _token, fingerprint: pinned.append(fingerprint))
        qtbot.waitUntil(lambda: desk.connected, timeout=20000)
        assert pinned == [load_identity(home).fingerprint]
        desk.close()
    finally:
        kiosk.terminate()
        try:
            _, err = kiosk.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            kiosk.kill()  # never leave a kiosk behind, even when it ignores SIGTERM
            _, err = kiosk.communicate()
    assert kiosk.returncode == 0, err
    assert "Traceback" not in err
