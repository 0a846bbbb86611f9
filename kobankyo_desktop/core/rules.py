"""The reminders panel (通知): what needs an officer's attention on a given day.

:func:`evaluate` is a pure function of the records, ``as_of`` and the settings; it never reads
the clock. Each rule is one SQL query whatever the number of councils (EXISTS and joins do the
aggregation in the database), so the panel stays quick for a whole prefecture. Rule ids,
severities and the JSON field names are documented in ``docs/reminders.md``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from kobankyo_desktop.core.dates import format_date, year_label, year_of, year_range
from kobankyo_desktop.core.models import (
    Appointment,
    Council,
    ManagerDesignation,
    Meeting,
    Officer,
    Opinion,
    Person,
)
from kobankyo_desktop.core.services.appointments import has_successor, serving_on
from kobankyo_desktop.core.services.people import current_age_band
from kobankyo_desktop.core.settings import Settings, load_settings
from kobankyo_desktop.core.text import reading_sort_key
from kobankyo_desktop.core.vocab import (
    AgeBand,
    CouncilKind,
    Gender,
    MeetingKind,
    MeetingStatus,
    OpinionStatus,
    label,
)

NO_REGULAR_MEETING = "no_regular_meeting"
TERM_ENDING = "term_ending"
TERM_LAPSED = "term_lapsed"
NO_MANAGER = "no_manager"
OPINION_UNANSWERED = "opinion_unanswered"
ROSTER_NOT_BROAD = "roster_not_broad"

RULE_TITLES = {
    NO_REGULAR_MEETING: "定期会議が未開催",
    TERM_ENDING: "任期満了が近い委員",
    TERM_LAPSED: "任期が切れたままの委員",
    NO_MANAGER: "運営責任者が未指定",
    OPINION_UNANSWERED: "意見・要望が未対応",
    ROSTER_NOT_BROAD: "委員の構成に偏り",
}

# A term ending within this many days is a warning rather than information (§3(5)).
TERM_URGENT_DAYS = 30
# The regular meeting is a warning this many months before the year's last month (§6(2)).
MEETING_WARNING_MONTHS = 2
OPINION_LABEL_CHARS = 20


class Severity(IntEnum):
    """How urgent a reminder is, ordered: CRITICAL > WARNING > INFO > ADVICE."""

    ADVICE = 0  # 助言: never a block (§3(3))
    INFO = 1  # お知らせ
    WARNING = 2  # 注意
    CRITICAL = 3  # 至急

    @property
    def code(self) -> str:
        """The stable code used in JSON: ``critical``, ``warning``, ``info``, ``advice``."""
        return self.name.lower()

    @property
    def label(self) -> str:
        return ("助言", "お知らせ", "注意", "至急")[self]


class SubjectKind(StrEnum):
    """What a reminder is about: the council itself, a member (委員) or an opinion."""

    COUNCIL = "council"
    PERSON = "person"
    OPINION = "opinion"


class Action(StrEnum):
    """What fixes a reminder; the UI opens the matching editor with the reminder's target ids."""

    PLAN_MEETING = "plan_meeting"  # council_id, and meeting_id when one is planned
    REAPPOINT_OR_END = "reappoint_or_end"  # appointment_id
    DESIGNATE_MANAGER = "designate_manager"  # council_id
    OPEN_OPINION = "open_opinion"  # opinion_id
    REVIEW_ROSTER = "review_roster"  # council_id


