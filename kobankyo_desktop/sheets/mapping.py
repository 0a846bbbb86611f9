"""Which column of a sheet holds which field: guessed from the header, saved for next time.

Every koban designed its own sheet, so nothing is assumed about column order. The header row
is the row (among the first ones) whose cells name the most known fields; each header is
matched first exactly, then by the longest keyword it contains (「任期満了日」 is 任期満了日, not
任期). A mapping is saved as JSON (header texts → field, with the sheet name and header row) and
applied to the next file by header text, so a column moved to another place is still found.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from kobankyo_desktop.core.errors import DomainError, ValidationError
from kobankyo_desktop.core.text import normalize_reading
from kobankyo_desktop.sheets.reader import Grid, cell_text

MAPPING_FORMAT = "kobankyo-sheet-mapping"
MAPPING_VERSION = 1
HEADER_SEARCH_ROWS = 30


class SheetKind(StrEnum):
    ROSTER = "roster"  # 委員名簿: people and their appointments to one council
    MEETINGS = "meetings"  # 会議一覧: one council's meetings


class Target(StrEnum):
    """A field a column can be imported into."""

    NAME = "name"
    READING = "reading"
    GENDER = "gender"
    BIRTH_DATE = "birth_date"
    AGE = "age"
    OCCUPATION = "occupation"
    ORGANISATION = "organisation"
    FIELD = "field"
    POSTAL_CODE = "postal_code"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    ROLE = "role"
    TERM_START = "term_start"
    TERM = "term"
    TERM_END = "term_end"
    NOTES = "notes"
    HELD_ON = "held_on"
    MEETING_KIND = "meeting_kind"
    STATUS = "status"
    TIME = "time"
    PLACE = "place"
    ATTENDANCE = "attendance"
    MINUTES = "minutes"
    REASON = "reason"


@dataclass(frozen=True, slots=True)
class TargetSpec:
    """A field: its Japanese name, the headers that name it exactly, keywords a longer header
    may contain, and whether several columns are joined (姓 + 名, 住所1 + 住所2)."""

    target: Target
    label: str
    exact: tuple[str, ...]
    contains: tuple[str, ...] = ()
    joined: bool = False


def _spec(
    target: Target, label: str, exact: str, contains: str = "", joined: bool = False
) -> TargetSpec:
    """A spec from space-separated aliases (written as officers write them; matching folds
    them with :func:`normalize_header`)."""
    return TargetSpec(target, label, tuple(exact.split()), tuple(contains.split()), joined)


ROSTER_SPECS = (
    _spec(Target.NAME, "氏名", "氏名 名前 委員名 委員氏名 姓 名 なまえ", "氏名 名前", joined=True),
    _spec(
        Target.READING,
        "ふりがな",
        "ふりがな よみがな よみ 読み かな 読み仮名 せい めい",
        "ふりがな よみがな 読み",
        joined=True,
    ),
    _spec(Target.GENDER, "性別", "性別 男女 性", "性別"),
    _spec(Target.BIRTH_DATE, "生年月日", "生年月日 誕生日 生まれ", "生年月日 誕生"),
    _spec(Target.AGE, "年齢", "年齢 年代 歳", "年齢 年代"),
    _spec(Target.OCCUPATION, "職業", "職業 職種", "職業"),
    _spec(
        Target.ORGANISATION,
        "所属団体",
        "所属 所属団体 団体 団体名 推薦団体 勤務先",
        "所属 団体 勤務先",
    ),
    _spec(Target.FIELD, "分野", "分野 区分 分類 委員区分", "分野"),
    _spec(Target.POSTAL_CODE, "郵便番号", "郵便番号 〒", "郵便"),
    _spec(Target.ADDRESS, "住所", "住所 所在地 住所1 住所2", "住所", joined=True),
    _spec(Target.PHONE, "電話", "電話 電話番号 tel 連絡先 携帯 携帯電話", "電話 tel"),
    _spec(Target.EMAIL, "メール", "メール メールアドレス e-mail email mail", "メール mail"),
    _spec(Target.ROLE, "役職", "役職 役員 役 協議会役職", "役職"),
    _spec(
        Target.TERM_START,
        "委嘱日",
        "委嘱日 委嘱年月日 任期開始 任期開始日 就任日 任期自 委嘱開始日",
        "委嘱日 任期開始 就任",
    ),
    _spec(Target.TERM, "任期", "任期 委嘱期間 任期期間", "期間"),
    _spec(
        Target.TERM_END,
        "任期満了日",
        "任期満了日 任期満了 任期終了 任期終了日 満了日 任期至",
        "満了 任期終了",
    ),
    _spec(Target.NOTES, "備考", "備考 メモ", "備考"),
)
MEETING_SPECS = (
    _spec(
        Target.HELD_ON,
        "開催日",
        "開催日 開催年月日 日付 年月日 実施日 開催日時",
        "開催日 実施日 日付",
    ),
    _spec(Target.MEETING_KIND, "種別", "種別 会議種別 区分 種類", "種別"),
    _spec(Target.STATUS, "状態", "状態 開催状況 実施状況", "状況"),
    _spec(Target.TIME, "時間", "時間 時刻 開催時間 開始時刻", "時間 時刻"),
    _spec(Target.PLACE, "場所", "場所 開催場所 会場 開催会場", "場所 会場"),
    _spec(
        Target.ATTENDANCE,
        "出席者数",
        "出席者数 出席人数 参加者数 参加人数 出席者 人数",
        "出席 参加 人数",
    ),
    _spec(
        Target.MINUTES,
        "備考・議事",
        "備考 議事 議題 議事概要 内容 協議事項 主な議題",
        "議事 議題 備考 内容",
    ),
    _spec(Target.REASON, "理由", "理由 開催理由", "理由"),
)
SPECS = {spec.target: spec for spec in ROSTER_SPECS + MEETING_SPECS}
KIND_LABELS = {SheetKind.ROSTER: "委員名簿", SheetKind.MEETINGS: "会議一覧"}


def specs_for(kind: SheetKind) -> tuple[TargetSpec, ...]:
    return ROSTER_SPECS if kind is SheetKind.ROSTER else MEETING_SPECS


def normalize_header(text: str) -> str:
    """A header folded for matching: NFKC, katakana as hiragana, no spaces or brackets."""
    text = normalize_reading(text).casefold()
    return re.sub(r"[\s()\[\]（）【】「」・:：*＊※]", "", text)


def guess_target(kind: SheetKind, header: str) -> Target | None:
    """The field a header names, or None when it names none of this kind's fields."""
    key = normalize_header(header)
    if not key:
        return None
    specs = specs_for(kind)
    for spec in specs:
        if key in (normalize_header(alias) for alias in spec.exact):
            return spec.target
    best: tuple[int, Target] | None = None
    for spec in specs:
        for keyword in spec.contains:
            word = normalize_header(keyword)
            if word in key and (best is None or len(word) > best[0]):
                best = (len(word), spec.target)
    return best[1] if best else None


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: columns named as Excel names them."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def headers_of(grid: Grid, header_row: int) -> list[str]:
    """The header texts of ``header_row``, one per column of the sheet ("" if empty)."""
    row = grid.row(header_row)
    return [cell_text(row.cell(i)) if row else "" for i in range(grid.width)]


