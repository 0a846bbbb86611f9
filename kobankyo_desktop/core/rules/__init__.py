"""The reminders panel (通知): what needs an officer's attention on a given day.

:func:`evaluate` is a pure function of the records, ``as_of`` and the settings; it never reads
the clock. Each rule is one SQL query whatever the number of councils (EXISTS and joins do the
aggregation in the database), so the panel stays quick for a whole prefecture. Rule ids,
severities and the JSON field names are documented in ``docs/reminders.md``.

:mod:`.reminder` says what a reminder is; the rules are grouped by the 要綱 section they check:
:mod:`.meetings` (§6(2)–(3)), :mod:`.members` (§3(3), §3(5)), :mod:`.manager` (§3(6)) and
:mod:`.opinions` (§7), with the SQL conditions they share in :mod:`.common`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from kobankyo_desktop.core.rules.manager import no_manager
from kobankyo_desktop.core.rules.meetings import MEETING_WARNING_MONTHS, no_regular_meeting
from kobankyo_desktop.core.rules.members import (
    TERM_URGENT_DAYS,
    rosters_not_broad,
    terms_ending_or_lapsed,
)
from kobankyo_desktop.core.rules.opinions import OPINION_LABEL_CHARS, opinions_unanswered
from kobankyo_desktop.core.rules.reminder import (
    NO_MANAGER,
    NO_REGULAR_MEETING,
    OPINION_UNANSWERED,
    ROSTER_NOT_BROAD,
    RULE_TITLES,
    TERM_ENDING,
    TERM_LAPSED,
    Action,
    Reminder,
    Severity,
    SubjectKind,
)
from kobankyo_desktop.core.settings import Settings, load_settings

__all__ = [
    "MEETING_WARNING_MONTHS",
    "NO_MANAGER",
    "NO_REGULAR_MEETING",
    "OPINION_LABEL_CHARS",
    "OPINION_UNANSWERED",
    "ROSTER_NOT_BROAD",
    "RULE_TITLES",
    "TERM_ENDING",
    "TERM_LAPSED",
    "TERM_URGENT_DAYS",
    "Action",
    "Reminder",
    "Severity",
    "SubjectKind",
    "evaluate",
    "no_manager",
    "no_regular_meeting",
    "opinions_unanswered",
    "rosters_not_broad",
    "terms_ending_or_lapsed",
]


def evaluate(session: Session, as_of: dt.date, settings: Settings | None = None) -> list[Reminder]:
    """Every reminder on ``as_of``, most urgent first; one query per rule."""
    if settings is None:
        settings = load_settings(session)
    reminders = [
        *no_regular_meeting(session, as_of, settings),
        *terms_ending_or_lapsed(session, as_of, settings),
        *no_manager(session, as_of, settings),
        *opinions_unanswered(session, as_of, settings),
        *rosters_not_broad(session, as_of),
    ]
    return sorted(reminders, key=Reminder.sort_key)
