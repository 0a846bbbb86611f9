"""Tests for the annual report: figures checked against the database with plain SQL."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from exchange_support import FISCAL_YEAR, TODAY
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.exchange.report import Period, build_annual_report
from kobankyo_desktop.exchange.report_files import ReportFormat, format_for_target, write_report
from kobankyo_desktop.exchange.xlsx import WAREKI_DATE_FORMAT

START, END = dt.date(FISCAL_YEAR, 4, 1), dt.date(FISCAL_YEAR + 1, 3, 31)


def _workbook(db: Database, path: Path, period: Period | None = None, contacts: bool = False):  # type: ignore[no-untyped-def]
    with db.reader() as s:
        write_report(
            s,
            period or Period.for_fiscal_year(FISCAL_YEAR),
            path,
            as_of=TODAY,
            include_contacts=contacts,
        )
    return load_workbook(path)


def _rows_by_council(ws: Worksheet) -> tuple[dict[str, dict[str, object]], dict[str, object]]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    data = {str(r[2]): dict(zip(header, r, strict=True)) for r in rows[1:-1]}
    totals = dict(zip(header, rows[-1], strict=True))
    return data, totals


def _expected(db_path: Path, council: str, period: tuple[dt.date, dt.date]) -> dict[str, int]:
    """The figures for one council, computed with simple SQL of the test's own."""
    start, end = (d.isoformat() for d in period)
    roster_day = min(period[1], TODAY).isoformat()
    with sqlite3.connect(db_path) as conn:
        (cid,) = conn.execute("SELECT id FROM councils WHERE name = ?", (council,)).fetchone()

        def one(sql: str, *args: object) -> int:
            return int(conn.execute(sql, args).fetchone()[0] or 0)

        serving = """FROM appointments a JOIN people p ON p.id = a.person_id
            WHERE a.council_id = ? AND a.term_start <= ? AND a.term_end >= ?
            AND (a.ended_on IS NULL OR a.ended_on >= ?)"""
        held = """FROM meetings WHERE council_id = ? AND status = 'held'
            AND held_on BETWEEN ? AND ?"""
        return {
            "委員数": one(f"SELECT count(*) {serving}", cid, roster_day, roster_day, roster_day),
            "性別・男性": one(
                f"SELECT count(*) {serving} AND p.gender = 'male'",
                cid,
                roster_day,
                roster_day,
                roster_day,
            ),
            "性別・女性": one(
                f"SELECT count(*) {serving} AND p.gender = 'female'",
                cid,
                roster_day,
                roster_day,
                roster_day,
            ),
            "定期会議 開催回数": one(
                f"SELECT count(*) {held} AND kind = 'regular'", cid, start, end
            ),
            "臨時会議 開催回数": one(
                f"SELECT count(*) {held} AND kind = 'extraordinary'", cid, start, end
            ),
            "参加人数": one(
                f"""SELECT sum(head_count) FROM attendances WHERE meeting_id IN
                (SELECT id {held})""",
                cid,
                start,
                end,
            ),
            "意見・要望 件数": one(
                "SELECT count(*) FROM opinions WHERE council_id = ? AND raised_on BETWEEN ? AND ?",
                cid,
                start,
                end,
            ),
            "担当部門・交通": one(
                """SELECT count(*) FROM opinions WHERE council_id = ? AND department = 'traffic'
                AND raised_on BETWEEN ? AND ?""",
                cid,
                start,
                end,
            ),
            "意見・要望 回答済み": one(
                """SELECT count(*) FROM opinions WHERE council_id = ?
                AND raised_on BETWEEN ? AND ?
                AND (responded_on IS NOT NULL OR status = 'closed')""",
                cid,
                start,
                end,
            ),
        }


def test_summary_shows_the_counts_of_the_database(demo_db: Database, tmp_path: Path) -> None:
    wb = _workbook(demo_db, tmp_path / "report.xlsx")
    assert wb.sheetnames == ["実施状況", "会議一覧", "意見・要望", "委員名簿"]
    data, totals = _rows_by_council(wb["実施状況"])
    assert demo_db.path is not None
    with sqlite3.connect(demo_db.path) as conn:
        names = [
            n
            for (n,) in conn.execute(
                """SELECT name FROM councils WHERE established_on <= ?
                AND (abolished_on IS NULL OR abolished_on >= ?)""",
                (END.isoformat(), START.isoformat()),
            )
        ]
    assert {n.removesuffix("（廃止）") for n in data} == set(names)
    for shown, row in data.items():
        expected = _expected(demo_db.path, shown.removesuffix("（廃止）"), (START, END))
        assert {k: row[k] for k in expected} == expected, shown
    # The sample has held meetings, requests and members this 年度: the check is not vacuous.
    assert totals["委員数"] and totals["参加人数"] and totals["意見・要望 件数"]
    for column, total in totals.items():
        if isinstance(total, int):
            assert total == sum(int(r[column] or 0) for r in data.values()), column  # type: ignore[arg-type]
    assert totals["警察署"] == "合計"


