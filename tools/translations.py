"""Keep the Japanese translation in step with the source.

    python tools/translations.py update         # lupdate the sources into the .ts, then lrelease
    python tools/translations.py fill FILE.tsv  # fill untranslated entries: "source<TAB>日本語"
    python tools/translations.py check          # list entries still untranslated (exit 1 if any)

``resources/translations/kobankyo_ja.ts`` is the translation's source of truth (open it in Qt
Linguist to edit); ``kobankyo_ja.qm`` is what the application loads, committed so that a fresh
checkout runs without a build step.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kobankyo_desktop"
TS_FILE = ROOT / "resources" / "translations" / "kobankyo_ja.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
BIN = Path(sys.executable).parent


def sources() -> list[Path]:
    """Python files that may hold tr() calls: everything but the Qt-free core."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "core" not in p.relative_to(PACKAGE).parts)


def lupdate(ts_file: Path) -> None:
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            "ja_JP",
            *map(str, sources()),
            "-ts",
            str(ts_file),
        ],
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not (translation.text or "").strip()
            ):
                missing.append((name, message.findtext("source", "")))
    return missing


def fill(ts_file: Path, glossary: Path) -> int:
    with glossary.open(encoding="utf-8", newline="") as f:
        known = {row[0]: row[1] for row in csv.reader(f, delimiter="\t") if len(row) >= 2}
    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    match argv:
        case ["update"]:
            TS_FILE.parent.mkdir(parents=True, exist_ok=True)
            lupdate(TS_FILE)
            lrelease(TS_FILE, QM_FILE)
            print(f"{len(untranslated(TS_FILE))} untranslated")
        case ["fill", glossary]:
            print(f"filled {fill(TS_FILE, Path(glossary))}")
            lupdate(TS_FILE)  # back to lupdate's own layout (ElementTree drops the DOCTYPE)
            lrelease(TS_FILE, QM_FILE)
        case ["check"]:
            missing = untranslated(TS_FILE)
            for context, source in missing:
                print(f"{context}\t{source}")
            return 1 if missing else 0
        case _:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
