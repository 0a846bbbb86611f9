"""What the member documents say (要綱§3(2)–(5)): the 委員名簿 of a council on a day and 委嘱状
for appointments. Contact details are read only when the user asked for them: a roster printed
without them never holds them, even in memory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Appointment, Council
from kobankyo_desktop.core.services.common import get_record
from kobankyo_desktop.core.vocab import label
from kobankyo_desktop.reports.data.common import Issuer, issuer_of, manager_on, serving_members


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
        for appointment, person in serving_members(session, council_id, as_of)
    )
    manager, _post = manager_on(session, council_id, as_of)
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
    return [appointment.id for appointment, _person in serving_members(session, council_id, as_of)]
