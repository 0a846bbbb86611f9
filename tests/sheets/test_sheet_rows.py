"""Rows parsed into the services' inputs, with problems per cell (kobankyo_desktop.sheets.rows)."""

from __future__ import annotations

import datetime as dt

import pytest

from kobankyo_desktop.core.vocab import AgeBand, Field, Gender, MeetingKind, MeetingStatus
from kobankyo_desktop.sheets.mapping import ColumnMapping, SheetKind, Target
from kobankyo_desktop.sheets.reader import Grid, GridRow
from kobankyo_desktop.sheets.rows import UNITEMISED_ATTENDEES, ParsedRow, parse_rows

AS_OF = dt.date(2025, 6, 2)
ROSTER_TARGETS = (
    Target.NAME,
    Target.READING,
    Target.GENDER,
    Target.AGE,
    Target.FIELD,
    Target.TERM_START,
    Target.TERM_END,
    Target.TERM,
)
MEETING_TARGETS = (
    Target.HELD_ON,
    Target.MEETING_KIND,
    Target.STATUS,
    Target.ATTENDANCE,
    Target.MINUTES,
    Target.REASON,
)


def roster_row(*cells: object) -> ParsedRow:
    grid = Grid("名簿", (GridRow(1, ("h",) * 8), GridRow(2, cells)))  # type: ignore[arg-type]
    mapping = ColumnMapping(SheetKind.ROSTER, "名簿", 1, dict(enumerate(ROSTER_TARGETS)))
    return parse_rows(grid, mapping, AS_OF)[0]


def meeting_row(*cells: object) -> ParsedRow:
    grid = Grid("会議", (GridRow(1, ("h",) * 6), GridRow(2, cells)))  # type: ignore[arg-type]
    mapping = ColumnMapping(SheetKind.MEETINGS, "会議", 1, dict(enumerate(MEETING_TARGETS)))
    return parse_rows(grid, mapping, AS_OF)[0]


def test_a_full_roster_row() -> None:
    row = roster_row("山田 一郎", "ヤマダ イチロウ", "男性", "65歳", "町内会", "R7.4.1", "R9.3.31")
    assert row.problems == ()
    assert row.person is not None and row.term is not None
    assert (row.person.gender, row.person.age_band, row.person.field) == (
        Gender.MALE,
        AgeBand.SIXTIES,
        Field.NEIGHBOURHOOD,
    )
    assert (row.term.start, row.term.end, row.term.role) == (
        dt.date(2025, 4, 1),
        dt.date(2027, 3, 31),
        "委員",
    )
    assert row.texts[Target.READING] == "ヤマダ イチロウ"


@pytest.mark.parametrize(
    ("written", "gender"),
    [("男", Gender.MALE), ("女性", Gender.FEMALE), ("Ｆ", Gender.FEMALE), ("", Gender.UNSPECIFIED)],
)
def test_genders(written: str, gender: Gender) -> None:
    person = roster_row("山田", "", written or None, None, None, "R7.4.1").person
    assert person is not None and person.gender is gender


@pytest.mark.parametrize(
    ("written", "band"),
    [
        ("29", AgeBand.UNDER_30),
        ("30歳未満", AgeBand.UNDER_30),
        ("45", AgeBand.FORTIES),
        ("６０代", AgeBand.SIXTIES),
        ("70歳以上", AgeBand.SEVENTIES_PLUS),
        ("82", AgeBand.SEVENTIES_PLUS),
    ],
)
def test_ages_become_bands(written: str, band: AgeBand) -> None:
    person = roster_row("山田", "", None, written, None, "R7.4.1").person
    assert person is not None and person.age_band is band


@pytest.mark.parametrize(
    ("written", "field"),
    [
        ("自治会", Field.NEIGHBOURHOOD),
        ("交通安全協会", Field.TRAFFIC_SAFETY),
        ("民生委員", Field.MEDICAL_WELFARE),
        ("小学校PTA", Field.EDUCATION),
        ("保護司会", Field.PROBATION),
    ],
)
def test_fields_from_the_words_officers_use(written: str, field: Field) -> None:
    person = roster_row("山田", "", None, None, written, "R7.4.1").person
    assert person is not None and person.field is field


def test_an_unknown_field_is_other_with_a_note() -> None:
    row = roster_row("山田", "", None, None, "釣り同好会", "R7.4.1")
    assert row.person is not None and row.person.field is Field.OTHER
    assert row.notes == ("分野「釣り同好会」は区分にないため「その他」とします。",)


def test_every_bad_cell_is_named() -> None:
    row = roster_row(None, "", "X", "たくさん", None, "令和7年2月30日")
    assert row.term is None
    assert row.problems == (
        "氏名がありません。",
        "性別: 「X」は選択肢（男・女・その他・未回答）にありません。",
        "年齢: 「たくさん」は年齢として読めません。",
        "委嘱日: 「令和7年2月30日」は存在しない日付です（令和7年2月は28日まで）。",
    )


def test_term_columns_must_agree_and_a_start_is_needed() -> None:
    row = roster_row("山田", "", None, None, None, "R7.4.1", "R9.3.31", "R7.4.2～R9.3.31")
    assert row.problems == ("委嘱日: 「R7.4.1」が任期「R7.4.2～R9.3.31」と一致しません。",)
    assert roster_row("山田", "", None, None, None, None, "R9.3.31").problems == (
        "委嘱日（任期の開始日）がありません。",
    )
    spanned = roster_row("山田", "", None, None, None, None, None, "令和7年4月1日～9年3月31日")
    assert spanned.term is not None and spanned.term.end == dt.date(2027, 3, 31)


def test_a_meeting_row_held_or_planned_by_its_date() -> None:
    held = meeting_row("令和7年5月20日", "定期", None, "１２名")
    assert held.meeting is not None
    assert (held.meeting.kind, held.meeting.status, held.meeting.attendance) == (
        MeetingKind.REGULAR,
        MeetingStatus.HELD,
        12,
    )
    planned = meeting_row("令和7年11月25日")
    assert planned.meeting is not None and planned.meeting.status is MeetingStatus.PLANNED
    cancelled = meeting_row("令和7年11月25日", "定例会", "中止")
    assert cancelled.meeting is not None and cancelled.meeting.status is MeetingStatus.CANCELLED
    assert UNITEMISED_ATTENDEES == "出席者（内訳不明）"


def test_an_extraordinary_meeting_takes_its_reason_from_the_notes_if_need_be() -> None:
    row = meeting_row("R7.7.8", "臨時", None, None, "連続ひったくりの発生について")
    assert row.meeting is not None and row.meeting.reason == "連続ひったくりの発生について"
    assert "§6(3)" in row.notes[0]
    own_reason = meeting_row("R7.7.8", "臨時会議", None, None, "議事", "不審者の出没")
    assert own_reason.meeting is not None and own_reason.meeting.reason == "不審者の出没"


def test_bad_meeting_cells_are_named() -> None:
    row = meeting_row("令和7年2月30日", "緊急", None, "多数")
    assert row.problems == (
        "開催日: 「令和7年2月30日」は存在しない日付です（令和7年2月は28日まで）。",
        "種別: 「緊急」は選択肢（定期・臨時）にありません。",
        "出席者数: 「多数」は人数として読めません。",
    )
    assert meeting_row(None, "定期").problems == ("開催日がありません。",)
