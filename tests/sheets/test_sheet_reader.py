"""Reading workbooks and CSV files into grids (kobankyo_desktop.sheets.reader)."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from sheet_builders import ROSTER_HEADER, ROSTER_TITLE, roster_xlsx, write_csv, write_xlsx

from kobankyo_desktop.core.errors import DomainError, ValidationError
from kobankyo_desktop.sheets.reader import cell_text, decode_text, read_source

ROWS = [
    ("氏名", "ふりがな"),
    ("髙橋 ①郎", "たかはし いちろう"),
    (),
    ("山田 一郎", "やまだ いちろう"),
]


def test_a_workbook_keeps_spreadsheet_row_numbers_and_drops_blank_rows(tmp_path: Path) -> None:
    source = read_source(roster_xlsx(tmp_path / "名簿.xlsx"))
    assert source.format == "xlsx"
    grid = source.sheet()
    assert grid.name == "名簿"
    numbers = [row.number for row in grid.rows]
    assert numbers == [1, 3, 4, 5, 7, 8, 9, 10]  # 2 and 6 are blank
    assert grid.row(1).cells == (ROSTER_TITLE,)  # type: ignore[union-attr]  # the merged title
    assert grid.row(3).cells == ROSTER_HEADER  # type: ignore[union-attr]
    assert grid.row(5).cell(4) == dt.datetime(1962, 8, 15)  # type: ignore[union-attr]
    assert grid.row(2) is None
    assert grid.width == len(ROSTER_HEADER)


def test_every_sheet_is_read_and_named(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [("山田",)], header=("氏名",), extra_sheets=["メモ"])
    source = read_source(path)
    assert source.sheet_names == ["名簿", "メモ"]
    assert source.sheet("メモ").rows[0].cells == ("メモ",)
    with pytest.raises(
        ValidationError, match="シート「会議」がありません（あるシート: 「名簿」、「メモ」）"
    ):
        source.sheet("会議")


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8-sig", "UTF-8（BOM付き）"),
        ("utf-8", "UTF-8"),
        ("cp932", "Shift_JIS（CP932）"),
        ("utf-16", "UTF-16"),
    ],
)
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str, label: str) -> None:
    delimiter = "\t" if encoding == "utf-16" else ","  # Excel's Unicode text is tab-separated
    path = write_csv(tmp_path / "名簿.csv", ROWS, encoding, delimiter)
    source = read_source(path)
    assert source.encoding == label
    grid = source.sheet()
    assert grid.name == "名簿"
    assert [row.number for row in grid.rows] == [1, 2, 4]
    assert grid.rows[1].cells == ("髙橋 ①郎", "たかはし いちろう")


def test_a_plain_shift_jis_csv_reads(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "s.csv", [("氏名", "任期"), ("山田", "R7.4.1〜R9.3.31")], "shift_jis"
    )
    grid = read_source(path).sheet()
    assert grid.rows[1].cells == ("山田", "R7.4.1～R9.3.31")  # as CP932 shows 0x8160


def test_cells_are_trimmed_and_empty_text_is_blank(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [(" 氏名 ", "\u3000"), ("", "  "), ("a", "")], "utf-8")
    grid = read_source(path).sheet()
    assert [(row.number, row.cells) for row in grid.rows] == [(1, ("氏名",)), (3, ("a",))]


def test_undecodable_text_is_refused_in_japanese() -> None:
    with pytest.raises(DomainError, match="文字コードが判別できません"):
        decode_text(codecs.BOM_UTF8 + b"\xff\xfe\xfa", "x.csv")
    with pytest.raises(DomainError, match="文字コードが判別できません"):
        decode_text(b"\x81\x7f\xfc\xfc", "x.csv")


def test_files_that_are_not_sheets_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="見つかりません"):
        read_source(tmp_path / "none.xlsx")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match=r"Excel 97-2003 形式（\.xls）"):
        read_source(old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DomainError, match=r"Excel ブック（\.xlsx）として読み込めません"):
        read_source(broken)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (dt.datetime(2025, 4, 1), "2025/04/01"),
        (dt.datetime(2025, 4, 1, 15, 30), "2025/04/01 15:30"),
        (dt.date(2025, 4, 1), "2025/04/01"),
        (dt.time(15, 30), "15:30"),
        (12.0, "12"),
        (12.5, "12.5"),
        (True, "TRUE"),
        ("任期\n満了日", "任期 満了日"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text  # type: ignore[arg-type]
