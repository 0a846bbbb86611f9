"""The report's sheets as an Excel workbook (openpyxl, write-only mode for speed).

Dates are real Excel dates shown in 和暦 (令和7年5月20日), so headquarters can sort and filter
them; the header row is frozen, columns have widths, the summary ends with a totals row. Text
that looks like a formula is stored as a string cell with Excel's quote prefix, so nothing runs
when the workbook is opened or a cell is edited.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from kobankyo_desktop.exchange.csv_export import FORMULA_PREFIXES
from kobankyo_desktop.exchange.progress import Progress, Ticker
from kobankyo_desktop.exchange.sheets import Cell, Sheet

# [$-411] selects the Japanese locale, ggge the era name and year: 令和7年5月20日.
WAREKI_DATE_FORMAT = '[$-411]ggge"年"m"月"d"日";@'
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FONT = Font(bold=True)


def write_workbook(
    sheets: list[Sheet], path: Path, title: str = "", progress: Progress | None = None
) -> Path:
    """Write ``sheets`` to ``path`` (atomically: a cancelled export leaves no file).

    The cells are prepared first, where cancelling is offered; openpyxl's write-only sheets
    then stream them to the file in one go (abandoning them half-way leaves open streams).
    """
    ticker = Ticker(progress, sum(len(s.rows) + 1 for s in sheets))
    ticker.start()
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    workbook.properties.creator = "kobankyo-desktop"
    prepared = []
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.title)
        prepared.append((ws, sheet, _rows(ws, sheet, ticker)))
    for ws, sheet, rows in prepared:
        for index, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = f"{get_column_letter(sheet.frozen_columns + 1)}2"
        for row in rows:
            ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    ticker.finish()
    return path


def _rows(ws: WriteOnlyWorksheet, sheet: Sheet, ticker: Ticker) -> list[list[WriteOnlyCell]]:
    header = []
    for column in sheet.columns:
        cell = WriteOnlyCell(ws, column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header.append(cell)
    rows = [header]
    for row in sheet.rows:
        rows.append([_cell(ws, value) for value in row])
        ticker.advance()
    if sheet.totals is not None:
        totals = [_cell(ws, value) for value in sheet.totals]
        for cell in totals:
            cell.font = TOTAL_FONT
        rows.append(totals)
    ticker.advance()
    return rows


def _cell(ws: WriteOnlyWorksheet, value: Cell) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, dt.date):
        cell.number_format = WAREKI_DATE_FORMAT
    elif isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        # openpyxl would write "=…" as a formula; force a string cell that Excel keeps as text.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
