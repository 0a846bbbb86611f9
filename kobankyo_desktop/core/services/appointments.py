"""委嘱: appointing committee members, reappointing them and ending terms early (§3(3)–(5))."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session, aliased, joinedload

from kobankyo_desktop.core.dates import default_term_end
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Appointment, Council, Person
from kobankyo_desktop.core.services.common import (
    get_record,
    require_date,
    require_order,
    require_text,
)

TERM_YEARS = 2  # 委員の任期はおおむね2年 (§3(5))
DEFAULT_ROLE = "委員"


class TermStatus(StrEnum):
    """Where an appointment stands on a given day."""

    UPCOMING = "upcoming"  # 委嘱予定: term starts later
    SERVING = "serving"  # 在任
    ENDING = "ending"  # 在任, term ends within the lead time
    LAPSED = "lapsed"  # 任期切れ: term over, no successor, not recorded as ended
    FORMER = "former"  # 退任: ended early (解嘱) or succeeded / recorded as ended


@dataclass(frozen=True, slots=True)
class AppointmentInput:
    council_id: int
    person_id: int
    term_start: dt.date | None
    term_end: dt.date | None = None  # None: start + 2 years − 1 day (§3(5))
    role: str = DEFAULT_ROLE
    consulted_with: str = ""  # 他部門との連携 (§3(4))
    consulted_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    id: int
    uuid: str
    council_id: int
    council_name: str
    person_id: int
    role: str
    term_start: dt.date
    term_end: dt.date
    reappointed_from_id: int | None
    ended_on: dt.date | None
    end_reason: str | None
    consulted_with: str
    consulted_on: dt.date | None
    has_successor: bool


def serving_on(day: dt.date) -> ColumnElement[bool]:
    """SQL condition: the appointment is in force on ``day`` (started, not over, not ended)."""
    return and_(
        Appointment.term_start <= day,
        Appointment.term_end >= day,
        or_(Appointment.ended_on.is_(None), Appointment.ended_on >= day),
    )


def has_successor() -> ColumnElement[bool]:
    """SQL condition: a later appointment was made as this one's reappointment."""
    successor = aliased(Appointment)
    return exists().where(successor.reappointed_from_id == Appointment.id)


def term_status(
    term_start: dt.date,
    term_end: dt.date,
    ended_on: dt.date | None,
    succeeded: bool,
    as_of: dt.date,
    lead_days: int,
) -> TermStatus:
    """Classify one appointment on ``as_of`` (§3(5)); ``lead_days`` is the warning window."""
    if ended_on is not None and ended_on < as_of:
        return TermStatus.FORMER
    if term_start > as_of:
        return TermStatus.UPCOMING
    if term_end < as_of:
        return TermStatus.FORMER if succeeded or ended_on is not None else TermStatus.LAPSED
    if (term_end - as_of).days <= lead_days and not succeeded:
        return TermStatus.ENDING
    return TermStatus.SERVING


def appoint(session: Session, data: AppointmentInput) -> AppointmentRow:
    """委嘱 one person to one council for one term.

    A term that starts the day after the same person's term on the same council ends is that
    term's reappointment (再任, §3(5)) and is linked to it, however it was entered (the batch
    委嘱 every two years, a roster imported from Excel): the earlier term is then not lapsed.
    """
    council = get_record(session, Council, data.council_id, "連絡協議会")
    get_record(session, Person, data.person_id, "委員")
    term_start = require_date(data.term_start, "term_start", "任期の開始日")
    term_end = data.term_end or default_term_end(term_start, TERM_YEARS)
    _check_term(council, term_start, term_end)
    _check_no_overlap(session, data.council_id, data.person_id, term_start, term_end)
    continued = session.scalar(
        select(Appointment.id).where(
            Appointment.council_id == data.council_id,
            Appointment.person_id == data.person_id,
            Appointment.term_end == term_start - dt.timedelta(days=1),
            Appointment.ended_on.is_(None),
            ~has_successor(),
        )
    )
    appointment = Appointment(
        council_id=data.council_id,
        person_id=data.person_id,
        reappointed_from_id=continued,
        role=require_text(data.role, "role", "役職"),
        term_start=term_start,
        term_end=term_end,
        consulted_with=data.consulted_with.strip(),
        consulted_on=data.consulted_on,
        notes=data.notes.strip(),
    )
    session.add(appointment)
    session.flush()
    return appointment_row(session, appointment)


def reappoint(
    session: Session,
    appointment_id: int,
    *,
    role: str | None = None,
    term_end: dt.date | None = None,
    consulted_with: str = "",
    consulted_on: dt.date | None = None,
) -> AppointmentRow:
    """再任 (§3(5)): a new term from the day after the old one ends, linked to it."""
    previous = get_record(session, Appointment, appointment_id, "委嘱")
    if previous.ended_on is not None:
        raise ValidationError(
            "appointment", "解嘱・退任済みの委嘱は再任できません。新たに委嘱してください。"
        )
    if session.scalar(select(has_successor()).where(Appointment.id == previous.id)):
        raise ValidationError("appointment", "この委嘱は既に再任されています。")
    term_start = previous.term_end + dt.timedelta(days=1)
    term_end = term_end or default_term_end(term_start, TERM_YEARS)
    _check_term(previous.council, term_start, term_end)
    _check_no_overlap(session, previous.council_id, previous.person_id, term_start, term_end)
    appointment = Appointment(
        council_id=previous.council_id,
        person_id=previous.person_id,
        role=require_text(role if role is not None else previous.role, "role", "役職"),
        term_start=term_start,
        term_end=term_end,
        reappointed_from_id=previous.id,
        consulted_with=consulted_with.strip(),
        consulted_on=consulted_on,
    )
    session.add(appointment)
    session.flush()
    return appointment_row(session, appointment)


