"""Importing rosters and meeting lists (kobankyo_desktop.sheets.importer and .report).

The acceptance of issue 8: sheets built here in the shapes koban keep (merged title rows,
blank rows, 全角 digits, Shift_JIS and UTF-8-BOM CSV, an impossible date, a person already in
the database and a row twice in the sheet). The report names each bad row and why, nothing
invalid is written, and a second import of the same file adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sheet_builders import MEETING_ROWS, roster_xlsx, write_csv
from sqlalchemy import select

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Appointment, Attendance, Meeting, Person
from kobankyo_desktop.core.services.councils import CouncilInput, CouncilRow, create_council
from kobankyo_desktop.core.services.people import PersonInput, PersonRow, create_person
from kobankyo_desktop.core.services.stations import PostRow, StationRow
from kobankyo_desktop.core.vocab import CouncilKind, Field, Gender, MeetingKind, MeetingStatus
from kobankyo_desktop.sheets.importer import (
    BACKUP_LABEL,
    ImportPlan,
    ImportRequest,
    RowStatus,
    import_sheet,
    preview_import,
)
from kobankyo_desktop.sheets.mapping import SheetKind, guess_header_row, guess_mapping
from kobankyo_desktop.sheets.reader import read_source
from kobankyo_desktop.sheets.report import report_lines
from kobankyo_desktop.sheets.rows import UNITEMISED_ATTENDEES, parse_rows

TableCounts = Callable[[], dict[str, int]]
AS_OF = dt.date(2025, 6, 2)
D = dt.date


@pytest.fixture
def council(db: Database, station: StationRow, post: PostRow) -> CouncilRow:
    with db.transaction() as s:
        return create_council(
            s,
            CouncilInput(
                station.id, "駅前交番連絡協議会", CouncilKind.STANDARD, [post.id], D(2008, 4, 1)
            ),
        )


@pytest.fixture
def hanako(db: Database) -> PersonRow:
    """Already in the database, entered by hand: name and reading, no birth date."""
    with db.transaction() as s:
        return create_person(s, PersonInput("佐藤 花子", "さとう はなこ", Gender.FEMALE))


def request_for(path: Path, kind: SheetKind, council_id: int, **options: object) -> ImportRequest:
    grid = read_source(path).sheet()
    header_row = guess_header_row(grid, kind)
    assert header_row == 3
    mapping = guess_mapping(grid, kind, header_row)
    rows = tuple(parse_rows(grid, mapping, AS_OF))
    return ImportRequest(kind, council_id, rows, **options)  # type: ignore[arg-type]


def statuses(plan: ImportPlan) -> dict[int, RowStatus]:
    return {row.number: row.status for row in plan.rows}


def problems(plan: ImportPlan) -> dict[int, tuple[str, ...]]:
    return {row.number: row.problems for row in plan.rows if row.problems}


ROSTER_FIRST = {
    4: RowStatus.NEW,
    5: RowStatus.MATCHED,
    7: RowStatus.INVALID,
    8: RowStatus.NEW,
    9: RowStatus.INVALID,
    10: RowStatus.INVALID,
}
ROSTER_PROBLEMS = {
    7: ("生年月日: 「令和7年2月30日」は存在しない日付です（令和7年2月は28日まで）。",),
    9: ("4行目と同じ内容です（シート内の重複）。",),
    10: ("氏名がありません。",),
}


def test_a_roster_is_previewed_without_writing_anything(
    db: Database, council: CouncilRow, hanako: PersonRow, tmp_path: Path, table_counts: TableCounts
) -> None:
    request = request_for(roster_xlsx(tmp_path / "名簿.xlsx"), SheetKind.ROSTER, council.id)
    before = table_counts()
    plan = preview_import(db, request)
    assert table_counts() == before
    assert not plan.applied
    assert statuses(plan) == ROSTER_FIRST
    assert problems(plan) == ROSTER_PROBLEMS
    matched = next(row for row in plan.rows if row.status is RowStatus.MATCHED)
    assert matched.match is not None
    assert (matched.match.person_id, matched.match.basis) == (hanako.id, "氏名・ふりがな")
    assert not list(db.path.parent.glob("backups/*"))  # type: ignore[union-attr]


def test_a_roster_is_imported_once_and_a_second_import_adds_nothing(
    db: Database, council: CouncilRow, hanako: PersonRow, tmp_path: Path, table_counts: TableCounts
) -> None:
    path = roster_xlsx(tmp_path / "名簿.xlsx")
    before = table_counts()
    plan = import_sheet(db, request_for(path, SheetKind.ROSTER, council.id))
    assert plan.applied and statuses(plan) == ROSTER_FIRST
    after = table_counts()
    assert after["people"] == before["people"] + 2  # 山田 and 木下; 佐藤 was matched
    assert after["appointments"] == before["appointments"] + 3
    assert plan.backup is not None and plan.backup.exists()
    assert BACKUP_LABEL in plan.backup.name

    with db.reader() as s:
        people = {p.name: p for p in s.scalars(select(Person))}
        assert set(people) == {"佐藤 花子", "山田 一郎", "木下 健"}  # 川村 恵 was refused
        yamada, kinoshita = people["山田 一郎"], people["木下 健"]
        assert (yamada.reading, yamada.birth_date, yamada.gender, yamada.field) == (
            "やまだ いちろう",
            D(1955, 5, 1),
            Gender.MALE,
            Field.OTHER,
        )
        assert yamada.organisation == "駅前町内会"
        assert kinoshita.birth_date == D(1990, 3, 4)  # Ｈ２．３．４
        assert people["佐藤 花子"].birth_date is None  # a match is not overwritten
        terms = {
            (a.person.name, a.role, a.term_start, a.term_end)
            for a in s.scalars(select(Appointment).where(Appointment.council_id == council.id))
        }
    assert terms == {
        ("山田 一郎", "会長", D(2025, 4, 1), D(2027, 3, 31)),
        ("佐藤 花子", "副会長", D(2025, 4, 1), D(2027, 3, 31)),
        ("木下 健", "委員", D(2025, 4, 1), D(2027, 3, 31)),
    }

    again = import_sheet(db, request_for(path, SheetKind.ROSTER, council.id), backup=False)
    assert table_counts() == after
    assert statuses(again) == {
        4: RowStatus.ALREADY,
        5: RowStatus.ALREADY,
        7: RowStatus.INVALID,
        8: RowStatus.ALREADY,
        9: RowStatus.INVALID,
        10: RowStatus.INVALID,
    }
    assert problems(again) == ROSTER_PROBLEMS


def test_the_report_names_each_bad_row_and_why(
    db: Database, council: CouncilRow, hanako: PersonRow, tmp_path: Path
) -> None:
    request = request_for(roster_xlsx(tmp_path / "名簿.xlsx"), SheetKind.ROSTER, council.id)
    lines = report_lines(preview_import(db, request))
    text = "\n".join(lines)
    assert lines[0] == f"連絡協議会: 駅前交番連絡協議会（ID {council.id}）"
    for number, (problem,) in ROSTER_PROBLEMS.items():
        line = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{number}行目"))
        assert "取り込めない" in lines[line]
        assert lines[line + 1 :].index(f"{'':>11}× {problem}") < 3
    assert (
        "4行目  新規" in text
        and "山田 一郎（やまだ いちろう） 令和7年4月1日～令和9年3月31日 会長" in text
    )
    assert f"→ 登録済みの佐藤 花子さん（ID {hanako.id}、氏名・ふりがなが一致）" in text
    assert "→ 4行目の方と同じ方（氏名・生年月日が一致）" in text
    assert lines[-1] == (
        "全6行: 委嘱 3件（新規の委員 2人・登録済みの委員 1人）を取り込みます。"
        "登録済み 0行、取り込めない行 3行。"
    )


def test_the_user_may_import_a_matched_row_as_a_new_person(
    db: Database, council: CouncilRow, hanako: PersonRow, tmp_path: Path
) -> None:
    path = roster_xlsx(tmp_path / "名簿.xlsx")
    plan = import_sheet(
        db,
        request_for(path, SheetKind.ROSTER, council.id, new_person_rows=frozenset({5})),
        backup=False,
    )
    assert plan.rows[1].status is RowStatus.NEW
    with db.reader() as s:
        assert len(s.scalars(select(Person).where(Person.name == "佐藤 花子")).all()) == 2


def test_people_who_differ_or_cannot_be_told_apart(
    db: Database, council: CouncilRow, tmp_path: Path, table_counts: TableCounts
) -> None:
    with db.transaction() as s:
        create_person(s, PersonInput("木下 健", "きのした たけし"))  # another reading
        create_person(s, PersonInput("山田 一郎"))  # two of them, nothing to tell them apart
        create_person(s, PersonInput("山田一郎"))
    plan = preview_import(
        db, request_for(roster_xlsx(tmp_path / "名簿.xlsx"), SheetKind.ROSTER, council.id)
    )
    rows = {row.number: row for row in plan.rows}
    assert rows[8].status is RowStatus.NEW
    assert "ふりがなか生年月日が異なるため別の方として登録します" in rows[8].notes[0]
    assert rows[4].status is RowStatus.INVALID
    assert "同じ氏名の方が複数登録されていて" in rows[4].problems[0]


def test_rows_the_services_refuse_are_rolled_back_alone(
    db: Database, council: CouncilRow, tmp_path: Path, table_counts: TableCounts
) -> None:
    rows = [
        ("名簿",),
        (),
        ("氏名", "ふりがな", "任期", "メール"),
        ("逆井 始", "さかさい はじめ", "R9.3.31～R7.4.1", ""),  # ends before it starts
        ("目羅 一", "めら はじめ", "R7.4.1～R9.3.31", "no-at-sign"),  # the person is refused
        ("正木 正", "まさき ただし", "R7.4.1", ""),  # two years by default (§3(5))
    ]
    path = write_csv(tmp_path / "名簿.csv", rows, "utf-8-sig")
    before = table_counts()
    plan = import_sheet(db, request_for(path, SheetKind.ROSTER, council.id), backup=False)
    assert problems(plan) == {
        4: ("任期の満了日は開始日より後にしてください。",),
        5: ("メールアドレスの形式が正しくありません。",),
    }
    assert table_counts()["people"] == before["people"] + 1
    with db.reader() as s:
        term = s.scalars(select(Appointment)).one()
        assert (term.person.name, term.term_start, term.term_end) == (
            "正木 正",
            D(2025, 4, 1),
            D(2027, 3, 31),
        )


@pytest.mark.parametrize("encoding", ["shift_jis", "utf-8-sig"])
def test_a_meeting_list_from_csv_and_a_second_import(
    db: Database, council: CouncilRow, tmp_path: Path, table_counts: TableCounts, encoding: str
) -> None:
    path = write_csv(tmp_path / "会議.csv", MEETING_ROWS, encoding)
    before = table_counts()
    plan = import_sheet(db, request_for(path, SheetKind.MEETINGS, council.id))
    assert statuses(plan) == {
        4: RowStatus.NEW,
        5: RowStatus.NEW,
        6: RowStatus.INVALID,
        7: RowStatus.NEW,
        8: RowStatus.INVALID,
        9: RowStatus.INVALID,
    }
    assert problems(plan) == {
        6: ("開催日: 「令和7年2月30日」は存在しない日付です（令和7年2月は28日まで）。",),
        8: ("4行目と同じ内容です（シート内の重複）。",),
        9: ("臨時会議は開催の理由を入力してください（§6(3)）。",),
    }
    after = table_counts()
    assert after["meetings"] == before["meetings"] + 3
    with db.reader() as s:
        meetings = {m.held_on: m for m in s.scalars(select(Meeting))}
        first, extra, planned = (meetings[D(2025, m, d)] for m, d in ((5, 20), (7, 8), (11, 25)))
        assert (first.kind, first.status, first.place) == (
            MeetingKind.REGULAR,
            MeetingStatus.HELD,
            "駅前集会所",
        )
        assert (first.start_time, first.end_time) == (dt.time(15, 30), dt.time(16, 30))
        assert first.minutes == "防犯対策について"
        attendance = s.scalars(select(Attendance).where(Attendance.meeting_id == first.id)).one()
        assert (attendance.name, attendance.head_count) == (UNITEMISED_ATTENDEES, 12)
        assert (extra.kind, extra.reason) == (MeetingKind.EXTRAORDINARY, "連続ひったくりの発生")
        assert planned.status is MeetingStatus.PLANNED
        assert (planned.start_time, planned.end_time) == (dt.time(14, 0), dt.time(15, 0))

    again = import_sheet(db, request_for(path, SheetKind.MEETINGS, council.id), backup=False)
    assert table_counts() == after
    assert [row.status for row in again.rows].count(RowStatus.ALREADY) == 3
    assert "会議 0件を取り込みました。登録済み 3行、取り込めない行 3行。" in report_lines(again)[-1]
