"""Tests for the CSV files and formula neutralising, in CSV and in the workbook."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from exchange_support import FISCAL_YEAR, TODAY
from openpyxl import load_workbook
from sqlalchemy import select

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Council
from kobankyo_desktop.core.services.appointments import AppointmentInput, appoint
from kobankyo_desktop.core.services.people import PersonInput, create_person
from kobankyo_desktop.exchange.csv_export import csv_cell, neutralise
from kobankyo_desktop.exchange.progress import Cancelled
from kobankyo_desktop.exchange.report import Period
from kobankyo_desktop.exchange.report_files import write_report

FORMULA_NAME = '=HYPERLINK("http://example.invalid","x")'


@pytest.fixture
def formula_member(demo_db: Database) -> Database:
    """A serving member whose name a spreadsheet would run as a formula."""
    with demo_db.transaction() as s:
        council_id = s.scalar(select(Council.id).where(Council.name == "駅前交番連絡協議会"))
        assert council_id is not None
        person = create_person(s, PersonInput(name=FORMULA_NAME, occupation="+81-3-0000"))
        appoint(s, AppointmentInput(council_id, person.id, dt.date(FISCAL_YEAR, 4, 1)))
    return demo_db


def _report(db: Database, target: Path, **kwargs: object) -> list[Path]:
    with db.reader() as s:
        return write_report(
            s,
            Period.for_fiscal_year(FISCAL_YEAR),
            target,
            as_of=TODAY,
            **kwargs,  # type: ignore[arg-type]
        )


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["", "駅前交番", "1-2-3", "a=b", "'quoted"])
def test_ordinary_text_is_kept(text: str) -> None:
    assert neutralise(text) == text


def test_cells_as_csv_text() -> None:
    assert csv_cell(None) == ""
    assert csv_cell(3) == "3"
    assert csv_cell(dt.date(2025, 5, 20)) == "2025-05-20"


def test_csv_files_are_utf8_with_bom_and_formulas_stay_text(
    formula_member: Database, tmp_path: Path
) -> None:
    files = _report(formula_member, tmp_path / "csv")
    assert [f.name for f in files] == [
        "令和7年度_実施状況.csv",
        "令和7年度_会議一覧.csv",
        "令和7年度_意見・要望.csv",
        "令和7年度_委員名簿.csv",
    ]
    for path in files:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not list((tmp_path / "csv").glob("*.partial"))
    with files[3].open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert header[:4] == ["警察署", "連絡協議会", "役職", "氏名"]
    names = [r[header.index("氏名")] for r in rows[1:]]
    assert "'" + FORMULA_NAME in names
    assert FORMULA_NAME not in names
    occupations = [r[header.index("職業")] for r in rows[1:]]
    assert "'+81-3-0000" in occupations
    summary = files[0].read_text(encoding="utf-8-sig").splitlines()
    assert summary[-1].startswith("合計,")


def test_workbook_keeps_formula_like_names_as_text(
    formula_member: Database, tmp_path: Path
) -> None:
    _report(formula_member, tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx")["委員名簿"]
    cells = [row[3] for row in ws.iter_rows(min_row=2)]
    formula_cells = [c for c in cells if c.value == FORMULA_NAME]
    assert len(formula_cells) == 1
    assert formula_cells[0].data_type == "s"
    assert formula_cells[0].quotePrefix


def test_cancelling_leaves_no_files(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        _report(demo_db, tmp_path / "csv", progress=lambda done, total: done < 3)
    assert not [p for p in (tmp_path / "csv").iterdir()]
    with pytest.raises(Cancelled):
        _report(demo_db, tmp_path / "r.xlsx", progress=lambda done, total: done < total)
    assert not list(tmp_path.glob("r.xlsx*"))


def test_progress_reaches_the_total(demo_db: Database, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    _report(demo_db, tmp_path / "r.xlsx", progress=lambda d, t: calls.append((d, t)) is None)
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] > 0