def guess_header_row(grid: Grid, kind: SheetKind) -> int | None:
    """The row among the first ones whose cells name the most fields (at least two)."""
    best: tuple[int, int] | None = None
    for row in grid.rows[:HEADER_SEARCH_ROWS]:
        found = {guess_target(kind, cell_text(c)) for c in row.cells if isinstance(c, str)}
        score = len(found - {None})
        if score >= 2 and (best is None or score > best[0]):
            best = (score, row.number)
    return best[1] if best else None


@dataclass(slots=True)
class ColumnMapping:
    """Columns (0-based) to fields for one sheet; unmapped columns are not imported."""

    kind: SheetKind
    sheet: str
    header_row: int
    columns: dict[int, Target] = field(default_factory=dict)

    def problems(self) -> list[str]:
        """Why this mapping cannot be used yet, in Japanese (empty when it can)."""
        messages: list[str] = []
        mapped = set(self.columns.values())
        if self.kind is SheetKind.ROSTER:
            if Target.NAME not in mapped:
                messages.append("「氏名」の列を選んでください。")
            if not mapped & {Target.TERM_START, Target.TERM}:
                messages.append("「委嘱日」または「任期」の列を選んでください。")
        elif Target.HELD_ON not in mapped:
            messages.append("「開催日」の列を選んでください。")
        for target in sorted(mapped, key=list(Target).index):
            columns = [column_letter(i) for i, t in sorted(self.columns.items()) if t is target]
            if len(columns) > 1 and not SPECS[target].joined:
                messages.append(
                    f"「{SPECS[target].label}」に複数の列（{'・'.join(columns)}列）が選ばれています。"
                )
        return messages


