"""Speaking the visitor's greeting aloud, through a speaking process the screen can cut off.

The voice runs in a child process (`kiosk.app.speech_child`): a speech engine that blocks or
spins there costs a greeting, never the screen. The screen only writes short lines to it and
reads its answers when they come; it never waits for them. Each command has a deadline; a child
that misses one is killed and speech stays off, with the reason, until someone turns it on.
"""

from __future__ import annotations

import functools
import logging
import sys
import time
import weakref
from collections import deque
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    Property,
    QObject,
    QProcess,
    QProcessEnvironment,
    QTimer,
    Signal,
    Slot,
)

from kiosk.app import child_processes
from kiosk.app.speech_off_reasons import (
    ENGINE_CRASHED,
    ENGINE_ERROR,
    ENGINE_STUCK,
    NO_AUDIO_OUTPUT,
    NO_VOICE,
)

__all__ = [
    "ENGINE_CRASHED",
    "ENGINE_ERROR",
    "ENGINE_STUCK",
    "NO_AUDIO_OUTPUT",
    "NO_VOICE",
    "TURNED_OFF",
    "Speech",
]

log = logging.getLogger(__name__)

TURNED_OFF = "turned_off"  # by the admin panel or the settings file: not a fault
REASONS = frozenset({NO_AUDIO_OUTPUT, NO_VOICE, ENGINE_ERROR, ENGINE_STUCK, ENGINE_CRASHED})

# How long the child may take. Loading Python, Qt and the engine, and speech-dispatcher's own
# start, take a few seconds on a slow kiosk; a sentence takes about 70 ms a character in espeak.
START_ALLOWANCE_MS = 15_000
SAY_ALLOWANCE_MS = 4_000
PER_CHARACTER_MS = 80
STOP_ALLOWANCE_MS = 4_000
# Started this long after the screen, so that its start (a few seconds of work for Qt and
# speech-dispatcher) never competes with the screen's own, and the reason speech is off is
# known before anyone opens the admin panel. A greeting asked for sooner starts it at once.
WARM_UP_MS = 10_000
# A child that writes this much to its error output is spinning, not speaking.
MAX_ERROR_OUTPUT = 1 << 20
MAX_ANSWER = 1 << 16
KEPT_ERROR_LINES = 500


