"""The speaking process: Qt Text to Speech in a child of the screen, told what to say on stdin.

A speech engine can block its caller (libspeechd waits forever on a speech-dispatcher that has no
sound) or spin on Qt's socket notifiers from its own thread. Out here it can only stop itself:
the screen watches it through a pipe and kills it when it stops answering (`kiosk.app.speech`).

One JSON object per line each way.

The screen sends, each command with a number that only grows:
    {"id": 3, "say": "Welcome, Maria!", "language": "en"}
    {"id": 4, "stop": true}

The child answers:
    {"ready": true, "voices": 12}         the engine is up (the answer to the start)
    {"off": "no_audio_output"}            it cannot speak, and exits (a reason code)
    {"said": 3}                           sentence 3 was said to its end
    {"done": 4}                           every command up to 4 is finished: said to the end,
                                          cut short by a later one, or stopped

A command is finished in order; a sentence replaced before it was begun counts as finished
when the one speaking before it stops. When stdin closes, the child exits at once, even if the
engine is blocking its main thread.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal, Slot

from kiosk.app.speech_off_reasons import ENGINE_ERROR, NO_AUDIO_OUTPUT, NO_VOICE
from kiosk.hub.main_thread_collector import MainThreadCollector


class _Commands(QObject):
    """Carries stdin's lines from the reading thread to the main thread's event loop."""

    line = Signal(str)


class _Speaker(QObject):
    """Speaks one sentence at a time; a new sentence or a stop cuts the current one short."""

    def __init__(self, tts: Any) -> None:
        super().__init__()
        self._tts = tts
        self._received = 0  # the newest command's number
        self._speaking: int | None = None  # the sentence the engine was asked to say
        self._begun = False  # ...and has begun saying
        self._cut = False  # ...and was told to stop
        self._next: tuple[int, str, str] | None = None  # waits for the engine to be quiet
        self._language = ""
        from PySide6.QtCore import Qt  # here: the screen loads this module before its first frame

        # Queued even from the main thread: an answer is never written from inside an engine
        # call, and an engine that calls back from its own thread reaches us on ours.
        tts.stateChanged.connect(self._state_changed, Qt.ConnectionType.QueuedConnection)

    @Slot(str)
    def command(self, line: str) -> None:
        try:
            message = json.loads(line)
            number = int(message["id"])
        except (ValueError, KeyError, TypeError):
            return  # the screen only sends well-formed commands; anything else is not ours
        self._received = max(self._received, number)
        text = message.get("say")
        if isinstance(text, str) and text:
            self._next = (number, text, str(message.get("language") or "en"))
        else:
            self._next = None
        self._advance()

    def _advance(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        busy = self._tts.state() != QTextToSpeech.State.Ready
        if busy and self._speaking is not None:
            self._tts.stop()  # we carry on at the engine's next Ready
            self._cut = True
            return
        if self._next is None:
            if busy or self._speaking is not None:
                self._tts.stop()  # a sentence asked for but not begun must not begin later
            self._speaking = None
            _answer(done=self._received)
            return
        number, text, language = self._next
        self._next = None
        _answer(done=number - 1)
        self._use_language(language)
        self._speaking, self._begun, self._cut = number, False, False
        self._tts.say(text)

    @Slot(object)
    def _state_changed(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._begun = True
        elif state == QTextToSpeech.State.Ready:
            if self._next is not None or (self._speaking is not None and self._begun):
                if self._speaking is not None and not self._cut:
                    _answer(said=self._speaking)
                self._speaking = None
                self._advance()
        elif state == QTextToSpeech.State.Error:
            _answer(off=ENGINE_ERROR)
            print(f"speech engine error: {self._tts.errorString()}", file=sys.stderr, flush=True)
            os._exit(0)

    def _use_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        wanted = QLocale(language)
        same_language = [
            locale
            for locale in self._tts.availableLocales()
            if locale.language() == wanted.language()
        ]
        if same_language:
            self._tts.setLocale(wanted if wanted in same_language else same_language[0])


def _answer(**fields: Any) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def _read_commands(commands: _Commands) -> None:
    for raw in sys.stdin.buffer:
        commands.line.emit(raw.decode("utf-8", "replace"))
    # The screen is gone or let us go. Leave now: the main thread may be stuck in the engine.
    os._exit(0)


def _open_engine(engine: str, check_audio: bool) -> Any:
    """The engine, ready to speak, or None after telling the screen why not."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if check_audio:
        from PySide6.QtMultimedia import QMediaDevices

        if not QMediaDevices.audioOutputs():
            _answer(off=NO_AUDIO_OUTPUT)
            return None
    tts = QTextToSpeech(engine) if engine else QTextToSpeech()
    if tts.state() == QTextToSpeech.State.Error:
        reason = tts.errorReason()
        print(f"speech engine error: {tts.errorString()}", file=sys.stderr, flush=True)
        if reason == QTextToSpeech.ErrorReason.Playback:
            _answer(off=NO_AUDIO_OUTPUT)
        elif reason == QTextToSpeech.ErrorReason.Configuration:
            _answer(off=NO_VOICE)
        else:
            _answer(off=ENGINE_ERROR)
        return None
    voices = len(tts.availableVoices())
    if not voices or not tts.availableLocales():
        _answer(off=NO_VOICE)
        return None
    _answer(ready=True, voices=voices)
    return tts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk speak-child", add_help=False)
    parser.add_argument("--engine", default="")
    parser.add_argument("--no-audio-check", dest="check_audio", action="store_false")
    options, _ = parser.parse_known_args(argv)
    app = QCoreApplication.instance() or QCoreApplication(["kiosk-speech"])
    MainThreadCollector(app)
    engine = options.engine
    # Commands sent meanwhile wait in the pipe; a screen that gives up on us kills us.
    tts = _open_engine(engine, options.check_audio and engine != "mock")
    if tts is None:
        return 0
    speaker = _Speaker(tts)
    commands = _Commands()
    commands.line.connect(speaker.command)
    threading.Thread(target=_read_commands, args=(commands,), daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
