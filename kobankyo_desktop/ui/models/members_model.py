"""Table models of the members tab (委員) and of a person's detail view: the members list,
a person's appointment history (委嘱歴) and visit log (訪問連絡, §3(7))."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.services.appointments import AppointmentRow, TermStatus, term_status
from kobankyo_desktop.core.services.people import MemberRow
from kobankyo_desktop.core.services.visits import VisitRow
from kobankyo_desktop.core.text import reading_sort_key
from kobankyo_desktop.core.vocab import AgeBand
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.table import Column, RowTableModel

T = TypeVar("T")

# Colour hints for where a term stands (§3(5)); dark enough to read on white and alternate rows.
STATUS_BRUSHES: dict[TermStatus, QBrush] = {
    TermStatus.LAPSED: QBrush(QColor("#b00020")),
    TermStatus.ENDING: QBrush(QColor("#a15c00")),
    TermStatus.FORMER: QBrush(QColor("#777777")),
}
AGE_ORDER = {band: number for number, band in enumerate(AgeBand)}


class _DatedModel(RowTableModel[T]):
    """A row model whose dates follow the database's date style (和暦 / 西暦)."""

    def __init__(self, date_style: DateStyle, parent: QObject | None = None) -> None:
        self.date_style = date_style
        super().__init__(parent)

    def date(self, day: dt.date | None) -> str:
        return date_text(day, self.date_style)


class MembersModel(_DatedModel[MemberRow]):
    """People with their latest appointment on each council (core ``MemberRow``s).

    Contact details are not in the rows at all: they are shown only in the detail view.
    """

    # Column numbers the tab refers to.
    ORGANISATION = 5
    COUNCIL = 6

    def build_columns(self) -> list[Column[MemberRow]]:
        return [
            Column(
                self.tr("Name"), lambda r: r.name, lambda r: reading_sort_key(r.reading, r.name)
            ),
            Column(self.tr("Reading"), lambda r: r.reading),
            Column(self.tr("Gender"), lambda r: label(r.gender)),
            Column(
                self.tr("Age band"),
                lambda r: label(r.age_band),
                lambda r: AGE_ORDER[r.age_band] if r.age_band else None,
            ),
            Column(self.tr("Field"), lambda r: label(r.field)),
            Column(self.tr("Organisation"), lambda r: r.organisation),
            Column(self.tr("Council"), lambda r: r.council_name),
            Column(self.tr("Role"), lambda r: r.role),
            Column(
                self.tr("Term start"), lambda r: self.date(r.term_start), lambda r: r.term_start
            ),
            Column(self.tr("Term end"), lambda r: self.date(r.term_end), lambda r: r.term_end),
            Column(
                self.tr("Days left"),
                lambda r: "" if r.days_left is None else str(r.days_left),
                lambda r: r.days_left,
                align_right=True,
            ),
            Column(self.tr("Status"), self.status_text),
        ]

    def status_text(self, row: MemberRow) -> str:
        if row.appointment_id is None:
            return self.tr("Not appointed")
        if row.reappointed:
            return self.tr("Serving (reappointed)")
        return label(row.status)

    def search_text(self, row: MemberRow) -> str:
        return " ".join((row.name, row.reading, row.organisation, row.council_name))

    def row_brush(self, row: MemberRow) -> QBrush | None:
        return STATUS_BRUSHES.get(row.status) if row.status is not None else None

    def find(self, person_id: int, appointment_id: int | None) -> int | None:
        """The source row of this person and appointment, if listed."""
        for number, row in enumerate(self._rows):
            if row.person_id == person_id and row.appointment_id == appointment_id:
                return number
        return None

    def find_person(self, person_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.person_id == person_id:
                return number
        return None

    def find_appointment(self, appointment_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.appointment_id == appointment_id:
                return number
        return None


class AppointmentHistoryModel(_DatedModel[AppointmentRow]):
    """One person's appointments, every term its own record (§3(5))."""

    TERM_START = 2

    def __init__(
        self,
        date_style: DateStyle,
        as_of: dt.date,
        lead_days: int,
        parent: QObject | None = None,
    ) -> None:
        self.as_of = as_of
        self.lead_days = lead_days
        super().__init__(date_style, parent)

    def status(self, row: AppointmentRow) -> TermStatus:
        return term_status(
            row.term_start,
            row.term_end,
            row.ended_on,
            row.has_successor,
            self.as_of,
            self.lead_days,
        )

    def build_columns(self) -> list[Column[AppointmentRow]]:
        return [
            Column(self.tr("Council"), lambda r: r.council_name),
            Column(self.tr("Role"), lambda r: r.role),
            Column(
                self.tr("Term start"), lambda r: self.date(r.term_start), lambda r: r.term_start
            ),
            Column(self.tr("Term end"), lambda r: self.date(r.term_end), lambda r: r.term_end),
            Column(self.tr("Status"), self.status_text),
            Column(self.tr("Ended on"), lambda r: self.date(r.ended_on), lambda r: r.ended_on),
            Column(self.tr("Reason for ending"), lambda r: r.end_reason or ""),
            Column(self.tr("Consulted with"), self.consulted_text),
        ]

    def status_text(self, row: AppointmentRow) -> str:
        if row.has_successor and row.ended_on is None and row.term_end < self.as_of:
            return self.tr("Reappointed")
        return label(self.status(row))

    def consulted_text(self, row: AppointmentRow) -> str:
        if row.consulted_on is None:
            return row.consulted_with
        return f"{row.consulted_with} ({self.date(row.consulted_on)})".strip()

    def row_brush(self, row: AppointmentRow) -> QBrush | None:
        return STATUS_BRUSHES.get(self.status(row))


class VisitLogModel(_DatedModel[VisitRow]):
    """A person's 訪問連絡 (§3(7)), newest first as the service returns them."""

    DATE = 0

    def build_columns(self) -> list[Column[VisitRow]]:
        return [
            Column(self.tr("Date"), lambda r: self.date(r.visited_on), lambda r: r.visited_on),
            Column(self.tr("Officer"), lambda r: r.officer_name),
            Column(self.tr("Purpose"), lambda r: r.purpose),
            Column(self.tr("Notes"), lambda r: " ".join(r.notes.split())),
        ]
