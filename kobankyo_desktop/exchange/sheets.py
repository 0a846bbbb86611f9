"""The annual report laid out as tables: the same sheets go to the workbook and to CSV.

Headers are the Japanese terms headquarters counts by (DOMAIN.md, Practice); each column says
what it holds so the writers can format dates as dates and numbers as numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from kobankyo_desktop.core.dates import DateStyle, format_date, format_time_span
from kobankyo_desktop.core.vocab import AgeBand, Department, Field, Gender, label
from kobankyo_desktop.exchange.report import AnnualReport, CouncilSummary

ColumnKind = Literal["text", "int", "date"]
Cell = str | int | dt.date | None

SUMMARY = "実施状況"
MEETINGS = "会議一覧"
OPINIONS = "意見・要望"
MEMBERS = "委員名簿"
UNKNOWN_AGE = "年代不明"
TOTAL = "合計"


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    kind: ColumnKind = "text"
    width: float = 12


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table: a header row, data rows, and on the summary a totals row."""

    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    totals: tuple[Cell, ...] | None = None
    frozen_columns: int = 0  # leading columns kept in view when scrolling sideways


def report_sheets(report: AnnualReport) -> list[Sheet]:
    """実施状況, 会議一覧, 意見・要望 and 委員名簿, in that order."""
    return [
        summary_sheet(report),
        meetings_sheet(report),
        opinions_sheet(report),
        members_sheet(report),
    ]


def _wareki_dates(days: tuple[dt.date, ...]) -> str:
    return "、".join(format_date(d, DateStyle.WAREKI) for d in days)


def _grouped(prefix: str, values: list[StrEnum]) -> list[Column]:
    return [Column(f"{prefix}・{label(v)}", "int", 9) for v in values]


def summary_sheet(report: AnnualReport) -> Sheet:
    """One row per council (実施状況), with a totals row."""
    genders, bands = list(Gender), list(AgeBand)
    fields, departments = list(Field), list(Department)
    columns = (
        Column("警察署", width=18),
        Column("交番等", width=20),
        Column("連絡協議会", width=28),
        Column("種別", width=12),
        Column("委員数", "int", 8),
        *_grouped("性別", genders),
        *_grouped("年代", bands),
        Column("年代・不明", "int", 9),
        *_grouped("分野", fields),
        Column("定期会議 開催回数", "int", 10),
        Column("定期会議 開催日", width=36),
        Column("臨時会議 開催回数", "int", 10),
        Column("臨時会議 開催日・理由", width=48),
        Column("参加人数", "int", 10),
        Column("意見・要望 件数", "int", 10),
        *_grouped("担当部門", departments),
        Column("意見・要望 回答済み", "int", 10),
    )

    def row(c: CouncilSummary) -> tuple[Cell, ...]:
        extraordinary = "、".join(
            f"{format_date(day, DateStyle.WAREKI)}（{reason}）"
            for day, reason in c.extraordinary_held
        )
        return (
            c.station,
            "、".join(c.posts),
            c.name + ("（廃止）" if c.abolished_on else ""),
            label(c.kind),
            c.serving,
            *(c.by_gender[g] for g in genders),
            *(c.by_age_band[b] for b in bands),
            c.by_age_band[None],
            *(c.by_field[f] for f in fields),
            len(c.regular_held),
            _wareki_dates(c.regular_held),
            len(c.extraordinary_held),
            extraordinary,
            c.participants,
            c.opinions,
            *(c.opinions_by_department[d] for d in departments),
            c.answered,
        )

    rows = [row(c) for c in report.councils]
    totals: list[Cell] = [TOTAL]
    for index, column in enumerate(columns[1:], start=1):
        numbers = [r[index] for r in rows if isinstance(r[index], int)]
        totals.append(sum(numbers) if column.kind == "int" else None)  # type: ignore[arg-type]
    return Sheet(SUMMARY, columns, rows, tuple(totals), frozen_columns=3)


def meetings_sheet(report: AnnualReport) -> Sheet:
    """Every meeting of the period, planned, held or cancelled (会議一覧)."""
    columns = (
        Column("警察署", width=18),
        Column("連絡協議会", width=28),
        Column("種別", width=10),
        Column("状態", width=8),
        Column("開催日", "date", 18),
        Column("時間", width=30),
        Column("場所", width=28),
        Column("臨時会議の理由", width=40),
        Column("参加人数", "int", 10),
        Column("議題", width=60),
        Column("意見・要望 件数", "int", 10),
    )
    rows: list[tuple[Cell, ...]] = [
        (
            m.station,
            m.council,
            label(m.kind),
            label(m.status),
            m.held_on,
            format_time_span(m.start_time, m.end_time),
            m.place,
            m.reason,
            m.participants,
            "／".join(m.agenda),
            m.opinions,
        )
        for m in report.meetings
    ]
    return Sheet(MEETINGS, columns, rows, frozen_columns=2)


def opinions_sheet(report: AnnualReport) -> Sheet:
    """Every opinion or request raised in the period, with the response and status (§7)."""
    columns = (
        Column("警察署", width=18),
        Column("連絡協議会", width=28),
        Column("受理日", "date", 18),
        Column("区分", width=8),
        Column("担当部門", width=12),
        Column("件名", width=24),
        Column("内容", width=50),
        Column("提出者", width=16),
        Column("会議開催日", "date", 18),
        Column("措置・対応状況", width=50),
        Column("対応日", "date", 18),
        Column("対応状況", width=10),
        Column("完了日", "date", 18),
    )
    rows: list[tuple[Cell, ...]] = [
        (
            o.station,
            o.council,
            o.raised_on,
            label(o.category),
            label(o.department),
            o.subject,
            o.content,
            o.raised_by,
            o.meeting_held_on,
            o.response,
            o.responded_on,
            label(o.status),
            o.closed_on,
        )
        for o in report.opinions
    ]
    return Sheet(OPINIONS, columns, rows, frozen_columns=2)


def members_sheet(report: AnnualReport) -> Sheet:
    """Members serving on the roster date (委員名簿); contact details only when asked for."""
    columns: tuple[Column, ...] = (
        Column("警察署", width=18),
        Column("連絡協議会", width=28),
        Column("役職", width=10),
        Column("氏名", width=16),
        Column("ふりがな", width=20),
        Column("性別", width=8),
        Column("年代", width=10),
        Column("分野", width=12),
        Column("職業", width=16),
        Column("所属団体", width=24),
        Column("任期開始日", "date", 18),
        Column("任期満了日", "date", 18),
    )
    if report.include_contacts:
        columns += (
            Column("郵便番号", width=10),
            Column("住所", width=36),
            Column("電話番号", width=16),
            Column("メールアドレス", width=28),
        )
    rows: list[tuple[Cell, ...]] = []
    for m in report.members:
        row: tuple[Cell, ...] = (
            m.station,
            m.council,
            m.role,
            m.name,
            m.reading,
            label(m.gender),
            label(m.age_band) if m.age_band else UNKNOWN_AGE,
            label(m.field),
            m.occupation,
            m.organisation,
            m.term_start,
            m.term_end,
        )
        if m.contact is not None:
            row += (m.contact.postal_code, m.contact.address, m.contact.phone, m.contact.email)
        rows.append(row)
    return Sheet(MEMBERS, columns, rows, frozen_columns=4)
