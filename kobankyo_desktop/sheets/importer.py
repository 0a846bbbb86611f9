"""The import plan, and its application in one transaction through the core services.

Every row goes through the same services the forms use (``create_person``, ``appoint``,
``create_meeting``), each in a savepoint of its own: a row the services refuse is rolled back
alone and reported with their message, and the plan is exactly what will be written. The
preview builds the plan and rolls the whole transaction back; the import builds it again,
after a backup, and commits. Rows are recognised, so a second import of the same file adds
nothing:

- a person with the same name (spaces ignored) and the same reading or the same birth date is
  an existing person, offered as a match (照合) instead of a duplicate; a name alone matches
  when neither side has a reading or birth date that differs. The user may still ask for a
  new person for a given row;
- an appointment is one term of one person on one council (§3(5)): the same person appointed
  to the council from the same day (委嘱日) is already there (登録済み) and skipped, and so is
  a meeting of the council on the same day of the same kind (§6(1));
- the same row twice in the sheet is refused the second time, naming the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.backup import timestamped_backup
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.core.models import Appointment, Council, Meeting, Person
from kobankyo_desktop.core.services.appointments import AppointmentInput, appoint
from kobankyo_desktop.core.services.common import get_record
from kobankyo_desktop.core.services.meetings import AttendeeInput, MeetingInput, create_meeting
from kobankyo_desktop.core.services.people import PersonInput, create_person
from kobankyo_desktop.core.text import clean_name, normalize_reading
from kobankyo_desktop.core.vocab import AttendeeKind
from kobankyo_desktop.sheets.mapping import SheetKind
from kobankyo_desktop.sheets.rows import UNITEMISED_ATTENDEES, ParsedRow

BACKUP_LABEL = "before-sheet-import"


class RowStatus(StrEnum):
    NEW = "new"  # 新規: a new person (roster) or a new meeting
    MATCHED = "matched"  # 照合: an existing person, newly appointed
    ALREADY = "already"  # 登録済み: the same appointment or meeting is already recorded
    INVALID = "invalid"  # 取り込めない: refused, with its problems


STATUS_LABELS = {
    RowStatus.NEW: "新規",
    RowStatus.MATCHED: "照合",
    RowStatus.ALREADY: "登録済み",
    RowStatus.INVALID: "取り込めない",
}


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """The existing person a row was matched with, and on what (氏名・ふりがな …)."""

    person_id: int
    name: str
    reading: str
    birth_date: dt.date | None
    basis: str
    from_row: int | None = None  # a person this import creates from an earlier row


@dataclass(frozen=True, slots=True)
class PlanRow:
    parsed: ParsedRow
    status: RowStatus
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    match: PersonMatch | None = None

    @property
    def number(self) -> int:
        return self.parsed.number

    @property
    def valid(self) -> bool:
        return self.status is not RowStatus.INVALID


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What to import: the parsed rows of one sheet into one council.

    ``new_person_rows``: rows the user wants imported as a new person despite a match.
    """

    kind: SheetKind
    council_id: int
    rows: tuple[ParsedRow, ...]
    new_person_rows: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class ImportPlan:
    kind: SheetKind
    council_id: int
    council_name: str
    rows: tuple[PlanRow, ...]
    applied: bool = False  # the rows were written (not a preview)
    backup: Path | None = None

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def to_write(self) -> int:
        """Rows that add records: new ones and matched people's new appointments."""
        return self.count(RowStatus.NEW) + self.count(RowStatus.MATCHED)

    @property
    def invalid_rows(self) -> list[PlanRow]:
        return [row for row in self.rows if not row.valid]


def preview_plan(session: Session, request: ImportRequest) -> ImportPlan:
    """The plan, computed by running the import in ``session`` and rolling it back."""
    try:
        return build_plan(session, request)
    finally:
        session.rollback()


def preview_import(db: Database, request: ImportRequest) -> ImportPlan:
    """The plan, with nothing kept: what :func:`import_sheet` would do."""
    with db.reader() as session:
        return preview_plan(session, request)


