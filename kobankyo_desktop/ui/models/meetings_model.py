"""Table models of the meetings tab and of the meeting editor's 意見・要望 section."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.services.meetings import MeetingRow
from kobankyo_desktop.core.services.opinions import OpinionRow
from kobankyo_desktop.core.vocab import (
    Department,
    MeetingStatus,
    OpinionCategory,
    OpinionStatus,
)
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.table import Column, RowTableModel

CANCELLED_BRUSH = QBrush(QColor("#8a8a8a"))
PLANNED_BRUSH = QBrush(QColor("#1a5fb4"))
OPEN_BRUSH = QBrush(QColor("#b00020"))


def time_span_text(start: dt.time | None, end: dt.time | None) -> str:
    """``15:30～16:30`` (either end may be missing), compact enough for a table cell."""
    if start is None and end is None:
        return ""
    first = start.strftime("%H:%M") if start else ""
    last = end.strftime("%H:%M") if end else ""
    return f"{first}～{last}"


class MeetingsTableModel(RowTableModel[MeetingRow]):
    """The meetings table (会議): one row per meeting, as ``list_meetings`` returns them.

    Cancelled meetings are greyed and planned ones shown in blue, so the 年度's plan stands out
    from what was held.
    """

    DATE, COUNCIL, KIND, STATUS, TIME, PLACE, ATTENDANCE, OPEN_REQUESTS = range(8)

    def __init__(self, date_style: DateStyle, parent: QObject | None = None) -> None:
        self._date_style = date_style
        # 和暦 formatting costs ~0.1 ms a date; meetings share dates and a refresh after every
        # save re-reads them all, so each date is formatted once per style.
        self._date_texts: dict[dt.date, str] = {}
        super().__init__(parent)

    def set_date_style(self, date_style: DateStyle) -> None:
        """Show dates in 和暦 or 西暦 from now on (the setting changed)."""
        if date_style is self._date_style:
            return
        self._date_style = date_style
        self._date_texts.clear()
        self.set_rows(self.rows())

    def date_text(self, day: dt.date) -> str:
        text = self._date_texts.get(day)
        if text is None:
            text = self._date_texts[day] = date_text(day, self._date_style, weekday=True)
        return text

    def build_columns(self) -> list[Column[MeetingRow]]:
        return [
            Column(
                self.tr("Date"),
                lambda m: self.date_text(m.held_on),
                lambda m: (m.held_on, m.start_time or dt.time.min, m.id),
            ),
            Column(self.tr("Council"), lambda m: m.council_name),
            Column(self.tr("Kind"), lambda m: label(m.kind), lambda m: m.kind.value),
            Column(self.tr("Status"), lambda m: label(m.status), lambda m: m.status.value),
            Column(
                self.tr("Time"),
                lambda m: time_span_text(m.start_time, m.end_time),
                lambda m: m.start_time,
            ),
            Column(self.tr("Place"), lambda m: m.place),
            Column(
                self.tr("Attendees"),
                lambda m: str(m.attendance),
                lambda m: m.attendance,
                align_right=True,
            ),
            Column(
                self.tr("Open requests"),
                lambda m: str(m.open_requests) if m.open_requests else "",
                lambda m: m.open_requests,
                align_right=True,
            ),
        ]

    def search_text(self, row: MeetingRow) -> str:
        # The ISO date too, so "2025-05" finds a meeting whichever style is shown; the reason
        # of a 臨時会議 is what officers remember it by (§6(3)). Counts are left out: typing
        # "1" should not match every meeting with one open request.
        return " ".join(
            (
                self.date_text(row.held_on),
                row.held_on.isoformat(),
                row.council_name,
                label(row.kind),
                label(row.status),
                row.place,
                row.reason,
            )
        )

    def row_brush(self, row: MeetingRow) -> QBrush | None:
        if row.status is MeetingStatus.CANCELLED:
            return CANCELLED_BRUSH
        if row.status is MeetingStatus.PLANNED:
            return PLANNED_BRUSH
        return None


@dataclass(frozen=True, slots=True)
class OpinionDraft:
    """An opinion or request (意見・要望, §7) as held by the meeting editor until it saves.

    ``id`` is None for one added in this editing session; ``changed`` marks an existing one
    edited, so saving rewrites only what the officer touched. ``raised_by`` is the member's
    name when ``raised_by_person_id`` is set, else who else raised it.
    """

    category: OpinionCategory
    department: Department
    subject: str
    content: str
    raised_by_person_id: int | None = None
    raised_by: str = ""
    raised_on: dt.date | None = None
    response: str = ""
    responded_on: dt.date | None = None
    status: OpinionStatus = OpinionStatus.OPEN
    closed_on: dt.date | None = None
    id: int | None = None
    changed: bool = False

    @classmethod
    def from_row(cls, row: OpinionRow) -> OpinionDraft:
        return cls(
            category=row.category,
            department=row.department,
            subject=row.subject,
            content=row.content,
            raised_by_person_id=row.raised_by_person_id,
            raised_by=row.raised_by,
            raised_on=row.raised_on,
            response=row.response,
            responded_on=row.responded_on,
            status=row.status,
            closed_on=row.closed_on,
            id=row.id,
        )


class OpinionDraftsModel(RowTableModel[OpinionDraft]):
    """The 意見・要望 of the meeting being edited; open ones are shown in red."""

    def __init__(self, date_style: DateStyle, parent: QObject | None = None) -> None:
        self._date_style = date_style
        super().__init__(parent)

    def build_columns(self) -> list[Column[OpinionDraft]]:
        return [
            Column(self.tr("Category"), lambda o: label(o.category)),
            Column(self.tr("Answering department"), lambda o: label(o.department)),
            Column(self.tr("Subject"), lambda o: o.subject or _first_line(o.content)),
            Column(self.tr("Raised by"), lambda o: o.raised_by),
            Column(self.tr("Response status"), lambda o: label(o.status), lambda o: o.status.value),
            Column(
                self.tr("Responded on"),
                lambda o: date_text(o.responded_on, self._date_style),
                lambda o: o.responded_on,
            ),
        ]

    def row_brush(self, row: OpinionDraft) -> QBrush | None:
        return OPEN_BRUSH if row.status is OpinionStatus.OPEN else None


def _first_line(text: str, width: int = 30) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= width else line[: width - 1] + "…"