def end_appointment(
    session: Session, appointment_id: int, ended_on: dt.date | None, reason: str
) -> AppointmentRow:
    """解嘱 or 退任: end a term on ``ended_on`` for ``reason``; the record stays."""
    appointment = get_record(session, Appointment, appointment_id, "委嘱")
    ended_on = require_date(ended_on, "ended_on", "解嘱日")
    reason = require_text(reason, "end_reason", "解嘱の理由")
    if appointment.ended_on is not None:
        raise ValidationError("ended_on", "この委嘱は既に終了しています。")
    if not appointment.term_start <= ended_on <= appointment.term_end:
        raise ValidationError("ended_on", "解嘱日は任期の開始日から満了日までの間にしてください。")
    appointment.ended_on = ended_on
    appointment.end_reason = reason
    session.flush()
    return appointment_row(session, appointment)


def update_appointment(
    session: Session, appointment_id: int, data: AppointmentInput
) -> AppointmentRow:
    """Correct an appointment's role, term or consultation record."""
    appointment = get_record(session, Appointment, appointment_id, "委嘱")
    term_start = require_date(data.term_start, "term_start", "任期の開始日")
    term_end = data.term_end or default_term_end(term_start, TERM_YEARS)
    _check_term(appointment.council, term_start, term_end)
    # A term ended early only ran until it ended: a later term may start after that.
    in_force_until = min(term_end, appointment.ended_on or term_end)
    _check_no_overlap(
        session,
        appointment.council_id,
        appointment.person_id,
        term_start,
        in_force_until,
        exclude_id=appointment.id,
    )
    appointment.role = require_text(data.role, "role", "役職")
    appointment.term_start = term_start
    appointment.term_end = term_end
    appointment.consulted_with = data.consulted_with.strip()
    appointment.consulted_on = data.consulted_on
    appointment.notes = data.notes.strip()
    session.flush()
    return appointment_row(session, appointment)


def list_appointments(session: Session, person_id: int) -> list[AppointmentRow]:
    """A person's whole appointment history, oldest first."""
    query = (
        select(Appointment, has_successor())
        .where(Appointment.person_id == person_id)
        .options(joinedload(Appointment.council))
        .order_by(Appointment.term_start, Appointment.id)
    )
    return [_row(a, bool(succeeded)) for a, succeeded in session.execute(query)]


def serving_appointments(
    session: Session, council_id: int, day: dt.date
) -> list[tuple[AppointmentRow, str, str]]:
    """The council's members serving on ``day``: (appointment, name, reading), by reading."""
    query = (
        select(Appointment, has_successor(), Person.name, Person.reading)
        .join(Person)
        .where(Appointment.council_id == council_id, serving_on(day))
        .options(joinedload(Appointment.council))
        .order_by(Person.reading, Person.name)
    )
    return [(_row(a, bool(s)), n, r) for a, s, n, r in session.execute(query)]


def appointment_row(session: Session, a: Appointment) -> AppointmentRow:
    """One appointment as plain data (for a single record; lists compute successors in
    their own query)."""
    succeeded = bool(session.scalar(select(has_successor()).where(Appointment.id == a.id)))
    return _row(a, succeeded)


def _row(a: Appointment, succeeded: bool) -> AppointmentRow:
    return AppointmentRow(
        a.id,
        a.uuid,
        a.council_id,
        a.council.name,
        a.person_id,
        a.role,
        a.term_start,
        a.term_end,
        a.reappointed_from_id,
        a.ended_on,
        a.end_reason,
        a.consulted_with,
        a.consulted_on,
        succeeded,
    )


def _check_term(council: Council, term_start: dt.date, term_end: dt.date) -> None:
    require_order(term_start, term_end, "term_end", "任期の満了日は開始日より後にしてください。")
    if council.abolished_on is not None and term_start > council.abolished_on:
        raise ValidationError(
            "council", f"「{council.name}」は廃止されているため、委嘱できません。"
        )


def _check_no_overlap(
    session: Session,
    council_id: int,
    person_id: int,
    term_start: dt.date,
    term_end: dt.date,
    exclude_id: int | None = None,
) -> None:
    overlap = select(Appointment.id).where(
        Appointment.council_id == council_id,
        Appointment.person_id == person_id,
        Appointment.term_start <= term_end,
        Appointment.term_end >= term_start,
        or_(Appointment.ended_on.is_(None), Appointment.ended_on >= term_start),
    )
    if exclude_id is not None:
        overlap = overlap.where(Appointment.id != exclude_id)
    if session.scalar(overlap.limit(1)) is not None:
        raise ValidationError(
            "term_start", "この方は同じ期間に既にこの連絡協議会の委員として委嘱されています。"
        )
