"""Reference cycles are collected on the main thread only, never by a worker thread's allocation:
a Qt object in a cycle collected on a hub's or a printer's thread is destroyed where Qt can stop
neither its timers nor its socket notifiers."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from kiosk.hub.main_thread_collector import MainThreadCollector, collect_from_now_on


class Cycle:
    """Garbage only a collection frees, which notes the thread that freed it."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def allocate_in_a_worker() -> None:
    """What a printer's or a hub's thread does all day: allocate, well past every threshold."""

    def work() -> None:
        for _ in range(50_000):
            Cycle([])  # never freed by reference counting: it counts towards a collection

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()


def test_a_cycle_left_by_the_main_thread_is_collected_there_not_by_a_worker(
    qtbot: QtBot,
) -> None:
    freed_on: list[str] = []
    collector = MainThreadCollector()
    try:
        Cycle(freed_on)
        allocate_in_a_worker()
        assert freed_on == []
        qtbot.waitUntil(lambda: freed_on != [], timeout=5000)
        assert freed_on == ["MainThread"]
    finally:
        collector.stop()
        collector.deleteLater()


def test_without_it_a_worker_s_allocation_collects_the_main_thread_s_cycles() -> None:
    """The hazard itself, as Python behaves by default (a test without Qt has no collector)."""
    assert gc.isenabled()
    freed_on: list[str] = []
    Cycle(freed_on)
    allocate_in_a_worker()
    assert freed_on == ["worker"]


def test_stopped_it_leaves_nothing_behind_and_python_collects_again(qtbot: QtBot) -> None:
    gc.enable()  # as before any collector: the session's Qt tests run with one of their own
    freed_on: list[str] = []
    collector = MainThreadCollector()
    assert not gc.isenabled()
    Cycle(freed_on)
    collector.stop()
    assert freed_on == ["MainThread"]
    assert gc.isenabled()
    collector.deleteLater()


def test_a_screen_that_started_with_collection_off_sets_its_start_aside_then_collects(
    qtbot: QtBot, qapp
) -> None:
    """`kiosk screen` starts with collection off (nothing it builds on its way to Welcome is
    garbage); once Welcome is out it collects what did become garbage, sets the rest aside, and
    collects on the main thread from then on."""
    gc.disable()
    freed_on: list[str] = []
    Cycle(freed_on)  # garbage made while starting
    collector = collect_from_now_on(qapp)
    try:
        assert freed_on == ["MainThread"]
        assert gc.get_freeze_count() > 0
        Cycle(freed_on)
        allocate_in_a_worker()
        qtbot.waitUntil(lambda: len(freed_on) == 2, timeout=5000)
        assert freed_on == ["MainThread", "MainThread"]
    finally:
        gc.unfreeze()
        collector.stop()
        collector.deleteLater()
