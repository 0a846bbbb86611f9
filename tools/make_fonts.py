"""Build the fonts shipped in ``resources/fonts/`` from Debian's IPA font packages.

Printouts must look the same on every PC, so the application ships its own Mincho and Gothic.
They are derived from the IPAex fonts (and, for the rarer kanji in people's names, from IPAmj
Mincho) under the IPA Font License v1.0, which requires a derived font to carry a new name and
the licence, with a way back to the originals (``resources/fonts/README.md``).

What is changed, and why (Qt's PDF writer builds each embedded font's ToUnicode map by asking
the font, for every code point from U+0000 to U+FFFF in ascending order, which glyph it uses, and
keeping the first code point found for each glyph):

* Glyphs shared by several code points get one copy per code point. IPAex draws the Kangxi
  radical ⽉ (U+2F49) with the glyph of 月 (U+6708): Qt then records ⽉ in the text layer and a
  search for 月 fails. The same happens to the CJK Compatibility ideographs (溺 U+F9EC became
  U+6EBA), the full-width tilde (～ became 〜), the minus sign (− became a soft hyphen) and the
  ideographic space (became an em space). With a glyph of its own, every character reads back.
* Characters outside the Basic Multilingual Plane (𠮷 U+20BB7 …) never appear in Qt's map at
  all. Each gets an alias in the Private Use Area (U+EC00 upwards, clear of the Windows 外字
  range U+E000–U+E757) mapped to the same glyph: Qt records the alias, and
  ``kobankyo_desktop.reports.pdf`` rewrites it to the real character using ``pua-aliases.txt``.
* Hinting is removed (printing and antialiased preview do not use it): a third of the size.
* Kobankyo Mincho Extra holds the IPAmj Mincho glyphs for characters IPAex lacks: every BMP
  character IPAmj maps (CJK Unified Ideographs and Extension A, compatibility ideographs …)
  and the supplementary-plane ones in Adobe-Japan1-7 or JIS X 0213:2004, the repertoires of
  Japanese system fonts and of JIS2004 input on Windows (𠮷 is in Adobe-Japan1).

Usage (Debian): ``apt-get install fonts-ipaexfont fonts-ipamj-mincho poppler-data`` and
``pip install fonttools``, then ``python tools/make_fonts.py``. The output is byte-for-byte the
same on every run with the same inputs (timestamps are copied from the source fonts).
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
from collections import defaultdict
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "fonts"
IPAEX_MINCHO = Path("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf")
IPAEX_GOTHIC = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
IPAMJ_MINCHO = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")
AJ1_CMAP = Path("/usr/share/poppler/cMap/Adobe-Japan1/UniJIS2004-UTF32-H")
LICENCE = Path("/usr/share/doc/fonts-ipamj-mincho/IPA_Font_License_Agreement_v1.0.txt.gz")

PUA_ALIAS_START = 0xEC00
PUA_ALIAS_END = 0xF7FF  # below the Apple-assigned U+F860… that the IPA fonts use
ALIASES_FILE = "pua-aliases.txt"


@dataclass(frozen=True)
class Target:
    source: Path
    file_name: str
    family: str
    postscript: str


MINCHO = Target(IPAEX_MINCHO, "KobankyoMincho.ttf", "Kobankyo Mincho", "KobankyoMincho")
GOTHIC = Target(IPAEX_GOTHIC, "KobankyoGothic.ttf", "Kobankyo Gothic", "KobankyoGothic")
EXTRA = Target(
    IPAMJ_MINCHO, "KobankyoMinchoExtra.ttf", "Kobankyo Mincho Extra", "KobankyoMinchoExtra"
)


def adobe_japan1_code_points(path: Path) -> set[int]:
    """The Unicode code points of Adobe-Japan1-7, read from Adobe's UTF-32 CMap resource."""
    points: set[int] = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        if match := re.match(r"<([0-9a-fA-F]{8})>\s+<([0-9a-fA-F]{8})>\s+\d+", line):
            points.update(range(int(match[1], 16), int(match[2], 16) + 1))
        elif match := re.match(r"<([0-9a-fA-F]{8})>\s+\d+", line):
            points.add(int(match[1], 16))
    return points


def in_jis_x0213(code_point: int) -> bool:
    try:
        chr(code_point).encode("euc_jis_2004")
    except UnicodeEncodeError:
        return False
    return True


