"""What the rule queries share: the SQL conditions for a council that exists on a day, and the
shape of a reminder whose subject is the council itself."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, or_

from kobankyo_desktop.core.models import Council
from kobankyo_desktop.core.rules.reminder import Action, Reminder, Severity, SubjectKind


def exists_on(day: dt.date) -> ColumnElement[bool]:
    """SQL condition: the council is established by ``day`` and not abolished on it."""
    return and_(Council.established_on <= day, not_abolished(day))


def not_abolished(day: dt.date) -> ColumnElement[bool]:
    """SQL condition: the council has not been abolished (廃止) on or before ``day``."""
    return or_(Council.abolished_on.is_(None), Council.abolished_on > day)


def about_council(
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
