"""The reminders table (リマインダータブ)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor

from kobankyo_desktop.core import rules
from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.rules import Reminder, Severity
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.models.table import Column, RowTableModel

SEVERITY_TEXT = {
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Reminders", "Urgent"),
    Severity.WARNING: QT_TRANSLATE_NOOP("Reminders", "Warning"),
    Severity.INFO: QT_TRANSLATE_NOOP("Reminders", "Notice"),
    Severity.ADVICE: QT_TRANSLATE_NOOP("Reminders", "Advice"),
}
RULE_TEXT = {
    rules.NO_REGULAR_MEETING: QT_TRANSLATE_NOOP("Reminders", "No regular meeting this year"),
    rules.TERM_ENDING: QT_TRANSLATE_NOOP("Reminders", "Term ending soon"),
    rules.TERM_LAPSED: QT_TRANSLATE_NOOP("Reminders", "Term lapsed"),
    rules.NO_MANAGER: QT_TRANSLATE_NOOP("Reminders", "No responsible manager"),
    rules.OPINION_UNANSWERED: QT_TRANSLATE_NOOP("Reminders", "Request unanswered"),
    rules.ROSTER_NOT_BROAD: QT_TRANSLATE_NOOP("Reminders", "Roster not broad"),
}
SEVERITY_BRUSH = {
    Severity.CRITICAL: QBrush(QColor("#b00020")),
    Severity.WARNING: QBrush(QColor("#a15c00")),
}


def severity_text(severity: Severity) -> str:
    return QCoreApplication.translate("Reminders", SEVERITY_TEXT[severity])


class ReminderTableModel(RowTableModel[Reminder]):
    SEVERITY, RULE, COUNCIL, SUBJECT, DUE, MESSAGE = range(6)

    def __init__(self, date_style: DateStyle = DateStyle.WAREKI) -> None:
        self.date_style = date_style
        super().__init__()

    def build_columns(self) -> list[Column[Reminder]]:
        return [
            Column(
                self.tr("Severity"),
                lambda r: severity_text(r.severity),
                # Ascending shows the most urgent first, then the earliest due.
                sort_key=lambda r: r.sort_key(),
            ),
            Column(
                self.tr("Reminder"),
                lambda r: QCoreApplication.translate("Reminders", RULE_TEXT[r.rule]),
            ),
            Column(self.tr("Council"), lambda r: r.council_name),
            Column(self.tr("Concerns"), lambda r: r.subject_label),
            Column(
                self.tr("Due"),
                lambda r: date_text(r.due, self.date_style),
                sort_key=lambda r: r.due,
            ),
            Column(self.tr("Details"), lambda r: r.message),
        ]

    def row_brush(self, row: Reminder) -> QBrush | None:
        return SEVERITY_BRUSH.get(row.severity)
