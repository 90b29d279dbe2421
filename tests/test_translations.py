"""Finding the .qm files: prebuilt ones beside the sources (a frozen build), else the cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kiosk.app.translations import LANGUAGES, SOURCES, compiled_translations, release


def copied_sources(tmp_path: Path) -> Path:
    sources = tmp_path / "i18n"
    sources.mkdir()
    for language in LANGUAGES:
        shutil.copy2(SOURCES / f"kiosk_{language}.ts", sources)
    return sources


def loads_with_messages(qm: Path) -> bool:
    translator = QTranslator()
    assert translator.load(str(qm))
    return not translator.isEmpty()


def test_from_source_the_ts_files_are_compiled_into_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    found = compiled_translations(cache, sources=copied_sources(tmp_path))
    assert found == {lang: cache / f"kiosk_{lang}.qm" for lang in LANGUAGES}
    assert loads_with_messages(found["es"])


def test_a_bundle_uses_its_prebuilt_qm_files_and_needs_no_lrelease(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What kiosk.spec ships: .qm files in ui/i18n, no .ts sources, no pyside6-lrelease.
    bundled = tmp_path / "bundle" / "i18n"
    for language in LANGUAGES:
        release(SOURCES / f"kiosk_{language}.ts", bundled / f"kiosk_{language}.qm")
    monkeypatch.setattr("kiosk.app.translations._lrelease", _no_lrelease)
    cache = tmp_path / "cache"
    found = compiled_translations(cache, sources=bundled)
    assert found == {lang: bundled / f"kiosk_{lang}.qm" for lang in LANGUAGES}
    assert not cache.exists()
    assert loads_with_messages(found["es"])


def test_a_qm_older_than_its_source_is_not_used(tmp_path: Path) -> None:
    sources = copied_sources(tmp_path)
    stale = sources / "kiosk_es.qm"
    release(sources / "kiosk_es.ts", stale)
    os.utime(stale, (0, 0))
    cache = tmp_path / "cache"
    found = compiled_translations(cache, sources=sources)
    assert found["es"] == cache / "kiosk_es.qm"


def _no_lrelease() -> str:
    raise AssertionError("a bundle must not compile translations")
