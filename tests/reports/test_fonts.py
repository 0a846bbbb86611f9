"""The shipped fonts: present, registered once without a warning, and fixed where IPAex would
spoil the PDF text layer."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase, QRawFont

from kobankyo_desktop.reports import fonts

pytestmark = pytest.mark.usefixtures("app")


def test_register_is_idempotent() -> None:
    first = fonts.register_fonts()
    assert fonts.register_fonts() == first
    families = set(QFontDatabase.families())
    assert {fonts.MINCHO, fonts.GOTHIC, fonts.MINCHO_EXTRA} <= families


def test_fonts_are_renamed_and_licensed() -> None:
    folder = fonts.fonts_dir()
    assert (folder / "IPA_Font_License_Agreement_v1.0.txt").is_file()
    assert (folder / "README.md").is_file()
    for family, file_name in fonts.FONT_FILES.items():
        raw = QRawFont(str(folder / file_name), 12)
        assert raw.isValid() and raw.familyName() == family
        assert "IPA" not in file_name
    total = sum(p.stat().st_size for p in folder.glob("*.ttf"))
    assert total < 30 * 1024 * 1024


def test_radicals_and_ideographs_have_glyphs_of_their_own() -> None:
    raw = QRawFont(str(fonts.fonts_dir() / fonts.FONT_FILES[fonts.MINCHO]), 12)
    for radical, ideograph in (("\u2f49", "\u6708"), ("\u2f47", "\u65e5"), ("\uf9ec", "\u6eba")):
        glyphs = raw.glyphIndexesForString(radical + ideograph)
        assert len(glyphs) == 2 and glyphs[0] != glyphs[1] and 0 not in glyphs


def test_supplementary_characters_have_private_use_aliases() -> None:
    aliases = fonts.pua_aliases()
    assert aliases and all(0xEC00 <= alias <= 0xF7FF for alias in aliases)
    assert 0x20BB7 in aliases.values()
    raw = QRawFont(str(fonts.fonts_dir() / fonts.FONT_FILES[fonts.MINCHO_EXTRA]), 12)
    alias = next(a for a, cp in aliases.items() if cp == 0x20BB7)
    assert raw.glyphIndexesForString("\U00020bb7") == raw.glyphIndexesForString(chr(alias))