def apply_import(session: Session, request: ImportRequest) -> ImportPlan:
    """Write the plan's valid rows in ``session``'s transaction (the caller commits)."""
    plan = build_plan(session, request)
    return ImportPlan(plan.kind, plan.council_id, plan.council_name, plan.rows, applied=True)


def backup_before_import(db: Database) -> Path | None:
    """The copy taken before an import writes anything (none for an in-memory database)."""
    return timestamped_backup(db.path, BACKUP_LABEL) if db.path is not None else None


def import_sheet(db: Database, request: ImportRequest, *, backup: bool = True) -> ImportPlan:
    """Back up, then write every valid row in ONE transaction."""
    copy = backup_before_import(db) if backup else None
    with db.transaction() as session:
        plan = apply_import(session, request)
    return ImportPlan(plan.kind, plan.council_id, plan.council_name, plan.rows, True, copy)


def build_plan(session: Session, request: ImportRequest) -> ImportPlan:
    """Run every row through the services in ``session``, each in its own savepoint."""
    council = get_record(session, Council, request.council_id, "連絡協議会")
    planner = _Planner(session, request)
    handle = planner.roster_row if request.kind is SheetKind.ROSTER else planner.meeting_row
    rows = tuple(handle(row) for row in request.rows)
    return ImportPlan(request.kind, council.id, council.name, rows)


