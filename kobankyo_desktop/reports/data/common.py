"""What every printed document reads alike: who issues it (Issuer), the order members are listed
in (officers first, then by reading), the members serving on a day, and the 運営責任者 (要綱§3(6))
designated on a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.models import Appointment, ManagerDesignation, Officer, Person
from kobankyo_desktop.core.services.appointments import serving_on
from kobankyo_desktop.core.settings import load_settings
from kobankyo_desktop.core.text import reading_sort_key

# Officers of the council are listed first, in this order; everyone else by reading.
ROLE_ORDER = ("会長", "副会長", "顧問", "幹事", "会計", "監事")


@dataclass(frozen=True, slots=True)
class Issuer:
    """Who issues the document (Settings.station_name / issuer_heading) and how dates read."""

    station_name: str
    issuer_heading: str  # e.g. さくら警察署長; the station name when not set
    date_style: DateStyle


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


def serving_members(
    session: Session, council_id: int, day: dt.date
) -> list[tuple[Appointment, Person]]:
    """The appointments of a council in force on ``day`` with their people, officers first
    then by reading."""
    rows = [
        (appointment, person)
        for appointment, person in session.execute(
            select(Appointment, Person)
            .join(Person, Appointment.person_id == Person.id)
            .where(Appointment.council_id == council_id, serving_on(day))
        )
    ]
    return sorted(rows, key=lambda r: role_sort_key(r[0].role, r[1].reading, r[1].name))


def manager_on(session: Session, council_id: int, day: dt.date) -> tuple[str, str]:
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