def unicode_cmap(font: TTFont) -> dict[int, str]:
    return dict(font.getBestCmap())


def remove_hinting(font: TTFont) -> None:
    """Drop TrueType instructions; print and antialiased preview do not use them."""
    for tag in ("fpgm", "prep", "cvt "):
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    maxp = font["maxp"]
    for attr in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000A}  # grid-fit off, smoothing on, at every size
    font["gasp"] = gasp


def _primary(code_points: list[int]) -> int:
    """Which code point keeps the original glyph (and its GSUB variants): a unified ideograph
    or ordinary character rather than a radical or a compatibility ideograph."""

    def secondary(cp: int) -> bool:
        return (
            0x2E80 <= cp <= 0x2FDF
            or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F
            or cp in (0x00AD, 0x2003)
        )

    return min(code_points, key=lambda cp: (secondary(cp), cp))


def separate_shared_glyphs(font: TTFont, cmap: dict[int, str]) -> int:
    """Give every code point its own glyph, copying the outline and metrics; returns how many
    copies were made."""
    by_glyph: dict[str, list[int]] = defaultdict(list)
    for cp, name in cmap.items():
        by_glyph[name].append(cp)
    order = list(font.getGlyphOrder())
    glyf, hmtx = font["glyf"], font["hmtx"]
    vmtx = font.get("vmtx")
    copies = 0
    for name, code_points in sorted(by_glyph.items(), key=lambda item: min(item[1])):
        if len(code_points) < 2:
            continue
        keep = _primary(code_points)
        for cp in sorted(code_points):
            if cp == keep:
                continue
            new_name = f"{name}.u{cp:04X}"
            glyf.glyphs[new_name] = deepcopy(glyf[name])
            hmtx.metrics[new_name] = hmtx.metrics[name]
            if vmtx is not None:
                vmtx.metrics[new_name] = vmtx.metrics[name]
            order.append(new_name)
            cmap[cp] = new_name
            copies += 1
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    return copies


def write_cmap(font: TTFont, cmap: dict[int, str]) -> None:
    """Replace the Unicode subtables (format 4 for the BMP, 12 for all), keeping any format 14
    (variation sequences) as it is."""
    table = font["cmap"]
    kept = [t for t in table.tables if t.format == 14]
    bmp = {cp: name for cp, name in cmap.items() if cp <= 0xFFFF}
    subtables = kept[:]
    for platform, encoding, fmt, mapping in (
        (0, 3, 4, bmp),
        (3, 1, 4, bmp),
        (3, 10, 12, cmap),
    ):
        sub = CmapSubtable.newSubtable(fmt)
        sub.platformID, sub.platEncID, sub.language = platform, encoding, 0
        sub.cmap = dict(mapping)
        subtables.append(sub)
    table.tables = sorted(subtables, key=lambda t: (t.platformID, t.platEncID, t.format))


def add_pua_aliases(cmap: dict[int, str], aliases: dict[int, int]) -> None:
    """Map each alias to the glyph of the supplementary-plane character it stands for."""
    for alias, cp in aliases.items():
        if cp in cmap:
            cmap[alias] = cmap[cp]


def rename(font: TTFont, target: Target, description: str) -> None:
    """New names throughout (IPA Font License Art. 3.1(4)); copyright, version and licence
    records are kept."""
    name_table = font["name"]
    version = name_table.getDebugName(5) or ""
    kept = [r for r in name_table.names if r.nameID in (0, 5, 13, 14) and r.langID in (0, 0x409)]
    name_table.names = kept
    values = {
        1: target.family,
        2: "Regular",
        3: f"{target.postscript} {version}".strip(),
        4: target.family,
        6: target.postscript,
        10: description,
    }
    for name_id, value in values.items():
        name_table.setName(value, name_id, 3, 1, 0x409)
        name_table.setName(value, name_id, 1, 0, 0)
    font["OS/2"].achVendID = "NONE"


def save(font: TTFont, path: Path, source: TTFont) -> None:
    font["head"].created = source["head"].created
    font["head"].modified = source["head"].modified
    font.save(path)


