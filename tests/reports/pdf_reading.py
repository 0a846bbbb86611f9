"""Reading the PDFs back in the printing tests: each page's text exactly as the PDF's text layer
holds it (pypdf applies no Unicode normalisation), and the page sizes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

DEMO_TODAY = dt.date(2025, 6, 1)
A4 = (595, 842)  # points, portrait


@dataclass(frozen=True)
class PdfPages:
    texts: list[str]  # each page's text as extracted, not normalised
    sizes: list[tuple[float, float]]  # (width, height) in points

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def squeezed(self) -> str:
        """All the text with whitespace removed (extraction inserts breaks between runs)."""
        return "".join(self.text.split())

    def page(self, n: int) -> str:
        return "".join(self.texts[n].split())


def read_pdf(path: Path) -> PdfPages:
    reader = PdfReader(path)
    return PdfPages(
        [page.extract_text() for page in reader.pages],
        [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages],
    )


def in_order(text: str, parts: list[str]) -> bool:
    """Whether every part occurs in ``text``, each after the previous one."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
