"""The annual report to headquarters (実施状況報告): what each council did in a 年度 or any
date range, with the meetings, the opinions and requests, and the serving members behind it.

Every figure comes from a handful of aggregate or bulk queries over the whole period, never
one query per council: a prefecture has about 600 councils (DOMAIN.md, Scale).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, ScalarSelect, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kobankyo_desktop.core.dates import DateStyle, fiscal_year_label, fiscal_year_range, format_date
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import (
    AgendaItem,
    Appointment,
    Attendance,
    Council,
    Meeting,
    Opinion,
    Person,
    Post,
    Station,
    council_posts,
)
from kobankyo_desktop.core.services.appointments import serving_on
from kobankyo_desktop.core.services.opinions import answered
from kobankyo_desktop.core.services.people import current_age_band
from kobankyo_desktop.core.vocab import (
    AgeBand,
    CouncilKind,
    Department,
    Field,
    Gender,
    MeetingKind,
    MeetingStatus,
    OpinionCategory,
    OpinionStatus,
)

ROLE_ORDER = {"会長": 0, "副会長": 1}


@dataclass(frozen=True, slots=True)
class Period:
    """The reporting period: a 年度 (``fiscal_year`` set) or any range of days, both ends in."""

    start: dt.date
    end: dt.date
    fiscal_year: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("period", "期間の終了日は開始日より後にしてください。")

    @classmethod
    def for_fiscal_year(cls, fiscal_year: int) -> Period:
        start, end = fiscal_year_range(fiscal_year)
        return cls(start, end, fiscal_year)

    def label(self, style: DateStyle = DateStyle.WAREKI) -> str:
        """``令和7年度`` or ``令和7年4月1日～令和7年9月30日``."""
        if self.fiscal_year is not None:
            return fiscal_year_label(self.fiscal_year, style)
        first = format_date(self.start, style, weekday=False)
        return f"{first}～{format_date(self.end, style, weekday=False)}"


@dataclass(frozen=True, slots=True)
class CouncilSummary:
    """One council's line of 実施状況: members serving on the roster date, what was held."""

    station: str
    posts: tuple[str, ...]
    name: str
    kind: CouncilKind
    abolished_on: dt.date | None
    serving: int
    by_gender: Counter[Gender]
    by_age_band: Counter[AgeBand | None]  # None: neither birth date nor band recorded
    by_field: Counter[Field]
    regular_held: tuple[dt.date, ...]
    extraordinary_held: tuple[tuple[dt.date, str], ...]  # (date, reason, §6(3))
    participants: int  # sum of head counts over the meetings held
    opinions_by_department: Counter[Department]
    answered: int

    @property
    def opinions(self) -> int:
        return sum(self.opinions_by_department.values())


@dataclass(frozen=True, slots=True)
class MeetingLine:
    station: str
    council: str
    kind: MeetingKind
    status: MeetingStatus
    held_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    reason: str
    participants: int
    agenda: tuple[str, ...]
    opinions: int


@dataclass(frozen=True, slots=True)
class OpinionLine:
    station: str
    council: str
    raised_on: dt.date
    category: OpinionCategory
    department: Department
    subject: str
    content: str
    raised_by: str
    meeting_held_on: dt.date | None
    response: str
    responded_on: dt.date | None
    status: OpinionStatus
    closed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class ContactDetails:
    """Personal data: present in a report only when the user asked for it."""

    postal_code: str
    address: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class MemberLine:
    station: str
    council: str
    role: str
    name: str
    reading: str
    gender: Gender
    age_band: AgeBand | None
    field: Field
    occupation: str
    organisation: str
    term_start: dt.date
    term_end: dt.date
    contact: ContactDetails | None


@dataclass(frozen=True, slots=True)
class AnnualReport:
    """Everything the workbook and the CSV files show, as plain data."""

    period: Period
    roster_date: dt.date  # members are counted as serving on this day
    include_contacts: bool
    councils: list[CouncilSummary] = field(default_factory=list)
    meetings: list[MeetingLine] = field(default_factory=list)
    opinions: list[OpinionLine] = field(default_factory=list)
    members: list[MemberLine] = field(default_factory=list)


