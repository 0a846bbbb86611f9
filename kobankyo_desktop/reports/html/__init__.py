"""The printed documents as HTML (the subset Qt's rich text understands), from plain data.

Every value from the database is escaped here (``esc``); nothing else builds markup. A document
is a title and one or more sheets; each sheet starts on a new page and may have a foot that is
set at the bottom of its last page (the reply slip of a 開催通知). Lengths (margins, padding,
rules) are in points; :mod:`kobankyo_desktop.reports.render` converts them to the pixels Qt's
rich text reads.

:mod:`.common` holds the document model, escaping, style and shared building blocks;
:mod:`.meetings` the meeting documents (会議次第, 会議録, 開催通知, 要綱§6, §7);
:mod:`.members` the member documents (委員名簿, 委嘱状, §3(2)–(5)).
"""

from __future__ import annotations

from kobankyo_desktop.reports.html.common import (
    FULL_WIDTH_DIGITS,
    RULE,
    STYLE,
    PrintDocument,
    Sheet,
    esc,
)
from kobankyo_desktop.reports.html.meetings import agenda_html, notices_html, record_html
from kobankyo_desktop.reports.html.members import (
    appointment_letter_html,
    appointments_html,
    roster_html,
)

__all__ = [
    "FULL_WIDTH_DIGITS",
    "RULE",
    "STYLE",
    "PrintDocument",
    "Sheet",
    "agenda_html",
    "appointment_letter_html",
    "appointments_html",
    "esc",
    "notices_html",
    "record_html",
    "roster_html",
]
