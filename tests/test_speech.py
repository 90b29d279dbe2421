"""The screen's side of speech: commands to the speaking process, deadlines, and why it is off.

The speaking process here runs Qt's mock engine, which speaks to nobody and never blocks; the
real voice is in test_speech_engine.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from pytestqt.qtbot import QtBot

from kiosk.app import speech as speech_module
from kiosk.app.speech import (
    ENGINE_CRASHED,
    ENGINE_ERROR,
    ENGINE_STUCK,
    TURNED_OFF,
    Speech,
)

START_MS = 20_000


@pytest.fixture
def voice(qtbot: QtBot) -> Speech:
    speech = Speech(engine="mock")
    yield speech
    speech.close()


def test_a_sentence_is_handed_over_at_once_and_reported_when_said(
    qtbot: QtBot, voice: Speech
) -> None:
    with qtbot.waitSignal(voice.spoken, timeout=START_MS) as spoken:
        voice.say("Welcome, Maya!")
        assert voice.said == ["Welcome, Maya!"]
    assert spoken.args == ["Welcome, Maya!"]
    assert voice.enabled and voice.offReason == ""


def test_a_new_sentence_cuts_the_last_one_short(qtbot: QtBot, voice: Speech) -> None:
    heard: list[str] = []
    voice.spoken.connect(heard.append)
    with qtbot.waitSignal(voice.spoken, timeout=START_MS):
        voice.say("Welcome, Maya! It is good to see you again this fine morning.")
        voice.say("Welcome, José!")
    qtbot.wait(300)
    assert heard == ["Welcome, José!"]
    assert voice.offReason == ""


def test_forget_drops_the_names_and_the_voice_carries_on(qtbot: QtBot, voice: Speech) -> None:
    voice.say("Welcome, Maya!")
    voice.forget()
    assert voice.said == []
    with qtbot.waitSignal(voice.spoken, timeout=START_MS) as spoken:
        voice.say("Welcome, José!")
    assert spoken.args == ["Welcome, José!"]
    voice.forget()
    qtbot.wait(300)
    assert voice.said == [] and voice.offReason == ""


def test_turned_off_it_says_nothing_and_turned_on_it_starts_a_voice(
    qtbot: QtBot, voice: Speech
) -> None:
    with qtbot.waitSignals([voice.enabledChanged, voice.offReasonChanged]):
        voice.enabled = False
    assert voice.offReason == TURNED_OFF and voice.engine_pid == 0
    voice.say("Welcome, Maya!")
    assert voice.said == [] and voice.engine_pid == 0

    voice.enabled = True
    assert voice.offReason == "" and voice.engine_pid != 0
    with qtbot.waitSignal(voice.spoken, timeout=START_MS):
        voice.say("Welcome, José!")


def test_the_voice_starts_by_itself_shortly_after_the_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech_module, "WARM_UP_MS", 300)
    speech = Speech(engine="mock")
    assert speech.engine_pid == 0
    qtbot.waitUntil(lambda: speech.engine_pid != 0, timeout=3000)
    speech.close()


def test_off_in_the_settings_starts_no_voice(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech_module, "WARM_UP_MS", 300)
    speech = Speech(engine="mock", enabled=False)
    qtbot.wait(800)
    assert speech.engine_pid == 0 and speech.offReason == TURNED_OFF
    speech.close()


def test_an_engine_that_cannot_start_turns_speech_off_with_its_reason(qtbot: QtBot) -> None:
    speech = Speech(engine="no-such-engine")
    with qtbot.waitSignal(speech.offReasonChanged, timeout=START_MS):
        speech.say("Welcome, Maya!")
    assert speech.offReason == ENGINE_ERROR and not speech.enabled
    speech.close()


def test_a_voice_that_dies_turns_speech_off_as_crashed(qtbot: QtBot, voice: Speech) -> None:
    with qtbot.waitSignal(voice.spoken, timeout=START_MS):
        voice.say("Welcome, Maya!")
    with qtbot.waitSignal(voice.enabledChanged, timeout=5000):
        os.kill(voice.engine_pid, signal.SIGKILL)
    assert voice.offReason == ENGINE_CRASHED and not voice.enabled and voice.engine_pid == 0


def test_a_voice_that_stops_answering_is_killed_at_its_deadline(
    qtbot: QtBot, voice: Speech, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech_module, "SAY_ALLOWANCE_MS", 500)
    monkeypatch.setattr(speech_module, "PER_CHARACTER_MS", 10)
    with qtbot.waitSignal(voice.spoken, timeout=START_MS):
        voice.say("Welcome, Maya!")
    hung = voice.engine_pid
    os.kill(hung, signal.SIGSTOP)
    voice.say("Welcome, José!")  # due in 0.5 s + 14 x 10 ms
    qtbot.waitUntil(lambda: voice.offReason == ENGINE_STUCK, timeout=3000)
    assert not voice.enabled
    qtbot.waitUntil(lambda: not Path(f"/proc/{hung}").exists(), timeout=5000)


def test_a_forgotten_sentence_is_watched_too(
    qtbot: QtBot, voice: Speech, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kiosk whose visitors leave before each greeting ends still notices a hung voice.
    monkeypatch.setattr(speech_module, "STOP_ALLOWANCE_MS", 500)
    with qtbot.waitSignal(voice.spoken, timeout=START_MS):
        voice.say("Welcome, Maya!")
    os.kill(voice.engine_pid, signal.SIGSTOP)
    voice.forget()
    qtbot.waitUntil(lambda: voice.offReason == ENGINE_STUCK, timeout=3000)


def test_a_voice_whose_owner_is_destroyed_goes_with_it(qtbot: QtBot) -> None:
    owner = QObject()
    speech = Speech(engine="mock", parent=owner)
    with qtbot.waitSignal(speech.spoken, timeout=START_MS):
        speech.say("Welcome, Maya!")
    pid = speech.engine_pid
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not Path(f"/proc/{pid}").exists(), timeout=5000)


def test_the_hidden_command_speaks_json_lines(isolated_home: Path) -> None:
    # A frozen build has no `python -m`: the kiosk program starts its voice this way.
    with subprocess.Popen(
        [sys.executable, "-m", "kiosk", "speak-child", "--engine", "mock"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "KIOSK_HOME": str(isolated_home)},
    ) as child:
        watchdog = threading.Timer(60, child.kill)  # a readline below must not wait for ever
        watchdog.start()
        try:
            assert child.stdin is not None and child.stdout is not None
            say = {"id": 1, "say": "Welcome, Maya!", "language": "en"}
            child.stdin.write(json.dumps(say) + "\n")
            child.stdin.flush()
            answers = [json.loads(child.stdout.readline())]
            while answers[-1] != {"done": 1}:
                answers.append(json.loads(child.stdout.readline()))
            child.stdin.close()  # the screen is gone: the voice leaves at once
            assert child.wait(timeout=10) == 0
        finally:
            watchdog.cancel()
            child.kill()
    assert answers[0]["ready"] is True
    assert {"said": 1} in answers


def test_the_hidden_command_is_not_listed_for_people(isolated_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--help"], capture_output=True, text=True, timeout=60
    )
    assert "speak-child" not in result.stdout
