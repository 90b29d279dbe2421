"""Checks every QML file under ui/ with pyside6-qmllint, the view models' QML types known to it.

    uv run python tools/lint_qml.py

First it describes the view models (the classes in kiosk/viewmodels marked `@QmlElement`) for
the QML tools, afresh: pyside6-metaobjectdump reads their sources, pyside6-qmltyperegistrar
writes the module's .qmltypes and a qmldir beside it, in build/qmltypes/<module>/. Then it runs
qmllint over ui/ with that folder on the import path, and fails on any warning. The generated
folder is never committed; an editor's QML language server finds the types there too.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLibraryInfo

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"
VIEW_MODELS = ROOT / "kiosk" / "viewmodels"
TYPES = ROOT / "build" / "qmltypes"


def tool(name: str) -> str:
    """A PySide6 tool from the environment this script runs in."""
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        sys.exit(f"{name} not found beside {sys.executable}: run this with `uv run`.")
    return found


def constant_properties(source: Path) -> set[tuple[str, str]]:
    """(class, property) for each `name = Property(..., constant=True)` in a class body."""
    found: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(source.read_text("utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and isinstance(statement.value, ast.Call)
                and isinstance(statement.value.func, ast.Name)
                and statement.value.func.id == "Property"
                and any(
                    k.arg == "constant" and isinstance(k.value, ast.Constant) and k.value.value
                    for k in statement.value.keywords
                )
            ):
                found |= {(node.name, t.id) for t in statement.targets if isinstance(t, ast.Name)}
    return found


def complete(dumped: list[dict[str, Any]], sources: list[Path]) -> None:
    """Add what pyside6-metaobjectdump leaves out and qmllint needs: which properties are
    constant (else every read of one is a stale-property-read warning), and that a property
    holding a view model holds a pointer to it (as moc would write it)."""
    constant = set().union(*(constant_properties(source) for source in sources))
    objects = {c["className"] for entry in dumped for c in entry["classes"] if c["object"]}
    for entry in dumped:
        for cls in entry["classes"]:
            for prop in cls.get("properties", []):
                if (cls["className"], prop["name"]) in constant:
                    prop["constant"] = True
                if prop["type"] in objects:
                    prop["type"] += "*"


def the_one(values: set[Any], what: str) -> Any:
    """The single value every view model module gives `what`."""
    if len(values) != 1:
        sys.exit(f"The view models must share one {what}, not {sorted(values)}.")
    return values.pop()


def generate_types() -> Path:
    """Write build/qmltypes/<module>/ (qmldir and .qmltypes) afresh; return build/qmltypes."""
    sources = sorted(
        path for path in VIEW_MODELS.glob("*.py") if "@QmlElement" in path.read_text("utf-8")
    )
    shutil.rmtree(TYPES, ignore_errors=True)
    TYPES.mkdir(parents=True)
    metatypes = TYPES / "viewmodels_metatypes.json"
    subprocess.run(
        [tool("pyside6-metaobjectdump"), "-o", str(metatypes), *map(str, sources)], check=True
    )
    dumped: list[dict[str, Any]] = json.loads(metatypes.read_text("utf-8"))
    module = the_one({entry.get("QML_IMPORT_NAME") for entry in dumped}, "QML_IMPORT_NAME")
    major = the_one(
        {entry.get("QML_IMPORT_MAJOR_VERSION") for entry in dumped}, "QML_IMPORT_MAJOR_VERSION"
    )
    complete(dumped, sources)
    metatypes.write_text(json.dumps(dumped, indent=1), "utf-8")

    folder = TYPES / module
    folder.mkdir()
    qt_metatypes = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.ArchDataPath)) / "metatypes"
    command = [
        tool("pyside6-qmltyperegistrar"),
        "--import-name", module,
        "--major-version", str(major),
        "--minor-version", "0",
        f"--foreign-types={qt_metatypes / 'qt6core_metatypes.json'}",
        "--generate-qmltypes", str(folder / "viewmodels.qmltypes"),
        "-o", str(TYPES / "viewmodels_qmltyperegistrations.cpp"),
        str(metatypes),
    ]  # fmt: skip
    registrar = subprocess.run(command, capture_output=True, text=True)
    # The registrar's complaints (a type it cannot find) would leave qmllint guessing: stop here.
    if registrar.returncode or registrar.stderr.strip():
        sys.exit(f"pyside6-qmltyperegistrar:\n{registrar.stderr}")
    (folder / "qmldir").write_text(f"module {module}\ntypeinfo viewmodels.qmltypes\n", "utf-8")
    return TYPES


def main() -> int:
    types = generate_types()
    qml_files = sorted(str(path.relative_to(ROOT)) for path in UI.rglob("*.qml"))
    if not qml_files:
        sys.exit(f"No QML files found under {UI}.")
    # --max-warnings counts per file: 0 fails the run on a single warning in any file.
    lint = [tool("pyside6-qmllint"), "-I", "ui", "-I", str(types.relative_to(ROOT))]
    return subprocess.run([*lint, "--max-warnings", "0", *qml_files], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
