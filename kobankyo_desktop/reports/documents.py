"""The five printed documents, each read from a session and written as HTML in one call.

These are what the GUI and the ``print`` command call; nothing here needs Qt, so a document can
be built inside a short database session and rendered after it has closed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from kobankyo_desktop.reports import data, html
from kobankyo_desktop.reports.html import PrintDocument


def agenda(session: Session, meeting_id: int, *, include_attendees: bool = False) -> PrintDocument:
    """会議次第 of a meeting (§6)."""
    return html.agenda_html(
        data.agenda_data(session, meeting_id, include_attendees=include_attendees)
    )


def record(session: Session, meeting_id: int) -> PrintDocument:
    """会議録 of a meeting (§6, §7)."""
    return html.record_html(data.record_data(session, meeting_id))


def roster(
    session: Session, council_id: int, as_of: dt.date, *, include_contacts: bool = False
) -> PrintDocument:
    """委員名簿 of a council as of a date; contact details only when asked for (§3)."""
    return html.roster_html(
        data.roster_data(session, council_id, as_of, include_contacts=include_contacts)
    )


def appointments(session: Session, appointment_ids: list[int]) -> PrintDocument:
    """委嘱状 for the given appointments, one page each (§3(3)–(5))."""
    return html.appointments_html(data.appointment_letters(session, appointment_ids))


def council_appointments(session: Session, council_id: int, as_of: dt.date) -> PrintDocument:
    """委嘱状 for every member of a council serving on ``as_of``."""
    ids = data.serving_appointment_ids(session, council_id, as_of)
    return appointments(session, ids)


def notices(
    session: Session, meeting_id: int, issued_on: dt.date, *, reply_by: dt.date | None = None
) -> PrintDocument:
    """開催通知 of a meeting to each member serving on its date, one page each (§6)."""
    return html.notices_html(data.notice_data(session, meeting_id, issued_on, reply_by=reply_by))
