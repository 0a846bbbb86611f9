"""会議 (§6): planning, recording and cancelling meetings, their agenda and attendance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kobankyo_desktop.core.dates import YearBasis, year_range
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import (
    AgendaItem,
    Attendance,
    Council,
    Meeting,
    Officer,
    Opinion,
    Person,
)
from kobankyo_desktop.core.services.common import (
    get_record,
    require_date,
    require_enum,
)
from kobankyo_desktop.core.services.opinions import (
    OpinionInput,
    create_opinion,
    delete_opinion,
    update_opinion,
)
from kobankyo_desktop.core.vocab import AttendeeKind, MeetingKind, MeetingStatus, OpinionStatus


@dataclass(frozen=True, slots=True)
class AgendaItemInput:
    title: str
    notes: str = ""
    id: int | None = None  # an existing item keeps its identity (and UUID) when edited


@dataclass(frozen=True, slots=True)
class AttendeeInput:
    """One attendee: a member (person_id), an officer (officer_id), or a named outsider or
    department with its body and, for a group, a head count."""

    kind: AttendeeKind | str
    person_id: int | None = None
    officer_id: int | None = None
    name: str = ""
    body: str = ""
    role: str = ""
    head_count: int = 1


@dataclass(frozen=True, slots=True)
class MeetingInput:
    council_id: int
    kind: MeetingKind | str
    held_on: dt.date | None
    status: MeetingStatus | str = MeetingStatus.PLANNED
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    reason: str = ""
    minutes: str = ""
    agenda: list[AgendaItemInput] = field(default_factory=list)
    attendees: list[AttendeeInput] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One line of the meetings table."""

    id: int
    uuid: str
    council_id: int
    council_name: str
    kind: MeetingKind
    status: MeetingStatus
    held_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    reason: str
    attendance: int
    open_requests: int


@dataclass(frozen=True, slots=True)
class AgendaItemRow:
    id: int
    position: int
    title: str
    notes: str


@dataclass(frozen=True, slots=True)
class AttendeeRow:
    id: int
    kind: AttendeeKind
    person_id: int | None
    officer_id: int | None
    name: str
    reading: str
    body: str
    role: str
    head_count: int


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    meeting: MeetingRow
    minutes: str
    agenda: list[AgendaItemRow]
    attendees: list[AttendeeRow]


def _validated(session: Session, data: MeetingInput) -> dict[str, object]:
    council = get_record(session, Council, data.council_id, "連絡協議会")
    kind = require_enum(MeetingKind, data.kind, "kind", "会議の種別")
    status = require_enum(MeetingStatus, data.status, "status", "会議の状態")
    held_on = require_date(data.held_on, "held_on", "開催日")
    if held_on < council.established_on:
        raise ValidationError("held_on", "開催日は連絡協議会の設置日より後にしてください。")
    if council.abolished_on is not None and held_on > council.abolished_on:
        raise ValidationError("held_on", f"「{council.name}」は開催日より前に廃止されています。")
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        raise ValidationError("end_time", "終了時刻は開始時刻より後にしてください。")
    reason = data.reason.strip()
    if kind is MeetingKind.EXTRAORDINARY and not reason:
        raise ValidationError("reason", "臨時会議は開催の理由を入力してください（§6(3)）。")
    for position, item in enumerate(data.agenda, start=1):
        if not item.title.strip():
            raise ValidationError("agenda", f"議題{position}の件名を入力してください。")
    return {
        "council_id": council.id,
        "kind": kind,
        "status": status,
        "held_on": held_on,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "place": data.place.strip(),
        "reason": reason or None,
        "minutes": data.minutes.strip(),
    }


