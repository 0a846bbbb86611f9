"""People (委員): their particulars, contact details and the members list (§3(3))."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from kobankyo_desktop.core.dates import age_on
from kobankyo_desktop.core.errors import ConflictError, ValidationError
from kobankyo_desktop.core.models import Appointment, Attendance, Council, Opinion, Person, Visit
from kobankyo_desktop.core.services.appointments import (
    AppointmentRow,
    TermStatus,
    list_appointments,
    term_status,
)
from kobankyo_desktop.core.services.common import get_record, require_enum, require_text
from kobankyo_desktop.core.services.visits import VisitRow, list_visits
from kobankyo_desktop.core.text import clean_name, normalize_reading
from kobankyo_desktop.core.vocab import AgeBand, Field, Gender, age_band_for


@dataclass(frozen=True, slots=True)
class PersonInput:
    name: str
    reading: str = ""
    gender: Gender | str = Gender.UNSPECIFIED
    birth_date: dt.date | None = None
    age_band: AgeBand | str | None = None
    field: Field | str = Field.OTHER
    occupation: str = ""
    organisation: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person's particulars, contact details included (shown only in the detail view)."""

    id: int
    uuid: str
    name: str
    reading: str
    gender: Gender
    birth_date: dt.date | None
    age_band: AgeBand | None
    field: Field
    occupation: str
    organisation: str
    postal_code: str
    address: str
    phone: str
    email: str
    notes: str


