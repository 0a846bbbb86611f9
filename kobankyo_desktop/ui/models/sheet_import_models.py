"""Table models of the Excel / CSV import wizard: the sheet as read, and the import plan."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.text import normalize_reading
from kobankyo_desktop.sheets.importer import PlanRow, RowStatus
from kobankyo_desktop.sheets.mapping import SheetKind, Target, column_letter
from kobankyo_desktop.sheets.reader import Grid, GridRow, cell_text
from kobankyo_desktop.sheets.report import match_text
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.table import Column, Index, RowTableModel

INVALID_BRUSH = QBrush(QColor("#b00020"))
MATCHED_BRUSH = QBrush(QColor("#1a5fb4"))
ALREADY_BRUSH = QBrush(QColor("#8a8a8a"))
HEADER_BACKGROUND = QBrush(QColor("#fff3c4"))

# English source texts of the fields a column can go to; the Japanese is in the glossary.
TARGET_TEXT = {
    Target.NAME: QT_TRANSLATE_NOOP("SheetImport", "Name"),
    Target.READING: QT_TRANSLATE_NOOP("SheetImport", "Reading (furigana)"),
    Target.GENDER: QT_TRANSLATE_NOOP("SheetImport", "Gender"),
    Target.BIRTH_DATE: QT_TRANSLATE_NOOP("SheetImport", "Date of birth"),
    Target.AGE: QT_TRANSLATE_NOOP("SheetImport", "Age (age band)"),
    Target.OCCUPATION: QT_TRANSLATE_NOOP("SheetImport", "Occupation"),
    Target.ORGANISATION: QT_TRANSLATE_NOOP("SheetImport", "Organisation"),
    Target.FIELD: QT_TRANSLATE_NOOP("SheetImport", "Field"),
    Target.POSTAL_CODE: QT_TRANSLATE_NOOP("SheetImport", "Postal code"),
    Target.ADDRESS: QT_TRANSLATE_NOOP("SheetImport", "Address"),
    Target.PHONE: QT_TRANSLATE_NOOP("SheetImport", "Phone"),
    Target.EMAIL: QT_TRANSLATE_NOOP("SheetImport", "Email"),
    Target.ROLE: QT_TRANSLATE_NOOP("SheetImport", "Role"),
    Target.TERM_START: QT_TRANSLATE_NOOP("SheetImport", "Appointed on (term start)"),
    Target.TERM: QT_TRANSLATE_NOOP("SheetImport", "Term (start to end)"),
    Target.TERM_END: QT_TRANSLATE_NOOP("SheetImport", "Term ends on"),
    Target.NOTES: QT_TRANSLATE_NOOP("SheetImport", "Notes"),
    Target.HELD_ON: QT_TRANSLATE_NOOP("SheetImport", "Date held"),
    Target.MEETING_KIND: QT_TRANSLATE_NOOP("SheetImport", "Kind (regular / extraordinary)"),
    Target.STATUS: QT_TRANSLATE_NOOP("SheetImport", "Status (held / planned / cancelled)"),
    Target.TIME: QT_TRANSLATE_NOOP("SheetImport", "Time"),
    Target.PLACE: QT_TRANSLATE_NOOP("SheetImport", "Place"),
    Target.ATTENDANCE: QT_TRANSLATE_NOOP("SheetImport", "Number of attendees"),
    Target.MINUTES: QT_TRANSLATE_NOOP("SheetImport", "Notes / proceedings"),
    Target.REASON: QT_TRANSLATE_NOOP("SheetImport", "Reason (extraordinary meeting)"),
}
STATUS_TEXT = {
    RowStatus.NEW: QT_TRANSLATE_NOOP("SheetImport", "New"),
    RowStatus.MATCHED: QT_TRANSLATE_NOOP("SheetImport", "Matched"),
    RowStatus.ALREADY: QT_TRANSLATE_NOOP("SheetImport", "Already recorded"),
    RowStatus.INVALID: QT_TRANSLATE_NOOP("SheetImport", "Not importable"),
}


def target_text(target: Target) -> str:
    return QCoreApplication.translate("SheetImport", TARGET_TEXT[target])


def status_text(status: RowStatus) -> str:
    return QCoreApplication.translate("SheetImport", STATUS_TEXT[status])


class GridPreviewModel(RowTableModel[GridRow]):
    """The first rows of a sheet as read: its row number, then columns A, B, C …; the header
    row is shown bold on a yellow ground."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._width = 0
        self.header_row: int | None = None
        super().__init__(parent)

    def build_columns(self) -> list[Column[GridRow]]:
        columns = [Column(self.tr("Row"), lambda r: str(r.number), align_right=True)]
        for index in range(self._width):
            columns.append(Column(column_letter(index), lambda r, i=index: cell_text(r.cell(i))))
        return columns

    def set_grid(self, grid: Grid, limit: int = 40) -> None:
        self.beginResetModel()
        self._width = grid.width
        self.columns = self.build_columns()
        self.endResetModel()
        self.set_rows(grid.rows[:limit])

    def set_header_row(self, number: int | None) -> None:
        self.header_row = number
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and self.row_at(index.row()).number == self.header_row:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return HEADER_BACKGROUND
        return super().data(index, role)


