"""The resource helper finds what the application reads as files, from source and frozen.

``build.spec`` ships the files :data:`~kobankyo_desktop.resources.SHIPPED` names and the
migrations folder; these tests keep that list, the helper and the modules that read resources
in agreement without running PyInstaller (CI builds and runs the bundle after the tests).
"""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kobankyo_desktop import resources
from kobankyo_desktop.core.db import MIGRATIONS_DIR
from kobankyo_desktop.reports import fonts

REPO = Path(__file__).resolve().parents[1]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_from_source_the_resources_are_the_repositorys() -> None:
    assert getattr(sys, "_MEIPASS", None) is None
    assert resources.resources_dir() == REPO / "resources"


def test_translations_are_found() -> None:
    assert resources.resource_path("translations", "kobankyo_ja.qm").is_file()


def test_fonts_are_found_where_printing_looks_for_them() -> None:
    assert fonts.fonts_dir() == resources.resource_path("fonts")
    for file_name in [*fonts.FONT_FILES.values(), fonts.ALIASES_FILE]:
        assert resources.resource_path("fonts", file_name).is_file(), file_name


def test_icon_png_is_256_pixels_square() -> None:
    data = resources.app_icon_path().read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert (width, height) == (256, 256)


def test_windows_icon_holds_the_sizes_explorer_uses() -> None:
    data = resources.resource_path("icons", "kobankyo.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for n in range(count):
        width, _height, _colours, _zero, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * n : 22 + 16 * n]
        )
        assert bits == 32 and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_icon_svg_is_well_formed() -> None:
    root = ET.parse(resources.resource_path("icons", "kobankyo.svg")).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_migrations_are_the_folder_the_database_reads() -> None:
    folder = resources.migrations_dir()
    assert folder == MIGRATIONS_DIR.resolve()
    assert (folder / "env.py").is_file()
    assert sorted(p.name for p in (folder / "versions").glob("0*.py"))


def test_every_shipped_pattern_matches_and_sources_stay_out() -> None:
    shipped = resources.shipped_files()
    base = resources.resources_dir()
    for pattern in resources.SHIPPED:
        assert any(path.match(pattern) for path in shipped), pattern
    names = {path.relative_to(base).as_posix() for path in shipped}
    assert "translations/kobankyo_ja.qm" in names
    assert "icons/kobankyo.ico" in names
    assert not [name for name in names if name.endswith((".ts", ".tsv", ".py"))]


def test_frozen_resources_are_in_the_bundle_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert fonts.fonts_dir() == resources.resource_path("fonts")
