"""Draw the application icon into ``resources/icons/``: kobankyo.svg, kobankyo.png, kobankyo.ico.

The SVG below is the one source: a koban (交番) with its red lamp over the door, on the navy of
a police notice board. Qt renders it to PNG at each size a Windows icon needs, and the ``.ico``
is written here byte by byte (no Pillow): 32-bit BMP images for 16–64 px, as Explorer and the
resource compiler expect them, and a PNG image for 256 px, as Windows Vista and later read it.

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py

The output is the same on every run with the same Qt.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
NAME = "kobankyo"
ICO_SIZES = (16, 24, 32, 48, 64, 256)
PNG_SIZE = 256
# Sizes at or above this go into the .ico as PNG; below it as BMP.
ICO_PNG_FROM = 256

SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>kobankyo</title>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="#1f3a68"/>
  <path d="M40 124 L128 50 L216 124 Z" fill="#ffffff"/>
  <rect x="64" y="118" width="128" height="94" fill="#ffffff"/>
  <rect x="106" y="148" width="44" height="64" fill="#1f3a68"/>
  <circle cx="128" cy="98" r="15" fill="#e53935"/>
  <rect x="40" y="208" width="176" height="12" rx="4" fill="#ffffff"/>
</svg>
"""


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def bmp_bytes(image: QImage) -> bytes:
    """An icon image in BMP form: BITMAPINFOHEADER (height doubled for the AND mask), BGRA
    rows bottom-up, then the 1-bit AND mask (all zero: the alpha channel does the masking)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = []
    for y in reversed(range(size)):
        # Format_ARGB32 is 0xAARRGGBB per pixel: little-endian bytes are B, G, R, A.
        rows.append(struct.pack(f"<{size}I", *(argb.pixel(x, y) for x in range(size))))
    mask_row = b"\x00" * (((size + 31) // 32) * 4)
    return header + b"".join(rows) + mask_row * size


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries, payloads = [], []
    offset = 6 + 16 * len(images)
    for size, image in sorted(images.items()):
        payload = png_bytes(image) if size >= ICO_PNG_FROM else bmp_bytes(image)
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset))
        payloads.append(payload)
        offset += len(payload)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(payloads)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    if not renderer.isValid():
        raise SystemExit("the icon's SVG does not parse")
    ICONS_DIR.mkdir(parents=True, exist_ok=True)
    (ICONS_DIR / f"{NAME}.svg").write_text(SVG, encoding="utf-8")
    (ICONS_DIR / f"{NAME}.png").write_bytes(png_bytes(render(renderer, PNG_SIZE)))
    (ICONS_DIR / f"{NAME}.ico").write_bytes(
        ico_bytes({size: render(renderer, size) for size in ICO_SIZES})
    )
    del app
    for path in sorted(ICONS_DIR.glob(f"{NAME}.*")):
        print(f"{path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