def build_ipaex(target: Target, aliases: dict[int, int], out_dir: Path) -> Path:
    source = TTFont(target.source)
    font = TTFont(target.source, recalcTimestamp=False)
    cmap = unicode_cmap(font)
    remove_hinting(font)
    copies = separate_shared_glyphs(font, cmap)
    add_pua_aliases(cmap, aliases)
    write_cmap(font, cmap)
    rename(
        font,
        target,
        f"Derived from {source['name'].getDebugName(4)} {source['name'].getDebugName(5)} by "
        f"the kobankyo-desktop project: hinting removed, {copies} shared glyphs copied so each "
        "code point has its own, Private Use Area aliases added for supplementary-plane "
        "characters. Licensed under the IPA Font License Agreement v1.0.",
    )
    path = out_dir / target.file_name
    save(font, path, source)
    return path


def extra_code_points(ipaex: set[int], ipamj: set[int], aj1: set[int]) -> set[int]:
    """IPAmj characters that IPAex lacks: the whole BMP, and the supplementary planes as far as
    Adobe-Japan1-7 and JIS X 0213 reach (all of IPAmj's would not fit the alias range)."""
    return {
        cp
        for cp in ipamj - ipaex
        if not 0xE000 <= cp <= 0xF8FF and (cp <= 0xFFFF or cp in aj1 or in_jis_x0213(cp))
    }


def build_extra(code_points: set[int], aliases: dict[int, int], out_dir: Path) -> Path:
    source = TTFont(EXTRA.source)
    font = TTFont(EXTRA.source, recalcTimestamp=False)
    cmap_table = font["cmap"]
    cmap_table.tables = [t for t in cmap_table.tables if t.format != 14]  # IVS: 20,000 glyphs
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = True
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(font)
    cmap = unicode_cmap(font)
    copies = separate_shared_glyphs(font, cmap)
    add_pua_aliases(cmap, aliases)
    write_cmap(font, cmap)
    rename(
        font,
        EXTRA,
        f"Derived from {source['name'].getDebugName(4)} {source['name'].getDebugName(5)} by "
        f"the kobankyo-desktop project: only the {len(code_points)} characters IPAex lacks "
        f"(see resources/fonts/README.md), hinting and layout features removed, {copies} "
        "shared glyphs copied, Private Use Area aliases added for supplementary-plane "
        "characters. Licensed under the IPA Font License Agreement v1.0.",
    )
    path = out_dir / EXTRA.file_name
    save(font, path, source)
    return path


def assign_aliases(code_points: set[int]) -> dict[int, int]:
    """Alias → supplementary-plane character, in code point order."""
    supplementary = sorted(cp for cp in code_points if cp > 0xFFFF)
    if len(supplementary) > PUA_ALIAS_END - PUA_ALIAS_START + 1:
        raise SystemExit(f"{len(supplementary)} supplementary characters do not fit the aliases")
    return {PUA_ALIAS_START + i: cp for i, cp in enumerate(supplementary)}


def write_aliases(aliases: dict[int, int], out_dir: Path) -> Path:
    path = out_dir / ALIASES_FILE
    lines = [
        "# Private Use Area alias -> supplementary-plane character, for the Kobankyo fonts.",
        "# Generated by tools/make_fonts.py; read by kobankyo_desktop/reports/pdf.py.",
        *(f"{alias:04X}\t{cp:X}" for alias, cp in sorted(aliases.items())),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    for path in (IPAEX_MINCHO, IPAEX_GOTHIC, IPAMJ_MINCHO, AJ1_CMAP, LICENCE):
        if not path.exists():
            print(f"missing {path}: see the usage in this script's docstring", file=sys.stderr)
            return 1
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    ipaex = set(TTFont(IPAEX_MINCHO, lazy=True).getBestCmap())
    ipaex_gothic = set(TTFont(IPAEX_GOTHIC, lazy=True).getBestCmap())
    ipamj = set(TTFont(IPAMJ_MINCHO, lazy=True).getBestCmap())
    extra = extra_code_points(ipaex, ipamj, adobe_japan1_code_points(AJ1_CMAP))
    aliases = assign_aliases(ipaex | ipaex_gothic | extra)
    written = [
        build_ipaex(MINCHO, aliases, out_dir),
        build_ipaex(GOTHIC, aliases, out_dir),
        build_extra(extra, aliases, out_dir),
        write_aliases(aliases, out_dir),
    ]
    with gzip.open(LICENCE, "rb") as src, (out_dir / LICENCE.stem).open("wb") as dst:
        shutil.copyfileobj(src, dst)
    written.append(out_dir / LICENCE.stem)
    for path in written:
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{path.stat().st_size:,} bytes"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
