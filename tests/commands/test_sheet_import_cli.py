"""``kobankyo import-sheet``: the row-by-row report, mappings, dry runs and exit status."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from kobankyo_desktop.cli import main
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.services.councils import CouncilInput, CouncilRow, create_council
from kobankyo_desktop.core.services.stations import PostRow, StationRow
from kobankyo_desktop.core.vocab import CouncilKind

TableCounts = Callable[[], dict[str, int]]
HEADER = ["氏名", "ふりがな", "生年月日", "任期"]
GOOD = [
    ["山田 一郎", "やまだ いちろう", "S30.5.1", "令和7年4月1日～令和9年3月31日"],
    ["佐藤 花子", "さとう はなこ", "昭和37年8月15日", "令和7年4月1日～令和9年3月31日"],
]
BAD = ["川村 恵", "かわむら めぐみ", "令和7年2月30日", "令和7年4月1日～令和9年3月31日"]


@pytest.fixture
def council(db: Database, station: StationRow, post: PostRow) -> CouncilRow:
    with db.transaction() as s:
        return create_council(
            s,
            CouncilInput(
                station.id,
                "駅前交番連絡協議会",
                CouncilKind.STANDARD,
                [post.id],
                dt.date(2008, 4, 1),
            ),
        )


def workbook(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "名簿"
    sheet.append(["令和7年度 委員名簿"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def run(db: Database, council: CouncilRow, *argv: str) -> int:
    return main(["--db", str(db.path), "import-sheet", *argv, "--council", str(council.id)])


def test_a_clean_roster_imports_and_exits_0(
    db: Database, council: CouncilRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "名簿.xlsx", GOOD)
    assert run(db, council, "roster", str(path)) == 0
    out = capsys.readouterr().out
    assert "委員名簿: 名簿.xlsx（シート「名簿」、見出し 3行目）" in out
    assert "  D列「任期」→ 任期" in out
    assert "4行目  新規" in out and "5行目  新規" in out
    assert "委嘱 2件（新規の委員 2人・登録済みの委員 0人）を取り込みました。" in out
    assert "取り込み前のバックアップ:" in out
    assert run(db, council, "roster", str(path)) == 0  # nothing refused, nothing added
    out = capsys.readouterr().out
    assert "委嘱 0件" in out and "登録済み 2行" in out


def test_refused_rows_are_named_and_exit_1(
    db: Database,
    council: CouncilRow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table_counts: TableCounts,
) -> None:
    path = workbook(tmp_path / "名簿.xlsx", [*GOOD, BAD, GOOD[0]])
    assert run(db, council, "roster", str(path)) == 1
    out = capsys.readouterr().out
    assert "6行目  取り込めない  川村 恵（かわむら めぐみ）" in out
    assert "× 生年月日: 「令和7年2月30日」は存在しない日付です（令和7年2月は28日まで）。" in out
    assert "7行目  取り込めない" in out and "× 4行目と同じ内容です（シート内の重複）。" in out
    counts = table_counts()
    assert run(db, council, "roster", str(path)) == 1
    assert table_counts() == counts


def test_dry_run_changes_nothing(
    db: Database,
    council: CouncilRow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table_counts: TableCounts,
) -> None:
    path = workbook(tmp_path / "名簿.xlsx", GOOD)
    before = table_counts()
    assert run(db, council, "roster", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "を取り込みます。" in out
    assert "確認のみ（--dry-run）: データベースは変更していません。" in out
    assert table_counts() == before
    assert not (Path(str(db.path)).parent / "backups").exists()


def test_a_saved_mapping_is_used_for_headers_that_cannot_be_guessed(
    db: Database, council: CouncilRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = workbook(tmp_path / "独自.xlsx", GOOD, header=["委員", "よみかた", "誕生", "期"])
    assert run(db, council, "roster", str(odd), "--header-row", "3") == 2
    captured = capsys.readouterr()
    assert "「氏名」の列を選んでください。" in captured.err
    assert "A列「委員」→ （取り込まない）" in captured.out

    # A mapping saved from a file of the usual layout, edited for this one's headers.
    usual = workbook(tmp_path / "名簿.xlsx", GOOD)
    saved = tmp_path / "対応付け.json"
    assert run(db, council, "roster", str(usual), "--dry-run", "--save-mapping", str(saved)) == 0
    document = json.loads(saved.read_text(encoding="utf-8"))
    renamed = dict(zip(HEADER, ["委員", "よみかた", "誕生", "期"], strict=True))
    for column in document["columns"]:
        column["header"] = renamed[column["header"]]
    saved.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert run(db, council, "roster", str(odd), "--mapping", str(saved)) == 0
    out = capsys.readouterr().out
    assert "A列「委員」→ 氏名" in out and "D列「期」→ 任期" in out
    assert "委嘱 2件" in out


def test_a_meeting_list_in_shift_jis(
    db: Database, council: CouncilRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "会議.csv"
    with path.open("w", encoding="shift_jis", newline="") as f:
        csv.writer(f).writerows(
            [
                ["開催日", "種別", "場所", "出席者数"],
                ["令和7年5月20日", "定期", "駅前集会所", "12"],
                ["Ｒ７．１０．１", "臨時", "駅前交番", "8"],
            ]
        )
    assert run(db, council, "meetings", str(path)) == 1
    out = capsys.readouterr().out
    assert "文字コード Shift_JIS（CP932）" in out
    assert "2行目  新規　　　　  令和7年5月20日 定期会議 駅前集会所 12名" in out
    assert "3行目  取り込めない" in out
    assert "× 臨時会議は開催の理由を入力してください（§6(3)）。" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--sheet", "会議"], "シート「会議」がありません（あるシート: 「名簿」）。"),
        (["--header-row", "40"], "見出しの行が見つかりません"),
        (["--mapping", "missing.json"], "対応付けのファイル missing.json を読めません。"),
    ],
)
def test_user_errors_exit_2(
    db: Database,
    council: CouncilRow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    path = workbook(tmp_path / "名簿.xlsx", GOOD)
    assert run(db, council, "roster", str(path), *argv) == 2
    assert message in capsys.readouterr().err


def test_an_unknown_council_or_file_exits_2(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "名簿.xlsx", GOOD)
    argv = ["--db", str(db.path), "import-sheet", "roster"]
    assert main([*argv, str(path), "--council", "99"]) == 2
    assert "連絡協議会（ID 99）が見つかりません" in capsys.readouterr().err
    assert main([*argv, str(tmp_path / "none.csv"), "--council", "1"]) == 2
    assert "が見つかりません" in capsys.readouterr().err
