"""訪問連絡 (§3(7)): operating officers' visits to members and other participants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Appointment, Council, Officer, Person, Visit, council_posts
from kobankyo_desktop.core.services.common import get_record, require_date
from kobankyo_desktop.core.services.stations import OfficerRow, list_officers


@dataclass(frozen=True, slots=True)
class VisitInput:
    person_id: int
    visited_on: dt.date | None
    officer_id: int | None = None
    officer_name: str = ""
    purpose: str = ""
    notes: str = ""
    council_id: int | None = None


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: int
    uuid: str
    person_id: int
    visited_on: dt.date
    officer_name: str
    purpose: str
    notes: str
    council_id: int | None


def record_visit(session: Session, data: VisitInput) -> VisitRow:
    """Log a visit (§3(7)): who visited whom, when, why."""
    get_record(session, Person, data.person_id, "委員")
    visited_on = require_date(data.visited_on, "visited_on", "訪問日")
    if data.officer_id is not None:
        get_record(session, Officer, data.officer_id, "運営担当者")
    elif not data.officer_name.strip():
        raise ValidationError("officer", "訪問した勤務員を入力してください。")
    if data.council_id is not None:
        get_record(session, Council, data.council_id, "連絡協議会")
    if not data.purpose.strip():
        raise ValidationError("purpose", "訪問の目的を入力してください。")
    visit = Visit(
        person_id=data.person_id,
        visited_on=visited_on,
        officer_id=data.officer_id,
        officer_name=data.officer_name.strip(),
        purpose=data.purpose.strip(),
        notes=data.notes.strip(),
        council_id=data.council_id,
    )
    session.add(visit)
    session.flush()
    return _row(visit)


def list_visits(session: Session, person_id: int) -> list[VisitRow]:
    """A person's visit log, newest first."""
    query = (
        select(Visit)
        .where(Visit.person_id == person_id)
        .order_by(Visit.visited_on.desc(), Visit.id.desc())
    )
    return [_row(v) for v in session.scalars(query)]


def visiting_officers(session: Session, person_id: int, as_of: dt.date) -> list[OfficerRow]:
    """The 運営担当者 who may visit this person (§3(6), §3(7)): officers serving on ``as_of``
    at the posts of every council the person has been appointed to."""
    council_ids = select(Appointment.council_id).where(Appointment.person_id == person_id)
    post_ids = session.scalars(
        select(council_posts.c.post_id)
        .where(council_posts.c.council_id.in_(council_ids))
        .distinct()
    )
    return [o for o in list_officers(session, list(post_ids)) if o.serving_on(as_of)]


def _row(v: Visit) -> VisitRow:
    officer = v.officer.name if v.officer is not None else v.officer_name
    return VisitRow(
        v.id, v.uuid, v.person_id, v.visited_on, officer, v.purpose, v.notes, v.council_id
    )
