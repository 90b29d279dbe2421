"""The test session's guard against a Qt event loop that spins printing the same warning: the
run ends within seconds and says what was printed, instead of filling the memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.qt_flood_guard import EXIT_CODE

PROJECT = Path(__file__).resolve().parents[1]
SPINNING = """
from PySide6.QtCore import QTimer, qWarning

def warn():
    for _ in range(50):
        qWarning("QSocketNotifier: Invalid socket 9")

def test_spins(qtbot):
    timer = QTimer(interval=0)
    timer.timeout.connect(warn)
    timer.start()
    qtbot.wait(120_000)
"""


def test_a_test_whose_qt_messages_run_away_ends_the_run_saying_what_it_printed(
    tmp_path: Path,
) -> None:
    (tmp_path / "test_spinning.py").write_text(SPINNING)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", os.devnull, "--rootdir", str(tmp_path),
         "-p", "tests.qt_flood_guard", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, timeout=100, stdin=subprocess.DEVNULL, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(PROJECT), "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == EXIT_CODE, done.stdout[-2000:] + done.stderr[-2000:]
    assert "test_spins printed" in done.stderr
    assert "said: QSocketNotifier: Invalid socket 9" in done.stderr
    assert "most recent call first" in done.stderr  # every thread's stack
