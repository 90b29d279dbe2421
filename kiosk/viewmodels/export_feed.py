"""Pages of an export's rows, handed from the GUI thread, where the hub's pages arrive, to the
writer's thread (kiosk.viewmodels.dashboard_export), with the end of the rows or a cancel."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from typing import Any


class Cancelled(Exception):
    """The manager pressed Cancel: the writer stops and leaves no file."""


_END, _CANCEL = object(), object()


class Feed:
    """Pages of rows from the GUI thread to the writer's thread."""

    def __init__(self, taken: Callable[[int], None]) -> None:
        self._pages: queue.Queue[Any] = queue.Queue()
        self._taken = taken  # called in the writer's thread with the rows written so far

    def put(self, rows: list[list[Any]]) -> None:
        self._pages.put(rows)

    def finish(self) -> None:
        self._pages.put(_END)

    def cancel(self) -> None:
        self._pages.put(_CANCEL)

    def waiting(self) -> int:
        return self._pages.qsize()

    def chunks(self) -> Iterator[list[list[Any]]]:
        written = 0
        while True:
            page = self._pages.get()
            if page is _END:
                return
            if page is _CANCEL:
                raise Cancelled
            yield page
            written += len(page)
            self._taken(written)