def child_command() -> tuple[str, list[str]]:
    """How to start the speaking process: this same program, in its speaking role."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: only the `kiosk` command is there
        return sys.executable, ["speak-child"]
    return sys.executable, ["-m", "kiosk.app.speech_child"]


class Speech(QObject):
    """Says short sentences in the background; a kiosk without a working voice stays silent,
    says why (`offReason`), and carries on.

    `say` and `forget` return at once, whatever the engine is doing. `said` keeps what was
    handed to the voice since the last `forget` (it holds visitors' names); `spoken` is emitted
    when a sentence has been said to its end.
    """

    spoken = Signal(str)
    enabledChanged = Signal()
    offReasonChanged = Signal()

    def __init__(
        self,
        *,
        enabled: bool = True,
        engine: str | None = None,
        check_audio: bool = True,
        environment: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`engine` names a Qt Text to Speech engine (default: the platform's). Without
        `check_audio` the child speaks even when Qt sees no audio output (speech-dispatcher may
        reach one that Qt does not). `environment` adds to the child's environment."""
        super().__init__(parent)
        self._engine_name = engine or ""
        self._check_audio = check_audio
        self._environment = dict(environment or {})
        self._enabled = bool(enabled)
        self._reason = "" if enabled else TURNED_OFF
        self.said: list[str] = []  # handed to the voice since the last forget(), newest last
        self.engine_output: deque[str] = deque(maxlen=KEPT_ERROR_LINES)  # the child's stderr

        self._process: QProcess | None = None
        self._ready = False
        self._unsent: list[tuple[int, bytes]] = []  # written once the process has started
        self._last_id = 0
        # Unfinished commands: number -> (when the answer is due, in monotonic ms; allowance)
        self._due: dict[int, tuple[float, int]] = {}
        self._texts: dict[int, str] = {}  # sentence commands not yet finished
        self._answers = b""
        self._error_bytes = 0
        self._closed = False

        self._deadline = QTimer(self, singleShot=True)
        self._deadline.timeout.connect(self._check_deadlines)
        self._warm_up = QTimer(self, singleShot=True, interval=WARM_UP_MS)
        self._warm_up.timeout.connect(self._start_child)
        if self._enabled:
            self._warm_up.start()

        owner = id(self)
        weakref.finalize(self, child_processes.end_all_of, owner)
        self.destroyed.connect(functools.partial(child_processes.end_all_of, owner))

    # --- what the screens use ----------------------------------------------------------------

    def _get_enabled(self) -> bool:
        return self._enabled

    def _set_enabled(self, on: bool) -> None:
        on = bool(on)
        if on == self._enabled:
            return
        self._enabled = on
        if on:
            self._set_reason("")
            self._start_child()
        else:
            self._warm_up.stop()
            self._end_child()
            self._set_reason(TURNED_OFF)
        self.enabledChanged.emit()

    #: Whether greetings are spoken. Turning it on after a fault starts a new speaking process.
    enabled = Property(bool, _get_enabled, _set_enabled, notify=enabledChanged)

    def _get_off_reason(self) -> str:
        return self._reason

    #: Why speech is off: "" while on, else a reason code (NO_AUDIO_OUTPUT, NO_VOICE,
    #: ENGINE_ERROR, ENGINE_STUCK, ENGINE_CRASHED, TURNED_OFF).
    offReason = Property(str, _get_off_reason, notify=offReasonChanged)

    @property
    def engine_pid(self) -> int:
        """The speaking process's id, 0 when there is none (for diagnosis and tests)."""
        return int(self._process.processId()) if self._process is not None else 0

    def say(self, text: str, language: str = "en") -> None:
        """Say `text` in `language` ("en", "es"...), cutting short whatever is being said."""
        if not self._enabled or not text or self._closed:
            return
        self.said.append(text)
        number = self._send({"say": text, "language": language}, _allowance(text))
        self._texts[number] = text

    def forget(self) -> None:
        """Drop the record of what was said, and stop saying it: it holds visitors' names."""
        self.said.clear()
        self._texts.clear()
        for number, _ in self._unsent:  # never sent: the child need not hear them at all
            self._due.pop(number, None)
        self._unsent.clear()
        if self._process is not None:
            self._send({"stop": True}, STOP_ALLOWANCE_MS)
        self._arm_deadline()

    def close(self) -> None:
        """End the speaking process now; nothing more is said. For the program's shutdown."""
        self._closed = True
        self._warm_up.stop()
        self._end_child()

    # --- the speaking process ----------------------------------------------------------------

    def _start_child(self) -> None:
        if self._process is not None or not self._enabled or self._closed:
            return
        self._warm_up.stop()
        process = QProcess()
        program, arguments = child_command()
        if self._engine_name:
            arguments += ["--engine", self._engine_name]
        if not self._check_audio:
            arguments.append("--no-audio-check")
        process.setProgram(program)
        process.setArguments(arguments)
        if self._environment:
            environment = QProcessEnvironment.systemEnvironment()
            for name, value in self._environment.items():
                environment.insert(name, value)
            process.setProcessEnvironment(environment)
        # Bound to this object, so that none of them runs once it is destroyed.
        process.started.connect(self._started)
        process.readyReadStandardOutput.connect(self._read_answers)
        process.readyReadStandardError.connect(self._read_errors)
        process.errorOccurred.connect(self._failed)
        process.finished.connect(self._ended)
        self._process = process
        self._ready = False
        self._answers = b""
        self._error_bytes = 0
        # The start is a command too, answered by "ready".
        self._due = {0: (_now_ms() + START_ALLOWANCE_MS, START_ALLOWANCE_MS)}
        child_processes.keep(process, id(self))
        process.start()
        self._arm_deadline()

    def _send(self, command: dict[str, Any], allowance_ms: int) -> int:
        self._start_child()
        self._last_id += 1
        number = self._last_id
        import json  # here, not before the kiosk's first frame (see kiosk.hub.wire)

        line = json.dumps({"id": number, **command}).encode() + b"\n"
        starting = self._due.get(0) if not self._ready else None
        self._due[number] = ((starting[0] if starting else _now_ms()) + allowance_ms, allowance_ms)
        process = self._process
        if process is not None and process.state() == QProcess.ProcessState.Running:
            process.write(line)
        else:
            self._unsent.append((number, line))
        self._arm_deadline()
        return number

    def _current(self) -> QProcess | None:
        """The process whose signal is being handled, if it is still the one speaking."""
        process = self.sender()
        return process if process is not None and process is self._process else None

    @Slot()
    def _started(self) -> None:
        process = self._current()
        if process is None:
            return
        for _, line in self._unsent:
            process.write(line)
        self._unsent.clear()

    @Slot()
    def _read_answers(self) -> None:
        import json  # here, not before the kiosk's first frame (see kiosk.hub.wire)

        process = self._current()
        if process is None:
            return
        self._answers += bytes(process.readAllStandardOutput().data())
        *lines, self._answers = self._answers.split(b"\n")
        if len(self._answers) > MAX_ANSWER:
            self._give_up(ENGINE_CRASHED, "wrote an answer too long to be one")
            return
        for line in lines:
            try:
                answer = json.loads(line)
            except ValueError:
                log.debug("The speaking process wrote something that is not an answer")
                continue
            if isinstance(answer, dict):
                self._answered(answer)
            if process is not self._process:
                return  # that answer ended it

    def _answered(self, answer: dict[str, Any]) -> None:
        if answer.get("ready"):
            self._ready = True
            self._due.pop(0, None)
            now = _now_ms()  # what was sent during the start is due as if sent now
            self._due = {n: (min(due, now + a), a) for n, (due, a) in self._due.items()}
        if "off" in answer:
            reason = answer["off"] if answer["off"] in REASONS else ENGINE_ERROR
            self._give_up(reason, "cannot speak")
            return
        said = answer.get("said")
        if isinstance(said, int) and said in self._texts:
            self.spoken.emit(self._texts[said])
        done = answer.get("done")
        if isinstance(done, int):
            for number in [n for n in self._due if n <= done]:
                del self._due[number]
            for number in [n for n in self._texts if n <= done]:
                del self._texts[number]
        self._arm_deadline()

    @Slot()
    def _read_errors(self) -> None:
        process = self._current()
        if process is None:
            return
        chunk = bytes(process.readAllStandardError().data())
        self._error_bytes += len(chunk)
        for line in chunk.decode("utf-8", "replace").splitlines():
            if line.strip():
                self.engine_output.append(line)
                log.debug("speaking process: %s", line)
        if self._error_bytes > MAX_ERROR_OUTPUT:
            self._give_up(ENGINE_STUCK, "floods its error output")

    @Slot(QProcess.ProcessError)
    def _failed(self, error: QProcess.ProcessError) -> None:
        if self._current() is not None and error == QProcess.ProcessError.FailedToStart:
            self._give_up(ENGINE_CRASHED, "could not be started")

    @Slot(int, QProcess.ExitStatus)
    def _ended(self, *_: object) -> None:
        if self._current() is not None:
            self._give_up(ENGINE_CRASHED, "ended by itself")

    def _arm_deadline(self) -> None:
        if not self._due or self._process is None:
            self._deadline.stop()
            return
        wait = min(due for due, _ in self._due.values()) - _now_ms()
        self._deadline.start(max(0, int(wait) + 1))

    def _check_deadlines(self) -> None:
        if self._due and min(due for due, _ in self._due.values()) <= _now_ms():
            self._give_up(ENGINE_STUCK, "did not answer in time")
        else:
            self._arm_deadline()

    def _give_up(self, reason: str, why: str) -> None:
        log.warning("Speech is off (%s): the speaking process %s", reason, why)
        self._end_child()
        was_enabled = self._enabled
        self._enabled = False
        self._set_reason(reason)
        if was_enabled:
            self.enabledChanged.emit()

    def _end_child(self) -> None:
        process, self._process = self._process, None
        self._ready = False
        self._due.clear()
        self._texts.clear()
        self._unsent.clear()
        self._deadline.stop()
        if process is not None:
            child_processes.end(process)

    def _set_reason(self, reason: str) -> None:
        if reason != self._reason:
            self._reason = reason
            self.offReasonChanged.emit()


def _allowance(text: str) -> int:
    return SAY_ALLOWANCE_MS + PER_CHARACTER_MS * len(text)


def _now_ms() -> float:
    return time.monotonic() * 1000
