"""A printer as CUPS keeps it: whether its queue takes and prints jobs (and the reason CUPS gives
when not), a PDF sent to it, and whether that job has finished.

Through CUPS's own tools, `lp` and `lpstat` (Debian's cups-client), run in the C locale so their
words can be read; Qt's printing names no job and no reason. A printer's name comes from the
settings and is checked there (kiosk.store.setting_rules); it is passed as one argument, never
through a shell. Every function blocks for a moment: call them off the GUI thread.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from kiosk.core.text import without_refused

TOOL_SECONDS = 10
NOT_INSTALLED = (
    "The printing system's tools (lp, lpstat) are not installed on this computer: install the "
    "Debian package cups-client."
)
NOT_RUNNING = "The printing system (CUPS) is not running on this computer."
_JOB = re.compile(r"^request id is (\S+) ")


class CupsError(RuntimeError):
    """CUPS could not be asked, or refused a job; the message says why."""


def queue_problem(printer: str) -> str:
    """ "" if `printer` takes and prints jobs now; else what is wrong, with CUPS's reason."""
    shown = _lpstat("-p", printer)
    if shown is None:
        if "not running" in _run("lpstat", "-r").stdout:
            return NOT_RUNNING
        return f"There is no printer called “{printer}” on this computer."
    first, reason = _first_and_reason(shown)
    if " disabled since " in first:
        return f"The printer {printer} is stopped ({reason or 'no reason given'})."
    accepting = _lpstat("-a", printer) or ""
    if " not accepting requests " in accepting:
        _, refusal = _first_and_reason(accepting)
        return f"The printer {printer} is not taking jobs ({refusal or 'no reason given'})."
    return ""


def send_pdf(printer: str, pdf: Path, title: str, media_mm: tuple[float, float]) -> str:
    """Send the PDF file `pdf` to `printer` on paper (or a label) of `media_mm` (width, length);
    return the job's name in CUPS ("Badges-12")."""
    media = "Custom.{:g}x{:g}mm".format(*media_mm)
    done = _run("lp", "-d", printer, "-t", title, "-o", f"media={media}", "--", str(pdf))
    found = _JOB.match(done.stdout.strip())
    if done.returncode != 0 or found is None:
        raise CupsError(_said(done) or f"The printer {printer} did not take the job.")
    return found.group(1)


def unfinished(printer: str, job: str) -> str | None:
    """None once `job` has finished (printed, or cancelled); while it waits, what the printer
    says it is doing ("" if nothing)."""
    waiting = _lpstat("-W", "not-completed", "-o", printer) or ""
    if not any(line.split()[:1] == [job] for line in waiting.splitlines()):
        return None
    _, doing = _first_and_reason(_lpstat("-p", printer) or "")
    return doing


def _lpstat(*arguments: str) -> str | None:
    """What `lpstat` says, or None for a printer CUPS does not know."""
    done = _run("lpstat", *arguments)
    if done.returncode != 0:
        said = _said(done)
        if "Invalid destination name" in said or "Unknown destination" in said:
            return None
        raise CupsError(NOT_RUNNING if _not_running(said) else said or NOT_RUNNING)
    return done.stdout


def _run(tool: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    found = shutil.which(tool)
    if found is None:
        raise CupsError(NOT_INSTALLED)
    environment = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        return subprocess.run(
            [found, *arguments], capture_output=True, text=True, errors="replace",
            timeout=TOOL_SECONDS, env=environment, stdin=subprocess.DEVNULL, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as error:
        raise CupsError(f"The printing system did not answer within {TOOL_SECONDS} s.") from error
    except OSError as error:
        raise CupsError(f"The printing system's tool {tool} could not run ({error}).") from error


def _first_and_reason(text: str) -> tuple[str, str]:
    """lpstat's first line for one printer, and the indented line under it (CUPS's reason)."""
    lines = text.splitlines()
    first = lines[0] if lines else ""
    reason = lines[1].strip() if len(lines) > 1 and lines[1][:1].isspace() else ""
    return first, without_refused(reason)  # shown on every desk: text, never a control


def _said(done: subprocess.CompletedProcess[str]) -> str:
    """A tool's complaint without its name: "lpstat: No such file..." says "No such file..."."""
    text = (done.stderr or done.stdout).strip().splitlines()
    return text[0].split(": ", 1)[-1].strip() if text else ""


def _not_running(said: str) -> bool:
    return any(
        words in said
        for words in ("scheduler is not running", "No such file or directory", "Connection refused",
                      "Bad file descriptor")
    )  # fmt: skip
