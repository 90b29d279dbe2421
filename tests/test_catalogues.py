"""Every sentence a visitor can meet is in every language's catalogue, translated.

The catalogues are kept whole with lupdate (see docs/translations.md); this runs it over a copy
and fails if it would add a message, drop one, or leave one untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.app.translations import LANGUAGES, SOURCES

ROOT = Path(__file__).resolve().parents[1]
KIOSK_SOURCES = [
    *sorted((ROOT / "kiosk" / "viewmodels").glob("kiosk*.py")),
    ROOT / "ui" / "Main.qml",
    *sorted((ROOT / "ui" / "Kiosk").glob("*.qml")),
]


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_message(tmp_path: Path, language: str) -> None:
    kept = SOURCES / f"kiosk_{language}.ts"
    copy = tmp_path / kept.name
    shutil.copy2(kept, copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *map(str, KIOSK_SOURCES), "-ts", str(copy), "-no-obsolete"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    before, after = messages(kept), messages(copy)
    assert sorted(set(after) - set(before)) == [], "new messages: run lupdate and translate"
    assert sorted(set(before) - set(after)) == [], "messages no longer used: run lupdate"
    if language == "en":
        return  # the sources are English
    untranslated = [
        source
        for (_, source), message in after.items()
        if (t := message.find("translation")) is None
        or t.get("type") == "unfinished"
        or not ("".join(t.itertext()).strip())
    ]
    assert untranslated == []
