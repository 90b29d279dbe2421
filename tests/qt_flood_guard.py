"""A pytest plugin: a test whose Qt messages run away ends the run within seconds, saying which
message it is and where every thread was.

A Qt event loop spinning on a socket notifier it can no longer use prints the same warning tens
of thousands of times a second. The test never ends, pytest-qt keeps every message, and the run
fills the memory until the machine kills it without a word (as a desk's sounds once did). So while
a test runs, a watcher looks at how many messages it has printed; past LIMIT it writes the most
common of the last ones and every thread's stack to stderr, and ends the run.
"""

from __future__ import annotations

import collections
import faulthandler
import os
import threading
from collections.abc import Iterator

import pytest

LIMIT = 50_000  # far beyond what any test prints, reached within seconds by a spinning loop
LOOK_EVERY_S = 2.0
EXIT_CODE = 3
# The terminal's stderr, kept before pytest captures descriptor 2 into a file that is never read
# once the run ends this way.
_STDERR = os.dup(2)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    capture = getattr(item, "qt_log_capture", None)
    if capture is None:
        return (yield)
    done = threading.Event()
    watcher = threading.Thread(
        target=_watch, args=(capture, item.nodeid, done), name="qt-flood-guard", daemon=True
    )
    watcher.start()
    try:
        return (yield)
    finally:
        done.set()
        watcher.join()


def _watch(capture: object, test: str, done: threading.Event) -> None:
    while not done.wait(LOOK_EVERY_S):
        records = capture.records  # type: ignore[attr-defined]
        if len(records) > LIMIT:
            said = collections.Counter(record.message for record in records[-1000:])
            message, times = said.most_common(1)[0]
            report = (
                f"\n{test} printed {len(records):,} Qt messages; of the last thousand, "
                f"{times} said: {message}\nIts event loop is spinning. Every thread's stack "
                "follows, and the run ends here.\n"
            )
            os.write(_STDERR, report.encode(errors="replace"))
            faulthandler.dump_traceback(_STDERR, all_threads=True)
            os._exit(EXIT_CODE)
