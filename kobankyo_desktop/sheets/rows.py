"""Each data row of a sheet parsed into what the services take, with its problems in Japanese.

Nothing here touches the database: a row yields a :class:`PersonInput` and a term (roster) or
a meeting (meetings list), and the reasons it cannot be imported, one per cell, naming the
field (「生年月日: 「令和7年2月30日」は存在しない日付です…」). The services still have the
last word when the plan is built (:mod:`.importer`).

Rules read from the 要綱 where a sheet leaves something out:

- a term with no end runs おおむね2年 (§3(5)): the service sets start + 2 years − 1 day;
- a meeting with no kind is a 定期会議 (§6(1)), the kind meeting lists record; a 臨時会議 needs
  its reason (§6(3)), taken from the notes column when the sheet has no reason column;
- a meeting with no status was held if its date has passed, else it is planned (予定).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from kobankyo_desktop.core.services.appointments import DEFAULT_ROLE
from kobankyo_desktop.core.services.people import PersonInput
from kobankyo_desktop.core.vocab import (
    LABELS,
    AgeBand,
    Field,
    Gender,
    MeetingKind,
    MeetingStatus,
    age_band_for,
)
from kobankyo_desktop.sheets.dates import DateValueError, parse_date, parse_span, parse_time_span
from kobankyo_desktop.sheets.mapping import SPECS, ColumnMapping, SheetKind, Target
from kobankyo_desktop.sheets.reader import CellValue, Grid, GridRow, cell_text

E = TypeVar("E", bound=StrEnum)
# The attendance count of a meeting list becomes one attendee line with this name and the
# count as its head count: totals and the HQ report count it; the officer can itemise later.
UNITEMISED_ATTENDEES = "出席者（内訳不明）"

_GENDERS = {
    Gender.MALE: ("男", "男性", "m", "male", "♂"),
    Gender.FEMALE: ("女", "女性", "f", "female", "♀"),
    Gender.OTHER: ("その他",),
    Gender.UNSPECIFIED: ("未回答", "無回答", "不明", "不詳", "-"),
}
# Words officers write in a 分野 column, in the order they are tried (交通安全 before 安全 …).
_FIELD_WORDS: tuple[tuple[str, Field], ...] = (
    ("交通安全", Field.TRAFFIC_SAFETY),
    ("防犯", Field.CRIME_PREVENTION),
    ("保護司", Field.PROBATION),
    ("弁護士", Field.LEGAL),
    ("司法書士", Field.LEGAL),
    ("法曹", Field.LEGAL),
    ("自治会", Field.NEIGHBOURHOOD),
    ("町内会", Field.NEIGHBOURHOOD),
    ("町会", Field.NEIGHBOURHOOD),
    ("区長", Field.NEIGHBOURHOOD),
    ("医療", Field.MEDICAL_WELFARE),
    ("福祉", Field.MEDICAL_WELFARE),
    ("民生", Field.MEDICAL_WELFARE),
    ("医師", Field.MEDICAL_WELFARE),
    ("学校", Field.EDUCATION),
    ("教育", Field.EDUCATION),
    ("pta", Field.EDUCATION),
    ("役所", Field.MUNICIPALITY),
    ("役場", Field.MUNICIPALITY),
    ("自治体", Field.MUNICIPALITY),
    ("事業", Field.BUSINESS),
    ("商店", Field.BUSINESS),
    ("商工", Field.BUSINESS),
    ("企業", Field.BUSINESS),
    ("会社", Field.BUSINESS),
    ("その他", Field.OTHER),
)
_KINDS = {
    MeetingKind.REGULAR: ("定期", "定期会議", "定例", "定例会", "通常", "総会"),
    MeetingKind.EXTRAORDINARY: ("臨時", "臨時会議", "臨時会"),
}
_STATUSES = {
    MeetingStatus.HELD: ("開催", "開催済", "開催済み", "実施", "実施済", "済"),
    MeetingStatus.PLANNED: ("予定", "未実施", "計画"),
    MeetingStatus.CANCELLED: ("中止", "延期", "取りやめ", "取止め"),
}


@dataclass(frozen=True, slots=True)
class TermDraft:
    """An appointment's term as written; the end defaults to two years (§3(5)) if missing."""

    start: dt.date
    end: dt.date | None
    role: str


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    """A meeting as written; the council is the one chosen for the import."""

    kind: MeetingKind
    status: MeetingStatus
    held_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    reason: str
    minutes: str
    attendance: int | None


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """One data row: its number in the sheet, its cells by field (as text, for the preview and
    the report), what could be read of it, and its problems: a row with problems is refused.
    ``notes`` are said but do not refuse."""

    number: int
    texts: dict[Target, str]
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    person: PersonInput | None = None
    term: TermDraft | None = None
    meeting: MeetingDraft | None = None


