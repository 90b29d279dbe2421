"""The child processes a program object starts (the voice's), kept track of so that none
outlives the program or is destroyed while running: each is killed when its owner goes, when
the application quits, and at exit; and let go once it has ended."""

from __future__ import annotations

import atexit
import functools

from PySide6.QtCore import QCoreApplication, QProcess, QTimer

# Every process still running, and the id of the object that started it.
_running: dict[QProcess, int] = {}


def keep(process: QProcess, owner: int) -> None:
    """Keep track of `process` (not started yet), started by the object whose id is `owner`."""
    process.finished.connect(functools.partial(_reap, process))
    _watch_quit()
    _running[process] = owner


def end(process: QProcess) -> None:
    """Kill without waiting: even a stopped or stuck process dies of it, and `_reap` lets the
    QProcess go once it has."""
    if process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
    else:
        _reap(process)


def _reap(process: QProcess, *_: object) -> None:
    # Let go one turn later: a QProcess must not be destroyed inside its own signal.
    QTimer.singleShot(0, functools.partial(_let_go, process))


def _let_go(process: QProcess) -> None:
    if _running.pop(process, None) is not None:
        process.deleteLater()


def end_all_of(owner: int) -> None:
    """End every process `owner` (an object's id) started."""
    for process, its_owner in list(_running.items()):
        if its_owner == owner:
            end(process)


_quit_watched = False


def _watch_quit() -> None:
    global _quit_watched
    app = QCoreApplication.instance()
    if app is not None and not _quit_watched:
        _quit_watched = True
        app.aboutToQuit.connect(_kill_all_children)


def _kill_all_children() -> None:
    for process in list(_running):
        end(process)


@atexit.register
def _end_all_children() -> None:
    """At exit no event loop reaps them: kill and wait, briefly, so that none is left behind
    and Qt does not destroy a running one."""
    for process in list(_running):
        try:
            if process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(1000)
        except RuntimeError:  # its Qt side is gone already
            pass
    _running.clear()