def _validated_attendees(session: Session, attendees: list[AttendeeInput]) -> list[Attendance]:
    result: list[Attendance] = []
    seen_people: set[int] = set()
    seen_officers: set[int] = set()
    for attendee in attendees:
        kind = require_enum(AttendeeKind, attendee.kind, "attendees", "出席者の区分")
        if kind is AttendeeKind.MEMBER:
            if attendee.person_id is None:
                raise ValidationError("attendees", "出席した委員を選んでください。")
            get_record(session, Person, attendee.person_id, "委員")
            if attendee.person_id in seen_people:
                continue
            seen_people.add(attendee.person_id)
        elif kind is AttendeeKind.STAFF:
            if attendee.officer_id is None:
                raise ValidationError("attendees", "出席した運営担当者を選んでください。")
            get_record(session, Officer, attendee.officer_id, "運営担当者")
            if attendee.officer_id in seen_officers:
                continue
            seen_officers.add(attendee.officer_id)
        elif not attendee.name.strip():
            raise ValidationError(
                "attendees", "出席者（地域住民・関係機関・関係部門）の名称を入力してください。"
            )
        if attendee.head_count < 1:
            raise ValidationError("attendees", "人数は1以上にしてください。")
        result.append(
            Attendance(
                kind=kind,
                person_id=attendee.person_id if kind is AttendeeKind.MEMBER else None,
                officer_id=attendee.officer_id if kind is AttendeeKind.STAFF else None,
                name=attendee.name.strip(),
                body=attendee.body.strip(),
                role=attendee.role.strip(),
                head_count=attendee.head_count,
            )
        )
    return result


def create_meeting(session: Session, data: MeetingInput) -> MeetingDetail:
    """Plan or record a meeting (§6)."""
    meeting = Meeting(**_validated(session, data))
    meeting.agenda_items = [
        AgendaItem(position=i, title=item.title.strip(), notes=item.notes.strip())
        for i, item in enumerate(data.agenda, start=1)
    ]
    meeting.attendances = _validated_attendees(session, data.attendees)
    session.add(meeting)
    session.flush()
    return meeting_detail(session, meeting.id)


def update_meeting(session: Session, meeting_id: int, data: MeetingInput) -> MeetingDetail:
    """Replace a meeting's particulars, agenda and attendance; unchanged entries keep their
    identity so re-imported exports do not duplicate them."""
    meeting = get_record(session, Meeting, meeting_id, "会議")
    values = _validated(session, data)
    for key, value in values.items():
        setattr(meeting, key, value)
    existing_items = {item.id: item for item in meeting.agenda_items}
    items: list[AgendaItem] = []
    for position, item in enumerate(data.agenda, start=1):
        record = existing_items.get(item.id) if item.id is not None else None
        record = record or AgendaItem()
        record.position, record.title, record.notes = (
            position,
            item.title.strip(),
            item.notes.strip(),
        )
        items.append(record)
    meeting.agenda_items = items
    new_attendances = _validated_attendees(session, data.attendees)
    old_by_key = {_attendance_key(a): a for a in meeting.attendances}
    kept: list[Attendance] = []
    for attendance in new_attendances:
        old = old_by_key.get(_attendance_key(attendance))
        if old is not None:
            old.role, old.head_count, old.body = (
                attendance.role,
                attendance.head_count,
                attendance.body,
            )
            kept.append(old)
        else:
            kept.append(attendance)
    meeting.attendances = kept
    session.flush()
    return meeting_detail(session, meeting.id)


def _attendance_key(a: Attendance) -> tuple[object, ...]:
    return (a.kind, a.person_id, a.officer_id, a.name)