def build_annual_report(
    session: Session, period: Period, *, as_of: dt.date, include_contacts: bool = False
) -> AnnualReport:
    """The report for ``period``. Councils existing at any time in the period are listed;
    members are those serving on the period's last day, or on ``as_of`` if that is earlier."""
    roster_date = min(period.end, as_of)
    council_ids = (
        select(Council.id)
        .where(
            Council.established_on <= period.end,
            or_(Council.abolished_on.is_(None), Council.abolished_on >= period.start),
        )
        .scalar_subquery()
    )
    return AnnualReport(
        period=period,
        roster_date=roster_date,
        include_contacts=include_contacts,
        councils=_council_summaries(session, period, roster_date, council_ids),
        meetings=_meeting_lines(session, period),
        opinions=_opinion_lines(session, period),
        members=_member_lines(session, roster_date, council_ids, include_contacts),
    )


def _in_period(column: InstrumentedAttribute[dt.date], period: Period) -> ColumnElement[bool]:
    return column.between(period.start, period.end)


def _council_summaries(
    session: Session, period: Period, roster_date: dt.date, council_ids: ScalarSelect[int]
) -> list[CouncilSummary]:
    councils = session.execute(
        select(Council.id, Station.name, Council.name, Council.kind, Council.abolished_on)
        .join(Station)
        .where(Council.id.in_(council_ids))
        .order_by(Station.name, Council.name, Council.id)
    ).all()
    posts: dict[int, list[str]] = defaultdict(list)
    for council_id, post_name in session.execute(
        select(council_posts.c.council_id, Post.name)
        .join(Post, Post.id == council_posts.c.post_id)
        .where(council_posts.c.council_id.in_(council_ids))
        .order_by(council_posts.c.council_id, Post.id)
    ):
        posts[council_id].append(post_name)

    genders: dict[int, Counter[Gender]] = defaultdict(Counter)
    bands: dict[int, Counter[AgeBand | None]] = defaultdict(Counter)
    fields: dict[int, Counter[Field]] = defaultdict(Counter)
    for council_id, gender, birth_date, age_band, person_field in session.execute(
        select(
            Appointment.council_id, Person.gender, Person.birth_date, Person.age_band, Person.field
        )
        .join(Person)
        .where(serving_on(roster_date), Appointment.council_id.in_(council_ids))
    ):
        genders[council_id][gender] += 1
        bands[council_id][current_age_band(birth_date, age_band, roster_date)] += 1
        fields[council_id][person_field] += 1

    regular: dict[int, list[dt.date]] = defaultdict(list)
    extraordinary: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    held = (Meeting.status == MeetingStatus.HELD, _in_period(Meeting.held_on, period))
    for council_id, kind, held_on, reason in session.execute(
        select(Meeting.council_id, Meeting.kind, Meeting.held_on, Meeting.reason)
        .where(*held)
        .order_by(Meeting.held_on, Meeting.id)
    ):
        if kind is MeetingKind.REGULAR:
            regular[council_id].append(held_on)
        else:
            extraordinary[council_id].append((held_on, reason or ""))
    participants: dict[int, int] = {
        council_id: int(total)
        for council_id, total in session.execute(
            select(Meeting.council_id, func.sum(Attendance.head_count))
            .join(Attendance, Attendance.meeting_id == Meeting.id)
            .where(*held)
            .group_by(Meeting.council_id)
        )
    }
    departments: dict[int, Counter[Department]] = defaultdict(Counter)
    answered_by_council: Counter[int] = Counter()
    for council_id, department, count, answered_count in session.execute(
        select(
            Opinion.council_id,
            Opinion.department,
            func.count(),
            func.sum(case((answered(), 1), else_=0)),
        )
        .where(_in_period(Opinion.raised_on, period))
        .group_by(Opinion.council_id, Opinion.department)
    ):
        departments[council_id][department] += int(count)
        answered_by_council[council_id] += int(answered_count or 0)

    return [
        CouncilSummary(
            station=station,
            posts=tuple(posts[cid]),
            name=name,
            kind=kind,
            abolished_on=abolished_on,
            serving=sum(genders[cid].values()),
            by_gender=genders[cid],
            by_age_band=bands[cid],
            by_field=fields[cid],
            regular_held=tuple(regular[cid]),
            extraordinary_held=tuple(extraordinary[cid]),
            participants=participants.get(cid, 0),
            opinions_by_department=departments[cid],
            answered=answered_by_council[cid],
        )
        for cid, station, name, kind, abolished_on in councils
    ]


