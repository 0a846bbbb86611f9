"""The Japanese translation covers every string of the source, and the shipped .qm is built
from the shipped .ts (tools/translations.py keeps them so)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_shipped_message_is_translated(tool: ModuleType) -> None:
    assert tool.untranslated(tool.TS_FILE) == []


def test_no_source_string_is_missing_from_the_translation(tool: ModuleType, tmp_path: Path) -> None:
    fresh = tmp_path / "kobankyo_ja.ts"
    shutil.copy(tool.TS_FILE, fresh)
    tool.lupdate(fresh)
    assert tool.untranslated(fresh) == [], "run: python tools/translations.py update"


def test_the_qm_is_built_from_the_ts(tool: ModuleType, tmp_path: Path) -> None:
    built = tmp_path / "kobankyo_ja.qm"
    tool.lrelease(tool.TS_FILE, built)
    assert built.read_bytes() == tool.QM_FILE.read_bytes()
