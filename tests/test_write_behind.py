"""Writing a file in a thread of its own: in order, and every error raised where it was asked."""

from __future__ import annotations

import io
import threading

import pytest

from kiosk.store.write_behind import writing_behind


def test_everything_is_written_in_order_before_leaving() -> None:
    file = io.BytesIO()
    with writing_behind(file) as out:
        for n in range(100):
            out.write(b"%d," % n)
    assert file.getvalue() == b"".join(b"%d," % n for n in range(100))


class _FullDisk(io.BytesIO):
    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


def test_an_error_writing_is_raised_on_leaving_or_by_a_later_write() -> None:
    with pytest.raises(OSError, match="No space left"), writing_behind(_FullDisk()) as out:
        for _ in range(50):
            out.write(b"rows")


def test_an_error_of_the_caller_waits_for_the_writer_and_goes_on() -> None:
    file = io.BytesIO()
    with pytest.raises(KeyboardInterrupt), writing_behind(file) as out:
        out.write(b"first")
        raise KeyboardInterrupt
    assert file.getvalue() == b"first"
    assert [t for t in threading.enumerate() if t.name == "file writer"] == []
