"""The fonts printouts use, shipped in ``resources/fonts/`` and registered with Qt once.

Printouts must come out the same on a fresh Linux box and on any Windows PC, so they never rely
on the system's fonts: Kobankyo Mincho (body, 明朝 as official documents use) and Kobankyo
Gothic (headings) are derived from IPAex, and Kobankyo Mincho Extra (from IPAmj Mincho) supplies
the rarer kanji of people's names (異体字, 𠮷 and other characters beyond the BMP). How and why
they were derived is in ``resources/fonts/README.md`` and ``tools/make_fonts.py``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

MINCHO = "Kobankyo Mincho"
GOTHIC = "Kobankyo Gothic"
MINCHO_EXTRA = "Kobankyo Mincho Extra"
FONT_FILES = {
    MINCHO: "KobankyoMincho.ttf",
    GOTHIC: "KobankyoGothic.ttf",
    MINCHO_EXTRA: "KobankyoMinchoExtra.ttf",
}
ALIASES_FILE = "pua-aliases.txt"
# Families tried in turn for each character: what the shipped fonts lack (a character beyond
# even IPAmj) falls through to the system's fonts.
BODY_FAMILIES = (MINCHO, MINCHO_EXTRA)
HEADING_FAMILIES = (GOTHIC, MINCHO_EXTRA)


class FontsMissingError(RuntimeError):
    """The shipped fonts are not where the application expects them: an installation fault."""


def fonts_dir() -> Path:
    """``resources/fonts`` of the source tree, or of a frozen (PyInstaller) bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


@cache
def pua_aliases() -> dict[int, int]:
    """Private Use Area alias → the supplementary-plane character it stands for.

    Qt's PDF writer maps glyphs back to text only through BMP code points, so the shipped fonts
    give each character beyond the BMP an alias there; :mod:`.pdf` turns it back.
    """
    aliases: dict[int, int] = {}
    path = fonts_dir() / ALIASES_FILE
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            alias, code_point = line.split("\t")
            aliases[int(alias, 16)] = int(code_point, 16)
    return aliases


_registered: list[str] = []


def register_fonts() -> tuple[str, ...]:
    """Register the shipped fonts with ``QFontDatabase``, once per process; returns their
    families. Needs a ``QGuiApplication``; raises :class:`FontsMissingError` if a file is
    missing or unreadable (an installation fault, never silently replaced by system fonts)."""
    if _registered:
        return tuple(_registered)
    from PySide6.QtGui import QFontDatabase

    for family, file_name in FONT_FILES.items():
        path = fonts_dir() / file_name
        if not path.is_file():
            raise FontsMissingError(f"印刷用フォントが見つかりません: {path}")
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0 or family not in QFontDatabase.applicationFontFamilies(font_id):
            raise FontsMissingError(f"印刷用フォントを読み込めません: {path}")
        _registered.append(family)
    return tuple(_registered)
