"""The manager rule: 運営責任者の指定 (要綱§3(6)), in force and by an officer still in post."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from kobankyo_desktop.core.dates import format_date
from kobankyo_desktop.core.models import Council, ManagerDesignation, Officer
from kobankyo_desktop.core.rules.common import about_council, exists_on
from kobankyo_desktop.core.rules.reminder import NO_MANAGER, Action, Reminder, Severity
from kobankyo_desktop.core.settings import Settings


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
        .where(exists_on(as_of), ~valid)
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
            about_council(
                NO_MANAGER,
                Severity.WARNING,
                council_id,
                name,
                message,
                Action.DESIGNATE_MANAGER,
            )
        )
    return reminders
