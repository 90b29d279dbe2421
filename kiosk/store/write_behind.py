"""Writing a file in a thread of its own, while the next rows are read and joined.

The system's copy of a chunk into the file lets go of the interpreter, and so does SQLite while
it works out a row; one after the other, their times add up, side by side they overlap. A few
chunks wait at most, so memory stays flat whatever the size of the file.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

_WAITING_CHUNKS = 4


class _Writer:
    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=_WAITING_CHUNKS)
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="file writer", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._chunks.put(data)

    def finish(self) -> Exception | None:
        """Wait until all is written; what stopped the writing, if anything did."""
        self._chunks.put(None)
        self._thread.join()
        return self._error

    def _run(self) -> None:
        while (data := self._chunks.get()) is not None:
            if self._error is None:  # after an error, take the rest without writing it
                try:
                    self._file.write(data)
                except Exception as error:  # raised where the writing was asked for
                    self._error = error


@contextmanager
def writing_behind(file: BinaryIO) -> Iterator[_Writer]:
    """A writer whose `write(data)` returns at once, the data written to `file` in order. An
    error writing is raised by a later `write`, or on leaving; leaving waits for the rest."""
    writer = _Writer(file)
    try:
        yield writer
    except BaseException:
        writer.finish()
        raise
    error = writer.finish()
    if error is not None:
        raise error
