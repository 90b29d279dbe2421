"""How the kiosk screen tells `kiosk run` that Welcome is up: the supervisor hands it the writing
end of a pipe, named by an environment variable, and the screen writes to it on its first frame.

Kept apart and small: the screen loads it before that frame, and the supervisor without Qt.
"""

from __future__ import annotations

import contextlib
import os

SHOWN_FD_VARIABLE = "KIOSK_SHOWN_FD"


def tell_shown() -> None:
    """Tell `kiosk run`, if it started this process, that Welcome is on screen: it starts the
    hub then. Only the first call writes."""
    descriptor = os.environ.pop(SHOWN_FD_VARIABLE, "")
    if descriptor.isdigit():
        with contextlib.suppress(OSError):
            try:
                os.write(int(descriptor), b"shown\n")
            finally:
                os.close(int(descriptor))
