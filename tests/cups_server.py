"""A CUPS of the test session's own, with a PDF printer (cups-pdf): badges are printed through
the same `lp` and queue a real label printer would take, and land as PDF files the tests read.

Started by the first test that asks for the `cups` fixture and stopped at the session's end;
clients find it by CUPS_SERVER, set for the session. Nothing of the machine's own CUPS is
touched but one file a printer: cups-pdf reads where to write from `/etc/cups/cups-pdf-NAME.conf`
for a printer whose device is `cups-pdf:/NAME`, so the session writes its own there (NAME holds
its process number) and removes it; a later session removes those a killed one left.
cups-pdf runs only as root, so these tests need root (as CI runs them).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_CONFIGS = Path("/etc/cups")
START_S = 15
PACKAGES = "cups-daemon cups-client printer-driver-cups-pdf"
# What the session's cups-pdf settings files start with, then the session's process number.
OURS = "FrontDeskTests"
# Nothing listens on loopback's discard port: a job for this printer waits, "printing", forever.
NOWHERE = "socket://127.0.0.1:9"


class CupsServer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = folder / "cups.sock"
        self._process: subprocess.Popen | None = None
        self._configs: list[Path] = []

    def start(self) -> None:
        for directory in ("spool", "cache", "state", "log", "tmp"):
            (self.folder / directory).mkdir()
        # Filters run as CUPS's own user, `lp`: they must reach the spool and write temporary files.
        self.folder.chmod(0o755)
        (self.folder / "tmp").chmod(0o1777)
        (self.folder / "cupsd.conf").write_text(
            f"Listen {self.socket}\nLogLevel warn\nWebInterface No\nBrowsing No\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        files = {
            "ServerRoot": self.folder, "RequestRoot": self.folder / "spool",
            "TempDir": self.folder / "tmp", "CacheDir": self.folder / "cache",
            "StateDir": self.folder / "state", "ErrorLog": self.folder / "log" / "error_log",
            "AccessLog": self.folder / "log" / "access_log",
            "PageLog": self.folder / "log" / "page_log", "SystemGroup": "root",
        }  # fmt: skip
        (self.folder / "cups-files.conf").write_text(
            "".join(f"{key} {value}\n" for key, value in files.items())
        )
        self._process = subprocess.Popen(
            [shutil.which("cupsd") or "/usr/sbin/cupsd", "-f",
             "-c", str(self.folder / "cupsd.conf"), "-s", str(self.folder / "cups-files.conf")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent,
        )  # fmt: skip
        os.environ["CUPS_SERVER"] = str(self.socket)
        deadline = time.monotonic() + START_S
        while "scheduler is running" not in self.run("lpstat", "-r", check=False):
            if self._process.poll() is not None or time.monotonic() > deadline:
                said = self._process.stderr.read().decode() if self._process.stderr else ""
                self.stop()
                raise RuntimeError(f"The session's CUPS did not start: {said.strip()}")
            time.sleep(0.1)

    def add_pdf_printer(self, name: str) -> Path:
        """A printer that writes each job as a PDF file into the folder returned."""
        out = self.folder / f"printed-{name}"
        out.mkdir()
        config = CUPS_PDF_CONFIGS / f"cups-pdf-{OURS}{os.getpid()}-{name}.conf"
        config.write_text(f"Out {out}\nAnonDirName {out}\nUserUMask 0022\n")
        self._configs.append(config)
        device = f"cups-pdf:/{config.stem.removeprefix('cups-pdf-')}"
        self.run("lpadmin", "-p", name, "-E", "-v", device, "-P", str(CUPS_PDF_PPD))
        return out

    def add_unreachable_printer(self, name: str) -> None:
        """A printer whose jobs never finish: its device is nowhere."""
        self.run("lpadmin", "-p", name, "-E", "-v", NOWHERE, "-P", str(CUPS_PDF_PPD))

    def run(self, *command: str, check: bool = True) -> str:
        done = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=20,
            env={**os.environ, "LC_ALL": "C", "CUPS_SERVER": str(self.socket)},
        )  # fmt: skip
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
        return done.stdout

    def stop(self) -> None:
        for config in self._configs:
            config.unlink(missing_ok=True)
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=5)
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stderr is not None:
            self._process.stderr.close()
        if os.environ.get("CUPS_SERVER") == str(self.socket):
            del os.environ["CUPS_SERVER"]
        shutil.rmtree(self.folder, ignore_errors=True)


def _die_with_parent() -> None:
    """The session's cupsd ends with the session, however it ends (Linux's PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


def _sweep_sessions_gone() -> None:
    """The settings files a killed session could not remove."""
    for config in CUPS_PDF_CONFIGS.glob(f"cups-pdf-{OURS}*.conf"):
        pid = config.stem.removeprefix(f"cups-pdf-{OURS}").split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            config.unlink(missing_ok=True)


def _missing() -> str:
    needed = [shutil.which("cupsd"), shutil.which("lpadmin"), shutil.which("lp")]
    if not all(needed) or not CUPS_PDF_BACKEND.exists() or not CUPS_PDF_PPD.exists():
        return f"The printing tests need CUPS and cups-pdf: install the Debian packages {PACKAGES}."
    if os.geteuid() != 0:
        return "The printing tests need root: cups-pdf, their PDF printer, runs only as root."
    return ""


@pytest.fixture(scope="session")
def cups() -> Iterator[CupsServer]:
    problem = _missing()
    if problem:
        pytest.fail(problem, pytrace=False)
    _sweep_sessions_gone()
    server = CupsServer(Path(tempfile.mkdtemp(prefix="kiosk-cups-")))
    server.start()
    try:
        yield server
    finally:
        server.stop()
