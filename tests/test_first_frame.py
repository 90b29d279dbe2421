"""A window's first frame is heard of once, however many frames Qt's drawing thread has swapped
before the GUI thread hears of it (as on a real display, where Qt draws on a thread of its own)."""

from __future__ import annotations

import threading

from PySide6.QtQml import QQmlApplicationEngine
from pytestqt.qtbot import QtBot

from kiosk.app.kiosk_window import FirstFrame


def test_frames_swapped_on_another_thread_call_back_once(qtbot: QtBot) -> None:
    engine = QQmlApplicationEngine()
    engine.loadData(b"import QtQuick\nWindow { width: 200; height: 100 }")
    (window,) = engine.rootObjects()
    heard: list[str] = []
    FirstFrame(window, lambda: heard.append(threading.current_thread().name))

    def drawing_thread() -> None:  # three frames out before the GUI thread looks
        for _ in range(3):
            window.frameSwapped.emit()

    drawer = threading.Thread(target=drawing_thread, name="drawing")
    drawer.start()
    drawer.join()
    qtbot.waitUntil(lambda: heard != [], timeout=5000)
    qtbot.wait(100)
    assert heard == ["MainThread"]
    engine.deleteLater()
