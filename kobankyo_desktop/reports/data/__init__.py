"""What each printed document says, read from the database into plain data (no Qt here).

One function per document takes a session and returns a frozen dataclass;
:mod:`kobankyo_desktop.reports.html` turns it into markup. Dates stay ``datetime.date`` here and
are formatted (和暦 or 西暦, by the settings) when the document is written, so the data can be
checked without parsing text. Contact details are read only when the user asked for them: a
roster printed without them never holds them, even in memory.

:mod:`.common` holds what every document reads alike (issuer, member order, the 運営責任者);
:mod:`.meetings` the meeting documents (会議次第, 会議録, 開催通知, 要綱§6, §7); :mod:`.members`
the member documents (委員名簿, 委嘱状, §3(2)–(5)).
"""

from __future__ import annotations

from kobankyo_desktop.reports.data.common import ROLE_ORDER, Issuer, issuer_of, role_sort_key
from kobankyo_desktop.reports.data.meetings import (
    Addressee,
    AgendaData,
    Attendee,
    MeetingFacts,
    NoticeData,
    OpinionEntry,
    RecordData,
    agenda_data,
    notice_data,
    record_data,
)
from kobankyo_desktop.reports.data.members import (
    AppointmentLetter,
    AppointmentLetters,
    RosterData,
    RosterEntry,
    appointment_letters,
    roster_data,
    serving_appointment_ids,
)

__all__ = [
    "ROLE_ORDER",
    "Addressee",
    "AgendaData",
    "AppointmentLetter",
    "AppointmentLetters",
    "Attendee",
    "Issuer",
    "MeetingFacts",
    "NoticeData",
    "OpinionEntry",
    "RecordData",
    "RosterData",
    "RosterEntry",
    "agenda_data",
    "appointment_letters",
    "issuer_of",
    "notice_data",
    "record_data",
    "role_sort_key",
    "roster_data",
    "serving_appointment_ids",
]
