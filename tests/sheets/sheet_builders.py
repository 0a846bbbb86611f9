"""Sheets built the way koban keep them: a merged title above the header, blank rows, 全角.

Used by the tests under tests/sheets (imported by module name, as pytest puts this folder on
``sys.path``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

Row = Sequence[object]

ROSTER_TITLE = "令和7年度 駅前交番連絡協議会 委員名簿"
ROSTER_HEADER = ("No.", "氏名", "フリガナ", "性別", "生年月日", "所属団体", "役職", "任期", "備考")
# Row numbers below are those of the workbook: title (1), blank (2), header (3), data from 4.
ROSTER_ROWS: tuple[Row, ...] = (
    (1, "山田 一郎", "ヤマダ イチロウ", "男", "昭和30年5月1日", "駅前町内会", "会長",
     "令和7年4月1日～令和9年3月31日", None),  # 4: new
    (2, "佐藤 花子", "サトウ ハナコ", "女", dt.datetime(1962, 8, 15), "防犯協会", "副会長",
     "R7.4.1-R9.3.31", None),  # 5: already in the database (name + reading): a match
    None,  # 6: blank
    (3, "川村 恵", "カワムラ メグミ", "女", "令和7年2月30日", "PTA", "委員",
     "令和7年4月1日～令和9年3月31日", None),  # 7: impossible birth date
    (4, "木下 健", "キノシタ ケン", "男", "Ｈ２．３．４", "商店会", "委員",
     "２０２５／４／１～２０２７／３／３１", None),  # 8: 全角 digits
    (5, "山田 一郎", "ヤマダ イチロウ", "男", "昭和30年5月1日", "駅前町内会", "会長",
     "令和7年4月1日～令和9年3月31日", "二重に記入"),  # 9: row 4 again
    (6, None, None, None, None, None, None, None, "（以下余白）"),  # 10: no name
)  # fmt: skip


def write_xlsx(
    path: Path,
    rows: Sequence[Row | None],
    *,
    header: Row,
    title: str | None = None,
    sheet: str = "名簿",
    extra_sheets: Sequence[str] = (),
) -> Path:
    """A workbook whose first sheet has ``title`` merged across the columns in row 1, a blank
    row 2, ``header`` in row 3 and ``rows`` below (None for a blank row)."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        ws.append([])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row) if row is not None else [])
    for name in extra_sheets:
        workbook.create_sheet(name).append(["メモ"])
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Row], encoding: str, delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(
            [["" if cell is None else cell for cell in row] for row in rows]
        )
    return path


def roster_xlsx(path: Path) -> Path:
    return write_xlsx(path, ROSTER_ROWS, header=ROSTER_HEADER, title=ROSTER_TITLE)


# A meeting list as a CSV file holds it (title and blank row included). The span uses 〜
# (U+301C, WAVE DASH), the character Shift_JIS maps; CP932 files have ～ (U+FF5E) instead.
MEETING_ROWS: tuple[Row, ...] = (
    ("駅前交番連絡協議会 会議開催状況",),  # 1: title
    (),  # 2: blank
    ("開催日", "種別", "時間", "会場", "出席人数", "議事", "理由"),  # 3: header
    ("令和7年5月20日（火）", "定期", "15:30〜16:30", "駅前集会所", "１２名", "防犯対策について", ""),
    ("R7.7.8", "臨時", "", "駅前交番", "8", "", "連続ひったくりの発生"),  # 5
    ("令和7年2月30日", "定期", "", "公民館", "10", "", ""),  # 6: impossible date
    ("令和７年１１月２５日", "定期", "午後2時から午後3時まで", "公民館", "", "", ""),  # 7
    ("R7.5.20", "定期", "", "駅前集会所", "12", "", ""),  # 8: row 4 again
    ("2025/9/1", "臨時", "", "駅前交番", "", "", ""),  # 9: extraordinary, no reason
)  # fmt: skip