@dataclass
class _Planner:
    session: Session
    request: ImportRequest
    # (person id, 委嘱日) or (開催日, 種別) → the row that has it, for duplicates in the sheet
    seen: dict[tuple[object, ...], int] = field(default_factory=dict)
    created_people: dict[int, int] = field(default_factory=dict)  # person id → row

    # Roster -----------------------------------------------------------------------------
    def roster_row(self, parsed: ParsedRow) -> PlanRow:
        if parsed.problems or parsed.person is None or parsed.term is None:
            return PlanRow(parsed, RowStatus.INVALID, parsed.problems, parsed.notes)
        notes = list(parsed.notes)
        match: PersonMatch | None = None
        if parsed.number not in self.request.new_person_rows:
            match, problem = self._match(parsed.person, notes)
            if problem:
                return PlanRow(parsed, RowStatus.INVALID, (problem,), tuple(notes))
        term = parsed.term
        if match is not None:
            key = (match.person_id, term.start)
            if key in self.seen:
                return self._duplicate(parsed, self.seen[key], notes, match)
            self.seen[key] = parsed.number
            if self._appointed(match.person_id, term.start):
                return PlanRow(parsed, RowStatus.ALREADY, (), tuple(notes), match)
        try:
            with self.session.begin_nested():
                if match is None:
                    person_id = create_person(self.session, parsed.person).id
                else:
                    person_id = match.person_id
                appoint(
                    self.session,
                    AppointmentInput(
                        self.request.council_id, person_id, term.start, term.end, term.role
                    ),
                )
        except DomainError as exc:
            return PlanRow(parsed, RowStatus.INVALID, (exc.message,), tuple(notes), match)
        if match is None:
            self.created_people[person_id] = parsed.number
            self.seen[(person_id, term.start)] = parsed.number
            return PlanRow(parsed, RowStatus.NEW, (), tuple(notes))
        return PlanRow(parsed, RowStatus.MATCHED, (), tuple(notes), match)

    def _match(self, person: PersonInput, notes: list[str]) -> tuple[PersonMatch | None, str]:
        """The existing person this row names, or None; or a problem when several fit."""
        name = clean_name(person.name).replace(" ", "")
        reading = normalize_reading(person.reading).replace(" ", "")
        candidates = self.session.scalars(
            select(Person).where(func.replace(Person.name, " ", "") == name).order_by(Person.id)
        )
        found: list[tuple[int, PersonMatch]] = []
        differing: list[int] = []
        for candidate in candidates:
            strength = _match_strength(candidate, reading, person.birth_date)
            if strength is None:
                differing.append(candidate.id)
                continue
            basis = ("氏名", "氏名・ふりがな", "氏名・生年月日")[strength]
            from_row = self.created_people.get(candidate.id)
            found.append(
                (
                    strength,
                    PersonMatch(
                        candidate.id,
                        candidate.name,
                        candidate.reading,
                        candidate.birth_date,
                        basis,
                        from_row,
                    ),
                )
            )
        if not found:
            if differing:
                ids = "、".join(f"ID {i}" for i in differing)
                notes.append(
                    f"同じ氏名の方（{ids}）がいますが、ふりがなか生年月日が異なるため別の方として登録します。"
                )
            return None, ""
        best = max(strength for strength, _ in found)
        matches = [m for strength, m in found if strength == best]
        if len(matches) > 1:
            ids = "、".join(f"ID {m.person_id}" for m in matches)
            return None, (
                f"同じ氏名の方が複数登録されていて（{ids}）、どなたか特定できません。"
                "ふりがなか生年月日を記入してください。"
            )
        return matches[0], ""

    def _appointed(self, person_id: int, term_start: dt.date) -> bool:
        return self._exists(
            select(Appointment.id).where(
                Appointment.council_id == self.request.council_id,
                Appointment.person_id == person_id,
                Appointment.term_start == term_start,
            )
        )

    # Meetings ---------------------------------------------------------------------------
    def meeting_row(self, parsed: ParsedRow) -> PlanRow:
        draft = parsed.meeting
        if parsed.problems or draft is None:
            return PlanRow(parsed, RowStatus.INVALID, parsed.problems, parsed.notes)
        notes = list(parsed.notes)
        key = (draft.held_on, draft.kind)
        if key in self.seen:
            return self._duplicate(parsed, self.seen[key], notes)
        self.seen[key] = parsed.number
        already = select(Meeting.id).where(
            Meeting.council_id == self.request.council_id,
            Meeting.held_on == draft.held_on,
            Meeting.kind == draft.kind,
        )
        if self._exists(already):
            return PlanRow(parsed, RowStatus.ALREADY, (), tuple(notes))
        attendees = []
        if draft.attendance:
            attendees.append(
                AttendeeInput(
                    AttendeeKind.OUTSIDE, name=UNITEMISED_ATTENDEES, head_count=draft.attendance
                )
            )
        data = MeetingInput(
            council_id=self.request.council_id,
            kind=draft.kind,
            held_on=draft.held_on,
            status=draft.status,
            start_time=draft.start_time,
            end_time=draft.end_time,
            place=draft.place,
            reason=draft.reason,
            minutes=draft.minutes,
            attendees=attendees,
        )
        try:
            with self.session.begin_nested():
                create_meeting(self.session, data)
        except DomainError as exc:
            return PlanRow(parsed, RowStatus.INVALID, (exc.message,), tuple(notes))
        return PlanRow(parsed, RowStatus.NEW, (), tuple(notes))

    # Shared -----------------------------------------------------------------------------
    def _exists(self, query: Select[tuple[int]]) -> bool:
        return self.session.scalar(query.limit(1)) is not None

    def _duplicate(
        self, parsed: ParsedRow, first: int, notes: Iterable[str], match: PersonMatch | None = None
    ) -> PlanRow:
        problem = f"{first}行目と同じ内容です（シート内の重複）。"
        return PlanRow(parsed, RowStatus.INVALID, (problem,), tuple(notes), match)


def _match_strength(candidate: Person, reading: str, birth_date: dt.date | None) -> int | None:
    """2: same birth date, 1: same reading, 0: the name only; None: a different person."""
    known_reading = candidate.reading.replace(" ", "")
    if candidate.birth_date and birth_date and candidate.birth_date != birth_date:
        return None
    if known_reading and reading and known_reading != reading:
        return None
    if candidate.birth_date and birth_date:
        return 2
    if known_reading and reading:
        return 1
    return 0