@dataclass(frozen=True, slots=True)
class PersonDetail:
    person: PersonRow
    appointments: list[AppointmentRow]
    visits: list[VisitRow]


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One line of the members table: a person with one current (latest) appointment.

    People never appointed, or between councils, appear once with no appointment.
    Contact details are deliberately absent: the table is seen over an officer's shoulder.
    """

    person_id: int
    name: str
    reading: str
    gender: Gender
    age_band: AgeBand | None
    field: Field
    occupation: str
    organisation: str
    appointment_id: int | None
    council_id: int | None
    council_name: str
    role: str
    term_start: dt.date | None
    term_end: dt.date | None
    ended_on: dt.date | None
    status: TermStatus | None
    days_left: int | None
    reappointed: bool = False  # 再任済み: the next term is recorded and has not started yet


def current_age_band(
    birth_date: dt.date | None, age_band: AgeBand | None, as_of: dt.date
) -> AgeBand | None:
    """The age band on ``as_of``: from the birth date when known, else as recorded."""
    if birth_date is not None:
        return age_band_for(age_on(birth_date, as_of))
    return age_band


def _validated(data: PersonInput) -> dict[str, object]:
    email = data.email.strip()
    if email and "@" not in email:
        raise ValidationError("email", "メールアドレスの形式が正しくありません。")
    if data.birth_date is not None and data.birth_date.year < 1900:
        raise ValidationError("birth_date", "生年月日が正しくありません。")
    return {
        "name": require_text(clean_name(data.name), "name", "氏名"),
        "reading": normalize_reading(data.reading),
        "gender": require_enum(Gender, data.gender, "gender", "性別"),
        "birth_date": data.birth_date,
        "age_band": (
            require_enum(AgeBand, data.age_band, "age_band", "年代") if data.age_band else None
        ),
        "field": require_enum(Field, data.field, "field", "分野"),
        "occupation": data.occupation.strip(),
        "organisation": data.organisation.strip(),
        "postal_code": data.postal_code.strip(),
        "address": data.address.strip(),
        "phone": data.phone.strip(),
        "email": email,
        "notes": data.notes.strip(),
    }


def create_person(session: Session, data: PersonInput) -> PersonRow:
    person = Person(**_validated(data))
    session.add(person)
    session.flush()
    return person_row(person)


def update_person(session: Session, person_id: int, data: PersonInput) -> PersonRow:
    person = get_record(session, Person, person_id, "委員")
    for key, value in _validated(data).items():
        setattr(person, key, value)
    session.flush()
    return person_row(person)


def delete_person(session: Session, person_id: int) -> None:
    """Delete a person entered by mistake; anyone with a history is refused."""
    person = get_record(session, Person, person_id, "委員")
    for column, what in (
        (Appointment.person_id, "委嘱"),
        (Visit.person_id, "訪問連絡"),
        (Attendance.person_id, "会議の出席"),
        (Opinion.raised_by_person_id, "意見・要望"),
    ):
        if session.scalar(select(func.count()).where(column == person_id)):
            raise ConflictError(f"{person.name}さんには{what}の記録があるため削除できません。")
    session.delete(person)
    session.flush()


def person_detail(session: Session, person_id: int) -> PersonDetail:
    person = get_record(session, Person, person_id, "委員")
    return PersonDetail(
        person_row(person), list_appointments(session, person_id), list_visits(session, person_id)
    )


def list_member_rows(
    session: Session,
    as_of: dt.date,
    lead_days: int,
    *,
    council_id: int | None = None,
) -> list[MemberRow]:
    """People with their current appointment on each council, in two queries.

    The current one is the latest, except that a term reappointed in advance stays current
    until its successor starts (§3(5)): the member is serving, not 委嘱予定.
    """
    successor = aliased(Appointment)
    started_successor = exists().where(
        successor.reappointed_from_id == Appointment.id, successor.term_start <= as_of
    )
    # Plain columns, not ORM objects: a prefecture lists some 25,000 appointments and people,
    # and building ORM instances for them doubled the members tab's loading time.
    latest = (
        select(
            Appointment.id,
            Appointment.person_id,
            Appointment.council_id,
            Appointment.role,
            Appointment.term_start,
            Appointment.term_end,
            Appointment.ended_on,
            Appointment.reappointed_from_id,
            Council.name.label("council_name"),
        )
        .join(Council)
        .where(~started_successor)
        .order_by(Appointment.term_start)
    )
    if council_id is not None:
        latest = latest.where(Appointment.council_id == council_id)
    found = list(session.execute(latest))
    # Terms whose successor has not started yet; both are in ``found``, only one is shown.
    waiting = {a.reappointed_from_id for a in found if a.reappointed_from_id is not None}
    statuses = {
        a.id: term_status(a.term_start, a.term_end, a.ended_on, a.id in waiting, as_of, lead_days)
        for a in found
    }
    by_person: dict[int, list[Row[Any]]] = {}
    for appointment in found:
        predecessor = appointment.reappointed_from_id
        if predecessor in statuses and statuses[predecessor] is not TermStatus.FORMER:
            continue  # not started yet: the predecessor is the current term
        if appointment.id in waiting and statuses[appointment.id] is TermStatus.FORMER:
            continue  # ended early after being reappointed: the successor is shown
        by_person.setdefault(appointment.person_id, []).append(appointment)
    people = select(
        Person.id,
        Person.name,
        Person.reading,
        Person.gender,
        Person.birth_date,
        Person.age_band,
        Person.field,
        Person.occupation,
        Person.organisation,
    )
    if council_id is not None:
        people = people.where(Person.id.in_(by_person.keys()))
    rows: list[MemberRow] = []
    for person in session.execute(people):
        band = current_age_band(person.birth_date, person.age_band, as_of)
        base = (
            person.id,
            person.name,
            person.reading,
            person.gender,
            band,
            person.field,
            person.occupation,
            person.organisation,
        )
        appointments = by_person.get(person.id)
        if not appointments:
            rows.append(MemberRow(*base, None, None, "", "", None, None, None, None, None))
            continue
        for a in appointments:
            status = statuses[a.id]
            days_left = (a.term_end - as_of).days if status is not TermStatus.FORMER else None
            rows.append(
                MemberRow(
                    *base,
                    a.id,
                    a.council_id,
                    a.council_name,
                    a.role,
                    a.term_start,
                    a.term_end,
                    a.ended_on,
                    status,
                    days_left,
                    a.id in waiting,
                )
            )
    return rows


def find_people(session: Session, text: str, limit: int = 50) -> list[PersonRow]:
    """People whose name or reading contains ``text`` (for pickers)."""
    needle = f"%{text.strip()}%"
    reading_needle = f"%{normalize_reading(text)}%"
    query = (
        select(Person)
        .where(or_(Person.name.like(needle), Person.reading.like(reading_needle)))
        .order_by(Person.reading)
        .limit(limit)
    )
    return [person_row(p) for p in session.scalars(query)]


def person_row(p: Person) -> PersonRow:
    return PersonRow(
        p.id,
        p.uuid,
        p.name,
        p.reading,
        p.gender,
        p.birth_date,
        p.age_band,
        p.field,
        p.occupation,
        p.organisation,
        p.postal_code,
        p.address,
        p.phone,
        p.email,
        p.notes,
    )
