"""Writing the annual report to files, as a workbook or as a folder of CSV files."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.exchange.csv_export import write_csv_files
from kobankyo_desktop.exchange.progress import Progress
from kobankyo_desktop.exchange.report import Period, build_annual_report
from kobankyo_desktop.exchange.sheets import report_sheets
from kobankyo_desktop.exchange.xlsx import write_workbook

REPORT_TITLE = "交番・駐在所連絡協議会 実施状況報告"


class ReportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


def format_for_target(target: Path) -> ReportFormat:
    """``.xlsx`` is a workbook; anything else is the folder for the CSV files."""
    if target.suffix.lower() == ".xlsx":
        return ReportFormat.XLSX
    if target.suffix.lower() == ".csv":
        raise ValidationError(
            "out",
            "CSV は表ごとに別のファイルになります。出力先にはフォルダーを指定してください。",
        )
    if target.exists() and not target.is_dir():
        raise ValidationError("out", f"{target} はフォルダーではありません。")
    return ReportFormat.CSV


def write_report(
    session: Session,
    period: Period,
    target: Path,
    *,
    as_of: dt.date,
    report_format: ReportFormat | None = None,
    include_contacts: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Compute the report for ``period`` and write it to ``target``; return the files written."""
    report_format = report_format or format_for_target(target)
    report = build_annual_report(session, period, as_of=as_of, include_contacts=include_contacts)
    sheets = report_sheets(report)
    label = period.label()
    if report_format is ReportFormat.XLSX:
        return [write_workbook(sheets, target, f"{REPORT_TITLE} {label}", progress)]
    return write_csv_files(sheets, target, label, progress)
