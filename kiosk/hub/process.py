"""What every long-running kiosk process needs from the operating system: a clean stop."""

from __future__ import annotations

import signal

from PySide6.QtCore import QCoreApplication, QTimer


def stop_on_signals(app: QCoreApplication) -> None:
    """Quit the event loop cleanly on Ctrl+C or a service manager's SIGTERM."""
    for number in (signal.SIGINT, signal.SIGTERM):
        # exit(), not quit(): in Qt 6 quit() asks every window first, and a locked kiosk says no.
        signal.signal(number, lambda *_: app.exit(0))
    # Qt's event loop holds the interpreter; a short timer lets Python's signal handlers run.
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)
