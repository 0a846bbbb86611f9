"""意見・要望 (§7): what residents raise, and what the police did about it until closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, selectinload

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Council, Meeting, Opinion, Person
from kobankyo_desktop.core.services.common import (
    get_record,
    require_date,
    require_enum,
    require_order,
    require_text,
)
from kobankyo_desktop.core.vocab import Department, OpinionCategory, OpinionStatus


@dataclass(frozen=True, slots=True)
class OpinionInput:
    council_id: int
    content: str
    raised_on: dt.date | None
    category: OpinionCategory | str = OpinionCategory.REQUEST
    department: Department | str = Department.COMMUNITY
    subject: str = ""
    meeting_id: int | None = None
    raised_by_person_id: int | None = None
    raised_by: str = ""
    response: str = ""
    responded_on: dt.date | None = None
    status: OpinionStatus | str = OpinionStatus.OPEN
    closed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class OpinionRow:
    id: int
    uuid: str
    council_id: int
    meeting_id: int | None
    category: OpinionCategory
    department: Department
    subject: str
    content: str
    raised_by_person_id: int | None
    raised_by: str  # the member's name, or who else raised it
    raised_on: dt.date
    response: str
    responded_on: dt.date | None
    status: OpinionStatus
    closed_on: dt.date | None


def _validated(session: Session, data: OpinionInput) -> dict[str, object]:
    get_record(session, Council, data.council_id, "連絡協議会")
    if data.meeting_id is not None:
        meeting = get_record(session, Meeting, data.meeting_id, "会議")
        if meeting.council_id != data.council_id:
            raise ValidationError("meeting", "会議が別の連絡協議会のものです。")
    if data.raised_by_person_id is not None:
        get_record(session, Person, data.raised_by_person_id, "委員")
    raised_on = require_date(data.raised_on, "raised_on", "受理日")
    status = require_enum(OpinionStatus, data.status, "status", "対応状況")
    response = data.response.strip()
    require_order(
        raised_on, data.responded_on, "responded_on", "対応日は受理日より後にしてください。"
    )
    if data.responded_on is not None and not response:
        raise ValidationError(
            "response", "対応日を入れる場合は、措置・対応状況を入力してください。"
        )
    closed_on = data.closed_on
    if status is OpinionStatus.CLOSED:
        if not response:
            raise ValidationError(
                "response", "完了にするには、措置・対応状況を入力してください（§7）。"
            )
        closed_on = closed_on or data.responded_on or raised_on
    else:
        closed_on = None
    require_order(raised_on, closed_on, "closed_on", "完了日は受理日より後にしてください。")
    return {
        "council_id": data.council_id,
        "meeting_id": data.meeting_id,
        "category": require_enum(OpinionCategory, data.category, "category", "区分"),
        "department": require_enum(Department, data.department, "department", "担当部門"),
        "subject": data.subject.strip(),
        "content": require_text(data.content, "content", "意見・要望の内容"),
        "raised_by_person_id": data.raised_by_person_id,
        "raised_by": data.raised_by.strip(),
        "raised_on": raised_on,
        "response": response,
        "responded_on": data.responded_on,
        "status": status,
        "closed_on": closed_on,
    }


def answered() -> ColumnElement[bool]:
    """SQL condition: the police have answered (a response recorded, or the matter closed).

    One definition for the reminders (§7) and the annual report's 対応済み count."""
    return or_(func.trim(Opinion.response) != "", Opinion.status == OpinionStatus.CLOSED)


def validate_opinion(session: Session, data: OpinionInput) -> None:
    """Check an opinion as :func:`create_opinion` would, writing nothing: an editor holding
    opinions of a meeting not yet saved refuses bad input before the meeting is saved."""
    _validated(session, data)


def create_opinion(session: Session, data: OpinionInput) -> OpinionRow:
    opinion = Opinion(**_validated(session, data))
    session.add(opinion)
    session.flush()
    return opinion_row(opinion)


def update_opinion(session: Session, opinion_id: int, data: OpinionInput) -> OpinionRow:
    opinion = get_record(session, Opinion, opinion_id, "意見・要望")
    for key, value in _validated(session, data).items():
        setattr(opinion, key, value)
    session.flush()
    return opinion_row(opinion)


def delete_opinion(session: Session, opinion_id: int) -> None:
    session.delete(get_record(session, Opinion, opinion_id, "意見・要望"))
    session.flush()


def get_opinion(session: Session, opinion_id: int) -> OpinionRow:
    """One opinion by id (e.g. to open the meeting it was raised at)."""
    return opinion_row(get_record(session, Opinion, opinion_id, "意見・要望"))


def list_opinions(
    session: Session,
    *,
    council_id: int | None = None,
    meeting_id: int | None = None,
    open_only: bool = False,
) -> list[OpinionRow]:
    query = (
        select(Opinion)
        .options(selectinload(Opinion.raised_by_person))
        .order_by(Opinion.raised_on, Opinion.id)
    )
    if council_id is not None:
        query = query.where(Opinion.council_id == council_id)
    if meeting_id is not None:
        query = query.where(Opinion.meeting_id == meeting_id)
    if open_only:
        query = query.where(Opinion.status != OpinionStatus.CLOSED)
    return [opinion_row(o) for o in session.scalars(query)]


def opinion_row(o: Opinion) -> OpinionRow:
    raised_by = o.raised_by_person.name if o.raised_by_person is not None else o.raised_by
    return OpinionRow(
        o.id,
        o.uuid,
        o.council_id,
        o.meeting_id,
        o.category,
        o.department,
        o.subject,
        o.content,
        o.raised_by_person_id,
        raised_by,
        o.raised_on,
        o.response,
        o.responded_on,
        o.status,
        o.closed_on,
    )
