"""Write a document to a PDF file: atomically, with a text layer that reads back exactly.

The file is written in full to a temporary file beside the target and then moved over it, so
an existing PDF is never left half-written (a full disk, a crash). Qt's PDF writer maps glyphs
back to text only through code points of the Basic Multilingual Plane, so names with a
character beyond it (𠮷 U+20BB7 and many other 異体字) would read back wrong in a viewer's search
or a copy: the shipped fonts give each such character an alias in the Private Use Area, and
:func:`restore_supplementary_text` puts the real character back in the text layer.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.reports.fonts import pua_aliases
from kobankyo_desktop.reports.html import PrintDocument

logger = logging.getLogger(__name__)
SHIPPED_FONT_PREFIX = b"Kobankyo"
_BF_ENTRIES_PER_BLOCK = 100


class PdfWriteError(DomainError):
    """The PDF could not be written (folder missing, no permission, disk full)."""


def render_pdf(document: PrintDocument) -> tuple[bytes, int]:
    """The document as PDF bytes, and its number of pages (needs a ``QGuiApplication``)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    from kobankyo_desktop.reports.render import ReportLayout

    layout = ReportLayout(document)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(layout.title)
    writer.setCreator("kobankyo-desktop")
    writer.setResolution(1200)
    layout.paint(writer)
    del writer
    buffer.close()
    return restore_supplementary_text(bytes(data.data()), pua_aliases()), layout.page_count


def write_pdf(document: PrintDocument, path: str | os.PathLike[str]) -> int:
    """Render ``document`` and write it to ``path`` atomically; returns the number of pages."""
    target = Path(path)
    content, pages = render_pdf(document)
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PdfWriteError(f"PDFを保存できませんでした: {target}（{reason}）") from exc
    return pages


def restore_supplementary_text(pdf: bytes, aliases: Mapping[int, int]) -> bytes:
    """Rewrite the ToUnicode maps of the shipped fonts so each alias reads as its real
    character, as an incremental update appended to ``pdf`` (the original bytes stay).

    A file laid out otherwise than Qt writes it today is returned unchanged, with a logged
    warning: its pages are right, only such characters would read back wrong."""
    try:
        return _restore(pdf, aliases)
    except (ValueError, KeyError, IndexError, StopIteration, zlib.error):
        logger.warning("PDF text layer left as Qt wrote it: unexpected layout", exc_info=True)
        return pdf


def _restore(pdf: bytes, aliases: Mapping[int, int]) -> bytes:
    offsets, trailer, xref_at = _cross_reference(pdf)
    updated: dict[int, bytes] = {}
    for offset in offsets.values():
        head = pdf[offset : pdf.find(b"endobj", offset)]
        if b"/Type0" not in head or b"/BaseFont /" + SHIPPED_FONT_PREFIX not in head:
            continue
        match = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", head)
        if match is None:
            continue
        map_number = int(match[1])
        cmap = _stream(pdf, offsets[map_number], offsets)
        rewritten = _rewrite_to_unicode(cmap, aliases)
        if rewritten is not None:
            updated[map_number] = rewritten
    if not updated:
        return pdf
    return _append_update(pdf, updated, trailer, xref_at)


def _cross_reference(pdf: bytes) -> tuple[dict[int, int], bytes, int]:
    """Object offsets from the classic cross-reference table Qt writes, the trailer
    dictionary and where the table starts."""
    match = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf)
    if match is None:
        raise ValueError("not a PDF written by Qt: no startxref")
    xref_at = int(match[1])
    lines = iter(pdf[xref_at:].split(b"\n"))
    if next(lines).strip() != b"xref":
        raise ValueError("cross-reference streams are not supported")
    offsets: dict[int, int] = {}
    for line in lines:
        words = line.split()
        if words == [b"trailer"] or line.startswith(b"trailer"):
            break
        first, count = int(words[0]), int(words[1])
        for number in range(first, first + count):
            entry = next(lines).split()
            if entry[2] == b"n":
                offsets[number] = int(entry[0])
    trailer_at = pdf.index(b"trailer", xref_at)
    trailer = pdf[trailer_at : pdf.index(b"startxref", trailer_at)]
    return offsets, trailer, xref_at