def _meeting_lines(session: Session, period: Period) -> list[MeetingLine]:
    meeting_ids = select(Meeting.id).where(_in_period(Meeting.held_on, period)).scalar_subquery()
    participants = dict(
        session.execute(
            select(Attendance.meeting_id, func.sum(Attendance.head_count))
            .where(Attendance.meeting_id.in_(meeting_ids))
            .group_by(Attendance.meeting_id)
        ).all()
    )
    opinions = dict(
        session.execute(
            select(Opinion.meeting_id, func.count())
            .where(Opinion.meeting_id.in_(meeting_ids))
            .group_by(Opinion.meeting_id)
        ).all()
    )
    agenda: dict[int, list[str]] = defaultdict(list)
    for meeting_id, title in session.execute(
        select(AgendaItem.meeting_id, AgendaItem.title)
        .where(AgendaItem.meeting_id.in_(meeting_ids))
        .order_by(AgendaItem.meeting_id, AgendaItem.position)
    ):
        agenda[meeting_id].append(title)
    query = (
        select(
            Meeting.id,
            Station.name,
            Council.name,
            Meeting.kind,
            Meeting.status,
            Meeting.held_on,
            Meeting.start_time,
            Meeting.end_time,
            Meeting.place,
            Meeting.reason,
        )
        .join(Council, Council.id == Meeting.council_id)
        .join(Station, Station.id == Council.station_id)
        .where(_in_period(Meeting.held_on, period))
        .order_by(Meeting.held_on, Station.name, Council.name, Meeting.id)
    )
    return [
        MeetingLine(
            station=station,
            council=council,
            kind=kind,
            status=status,
            held_on=held_on,
            start_time=start_time,
            end_time=end_time,
            place=place,
            reason=reason or "",
            participants=int(participants.get(mid, 0)),
            agenda=tuple(agenda[mid]),
            opinions=int(opinions.get(mid, 0)),
        )
        for mid, station, council, kind, status, held_on, start_time, end_time, place, reason in (
            session.execute(query)
        )
    ]


def _opinion_lines(session: Session, period: Period) -> list[OpinionLine]:
    query = (
        select(
            Station.name,
            Council.name,
            Opinion.raised_on,
            Opinion.category,
            Opinion.department,
            Opinion.subject,
            Opinion.content,
            func.coalesce(Person.name, Opinion.raised_by),
            Meeting.held_on,
            Opinion.response,
            Opinion.responded_on,
            Opinion.status,
            Opinion.closed_on,
        )
        .join(Council, Council.id == Opinion.council_id)
        .join(Station, Station.id == Council.station_id)
        .outerjoin(Person, Person.id == Opinion.raised_by_person_id)
        .outerjoin(Meeting, Meeting.id == Opinion.meeting_id)
        .where(_in_period(Opinion.raised_on, period))
        .order_by(Opinion.raised_on, Station.name, Council.name, Opinion.id)
    )
    return [OpinionLine(*row) for row in session.execute(query)]


def _member_lines(
    session: Session, roster_date: dt.date, council_ids: ScalarSelect[int], include_contacts: bool
) -> list[MemberLine]:
    query = (
        select(
            Station.name.label("station"),
            Council.name.label("council"),
            Appointment.role,
            Appointment.term_start,
            Appointment.term_end,
            Person,
        )
        .join(Council, Council.id == Appointment.council_id)
        .join(Station, Station.id == Council.station_id)
        .join(Person, Person.id == Appointment.person_id)
        .where(serving_on(roster_date), Appointment.council_id.in_(council_ids))
    )
    lines = []
    for row in session.execute(query):
        p: Person = row.Person
        contact = ContactDetails(p.postal_code, p.address, p.phone, p.email)
        lines.append(
            MemberLine(
                station=row.station,
                council=row.council,
                role=row.role,
                name=p.name,
                reading=p.reading,
                gender=p.gender,
                age_band=current_age_band(p.birth_date, p.age_band, roster_date),
                field=p.field,
                occupation=p.occupation,
                organisation=p.organisation,
                term_start=row.term_start,
                term_end=row.term_end,
                contact=contact if include_contacts else None,
            )
        )
    # 会長 and 副会長 first, then by reading (ふりがな), as a roster is printed.
    lines.sort(
        key=lambda m: (
            m.station,
            m.council,
            ROLE_ORDER.get(m.role, 2),
            m.reading or "\uffff",
            m.name,
        )
    )
    return lines
