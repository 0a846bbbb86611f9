"""What the meeting documents say (要綱§6, §7): 会議次第, 会議録 and 開催通知, read from a
meeting, its attendance, agenda items and the opinions raised."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kobankyo_desktop.core.dates import fiscal_year_of
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Attendance, Meeting, Officer, Opinion
from kobankyo_desktop.core.services.common import get_record
from kobankyo_desktop.core.vocab import (
    AttendeeKind,
    Department,
    MeetingKind,
    MeetingStatus,
    OpinionCategory,
    OpinionStatus,
)
from kobankyo_desktop.reports.data.common import (
    Issuer,
    issuer_of,
    manager_on,
    role_sort_key,
    serving_members,
)


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """The particulars of a meeting every meeting document repeats (§6)."""

    meeting_id: int
    council_id: int
    council_name: str
    kind: MeetingKind
    status: MeetingStatus
    held_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    reason: str  # why a 臨時会議 was called (§6(3)); empty for a 定期会議

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(self.held_on)


@dataclass(frozen=True, slots=True)
class Attendee:
    """One line of an attendee list.

    ``group``: the AttendeeKind; ``name`` the person, officer, department or body;
    ``affiliation`` the post (police) or body (outsiders); ``role`` 会長, 課長 …;
    ``head_count`` for a body attending as a group (§6(4)).
    """

    group: AttendeeKind
    name: str
    affiliation: str
    role: str
    head_count: int = 1


@dataclass(frozen=True, slots=True)
class AgendaData:
    """会議次第: the order of business of one meeting."""

    issuer: Issuer
    meeting: MeetingFacts
    items: tuple[str, ...]  # the meeting's own agenda items, in order
    report_on_responses: bool  # 前回の意見・要望に対する措置結果 is on the agenda (§7)
    attendees: tuple[Attendee, ...] | None  # None: not asked for
    attendees_planned: bool  # the list is the serving members, attendance not yet recorded


@dataclass(frozen=True, slots=True)
class OpinionEntry:
    """意見・要望 (§7) with what the police did about it."""

    category: OpinionCategory
    department: Department
    subject: str
    content: str
    raised_by: str
    raised_on: dt.date
    response: str
    responded_on: dt.date | None
    status: OpinionStatus


@dataclass(frozen=True, slots=True)
class RecordData:
    """会議録: what happened at a meeting."""

    issuer: Issuer
    meeting: MeetingFacts
    items: tuple[str, ...]
    attendees: tuple[Attendee, ...]
    minutes: tuple[str, ...]  # 議事概要, line by line (【委員】/【警察】 kept as written)
    opinions: tuple[OpinionEntry, ...]
    manager_name: str  # 運営責任者 who presided (§3(8)); empty when none designated


@dataclass(frozen=True, slots=True)
class Addressee:
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class NoticeData:
    """開催通知 of one meeting, one page per invited serving member."""

    issuer: Issuer
    meeting: MeetingFacts
    issued_on: dt.date
    reply_by: dt.date | None
    items: tuple[str, ...]
    addressees: tuple[Addressee, ...]
    contact: str  # whom to answer: the 運営責任者 and post, or the station


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.scalar(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.council),
            selectinload(Meeting.agenda_items),
            selectinload(Meeting.attendances).selectinload(Attendance.person),
            selectinload(Meeting.attendances)
            .selectinload(Attendance.officer)
            .selectinload(Officer.post),
        )
    )
    return meeting if meeting is not None else get_record(session, Meeting, meeting_id, "会議")


def _facts(meeting: Meeting) -> MeetingFacts:
    return MeetingFacts(
        meeting_id=meeting.id,
        council_id=meeting.council_id,
        council_name=meeting.council.name,
        kind=meeting.kind,
        status=meeting.status,
        held_on=meeting.held_on,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        reason=meeting.reason or "",
    )


def _attendees(meeting: Meeting) -> tuple[Attendee, ...]:
    """Members by role then reading; police as recorded; outside bodies with their counts."""
    members: list[tuple[tuple[int, tuple[str, str]], Attendee]] = []
    others: list[Attendee] = []
    for a in meeting.attendances:
        if a.kind is AttendeeKind.MEMBER and a.person is not None:
            entry = Attendee(a.kind, a.person.name, "", a.role, 1)
            members.append((role_sort_key(a.role, a.person.reading, a.person.name), entry))
        elif a.kind is AttendeeKind.STAFF and a.officer is not None:
            officer = a.officer
            role = a.role or officer.position
            rank_and_name = f"{officer.rank} {officer.name}".strip()
            others.append(Attendee(a.kind, rank_and_name, officer.post.name, role, 1))
        else:
            others.append(Attendee(a.kind, a.name, a.body, a.role, a.head_count))
    order = {AttendeeKind.STAFF: 0, AttendeeKind.DEPARTMENT: 1, AttendeeKind.OUTSIDE: 2}
    others.sort(key=lambda entry: order.get(entry.group, 3))  # stable: recorded order within
    return tuple(entry for _key, entry in sorted(members, key=lambda m: m[0])) + tuple(others)


def _has_answered_earlier_opinions(session: Session, meeting: Meeting) -> bool:
    """Whether the council has opinions raised before this meeting that have a response, so
    the police report on them (措置結果, §7)."""
    query = (
        select(Opinion.id)
        .where(
            Opinion.council_id == meeting.council_id,
            Opinion.raised_on < meeting.held_on,
            Opinion.response != "",
        )
        .limit(1)
    )
    return session.scalar(query) is not None


def agenda_data(
    session: Session, meeting_id: int, *, include_attendees: bool = False
) -> AgendaData:
    """会議次第 of a meeting (§6). With ``include_attendees``: the recorded attendance, or the
    serving members when none is recorded yet."""
    meeting = _meeting(session, meeting_id)
    attendees: tuple[Attendee, ...] | None = None
    planned = False
    if include_attendees:
        attendees = _attendees(meeting)
        if not attendees:
            planned = True
            attendees = tuple(
                Attendee(AttendeeKind.MEMBER, person.name, "", appointment.role)
                for appointment, person in serving_members(
                    session, meeting.council_id, meeting.held_on
                )
            )
    return AgendaData(
        issuer=issuer_of(session),
        meeting=_facts(meeting),
        items=tuple(item.title for item in meeting.agenda_items),
        report_on_responses=_has_answered_earlier_opinions(session, meeting),
        attendees=attendees,
        attendees_planned=planned,
    )


def record_data(session: Session, meeting_id: int) -> RecordData:
    """会議録 of a meeting: particulars, attendance, 議事概要 and the opinions raised (§6, §7)."""
    meeting = _meeting(session, meeting_id)
    opinions = session.scalars(
        select(Opinion)
        .where(Opinion.meeting_id == meeting.id)
        .options(selectinload(Opinion.raised_by_person))
        .order_by(Opinion.raised_on, Opinion.id)
    )
    manager, _post = manager_on(session, meeting.council_id, meeting.held_on)
    return RecordData(
        issuer=issuer_of(session),
        meeting=_facts(meeting),
        items=tuple(item.title for item in meeting.agenda_items),
        attendees=_attendees(meeting),
        minutes=tuple(line.rstrip() for line in meeting.minutes.splitlines()),
        opinions=tuple(
            OpinionEntry(
                category=o.category,
                department=o.department,
                subject=o.subject,
                content=o.content,
                raised_by=o.raised_by_person.name if o.raised_by_person else o.raised_by,
                raised_on=o.raised_on,
                response=o.response,
                responded_on=o.responded_on,
                status=o.status,
            )
            for o in opinions
        ),
        manager_name=manager,
    )


def notice_data(
    session: Session,
    meeting_id: int,
    issued_on: dt.date,
    *,
    reply_by: dt.date | None = None,
) -> NoticeData:
    """開催通知 of a meeting to every member serving on its date (§6)."""
    meeting = _meeting(session, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise ValidationError("meeting", "中止になった会議の開催通知は作成できません。")
    addressees = tuple(
        Addressee(person.name, appointment.role)
        for appointment, person in serving_members(session, meeting.council_id, meeting.held_on)
    )
    if not addressees:
        raise ValidationError(
            "meeting", "開催日に在任している委員がいないため、開催通知を作成できません。"
        )
    issuer = issuer_of(session)
    manager, post = manager_on(session, meeting.council_id, issued_on)
    contact = f"{post} {manager}（運営責任者）" if manager else issuer.station_name
    return NoticeData(
        issuer=issuer,
        meeting=_facts(meeting),
        issued_on=issued_on,
        reply_by=reply_by,
        items=tuple(item.title for item in meeting.agenda_items),
        addressees=addressees,
        contact=contact.strip(),
    )
