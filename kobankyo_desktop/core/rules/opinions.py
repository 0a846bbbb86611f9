"""The opinion rule: 意見・要望 (要綱§7) left without a recorded response past the allowed time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.dates import format_date
from kobankyo_desktop.core.models import Council, Opinion
from kobankyo_desktop.core.rules.reminder import (
    OPINION_UNANSWERED,
    Action,
    Reminder,
    Severity,
    SubjectKind,
)
from kobankyo_desktop.core.services.opinions import answered
from kobankyo_desktop.core.settings import Settings
from kobankyo_desktop.core.vocab import label

OPINION_LABEL_CHARS = 20


def opinions_unanswered(session: Session, as_of: dt.date, settings: Settings) -> list[Reminder]:
    """意見・要望 (§7) not closed and with no response recorded after the allowed time.

    Due on ``raised_on + opinion_response_days``; flagged from the day after the due date.
    Opinions of abolished councils stay flagged: residents still wait for an answer.
    """
    days = settings.opinion_response_days
    query = (
        select(Opinion, Council.name)
        .join(Council, Opinion.council_id == Council.id)
        .where(
            ~answered(),
            Opinion.raised_on < as_of - dt.timedelta(days=days),
        )
    )
    style = settings.date_style
    reminders = []
    for opinion, council_name in session.execute(query):
        due = opinion.raised_on + dt.timedelta(days=days)
        text = opinion.subject or _shorten(opinion.content)
        message = (
            f"{label(opinion.category)}「{text}」（{format_date(opinion.raised_on, style)}受理）"
            f"の措置・対応状況が記録されていません（期限{format_date(due, style)}、"
            f"{(as_of - due).days}日超過）。検討・協議の結果と対応を記録してください（要綱§7）。"
        )
        reminders.append(
            Reminder(
                OPINION_UNANSWERED,
                Severity.WARNING,
                opinion.council_id,
                council_name,
                SubjectKind.OPINION,
                opinion.id,
                text,
                message,
                due,
                Action.OPEN_OPINION,
                opinion_id=opinion.id,
            )
        )
    return reminders


def _shorten(text: str) -> str:
    lines = text.strip().splitlines()
    first = lines[0] if lines else ""
    return first if len(first) <= OPINION_LABEL_CHARS else first[:OPINION_LABEL_CHARS] + "…"
