"""The meeting rule: 定期会議は年1回以上 (要綱§6(2)); a 臨時会議 never counts (§6(3))."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from kobankyo_desktop.core.dates import format_date, year_label, year_of, year_range
from kobankyo_desktop.core.models import Council, Meeting
from kobankyo_desktop.core.rules.common import about_council, exists_on
from kobankyo_desktop.core.rules.reminder import NO_REGULAR_MEETING, Action, Reminder, Severity
from kobankyo_desktop.core.settings import Settings
from kobankyo_desktop.core.vocab import MeetingKind, MeetingStatus

# The regular meeting is a warning this many months before the year's last month (§6(2)).
MEETING_WARNING_MONTHS = 2


def _meeting_severity(as_of: dt.date, year_end: dt.date) -> Severity:
    """Info until the last three months of the year, warning in them, critical in the last."""
    months_left = (year_end.year - as_of.year) * 12 + year_end.month - as_of.month
    if months_left == 0:
        return Severity.CRITICAL
    if months_left <= MEETING_WARNING_MONTHS:
        return Severity.WARNING
    return Severity.INFO


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
        # A council formed by a merger this year is covered by its predecessors' meetings.
        predecessor = aliased(Council)
        predecessors = select(predecessor.id).where(predecessor.merged_into_id == Council.id)
        return exists().where(
            or_(meeting.council_id == Council.id, meeting.council_id.in_(predecessors)),
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
        .where(exists_on(as_of), ~held(MeetingKind.REGULAR))
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
            about_council(
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
