"""The kiosk's languages: finding the compiled .qm files and switching language while it runs.

Finding a language's file follows one rule. A `kiosk_<lang>.qm` beside the `.ts` sources in
`ui/i18n/` is used as it is, unless a newer `.ts` sits beside it; otherwise the `.ts` is compiled
into the cache folder with `pyside6-lrelease` (again only when the source is newer). A frozen
build takes the first branch: `kiosk.spec` compiles the sources at build time and ships only
the .qm files, since a bundle has no pyside6-lrelease. Running from source takes the second:
.qm files are build products and not kept in the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlEngine

from kiosk.app.resources import shipped

UI_FOLDER = shipped("ui")
SOURCES = UI_FOLDER / "i18n"
LANGUAGES = ("en", "es")


class TranslationError(RuntimeError):
    """The translations could not be compiled; the message says what to install or fix."""


def _lrelease() -> str:
    import shutil  # like subprocess below: only to compile, never on a start with .qm files

    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise TranslationError("pyside6-lrelease was not found; install PySide6 with its tools.")
    return found


def _older_than(target: Path, source: Path) -> bool:
    return source.exists() and target.stat().st_mtime < source.stat().st_mtime


def release(source: Path, target: Path) -> None:
    """Compile one .ts source into a .qm file (used at run time from source, and by kiosk.spec)."""
    if not source.exists():
        raise TranslationError(f"Neither {target.name} nor its source {source} was found.")
    import subprocess

    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [_lrelease(), "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise TranslationError(f"Could not compile {source.name}: {done.stderr.strip()}")


def compiled_translations(cache: Path, *, sources: Path = SOURCES) -> dict[str, Path]:
    """The .qm file of each language, found by the rule in the module docstring."""
    compiled = {}
    for language in LANGUAGES:
        source = sources / f"kiosk_{language}.ts"
        prebuilt = source.with_suffix(".qm")
        if prebuilt.exists() and not _older_than(prebuilt, source):
            compiled[language] = prebuilt
            continue
        target = cache / prebuilt.name
        if not target.exists() or _older_than(target, source):
            release(source, target)
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
