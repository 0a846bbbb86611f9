"""What each printed document says, read from the database into plain data (no Qt here).

One function per document takes a session and returns a frozen dataclass; :mod:`.html` turns
it into markup. Dates stay ``datetime.date`` here and are formatted (和暦 or 西暦, by the
settings) when the document is written, so the data can be checked without parsing text.
Contact details are read only when the user asked for them: a roster printed without them
never holds them, even in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from kobankyo_desktop.core.dates import DateStyle, fiscal_year_of
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import (
    Appointment,
    Attendance,
    Council,
    ManagerDesignation,
    Meeting,
    Officer,
    Opinion,
    Person,
)
from kobankyo_desktop.core.services.appointments import serving_on
from kobankyo_desktop.core.services.common import get_record
from kobankyo_desktop.core.settings import load_settings
from kobankyo_desktop.core.text import reading_sort_key
from kobankyo_desktop.core.vocab import (
    AttendeeKind,
    Department,
    MeetingKind,
    MeetingStatus,
    OpinionCategory,
    OpinionStatus,
    label,
)

# Officers of the council are listed first, in this order; everyone else by reading.
ROLE_ORDER = ("会長", "副会長", "顧問", "幹事", "会計", "監事")


@dataclass(frozen=True, slots=True)
class Issuer:
    """Who issues the document (Settings.station_name / issuer_heading) and how dates read."""

    station_name: str
    issuer_heading: str  # e.g. さくら警察署長; the station name when not set
    date_style: DateStyle


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
class RosterEntry:
    """One member on a 委員名簿. Contact fields are None unless asked for."""

    name: str
    reading: str
    role: str
    field_label: str
    organisation: str
    term_start: dt.date
    term_end: dt.date
    postal_code: str | None = None
    address: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class RosterData:
    """委員名簿 of a council as of a date (§3(2)–(5))."""

    issuer: Issuer
    council_name: str
    as_of: dt.date
    include_contacts: bool
    members: tuple[RosterEntry, ...]
    manager_name: str


@dataclass(frozen=True, slots=True)
class AppointmentLetter:
    """委嘱状 for one appointment (§3(3)–(5)): issued on the first day of the term."""

    issuer: Issuer
    appointment_id: int
    council_name: str
    person_name: str
    role: str
    term_start: dt.date
    term_end: dt.date
    reappointment: bool


@dataclass(frozen=True, slots=True)
class AppointmentLetters:
    letters: tuple[AppointmentLetter, ...]


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


def issuer_of(session: Session) -> Issuer:
    """The issuing heading from the settings."""
    settings = load_settings(session)
    return Issuer(
        station_name=settings.station_name,
        issuer_heading=settings.issuer_heading or settings.station_name,
        date_style=settings.date_style,
    )


def role_sort_key(role: str, reading: str, name: str) -> tuple[int, tuple[str, str]]:
    """会長 and the other officers first, then members by reading (ふりがな)."""
    rank = ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)
    return rank, reading_sort_key(reading, name)


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


def _serving_members(
    session: Session, council_id: int, day: dt.date
) -> list[tuple[Appointment, Person]]:
    rows = [
        (appointment, person)
        for appointment, person in session.execute(
            select(Appointment, Person)
            .join(Person, Appointment.person_id == Person.id)
            .where(Appointment.council_id == council_id, serving_on(day))
        )
    ]
    return sorted(rows, key=lambda r: role_sort_key(r[0].role, r[1].reading, r[1].name))


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


def _manager(session: Session, council_id: int, day: dt.date) -> tuple[str, str]:
    """The 運営責任者 designated on ``day`` (§3(6)) and their post, or empty strings."""
    officer = session.scalar(
        select(Officer)
        .join(ManagerDesignation, ManagerDesignation.officer_id == Officer.id)
        .where(
            ManagerDesignation.council_id == council_id,
            ManagerDesignation.designated_on <= day,
            or_(ManagerDesignation.ended_on.is_(None), ManagerDesignation.ended_on >= day),
        )
        .options(selectinload(Officer.post))
        .order_by(ManagerDesignation.designated_on.desc())
        .limit(1)
    )
    return (officer.name, officer.post.name) if officer is not None else ("", "")


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
                for appointment, person in _serving_members(
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
    manager, _post = _manager(session, meeting.council_id, meeting.held_on)
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


def roster_data(
    session: Session, council_id: int, as_of: dt.date, *, include_contacts: bool = False
) -> RosterData:
    """委員名簿: the members serving on ``as_of``, officers first then by reading (§3(2)).

    Contact details (address, telephone) are read only with ``include_contacts``: the user
    decides whether personal data leaves the PC.
    """
    council = get_record(session, Council, council_id, "連絡協議会")
    members = tuple(
        RosterEntry(
            name=person.name,
            reading=person.reading,
            role=appointment.role,
            field_label=label(person.field),
            organisation=person.organisation,
            term_start=appointment.term_start,
            term_end=appointment.term_end,
            postal_code=person.postal_code if include_contacts else None,
            address=person.address if include_contacts else None,
            phone=person.phone if include_contacts else None,
        )
        for appointment, person in _serving_members(session, council_id, as_of)
    )
    manager, _post = _manager(session, council_id, as_of)
    return RosterData(
        issuer=issuer_of(session),
        council_name=council.name,
        as_of=as_of,
        include_contacts=include_contacts,
        members=members,
        manager_name=manager,
    )


def appointment_letters(session: Session, appointment_ids: list[int]) -> AppointmentLetters:
    """委嘱状 for the given appointments, in the order given (§3(3)–(5))."""
    if not appointment_ids:
        raise ValidationError("appointment", "委嘱状を作成する委嘱を選んでください。")
    issuer = issuer_of(session)
    letters = []
    for appointment_id in dict.fromkeys(appointment_ids):
        a = get_record(session, Appointment, appointment_id, "委嘱")
        letters.append(
            AppointmentLetter(
                issuer=issuer,
                appointment_id=a.id,
                council_name=a.council.name,
                person_name=a.person.name,
                role=a.role,
                term_start=a.term_start,
                term_end=a.term_end,
                reappointment=a.reappointed_from_id is not None,
            )
        )
    return AppointmentLetters(tuple(letters))


def serving_appointment_ids(session: Session, council_id: int, as_of: dt.date) -> list[int]:
    """The appointments of a council in force on ``as_of``, officers first then by reading:
    the batch printed when a whole council is appointed at once."""
    get_record(session, Council, council_id, "連絡協議会")
    return [appointment.id for appointment, _person in _serving_members(session, council_id, as_of)]


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
        for appointment, person in _serving_members(session, meeting.council_id, meeting.held_on)
    )
    if not addressees:
        raise ValidationError(
            "meeting", "開催日に在任している委員がいないため、開催通知を作成できません。"
        )
    issuer = issuer_of(session)
    manager, post = _manager(session, meeting.council_id, issued_on)
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
