"""A sheet as officers keep it, read into a grid of cells: an Excel workbook or a CSV file.

Workbooks are read with openpyxl in read-only mode with cached formula results (``data_only``),
so a 名簿 whose 年齢 column is a formula shows the ages Excel last computed. A merged title
row above the header (「令和7年度 駅前交番連絡協議会 委員名簿」) reads as a row with one
value in its first cell; the header row is found by :mod:`.mapping`. Blank rows are dropped,
but every row keeps the number the spreadsheet shows, so the report points at the right line.

CSV files are decoded by trying strict decodes in turn: UTF-8 with a BOM (Excel's 「CSV UTF-8」),
UTF-16 with a BOM (Excel's 「Unicode テキスト」), UTF-8, then CP932. CP932 is Windows' Shift_JIS,
what Excel on a Japanese PC writes as 「CSV (コンマ区切り)」: it reads every Shift_JIS file, plus
the NEC and IBM extensions officers use (①, ㈱, 髙), with the characters Excel showed its author.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kobankyo_desktop.core.errors import DomainError, ValidationError

CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | None

XLSX_SUFFIXES = (".xlsx", ".xlsm")
# A sheet formatted far below its data can hold a million empty rows; stop after this many.
MAX_BLANK_RUN = 1000
MAX_COLUMNS = 200
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class GridRow:
    """One non-blank row: its number as the spreadsheet shows it (1-based) and its cells."""

    number: int
    cells: tuple[CellValue, ...]

    def cell(self, column: int) -> CellValue:
        return self.cells[column] if 0 <= column < len(self.cells) else None


@dataclass(frozen=True, slots=True)
class Grid:
    """One sheet (a CSV file is a single sheet named after the file)."""

    name: str
    rows: tuple[GridRow, ...]

    @property
    def width(self) -> int:
        return max((len(row.cells) for row in self.rows), default=0)

    def row(self, number: int) -> GridRow | None:
        """The row with this spreadsheet number, or None when it is blank or beyond the data."""
        return next((row for row in self.rows if row.number == number), None)

    def rows_after(self, number: int) -> tuple[GridRow, ...]:
        return tuple(row for row in self.rows if row.number > number)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file read whole: its sheets in workbook order, and for CSV the encoding found."""

    path: Path
    format: str  # "xlsx" or "csv"
    sheets: tuple[Grid, ...]
    encoding: str = ""

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def sheet(self, name: str | None = None) -> Grid:
        """The sheet called ``name``; the first sheet when ``name`` is None."""
        if name is None:
            return self.sheets[0]
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        names = "、".join(f"「{n}」" for n in self.sheet_names)
        raise ValidationError("sheet", f"シート「{name}」がありません（あるシート: {names}）。")


def read_source(path: Path | str) -> SourceFile:
    """Read a workbook (.xlsx, .xlsm) or a CSV / tab-separated text file."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file", f"ファイル {path} が見つかりません。")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ValidationError(
            "file",
            "Excel 97-2003 形式（.xls）のファイルは読み込めません。"
            "Excel で開いて「Excel ブック（.xlsx）」として保存し直してください。",
        )
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path)
    return read_csv(path)


def read_xlsx(path: Path) -> SourceFile:
    """Every sheet of a workbook, with cached values of formulas."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it does not read (data validation
            # extensions, conditional formats, no default style): the values are unaffected.
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                sheets = tuple(
                    Grid(ws.title, _xlsx_rows(ws))
                    for ws in workbook.worksheets
                    if hasattr(ws, "iter_rows")  # chart sheets have no cells
                )
            finally:
                workbook.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise DomainError(
            f"{path.name} を Excel ブック（.xlsx）として読み込めません。ファイルが壊れているか、"
            "パスワードが設定されている可能性があります。"
        ) from exc
    if not sheets:
        raise DomainError(f"{path.name} には読み込めるシートがありません。")
    return SourceFile(path, "xlsx", sheets)


def _xlsx_rows(ws: Any) -> tuple[GridRow, ...]:
    ws.reset_dimensions()  # trust the cells, not the size the file claims
    rows: list[GridRow] = []
    blank_run = 0
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        row = _clean_row(number, values[:MAX_COLUMNS])
        if row is None:
            blank_run += 1
            if blank_run >= MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        rows.append(row)
    return tuple(rows)


def read_csv(path: Path) -> SourceFile:
    """A CSV file as one sheet named after the file; tab-separated text is recognised."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(f"{path.name} を読み込めません: {exc.strerror}") from exc
    text, encoding = decode_text(data, path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[GridRow] = []
    try:
        for number, values in enumerate(reader, start=1):
            row = _clean_row(number, values[:MAX_COLUMNS])
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        raise DomainError(f"{path.name} を CSV として読み込めません: {exc}") from exc
    return SourceFile(path, "csv", (Grid(path.stem, tuple(rows)),), encoding)


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """The text of a CSV file and the name of the encoding it was written in."""
    # A byte order mark settles the encoding: such a file is never Shift_JIS.
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", "UTF-8（BOM付き）")]
    elif data.startswith(_UTF16_BOMS):
        candidates = [("utf-16", "UTF-16")]
    else:
        candidates = [("utf-8", "UTF-8"), ("cp932", "Shift_JIS（CP932）")]
    for codec, label in candidates:
        try:
            return data.decode(codec, errors="strict"), label
        except UnicodeDecodeError:
            continue
    raise DomainError(
        f"{name or 'ファイル'} の文字コードが判別できません。"
        "Excel で「CSV UTF-8（コンマ区切り）」として保存し直してください。"
    )


def _delimiter(text: str) -> str:
    """A tab when the first lines hold more tabs than commas (Excel's テキスト (タブ区切り))."""
    head = "\n".join(text.splitlines()[:20])
    return "\t" if head.count("\t") > head.count(",") else ","


def _clean_row(number: int, values: Sequence[Any]) -> GridRow | None:
    """Cells with surrounding spaces removed and empty text as None; None if the row is blank."""
    cells: list[CellValue] = []
    for value in values:
        if isinstance(value, str):
            value = value.strip().strip("\u3000") or None
        cells.append(value)
    while cells and cells[-1] is None:
        cells.pop()
    return GridRow(number, tuple(cells)) if cells else None


def cell_text(value: CellValue) -> str:
    """A cell as the preview and the report show it: dates as 2025/04/01, 12.0 as 12."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return f"{value:%Y/%m/%d}"
        return f"{value:%Y/%m/%d %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%Y/%m/%d}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())