def parse_rows(grid: Grid, mapping: ColumnMapping, as_of: dt.date) -> list[ParsedRow]:
    """Every row below the header row, parsed; ``as_of`` decides held / planned meetings."""
    parse = _parse_roster_row if mapping.kind is SheetKind.ROSTER else _parse_meeting_row
    return [parse(_Cells(row, mapping), as_of) for row in grid.rows_after(mapping.header_row)]


class _Cells:
    """A row's cells by field, collecting problems and notes as they are read."""

    def __init__(self, row: GridRow, mapping: ColumnMapping) -> None:
        self.number = row.number
        self.values: dict[Target, list[CellValue]] = {}
        for index, target in sorted(mapping.columns.items()):
            value = row.cell(index)
            if value is not None:
                self.values.setdefault(target, []).append(value)
        self.texts = {t: " ".join(cell_text(v) for v in vs) for t, vs in self.values.items()}
        self.problems: list[str] = []
        self.notes: list[str] = []

    def value(self, target: Target) -> CellValue:
        values = self.values.get(target)
        return values[0] if values else None

    def text(self, target: Target, *, keep_lines: bool = False) -> str:
        """The field's text; joined fields (姓 + 名) joined with a space."""
        parts = []
        for value in self.values.get(target, []):
            if keep_lines and isinstance(value, str):
                parts.append("\n".join(line.strip() for line in value.strip().splitlines()))
            else:
                parts.append(cell_text(value))
        return " ".join(part for part in parts if part)

    def problem(self, target: Target, message: str) -> None:
        self.problems.append(f"{SPECS[target].label}: {message}")

    def date(self, target: Target) -> dt.date | None:
        try:
            return parse_date(self.value(target))
        except DateValueError as exc:
            self.problem(target, exc.message)
            return None


def _parse_roster_row(cells: _Cells, as_of: dt.date) -> ParsedRow:
    name = cells.text(Target.NAME)
    if not name:
        cells.problems.append("氏名がありません。")
    gender = _choice(cells, Target.GENDER, _GENDERS, Gender.UNSPECIFIED)
    birth_date = cells.date(Target.BIRTH_DATE)
    age_band = _age_band(cells) if birth_date is None else None
    person = PersonInput(
        name=name,
        reading=cells.text(Target.READING),
        gender=gender,
        birth_date=birth_date,
        age_band=age_band,
        field=_field(cells),
        occupation=cells.text(Target.OCCUPATION),
        organisation=cells.text(Target.ORGANISATION),
        postal_code=cells.text(Target.POSTAL_CODE),
        address=cells.text(Target.ADDRESS),
        phone=cells.text(Target.PHONE),
        email=cells.text(Target.EMAIL),
        notes=cells.text(Target.NOTES, keep_lines=True),
    )
    term = _term(cells)
    # The drafts are kept even for a refused row: the preview shows what could be read.
    return ParsedRow(
        cells.number, cells.texts, tuple(cells.problems), tuple(cells.notes), person, term
    )


def _term(cells: _Cells) -> TermDraft | None:
    """委嘱日 / 任期 (a span) / 任期満了日; where two columns give a date they must agree."""
    problems_before = len(cells.problems)
    start = cells.date(Target.TERM_START)
    end = cells.date(Target.TERM_END)
    try:
        span_start, span_end = parse_span(cells.value(Target.TERM))
    except DateValueError as exc:
        cells.problem(Target.TERM, exc.message)
        span_start = span_end = None
    pairs = ((start, span_start, Target.TERM_START), (end, span_end, Target.TERM_END))
    for given, from_span, target in pairs:
        if given is not None and from_span is not None and given != from_span:
            cells.problem(
                target,
                f"「{cells.texts[target]}」が任期「{cells.texts[Target.TERM]}」と一致しません。",
            )
    start, end = start or span_start, end or span_end
    if len(cells.problems) > problems_before:
        return None
    if start is None:
        if cells.text(Target.NAME):  # a row without a name is refused for that already
            cells.problems.append("委嘱日（任期の開始日）がありません。")
        return None
    return TermDraft(start, end, cells.text(Target.ROLE) or DEFAULT_ROLE)