def _stream(pdf: bytes, offset: int, offsets: Mapping[int, int]) -> bytes:
    """The decoded content of the stream object at ``offset``."""
    start = pdf.index(b"stream", offset)
    dictionary = pdf[offset:start]
    length_match = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", dictionary)
    if length_match is None:
        raise ValueError("stream without a length")
    length = int(length_match[1])
    if length_match[2]:
        target = offsets[length]
        length = int(re.search(rb"obj\s+(\d+)", pdf[target : target + 64])[1])  # type: ignore[index]
    start += len(b"stream")
    start += 2 if pdf[start : start + 2] == b"\r\n" else 1
    data = pdf[start : start + length]
    if b"/FlateDecode" in dictionary:
        data = zlib.decompress(data)
    return data


_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _parse_to_unicode(cmap: bytes) -> dict[int, str]:
    """CID → destination (UTF-16BE hex) from a ToUnicode CMap's bfrange and bfchar blocks."""
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, destination in _RANGE.findall(block):
            first, last = int(low, 16), int(high, 16)
            if destination.startswith(b"["):
                values = [v.decode() for v in _HEX.findall(destination)]
                for cid, value in zip(range(first, last + 1), values, strict=False):
                    mapping[cid] = value
            else:
                base = int(destination[1:-1], 16)
                width = len(destination) - 2
                for i, cid in enumerate(range(first, last + 1)):
                    mapping[cid] = f"{base + i:0{width}X}"
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for source, destination in _CHAR.findall(block):
            mapping[int(source, 16)] = destination.decode()
    return mapping


def _utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be").hex().upper()


def _rewrite_to_unicode(cmap: bytes, aliases: Mapping[int, int]) -> bytes | None:
    """The CMap with every alias replaced by its character, or None if it has none."""
    mapping = _parse_to_unicode(cmap)
    changed = False
    for cid, destination in mapping.items():
        if len(destination) == 4 and int(destination, 16) in aliases:
            mapping[cid] = _utf16_hex(aliases[int(destination, 16)])
            changed = True
    if not changed:
        return None
    head = cmap[: min(cmap.find(b"beginbf"), len(cmap))]
    head = head[: head.rfind(b"\n") + 1]
    tail = cmap[cmap.rfind(b"endbf") :]
    tail = tail[tail.find(b"\n") + 1 :]
    entries = sorted(mapping.items())
    blocks = []
    for i in range(0, len(entries), _BF_ENTRIES_PER_BLOCK):
        chunk = entries[i : i + _BF_ENTRIES_PER_BLOCK]
        lines = "".join(f"<{cid:04X}> <{dst}>\n" for cid, dst in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}endbfchar\n".encode())
    return head + b"".join(blocks) + tail


def _append_update(pdf: bytes, objects: Mapping[int, bytes], trailer: bytes, xref_at: int) -> bytes:
    """Append new versions of ``objects`` with a cross-reference section pointing back at
    the previous one (an incremental update, ISO 32000-1 §7.5.6)."""
    out = bytearray(pdf)
    if not out.endswith(b"\n"):
        out += b"\n"
    positions: dict[int, int] = {}
    for number, content in sorted(objects.items()):
        positions[number] = len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(content))
        out += content + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number, position in positions.items():
        out += b"%d 1\n%010d 00000 n \n" % (number, position)
    keys = []
    for key in (
        rb"/Size\s+\d+",
        rb"/Root\s+\d+\s+\d+\s+R",
        rb"/Info\s+\d+\s+\d+\s+R",
        rb"/ID\s*\[[^\]]*\]",
    ):
        match = re.search(key, trailer)
        if match is not None:
            keys.append(match[0])
    out += b"trailer\n<<\n" + b"\n".join(keys) + b"\n/Prev %d\n>>\n" % xref_at
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
