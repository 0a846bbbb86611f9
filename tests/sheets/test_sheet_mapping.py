"""Columns to fields: guessed from headers, saved and reused (kobankyo_desktop.sheets.mapping)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sheet_builders import roster_xlsx, write_csv, write_xlsx

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.sheets.mapping import (
    ColumnMapping,
    SheetKind,
    Target,
    check_kind,
    column_letter,
    guess_header_row,
    guess_mapping,
    guess_target,
    headers_of,
    load_mapping,
    save_mapping,
    to_saved,
)
from kobankyo_desktop.sheets.reader import read_source

ROSTER = SheetKind.ROSTER
MEETINGS = SheetKind.MEETINGS


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("氏名", Target.NAME),
        ("委員氏名", Target.NAME),
        ("氏　名", Target.NAME),
        ("姓", Target.NAME),
        ("ふりがな", Target.READING),
        ("フリガナ", Target.READING),
        ("ﾌﾘｶﾞﾅ", Target.READING),
        ("よみ", Target.READING),
        ("性別", Target.GENDER),
        ("生年月日", Target.BIRTH_DATE),
        ("年齢", Target.AGE),
        ("年代", Target.AGE),
        ("職業", Target.OCCUPATION),
        ("所属", Target.ORGANISATION),
        ("所属団体名", Target.ORGANISATION),
        ("分野", Target.FIELD),
        ("住所", Target.ADDRESS),
        ("電話番号", Target.PHONE),
        ("ＴＥＬ", Target.PHONE),
        ("メールアドレス", Target.EMAIL),
        ("役職", Target.ROLE),
        ("委嘱日", Target.TERM_START),
        ("委嘱年月日", Target.TERM_START),
        ("任期（自）", Target.TERM_START),
        ("任期開始", Target.TERM_START),
        ("任期", Target.TERM),
        ("委嘱期間", Target.TERM),
        ("任期満了日", Target.TERM_END),
        ("任期（至）", Target.TERM_END),
        ("任期終了", Target.TERM_END),
        ("備考", Target.NOTES),
        ("No.", None),
        ("", None),
    ],
)
def test_roster_headers(header: str, target: Target | None) -> None:
    assert guess_target(ROSTER, header) is target


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("開催日", Target.HELD_ON),
        ("開催年月日", Target.HELD_ON),
        ("種別", Target.MEETING_KIND),
        ("区分", Target.MEETING_KIND),  # in a roster, 区分 is the 分野
        ("場所", Target.PLACE),
        ("会場", Target.PLACE),
        ("出席者数", Target.ATTENDANCE),
        ("出席人数", Target.ATTENDANCE),
        ("備考", Target.MINUTES),
        ("議事", Target.MINUTES),
        ("主な議題", Target.MINUTES),
        ("理由", Target.REASON),
        ("臨時会議の開催理由", Target.REASON),
        ("開催時間", Target.TIME),
        ("氏名", None),
    ],
)
def test_meeting_headers(header: str, target: Target | None) -> None:
    assert guess_target(MEETINGS, header) is target
    assert guess_target(ROSTER, "区分") is Target.FIELD


def test_the_header_row_is_found_below_a_merged_title(tmp_path: Path) -> None:
    grid = read_source(roster_xlsx(tmp_path / "r.xlsx")).sheet()
    assert guess_header_row(grid, ROSTER) == 3
    mapping = guess_mapping(grid, ROSTER, 3)
    assert mapping.columns == {
        1: Target.NAME,
        2: Target.READING,
        3: Target.GENDER,
        4: Target.BIRTH_DATE,
        5: Target.ORGANISATION,
        6: Target.ROLE,
        7: Target.TERM,
        8: Target.NOTES,
    }
    assert mapping.problems() == []


def test_no_header_row_is_guessed_from_data_alone(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [("山田", "2025/4/1"), ("佐藤", "2025/4/1")], "utf-8")
    assert guess_header_row(read_source(path).sheet(), ROSTER) is None


def test_split_name_columns_are_both_the_name(tmp_path: Path) -> None:
    header = ("姓", "名", "セイ", "メイ", "委嘱日")
    grid = read_source(write_xlsx(tmp_path / "s.xlsx", [], header=header)).sheet()
    mapping = guess_mapping(grid, ROSTER, 1)
    assert list(mapping.columns.values()) == [Target.NAME] * 2 + [Target.READING] * 2 + [
        Target.TERM_START
    ]
    assert mapping.problems() == []


def test_mapping_problems_name_what_is_missing_or_doubled() -> None:
    mapping = ColumnMapping(ROSTER, "名簿", 1, {0: Target.BIRTH_DATE, 3: Target.BIRTH_DATE})
    assert mapping.problems() == [
        "「氏名」の列を選んでください。",
        "「委嘱日」または「任期」の列を選んでください。",
        "「生年月日」に複数の列（A・D列）が選ばれています。",
    ]
    assert ColumnMapping(MEETINGS, "会議", 1, {}).problems() == ["「開催日」の列を選んでください。"]


def test_a_saved_mapping_is_reused_when_columns_move_and_titles_change(tmp_path: Path) -> None:
    first = read_source(roster_xlsx(tmp_path / "r.xlsx")).sheet()
    mapping = guess_mapping(first, ROSTER, 3)
    mapping.columns[8] = Target.OCCUPATION  # the user's choice: 備考 holds the occupation
    del mapping.columns[3]  # and 性別 is not imported
    path = tmp_path / "名簿の対応.json"
    save_mapping(path, to_saved(mapping, headers_of(first, 3)))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["sheet"] == "名簿"
    assert document["header_row"] == 3
    assert {"header": "性別", "field": None} in document["columns"]

    # Next year's file: no title rows, columns in another order, a new column.
    header = ("フリガナ", "氏名", "任期", "備考", "性別", "電話")
    second = read_source(write_xlsx(tmp_path / "r2.xlsx", [], header=header)).sheet()
    saved = load_mapping(path)
    assert saved.kind is ROSTER
    row = saved.find_header_row(second)
    assert row == 1
    reused = saved.apply(second, row)
    assert reused.columns == {
        0: Target.READING,
        1: Target.NAME,
        2: Target.TERM,
        3: Target.OCCUPATION,
        5: Target.PHONE,  # not in the saved mapping: guessed
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "列の対応付けのファイルではありません"),
        ('{"format": "other"}', "列の対応付けのファイルではありません"),
        ('{"format": "kobankyo-sheet-mapping", "version": 9}', "新しいバージョン"),
        (
            '{"format": "kobankyo-sheet-mapping", "version": 1, "kind": "roster",'
            ' "columns": [{"header": "氏名", "field": "shoe_size"}]}',
            "内容が正しくありません",
        ),
    ],
)
def test_a_bad_mapping_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        load_mapping(path)


def test_a_mapping_for_the_other_kind_is_refused(tmp_path: Path) -> None:
    mapping = ColumnMapping(MEETINGS, "会議", 1, {0: Target.HELD_ON})
    path = tmp_path / "m.json"
    save_mapping(path, to_saved(mapping, ["開催日"]))
    with pytest.raises(ValidationError, match="この対応付けは会議一覧用です"):
        check_kind(load_mapping(path), ROSTER)


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