def _parse_meeting_row(cells: _Cells, as_of: dt.date) -> ParsedRow:
    held_on = cells.date(Target.HELD_ON)
    if held_on is None and Target.HELD_ON not in cells.values:
        cells.problems.append("開催日がありません。")
    kind = _choice(cells, Target.MEETING_KIND, _KINDS, MeetingKind.REGULAR)
    default_status = MeetingStatus.HELD if held_on and held_on <= as_of else MeetingStatus.PLANNED
    status = _choice(cells, Target.STATUS, _STATUSES, default_status)
    try:
        start_time, end_time = parse_time_span(cells.value(Target.TIME))
    except DateValueError as exc:
        cells.problem(Target.TIME, exc.message)
        start_time = end_time = None
    minutes = cells.text(Target.MINUTES, keep_lines=True)
    reason = cells.text(Target.REASON, keep_lines=True)
    if kind is MeetingKind.EXTRAORDINARY and not reason and minutes:
        reason = minutes
        cells.notes.append("臨時会議の理由として備考・議事の内容を取り込みます（§6(3)）。")
    attendance = _count(cells)
    if held_on is None:
        return ParsedRow(cells.number, cells.texts, tuple(cells.problems), tuple(cells.notes))
    meeting = MeetingDraft(
        kind,
        status,
        held_on,
        start_time,
        end_time,
        cells.text(Target.PLACE),
        reason,
        minutes,
        attendance,
    )
    problems = tuple(cells.problems)
    return ParsedRow(cells.number, cells.texts, problems, tuple(cells.notes), meeting=meeting)


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _choice(cells: _Cells, target: Target, words: dict[E, tuple[str, ...]], default: E) -> E:
    """The vocabulary value a cell names (by its Japanese words or label); blank → default."""
    text = _fold(cells.text(target))
    if not text:
        return default
    for value, names in words.items():
        label = LABELS.get((type(value), value), "")
        if text in (_fold(n) for n in names) or text == _fold(label):
            return value
    choices = "・".join(names[0] for names in words.values())
    cells.problem(target, f"「{cells.texts[target]}」は選択肢（{choices}）にありません。")
    return default


def _field(cells: _Cells) -> Field:
    """分野: a label of the HQ count (自治会 …) or a word that points at one; else その他."""
    text = _fold(cells.text(Target.FIELD))
    if not text:
        return Field.OTHER
    for value in Field:
        if text == _fold(LABELS[(Field, value)]):
            return value
    for word, value in _FIELD_WORDS:
        if word in text:
            return value
    cells.notes.append(f"分野「{cells.texts[Target.FIELD]}」は区分にないため「その他」とします。")
    return Field.OTHER


def _age_band(cells: _Cells) -> AgeBand | None:
    """年齢: an age (65, 65歳) or a band (60代, 70歳以上, 30歳未満)."""
    text = _fold(cells.text(Target.AGE))
    if not text:
        return None
    for band in AgeBand:
        if text == _fold(LABELS[(AgeBand, band)]):
            return band
    match = re.fullmatch(r"(\d{1,3})(?:歳|才)?(代|以上|未満)?", text)
    if match is None:
        cells.problem(Target.AGE, f"「{cells.texts[Target.AGE]}」は年齢として読めません。")
        return None
    age, suffix = int(match.group(1)), match.group(2)
    if suffix == "未満":
        age -= 1
    return age_band_for(age)


def _count(cells: _Cells) -> int | None:
    value = cells.value(Target.ATTENDANCE)
    if value is None:
        return None
    text = _fold(cell_text(value)).removesuffix("名").removesuffix("人")
    if not text.isdigit():
        text = cells.texts[Target.ATTENDANCE]
        cells.problem(Target.ATTENDANCE, f"「{text}」は人数として読めません。")
        return None
    return int(text) or None
