"""The kiosk's languages: compiling the .ts sources and switching language while it runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlEngine

UI_FOLDER = Path(__file__).resolve().parents[2] / "ui"
SOURCES = UI_FOLDER / "i18n"
LANGUAGES = ("en", "es")


class TranslationError(RuntimeError):
    """The translations could not be compiled; the message says what to install or fix."""


def _lrelease() -> str:
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise TranslationError("pyside6-lrelease was not found; install PySide6 with its tools.")
    return found


def compiled_translations(cache: Path) -> dict[str, Path]:
    """Compile each `kiosk_<lang>.ts` into `cache` when the source is newer; return the .qm files.

    .qm files are build products and not kept in the repository.
    """
    cache.mkdir(parents=True, exist_ok=True)
    compiled = {}
    for language in LANGUAGES:
        source = SOURCES / f"kiosk_{language}.ts"
        target = cache / f"kiosk_{language}.qm"
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            done = subprocess.run(
                [_lrelease(), "-silent", str(source), "-qm", str(target)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise TranslationError(f"Could not compile {source.name}: {done.stderr.strip()}")
        compiled[language] = target
    return compiled


class LanguageSwitcher:
    """Puts one language's translator in place and asks the QML engine to re-read its texts."""

    def __init__(self, engine: QQmlEngine, files: dict[str, Path]) -> None:
        self._engine = engine
        self._files = files
        self._translator: QTranslator | None = None
        self.language = ""

    def use(self, language: str) -> None:
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        # English needs its file too: the sources are English, but plural forms come from it.
        translator = QTranslator(app)
        if not translator.load(str(self._files[language])):
            raise TranslationError(f"Could not load {self._files[language]}.")
        app.installTranslator(translator)
        self._translator = translator
        self.language = language
        self._engine.retranslate()