def guess_mapping(grid: Grid, kind: SheetKind, header_row: int) -> ColumnMapping:
    """A mapping from the header texts; a field claimed twice goes to its first column
    (except the joined ones: 姓 and 名 both go to 氏名)."""
    mapping = ColumnMapping(kind, grid.name, header_row)
    for index, header in enumerate(headers_of(grid, header_row)):
        target = guess_target(kind, header)
        if target is None:
            continue
        if target in mapping.columns.values() and not SPECS[target].joined:
            continue
        mapping.columns[index] = target
    return mapping


@dataclass(frozen=True, slots=True)
class SavedMapping:
    """A mapping as saved: header texts to fields (None: not imported), in column order."""

    kind: SheetKind
    sheet: str | None
    header_row: int | None
    headers: tuple[tuple[str, Target | None], ...]

    def find_header_row(self, grid: Grid) -> int | None:
        """The saved header row if its headers are still there, else the row that holds the
        most of the saved headers (title rows added or removed above it)."""
        known = {normalize_header(h) for h, _ in self.headers if h}

        def score(number: int) -> int:
            return len(known & {normalize_header(h) for h in headers_of(grid, number)})

        if self.header_row is not None and score(self.header_row) * 2 >= len(known):
            return self.header_row
        candidates = [(score(row.number), row.number) for row in grid.rows[:HEADER_SEARCH_ROWS]]
        best = max(candidates, default=(0, 0), key=lambda c: (c[0], -c[1]))
        return best[1] if best[0] else None

    def apply(self, grid: Grid, header_row: int) -> ColumnMapping:
        """Map ``grid``'s columns by their header text; headers not saved are guessed."""
        saved = {normalize_header(h): target for h, target in self.headers}
        mapping = ColumnMapping(self.kind, grid.name, header_row)
        for index, header in enumerate(headers_of(grid, header_row)):
            key = normalize_header(header)
            target = saved[key] if key in saved else guess_target(self.kind, header)
            if target is not None:
                mapping.columns[index] = target
        return mapping


def to_saved(mapping: ColumnMapping, headers: list[str]) -> SavedMapping:
    return SavedMapping(
        mapping.kind,
        mapping.sheet,
        mapping.header_row,
        tuple((h, mapping.columns.get(i)) for i, h in enumerate(headers) if h),
    )


def save_mapping(path: Path, saved: SavedMapping) -> None:
    document = {
        "format": MAPPING_FORMAT,
        "version": MAPPING_VERSION,
        "kind": saved.kind.value,
        "sheet": saved.sheet,
        "header_row": saved.header_row,
        "columns": [
            {"header": header, "field": target.value if target else None}
            for header, target in saved.headers
        ],
    }
    try:
        Path(path).write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise DomainError(f"対応付けを {path} に保存できません: {exc.strerror}") from exc


def load_mapping(path: Path) -> SavedMapping:
    """A mapping saved by :func:`save_mapping`; anything else is refused in Japanese."""
    try:
        document: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError("mapping", f"対応付けのファイル {path} を読めません。") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            "mapping", f"{Path(path).name} は列の対応付けのファイルではありません。"
        ) from exc
    if not isinstance(document, dict) or document.get("format") != MAPPING_FORMAT:
        raise ValidationError(
            "mapping", f"{Path(path).name} は列の対応付けのファイルではありません。"
        )
    if document.get("version") != MAPPING_VERSION:
        raise ValidationError(
            "mapping", f"{Path(path).name} は新しいバージョンで保存された対応付けです。"
        )
    try:
        kind = SheetKind(document["kind"])
        headers = tuple(
            (str(c["header"]), Target(c["field"]) if c["field"] else None)
            for c in document["columns"]
        )
        header_row = document.get("header_row")
        sheet = document.get("sheet")
        if header_row is not None and not isinstance(header_row, int):
            raise TypeError(header_row)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError("mapping", f"{Path(path).name} の内容が正しくありません。") from exc
    return SavedMapping(kind, str(sheet) if sheet else None, header_row, headers)


def check_kind(saved: SavedMapping, kind: SheetKind) -> None:
    if saved.kind is not kind:
        raise ValidationError(
            "mapping",
            f"この対応付けは{KIND_LABELS[saved.kind]}用です（取り込むのは{KIND_LABELS[kind]}）。",
        )
