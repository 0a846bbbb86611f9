"""The member rules: 委員の任期 ending or lapsed (要綱§3(5)), and a roster that is not broad in
職業、年齢、性別等 (§3(3); 職種等連絡協議会 excepted, §5(2))."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.dates import format_date
from kobankyo_desktop.core.models import Appointment, Council, Person
from kobankyo_desktop.core.rules.common import about_council, exists_on, not_abolished
from kobankyo_desktop.core.rules.reminder import (
    ROSTER_NOT_BROAD,
    TERM_ENDING,
    TERM_LAPSED,
    Action,
    Reminder,
    Severity,
    SubjectKind,
)
from kobankyo_desktop.core.services.appointments import has_successor, serving_on
from kobankyo_desktop.core.services.people import current_age_band
from kobankyo_desktop.core.settings import Settings
from kobankyo_desktop.core.vocab import AgeBand, CouncilKind, Gender, label

# A term ending within this many days is a warning rather than information (§3(5)).
TERM_URGENT_DAYS = 30


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
            not_abolished(as_of),
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
        .where(exists_on(as_of), Council.kind != CouncilKind.OCCUPATIONAL, serving_on(as_of))
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
            about_council(
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
