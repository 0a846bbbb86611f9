"""The report's sheets as CSV files, one per sheet, that Excel on Japanese Windows opens as
they are: UTF-8 with a byte order mark (without it Excel reads Shift_JIS and garbles).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read
by a spreadsheet as a formula (CSV injection); such text gets a leading apostrophe so it stays
text. Residents' names and requests are typed by officers, not trusted.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

from kobankyo_desktop.exchange.progress import Progress, Ticker
from kobankyo_desktop.exchange.sheets import Cell, Sheet

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"


def neutralise(text: str) -> str:
    """``text`` with a leading apostrophe if a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_cell(value: Cell) -> str:
    """A cell as CSV text: dates as ISO (Excel reads them as dates), text neutralised."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def csv_file_name(sheet: Sheet, prefix: str = "") -> str:
    """``令和7年度_実施状況.csv``: sheet titles are safe file names (no ``/``, ``:`` …)."""
    return f"{prefix}_{sheet.title}.csv" if prefix else f"{sheet.title}.csv"


def write_csv_files(
    sheets: list[Sheet], folder: Path, prefix: str = "", progress: Progress | None = None
) -> list[Path]:
    """Write each sheet to ``folder`` (created if need be); return the files written.

    All files are written beside their final names and moved into place only when every one is
    complete, so a cancelled or failed export leaves no CSV that looks complete.
    """
    folder.mkdir(parents=True, exist_ok=True)
    ticker = Ticker(progress, sum(len(s.rows) + 1 for s in sheets))
    ticker.start()
    targets = [folder / csv_file_name(sheet, prefix) for sheet in sheets]
    partials = [t.with_name(t.name + ".partial") for t in targets]
    try:
        for sheet, partial in zip(sheets, partials, strict=True):
            with partial.open("w", encoding=ENCODING, newline="") as f:
                writer = csv.writer(f, lineterminator="\r\n")
                writer.writerow([neutralise(c.header) for c in sheet.columns])
                for row in sheet.rows:
                    writer.writerow([csv_cell(v) for v in row])
                    ticker.advance()
                if sheet.totals is not None:
                    writer.writerow([csv_cell(v) for v in sheet.totals])
                ticker.advance()
        for partial, target in zip(partials, targets, strict=True):
            os.replace(partial, target)
    except BaseException:
        for partial in partials:
            partial.unlink(missing_ok=True)
        raise
    ticker.finish()
    return targets