@dataclass(frozen=True, slots=True)
class Reminder:
    """One thing to attend to. ``message`` is Japanese and cites the 要綱 section."""

    rule: str
    severity: Severity
    council_id: int
    council_name: str
    subject_kind: SubjectKind
    subject_id: int
    subject_label: str
    message: str
    due: dt.date | None
    action: Action
    appointment_id: int | None = None
    opinion_id: int | None = None
    meeting_id: int | None = None
    subject_reading: str = ""  # ふりがな of a person, for sorting only

    @property
    def title(self) -> str:
        return RULE_TITLES[self.rule]

    def sort_key(self) -> tuple[Any, ...]:
        """Most urgent first, then earliest due (undated last), then council name; people of
        one council by reading (ふりがな)."""
        due = self.due or dt.date.max
        subject = reading_sort_key(self.subject_reading, self.subject_label)
        return (-self.severity, due, self.council_name, self.rule, subject)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types; field names as documented in docs/reminders.md."""
        return {
            "rule": self.rule,
            "title": self.title,
            "severity": self.severity.code,
            "council_id": self.council_id,
            "council_name": self.council_name,
            "subject_kind": self.subject_kind.value,
            "subject_id": self.subject_id,
            "subject_label": self.subject_label,
            "message": self.message,
            "due": self.due.isoformat() if self.due else None,
            "action": self.action.value,
            "appointment_id": self.appointment_id,
            "opinion_id": self.opinion_id,
            "meeting_id": self.meeting_id,
        }


def evaluate(session: Session, as_of: dt.date, settings: Settings | None = None) -> list[Reminder]:
    """Every reminder on ``as_of``, most urgent first; one query per rule."""
    if settings is None:
        settings = load_settings(session)
    reminders = [
        *no_regular_meeting(session, as_of, settings),
        *terms_ending_or_lapsed(session, as_of, settings),
        *no_manager(session, as_of, settings),
        *opinions_unanswered(session, as_of, settings),
        *rosters_not_broad(session, as_of),
    ]
    return sorted(reminders, key=Reminder.sort_key)


def _exists_on(day: dt.date) -> ColumnElement[bool]:
    """SQL condition: the council is established by ``day`` and not abolished on it."""
    return and_(Council.established_on <= day, _not_abolished(day))


def _not_abolished(day: dt.date) -> ColumnElement[bool]:
    return or_(Council.abolished_on.is_(None), Council.abolished_on > day)


def _meeting_severity(as_of: dt.date, year_end: dt.date) -> Severity:
    """Info until the last three months of the year, warning in them, critical in the last."""
    months_left = (year_end.year - as_of.year) * 12 + year_end.month - as_of.month
    if months_left == 0:
        return Severity.CRITICAL
    if months_left <= MEETING_WARNING_MONTHS:
        return Severity.WARNING
    return Severity.INFO


def _about_council(
    rule: str,
    severity: Severity,
    council_id: int,
    name: str,
    message: str,
    action: Action,
    *,
    due: dt.date | None = None,
    meeting_id: int | None = None,
) -> Reminder:
    """A reminder whose subject is the council itself."""
    subject = (SubjectKind.COUNCIL, council_id, name)
    return Reminder(
        rule, severity, council_id, name, *subject, message, due, action, meeting_id=meeting_id
    )


def no_regular_meeting(session: Session, as_of: dt.date, settings: Settings) -> list[Reminder]:
    """定期会議は年1回以上 (§6(2)): councils with no regular meeting held so far this year.

    A meeting counts once it is recorded as held on or before ``as_of``; a 臨時会議 never
    counts (§6(3)). Each flagged council comes with its non-cancelled regular meetings of the
    year (planned, or dated after ``as_of``) by an outer join, to say whether one is planned.
    """
    year = year_of(as_of, settings.year_basis)
    first, last = year_range(year, settings.year_basis)

    def held(kind: MeetingKind) -> ColumnElement[bool]:
        # An alias, so that the EXISTS does not correlate with the outer-joined meetings.
        meeting = aliased(Meeting)
        return exists().where(
            meeting.council_id == Council.id,
            meeting.kind == kind,
            meeting.status == MeetingStatus.HELD,
            meeting.held_on.between(first, as_of),
        )

    planned = and_(
        Meeting.council_id == Council.id,
        Meeting.kind == MeetingKind.REGULAR,
        Meeting.status != MeetingStatus.CANCELLED,
        Meeting.held_on.between(first, last),
    )
    query = (
        select(
            Council.id, Council.name, held(MeetingKind.EXTRAORDINARY), Meeting.id, Meeting.held_on
        )
        .outerjoin(Meeting, planned)
        .where(_exists_on(as_of), ~held(MeetingKind.REGULAR))
        .order_by(Council.id, Meeting.held_on, Meeting.id)
    )
    councils: dict[int, tuple[str, bool]] = {}
    meetings: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
    for council_id, name, had_extraordinary, meeting_id, held_on in session.execute(query):
        councils[council_id] = (name, bool(had_extraordinary))
        if meeting_id is not None:
            meetings[council_id].append((meeting_id, held_on))

    style = settings.date_style
    year_text = year_label(year, settings.year_basis, style)
    severity = _meeting_severity(as_of, last)
    reminders = []
    for council_id, (name, had_extraordinary) in councils.items():
        upcoming = [m for m in meetings[council_id] if m[1] >= as_of]
        overdue = [m for m in meetings[council_id] if m[1] < as_of]
        message = f"{year_text}の定期会議がまだ開催されていません（要綱§6(2)：年1回以上開催）。"
        meeting_id = None
        if upcoming:
            meeting_id, day = upcoming[0]
            message += f"{format_date(day, style)}に予定されています。"
        elif overdue:
            meeting_id, day = overdue[-1]
            message += (
                f"予定日の{format_date(day, style)}を過ぎましたが、開催済みの記録がありません。"
            )
        else:
            message += "開催予定も登録されていません。"
        if had_extraordinary:
            message += "臨時会議は定期会議に数えません（要綱§6(3)）。"
        message += f"期限は{format_date(last, style)}です。"
        reminders.append(
            _about_council(
                NO_REGULAR_MEETING,
                severity,
                council_id,
                name,
                message,
                Action.PLAN_MEETING,
                due=last,
                meeting_id=meeting_id,
            )
        )
    return reminders


def terms_ending_or_lapsed(session: Session, as_of: dt.date, settings: Settings) -> list[Reminder]:
    """委員の任期 (§3(5)): terms ending within the lead time, and terms lapsed while listed.

    Only appointments in force (started, not ended early by 解嘱, not followed by a
    reappointment) of councils not abolished are considered. A term ending exactly
    ``term_lead_days`` after ``as_of`` is flagged; one day later is not.
    """
    horizon = as_of + dt.timedelta(days=settings.term_lead_days)
    query = (
        select(Appointment, Person.name, Person.reading, Council.name.label("council_name"))
        .join(Person, Appointment.person_id == Person.id)
        .join(Council, Appointment.council_id == Council.id)
        .where(
            Appointment.ended_on.is_(None),
            Appointment.term_start <= as_of,
            Appointment.term_end <= horizon,
            ~has_successor(),
            _not_abolished(as_of),
        )
    )
    style = settings.date_style
    reminders = []
    for appointment, name, reading, council_name in session.execute(query):
        days = (appointment.term_end - as_of).days
        whose = f"{name}さん（{appointment.role}）の任期"
        end_text = format_date(appointment.term_end, style)
        if days < 0:
            rule, severity = TERM_LAPSED, Severity.CRITICAL
            message = f"{whose}は{end_text}に満了しましたが、再任も退任も記録されていません（{-days}日経過）。"
        else:
            rule = TERM_ENDING
            severity = Severity.WARNING if days <= TERM_URGENT_DAYS else Severity.INFO
            message = (
                f"{whose}が{end_text}に満了します（{'本日' if days == 0 else f'あと{days}日'}）。"
            )
        message += (
            "再任するか、退任として記録してください（要綱§3(5)：任期はおおむね2年、再任可）。"
        )
        reminders.append(
            Reminder(
                rule,
                severity,
                appointment.council_id,
                council_name,
                SubjectKind.PERSON,
                appointment.person_id,
                name,
                message,
                appointment.term_end,
                Action.REAPPOINT_OR_END,
                appointment_id=appointment.id,
                subject_reading=reading,
            )
        )
    return reminders


def no_manager(session: Session, as_of: dt.date, settings: Settings) -> list[Reminder]:
    """運営責任者の指定 (§3(6)): councils with no designation in force on ``as_of``.

    A designation whose officer has left the post (異動) does not count either: the message
    names that officer. The outer join brings such designations along for the message.
    """

    def in_force(designation: type[ManagerDesignation]) -> ColumnElement[bool]:
        return and_(
            designation.council_id == Council.id,
            designation.designated_on <= as_of,
            or_(designation.ended_on.is_(None), designation.ended_on >= as_of),
        )

    # Aliases: the EXISTS must not correlate with the outer join's tables.
    other, officer = aliased(ManagerDesignation), aliased(Officer)
    valid = exists(
        select(other.id)
        .join(officer, other.officer_id == officer.id)
        .where(in_force(other), or_(officer.left_on.is_(None), officer.left_on >= as_of))
    )
    query = (
        select(Council.id, Council.name, Officer.name, Officer.left_on)
        .outerjoin(ManagerDesignation, in_force(ManagerDesignation))
        .outerjoin(Officer, ManagerDesignation.officer_id == Officer.id)
        .where(_exists_on(as_of), ~valid)
        .order_by(Council.id, Officer.left_on.desc())
    )
    councils: dict[int, tuple[str, str | None, dt.date | None]] = {}
    for council_id, name, officer_name, left_on in session.execute(query):
        councils.setdefault(council_id, (name, officer_name, left_on))
    reminders = []
    for council_id, (name, officer_name, left_on) in councils.items():
        if officer_name is not None and left_on is not None:
            left_text = format_date(left_on, settings.date_style)
            message = f"運営責任者に指定されている{officer_name}さんは{left_text}に転出しています。警察署長が後任を指定し、記録してください（要綱§3(6)）。"
        else:
            message = "運営責任者が指定されていません。警察署長が交番所長等を運営責任者に指定し、記録してください（要綱§3(6)）。"
        reminders.append(
            _about_council(
                NO_MANAGER,
                Severity.WARNING,
                council_id,
                name,
                message,
                Action.DESIGNATE_MANAGER,
            )
        )
    return reminders


def opinions_unanswered(session: Session, as_of: dt.date, settings: Settings) -> list[Reminder]:
    """意見・要望 (§7) not closed and with no response recorded after the allowed time.

    Due on ``raised_on + opinion_response_days``; flagged from the day after the due date.
    Opinions of abolished councils stay flagged: residents still wait for an answer.
    """
    days = settings.opinion_response_days
    query = (
        select(Opinion, Council.name)
        .join(Council, Opinion.council_id == Council.id)
        .where(
            Opinion.status != OpinionStatus.CLOSED,
            func.trim(Opinion.response) == "",
            Opinion.raised_on < as_of - dt.timedelta(days=days),
        )
    )
    style = settings.date_style
    reminders = []
    for opinion, council_name in session.execute(query):
        due = opinion.raised_on + dt.timedelta(days=days)
        text = opinion.subject or _shorten(opinion.content)
        message = (
            f"{label(opinion.category)}「{text}」（{format_date(opinion.raised_on, style)}受理）"
            f"の措置・対応状況が記録されていません（期限{format_date(due, style)}、"
            f"{(as_of - due).days}日超過）。検討・協議の結果と対応を記録してください（要綱§7）。"
        )
        reminders.append(
            Reminder(
                OPINION_UNANSWERED,
                Severity.WARNING,
                opinion.council_id,
                council_name,
                SubjectKind.OPINION,
                opinion.id,
                text,
                message,
                due,
                Action.OPEN_OPINION,
                opinion_id=opinion.id,
            )
        )
    return reminders


def _shorten(text: str) -> str:
    lines = text.strip().splitlines()
    first = lines[0] if lines else ""
    return first if len(first) <= OPINION_LABEL_CHARS else first[:OPINION_LABEL_CHARS] + "…"


def rosters_not_broad(session: Session, as_of: dt.date) -> list[Reminder]:
    """委員は職業、年齢、性別等を考慮して幅広く (§3(3)): advice when a roster is one-sided.

    For councils other than 職種等 (chosen to fit their purpose instead, §5(2)) with at least
    two serving members: all members whose gender is recorded are of one gender, or all whose
    age band is known are in one band (at least two known in either case). Unrecorded gender
    (未回答) and unknown age are left out rather than counted as a difference.
    """
    query = (
        select(
            Council.id, Council.name, Person.id, Person.gender, Person.birth_date, Person.age_band
        )
        .join(Appointment, Appointment.council_id == Council.id)
        .join(Person, Appointment.person_id == Person.id)
        .where(_exists_on(as_of), Council.kind != CouncilKind.OCCUPATIONAL, serving_on(as_of))
    )
    names: dict[int, str] = {}
    members: dict[int, dict[int, tuple[Gender, AgeBand | None]]] = defaultdict(dict)
    for council_id, name, person_id, gender, birth_date, age_band in session.execute(query):
        names[council_id] = name
        members[council_id][person_id] = (gender, current_age_band(birth_date, age_band, as_of))

    reminders = []
    for council_id, roster in members.items():
        genders = [g for g, _ in roster.values() if g is not Gender.UNSPECIFIED]
        bands = [b for _, b in roster.values() if b is not None]
        findings = [
            f"{_whose(len(values), len(roster), what)}全員が{label(values[0])}"
            for values, what in ((genders, "性別"), (bands, "年代"))
            if len(values) >= 2 and len(set(values)) == 1
        ]
        if not findings:  # two known members at least, so two serving
            continue
        message = (
            f"在任の委員{len(roster)}名は、{'、'.join(findings)}です。委員は職業、年齢、性別等を"
            "考慮して幅広く選定することとされています（要綱§3(3)。職種等連絡協議会を除く、"
            "§5(2)）。次の委嘱の際の参考にしてください。"
        )
        reminders.append(
            _about_council(
                ROSTER_NOT_BROAD,
                Severity.ADVICE,
                council_id,
                names[council_id],
                message,
                Action.REVIEW_ROSTER,
            )
        )
    return reminders


def _whose(known: int, total: int, what: str) -> str:
    return "" if known == total else f"{what}の分かる{known}名の"
