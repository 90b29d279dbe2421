"""The `kiosk` command: one program, a sub-command for each role and each chore.

Heavy modules (Qt, exports, the database code) are imported inside the sub-commands that need
them, so that each command starts quickly: `kiosk run` and `kiosk screen` never load the
database code, and the kiosk's first frame does not wait for it.
"""

from kiosk.cli import figures, invitations, programs, security, staff, visits
from kiosk.cli.base import cli

__all__ = ["cli", "figures", "invitations", "main", "programs", "security", "staff", "visits"]


def main() -> None:
    cli(prog_name="kiosk")