class PlanRowsModel(RowTableModel[PlanRow]):
    """Every row of the sheet with what the import makes of it. Refused rows are red, matched
    people blue, rows already recorded grey."""

    def __init__(
        self, kind: SheetKind, date_style: DateStyle, parent: QObject | None = None
    ) -> None:
        self._kind = kind
        self._date_style = date_style
        super().__init__(parent)

    def build_columns(self) -> list[Column[PlanRow]]:
        first = [
            Column(self.tr("Row"), lambda r: str(r.number), lambda r: r.number, align_right=True),
            Column(self.tr("Result"), lambda r: status_text(r.status), lambda r: r.status.value),
        ]
        last = [Column(self.tr("Problems and matches"), self.details)]
        if self._kind is SheetKind.ROSTER:
            middle = [
                Column(target_text(Target.NAME), lambda r: self._text(r, Target.NAME)),
                Column(target_text(Target.READING), self._reading),
                Column(self.tr("Term start"), lambda r: self._term_date(r, start=True)),
                Column(self.tr("Term end"), lambda r: self._term_date(r, start=False)),
                Column(target_text(Target.ROLE), self._role),
            ]
        else:
            middle = [
                Column(target_text(Target.HELD_ON), self._held_on),
                Column(self.tr("Kind"), self._meeting_kind),
                Column(self.tr("Status"), self._meeting_status),
                Column(target_text(Target.PLACE), lambda r: self._text(r, Target.PLACE)),
                Column(self.tr("Attendees"), self._attendance, align_right=True),
            ]
        return first + middle + last

    def details(self, row: PlanRow) -> str:
        # What refuses a row first; then whom it was matched with, then what was noted.
        parts = list(row.problems)
        if row.match is not None:
            parts.append(match_text(row))
        return " / ".join(parts + list(row.notes))

    def row_brush(self, row: PlanRow) -> QBrush | None:
        return {
            RowStatus.INVALID: INVALID_BRUSH,
            RowStatus.MATCHED: MATCHED_BRUSH,
            RowStatus.ALREADY: ALREADY_BRUSH,
        }.get(row.status)

    def row_of(self, number: int) -> int:
        """The model row showing sheet row ``number``, or -1."""
        return next((i for i, r in enumerate(self.rows()) if r.number == number), -1)

    # Cells -------------------------------------------------------------------------------
    @staticmethod
    def _text(row: PlanRow, target: Target) -> str:
        return row.parsed.texts.get(target, "")

    def _reading(self, row: PlanRow) -> str:
        return normalize_reading(self._text(row, Target.READING))

    def _term_date(self, row: PlanRow, *, start: bool) -> str:
        term = row.parsed.term
        if term is None:
            return self._text(row, Target.TERM_START if start else Target.TERM_END)
        day = term.start if start else term.end
        return date_text(day, self._date_style) if day else self.tr("(2 years)")

    def _role(self, row: PlanRow) -> str:
        return row.parsed.term.role if row.parsed.term else self._text(row, Target.ROLE)

    def _held_on(self, row: PlanRow) -> str:
        meeting = row.parsed.meeting
        if meeting is None:
            return self._text(row, Target.HELD_ON)
        return date_text(meeting.held_on, self._date_style, weekday=True)

    def _meeting_kind(self, row: PlanRow) -> str:
        meeting = row.parsed.meeting
        return label(meeting.kind) if meeting else self._text(row, Target.MEETING_KIND)

    def _meeting_status(self, row: PlanRow) -> str:
        meeting = row.parsed.meeting
        return label(meeting.status) if meeting else self._text(row, Target.STATUS)

    def _attendance(self, row: PlanRow) -> str:
        meeting = row.parsed.meeting
        if meeting is None:
            return self._text(row, Target.ATTENDANCE)
        return str(meeting.attendance) if meeting.attendance else ""
