"""What every printed document's HTML shares: the document model (PrintDocument, Sheet), escaping
(``esc``, the only way a database value enters markup), the style sheet with the shipped fonts,
and the building blocks: page, label/value facts table, ruled grid, dates, full-width numbers and
the issuer's line."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from dataclasses import dataclass

from kobankyo_desktop.core.dates import DateStyle, format_date
from kobankyo_desktop.reports.data.common import Issuer
from kobankyo_desktop.reports.fonts import BODY_FAMILIES, HEADING_FAMILIES

FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# Rules of ruled tables, set on each cell: Qt draws a table's own border no finer than 1pt.
RULE = "border: 0.5pt solid #000000;"


@dataclass(frozen=True, slots=True)
class Sheet:
    """What starts on a new page: ``body`` flows over as many pages as it needs; ``foot``, if
    any, is set at the bottom of the last one (on a page of its own if it does not fit)."""

    body: str
    foot: str | None = None


@dataclass(frozen=True, slots=True)
class PrintDocument:
    """A document ready to render: ``title`` names the PDF and the print job."""

    title: str
    sheets: tuple[Sheet, ...]
    page_numbers: bool = False  # "1 / 3" at the foot of sheets longer than a page


def esc(text: str) -> str:
    """``text`` escaped for HTML, line breaks kept."""
    return html.escape(text).replace("\n", "<br/>")


def _families(families: Iterable[str]) -> str:
    return ", ".join(f"'{family}'" for family in families)


STYLE = f"""
body {{ font-family: {_families(BODY_FAMILIES)}; font-size: 10.5pt; }}
p {{ margin-top: 0; margin-bottom: 0; line-height: 150%; }}
.title {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 16pt; margin-bottom: 14pt; }}
.subtitle {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 13pt; }}
.section {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 11pt; margin-top: 12pt;
  margin-bottom: 4pt; }}
.small {{ font-size: 8.5pt; }}
.ruby {{ font-size: 7.5pt; }}
.name {{ font-size: 11pt; }}
.note {{ font-size: 9pt; }}
.mark {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 10pt; }}
table.grid {{ border-collapse: collapse; }}
table.grid th {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 9.5pt;
  font-weight: normal; background-color: #e8e8e8; }}
table.grid td {{ font-size: 9.5pt; vertical-align: top; }}
table.facts td {{ font-size: 10.5pt; vertical-align: top; }}
"""


def page(body: str) -> str:
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"


def date_text(day: dt.date, style: DateStyle, *, weekday: bool = True) -> str:
    return format_date(day, style, weekday=weekday)


def full_width(n: int) -> str:
    return str(n).translate(FULL_WIDTH_DIGITS)


def facts_table(rows: list[tuple[str, str]], label_width: int = 16) -> str:
    """Label / value lines: ``label`` plain text, ``value`` markup."""
    cells = "".join(
        f"<tr><td width='{label_width}%'>{esc(name)}</td><td>{value}</td></tr>"
        for name, value in rows
    )
    return f"<table class='facts' width='100%' cellspacing='0' cellpadding='2'>{cells}</table>"


def grid(headers: list[tuple[str, int]], rows: list[list[str]]) -> str:
    """A ruled table whose header row repeats on every page it runs over.

    ``headers``: (label, width %); ``rows``: cells as markup.
    """
    head = "".join(
        f"<th width='{width}%' style='{RULE}'>{esc(name)}</th>" for name, width in headers
    )
    body = "".join(
        "<tr>" + "".join(f"<td style='{RULE}'>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        "<table class='grid' width='100%' cellspacing='0' cellpadding='3'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def issuer_line(issuer: Issuer) -> str:
    return esc(issuer.issuer_heading or issuer.station_name)
