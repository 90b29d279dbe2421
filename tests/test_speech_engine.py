"""The real voice (speech-dispatcher with espeak-ng, in the speaking process) cannot stop the
kiosk: greeting after greeting, with a sound server and without one, and with a voice that hangs.

Each soak greets 50 visitors through the kiosk's view model, whose Done screen goes back to
Welcome on its own timer (the idle reset), while a heartbeat on the GUI thread records every
stall. The kiosk once froze here for good: libspeechd blocked its GUI thread without sound, and
with a null sink it spun on socket-notifier warnings after a few sentences.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app.speech import ENGINE_STUCK, NO_AUDIO_OUTPUT, Speech
from tests.qt_helpers import *  # noqa: F403 (prepares Qt before the app exists)
from tests.qt_helpers import KioskDriver
from tests.speech_helpers import (
    NO_SOUND_SERVER,
    VISITORS,
    Heartbeat,
    check_in,
    kiosk_with,
    speech_dispatcher_without_sound,
)

GREETINGS = 50
DONE_S = 0.25  # the Done screen's time before the idle reset, short to keep the soak brief
LONGEST_STALL_MS = 2000
START_MS = 30_000  # the first sentence waits for Python, Qt and speech-dispatcher to start


def greet_visitors(qtbot: QtBot, speech: Speech, count: int = GREETINGS) -> int:
    """Greet `count` visitors; returns how many times the idle reset took the kiosk back."""
    vm, hub = kiosk_with(speech, done_s=DONE_S)
    resets = 0
    for n in range(count):
        name = VISITORS[n % len(VISITORS)]
        check_in(vm, hub, name, "es" if n % 5 == 4 else "en")
        assert vm.property("screen") == "done"
        with qtbot.waitSignal(vm.resetDone, timeout=5000):
            pass
        resets += 1
        assert vm.property("screen") == "welcome"
    return resets


def socket_notifier_lines(speech: Speech) -> list[str]:
    return [line for line in speech.engine_output if "socketnotifier" in line.lower()]


def gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


def test_fifty_greetings_with_a_sound_server_keep_the_screen_alive(qtbot: QtBot) -> None:
    speech = Speech()
    heartbeat = Heartbeat()
    try:
        with qtbot.waitSignal(speech.spoken, timeout=START_MS) as first:
            speech.say("Welcome, Maya!")
        assert first.args == ["Welcome, Maya!"]

        resets = greet_visitors(qtbot, speech)

        with qtbot.waitSignal(speech.spoken, timeout=10_000) as last:
            speech.say("Welcome, Ng!")
        assert last.args == ["Welcome, Ng!"]
    finally:
        heartbeat.stop()
        speech.close()
    assert resets == GREETINGS
    assert speech.enabled and speech.offReason == ""
    assert heartbeat.longest_ms < LONGEST_STALL_MS
    assert socket_notifier_lines(speech) == []


def test_fifty_greetings_without_a_sound_server_keep_the_screen_alive(qtbot: QtBot) -> None:
    # The voice is tried even though Qt sees no audio output, and its speech-dispatcher has no
    # sound either: the engine may block or never finish. It costs greetings, not the screen.
    heartbeat = Heartbeat()
    with speech_dispatcher_without_sound() as environment:
        speech = Speech(check_audio=False, environment=environment)
        try:
            resets = greet_visitors(qtbot, speech)
        finally:
            heartbeat.stop()
            speech.close()
    assert resets == GREETINGS
    assert speech.offReason in ("", ENGINE_STUCK)
    assert heartbeat.longest_ms < LONGEST_STALL_MS
    assert socket_notifier_lines(speech) == []


def test_no_audio_output_turns_speech_off_with_its_reason(qtbot: QtBot) -> None:
    speech = Speech(environment={"PULSE_SERVER": NO_SOUND_SERVER})
    heartbeat = Heartbeat()
    try:
        speech.say("Welcome, Maya!")
        qtbot.waitUntil(lambda: speech.offReason == NO_AUDIO_OUTPUT, timeout=START_MS)
        assert not speech.enabled
        resets = greet_visitors(qtbot, speech, count=10)
    finally:
        heartbeat.stop()
        speech.close()
    assert resets == 10
    assert speech.said == []  # the idle reset forgot the first; the others were never spoken
    assert heartbeat.longest_ms < LONGEST_STALL_MS


def test_a_hung_voice_is_killed_at_its_deadline_and_can_be_turned_on_again(
    qtbot: QtBot,
) -> None:
    speech = Speech()
    heartbeat = Heartbeat()
    try:
        with qtbot.waitSignal(speech.spoken, timeout=START_MS):
            speech.say("Welcome, Maya!")
        hung = speech.engine_pid
        os.kill(hung, signal.SIGSTOP)

        speech.say("Welcome, José!")
        qtbot.waitUntil(lambda: speech.offReason == ENGINE_STUCK, timeout=10_000)
        assert not speech.enabled
        qtbot.waitUntil(lambda: gone(hung), timeout=5000)
        speech.say("Welcome, Siobhán!")  # off: not handed to any voice
        assert speech.said[-1] == "Welcome, José!"

        speech.enabled = True  # what the admin panel's switch does
        assert speech.offReason == ""
        assert speech.engine_pid not in (0, hung)
        with qtbot.waitSignal(speech.spoken, timeout=START_MS) as spoken:
            speech.say("Welcome, Lucía!", "es")
        assert spoken.args == ["Welcome, Lucía!"]
    finally:
        heartbeat.stop()
        speech.close()
    assert heartbeat.longest_ms < LONGEST_STALL_MS


def test_the_kiosk_greets_a_visitor_aloud(kiosk: KioskDriver) -> None:
    speech = kiosk.screen.speech
    with kiosk.qtbot.waitSignal(speech.spoken, timeout=START_MS) as spoken:
        kiosk.start_check_in("Siobhan O'Neill", then="host")
        kiosk.type("pri")
        kiosk.tap("host_0")
        kiosk.wait_screen("pronunciation")
        kiosk.tap("checkInButton")
        kiosk.wait_screen("done")
    assert spoken.args == ["Welcome, Siobhan!"]
    assert speech.offReason == ""
