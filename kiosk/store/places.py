"""Why a folder or file the kiosk keeps can't be used, in a sentence a person can act on.

`kind` names the file for the person reading: "database" or "settings file".
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

ELSEWHERE = "give the kiosk another folder with --home"
# Less free space than this, and a write that failed is put down to a full disk: SQLite reports
# some writes that found no room (its shared-memory file, say) only as an I/O error.
FULL_BELOW_BYTES = 1 << 20


def file_in_the_way(folder: Path) -> Path | None:
    """The file standing where `folder`, or one of the folders above it, should be."""
    for place in (folder, *folder.parents):
        if place.exists():
            return None if place.is_dir() else place
    return None


def nearest_folder(folder: Path) -> Path:
    """`folder`, or the closest folder above it that exists: where a new file would be made."""
    return next((place for place in (folder, *folder.parents) if place.is_dir()), folder)


def disk_is_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(nearest_folder(path.parent)).free < FULL_BELOW_BYTES
    except OSError:
        return False


def a_file_in_the_way(blocker: Path, folder: Path, kind: str) -> str:
    if blocker == folder:
        return (
            f"{folder} is a file, not a folder, so the kiosk can't keep its {kind} in it; "
            f"{ELSEWHERE}."
        )
    return (
        f"{blocker} is a file, not a folder, so the kiosk can't keep its {kind} in {folder}; "
        f"move that file away, or {ELSEWHERE}."
    )


def read_only_folder(folder: Path, kind: str) -> str:
    return (
        f"The folder {folder} is read-only, so the kiosk can't keep its {kind} in it; "
        f"let the user who runs the kiosk write to it, or {ELSEWHERE}."
    )


def read_only_file(path: Path, kind: str) -> str:
    return (
        f"The {kind} {path} is read-only; "
        f"let the user who runs the kiosk write to it, or {ELSEWHERE}."
    )


def full_disk(path: Path) -> str:
    return f"The disk that holds {path} is full; free some space and try again."


def cannot_write(target: Path, error: OSError, kind: str) -> str:
    """Why making or writing the kiosk's file `target` failed with `error`."""
    folder = target.parent
    blocker = file_in_the_way(folder)
    if blocker is not None:
        return a_file_in_the_way(blocker, folder, kind)
    if error.errno == errno.ENOSPC:
        return full_disk(target)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if target.exists():
            return read_only_file(target, kind)
        return read_only_folder(nearest_folder(folder), kind)
    return f"The kiosk can't write its {kind} {target} ({error.strerror or error}); {ELSEWHERE}."