def set_meeting_status(
    session: Session, meeting_id: int, status: MeetingStatus | str
) -> MeetingRow:
    """Mark a meeting held or cancelled (or back to planned)."""
    meeting = get_record(session, Meeting, meeting_id, "会議")
    meeting.status = require_enum(MeetingStatus, status, "status", "会議の状態")
    session.flush()
    return list_meetings(session, meeting_ids=[meeting_id])[0]


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Delete a meeting entered by mistake; its opinions stay with the council."""
    session.delete(get_record(session, Meeting, meeting_id, "会議"))
    session.flush()


def list_meetings(
    session: Session,
    *,
    council_id: int | None = None,
    year: int | None = None,
    basis: YearBasis = YearBasis.FISCAL,
    meeting_ids: list[int] | None = None,
) -> list[MeetingRow]:
    """Meetings, newest first, with attendance and open requests counted in the same query."""
    attendance = (
        select(func.coalesce(func.sum(Attendance.head_count), 0))
        .where(Attendance.meeting_id == Meeting.id)
        .scalar_subquery()
    )
    open_requests = (
        select(func.count(Opinion.id))
        .where(Opinion.meeting_id == Meeting.id, Opinion.status != OpinionStatus.CLOSED)
        .scalar_subquery()
    )
    query = (
        select(Meeting, Council.name, attendance, open_requests)
        .join(Council)
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
    )
    if council_id is not None:
        query = query.where(Meeting.council_id == council_id)
    if year is not None:
        first, last = year_range(year, basis)
        query = query.where(Meeting.held_on.between(first, last))
    if meeting_ids is not None:
        query = query.where(Meeting.id.in_(meeting_ids))
    return [
        _row(m, council_name, int(count), int(requests))
        for m, council_name, count, requests in session.execute(query)
    ]


def meeting_detail(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = session.scalar(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.agenda_items),
            selectinload(Meeting.attendances).selectinload(Attendance.person),
            selectinload(Meeting.attendances).selectinload(Attendance.officer),
        )
    )
    if meeting is None:
        get_record(session, Meeting, meeting_id, "会議")
        raise AssertionError("unreachable")
    row = list_meetings(session, meeting_ids=[meeting_id])[0]
    agenda = [AgendaItemRow(i.id, i.position, i.title, i.notes) for i in meeting.agenda_items]
    attendees = [_attendee_row(a) for a in meeting.attendances]
    return MeetingDetail(row, meeting.minutes, agenda, attendees)


def _attendee_row(a: Attendance) -> AttendeeRow:
    if a.person is not None:
        name, reading = a.person.name, a.person.reading
    elif a.officer is not None:
        name, reading = a.officer.name, a.officer.reading
    else:
        name, reading = a.name, ""
    return AttendeeRow(
        a.id, a.kind, a.person_id, a.officer_id, name, reading, a.body, a.role, a.head_count
    )


def _row(m: Meeting, council_name: str, attendance: int, open_requests: int) -> MeetingRow:
    return MeetingRow(
        m.id,
        m.uuid,
        m.council_id,
        council_name,
        m.kind,
        m.status,
        m.held_on,
        m.start_time,
        m.end_time,
        m.place,
        m.reason or "",
        attendance,
        open_requests,
    )


OPINION_FIELD = "opinion:"  # + the opinion's position in the list: which one was refused


def save_meeting_with_opinions(
    session: Session,
    meeting_id: int | None,
    data: MeetingInput,
    opinion_list: list[tuple[int | None, OpinionInput]],
    removed_opinion_ids: list[int],
    previous_date: dt.date | None = None,
) -> MeetingDetail:
    """Save a meeting and the opinions raised at it (§6, §7) in the caller's one transaction,
    so a refused opinion leaves the meeting unsaved too.

    ``opinion_list`` holds (existing id or None, input); their council and meeting are the
    meeting's. An opinion is raised on the meeting date: one without a date takes the date the
    meeting is saved with, and one on the old date follows the meeting when its date changes.
    A refusal names the opinion's position in its field: ``opinion:<n>``.
    """
    if meeting_id is None:
        meeting_id = create_meeting(session, data).meeting.id
    else:
        update_meeting(session, meeting_id, data)
    for opinion_id in removed_opinion_ids:
        delete_opinion(session, opinion_id)
    for position, (opinion_id, values) in enumerate(opinion_list, start=1):
        raised_on = values.raised_on
        if raised_on is None or raised_on == previous_date:
            raised_on = data.held_on
        values = replace(
            values, council_id=data.council_id, meeting_id=meeting_id, raised_on=raised_on
        )
        try:
            if opinion_id is None:
                create_opinion(session, values)
            else:
                update_opinion(session, opinion_id, values)
        except ValidationError as exc:
            raise ValidationError(f"{OPINION_FIELD}{position}", exc.message) from exc
    return meeting_detail(session, meeting_id)