def test_summary_lists_meeting_dates_in_wareki(demo_db: Database, tmp_path: Path) -> None:
    data, _ = _rows_by_council(_workbook(demo_db, tmp_path / "r.xlsx")["実施状況"])
    row = data["駅前交番連絡協議会"]
    assert row["定期会議 開催回数"] == 1
    assert str(row["定期会議 開催日"]).startswith("令和7年")
    assert "自転車盗" in str(row["臨時会議 開催日・理由"])


def test_sheets_have_dates_frozen_headers_and_widths(demo_db: Database, tmp_path: Path) -> None:
    wb = _workbook(demo_db, tmp_path / "r.xlsx")
    meetings = wb["会議一覧"]
    header = [c.value for c in meetings[1]]
    held_on = meetings.cell(row=2, column=header.index("開催日") + 1)
    assert isinstance(held_on.value, dt.datetime)
    assert held_on.number_format == WAREKI_DATE_FORMAT
    assert START <= held_on.value.date() <= END
    for ws in wb:
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("2")
        assert ws.column_dimensions["A"].width > 10
        assert ws["A1"].font.bold


def test_roster_has_contact_details_only_when_asked(demo_db: Database, tmp_path: Path) -> None:
    plain = [c.value for c in _workbook(demo_db, tmp_path / "a.xlsx")["委員名簿"][1]]
    assert "住所" not in plain and "電話番号" not in plain
    wb = _workbook(demo_db, tmp_path / "b.xlsx", contacts=True)
    ws = wb["委員名簿"]
    header = [c.value for c in ws[1]]
    assert "住所" in header
    addresses = [r[header.index("住所")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert addresses and all(str(a).startswith("架空県") for a in addresses)


def test_a_date_range_counts_only_its_days(demo_db: Database, tmp_path: Path) -> None:
    period = Period(dt.date(FISCAL_YEAR, 4, 1), dt.date(FISCAL_YEAR, 9, 30))
    data, _ = _rows_by_council(_workbook(demo_db, tmp_path / "r.xlsx", period)["実施状況"])
    assert demo_db.path is not None
    for shown, row in data.items():
        expected = _expected(
            demo_db.path, shown.removesuffix("（廃止）"), (period.start, period.end)
        )
        assert {k: row[k] for k in expected} == expected, shown


def test_councils_abolished_before_the_period_are_left_out(demo_db: Database) -> None:
    with demo_db.reader() as s:
        future = Period.for_fiscal_year(FISCAL_YEAR + 5)
        later = build_annual_report(s, future, as_of=future.end)
        now = build_annual_report(s, Period.for_fiscal_year(FISCAL_YEAR), as_of=TODAY)
    # 中町 was merged (abolished) at the start of last 年度.
    assert "中町交番連絡協議会" not in [c.name for c in now.councils]
    assert len(later.councils) == len(now.councils)
    assert all(c.serving == 0 and not c.regular_held for c in later.councils)


def test_period_label_and_validation() -> None:
    assert Period.for_fiscal_year(2025).label() == "令和7年度"
    assert (
        Period(dt.date(2025, 4, 1), dt.date(2025, 9, 30)).label() == "令和7年4月1日～令和7年9月30日"
    )
    with pytest.raises(ValidationError, match="終了日"):
        Period(dt.date(2025, 4, 2), dt.date(2025, 4, 1))


def test_target_names_choose_the_format(tmp_path: Path) -> None:
    assert format_for_target(tmp_path / "r.XLSX") is ReportFormat.XLSX
    assert format_for_target(tmp_path / "folder") is ReportFormat.CSV
    with pytest.raises(ValidationError, match="フォルダー"):
        format_for_target(tmp_path / "r.csv")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ValidationError, match="フォルダーではありません"):
        format_for_target(tmp_path / "file")
