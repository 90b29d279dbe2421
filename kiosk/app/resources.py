"""Where the program's QML (`ui`) and sounds and images (`assets`) are, however it was installed.

A source checkout and a bundle built with kiosk.spec keep them beside the `kiosk` package; a
wheel carries them inside it (pyproject.toml's force-include), so that nothing named `ui` lands
at the top of site-packages.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def shipped(folder: str) -> Path:
    """The `ui` or `assets` folder."""
    inside = PACKAGE / folder
    return inside if inside.is_dir() else PACKAGE.parent / folder
