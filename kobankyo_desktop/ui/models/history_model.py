"""The 操作履歴 table: one row per audit entry, newest first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kobankyo_desktop.core.audit import AuditRow
from kobankyo_desktop.core.models import AuditAction
from kobankyo_desktop.ui.models.table import Column, RowTableModel

ACTION_TEXT = {
    AuditAction.CREATE: QT_TRANSLATE_NOOP("History", "Created"),
    AuditAction.UPDATE: QT_TRANSLATE_NOOP("History", "Changed"),
    AuditAction.DELETE: QT_TRANSLATE_NOOP("History", "Deleted"),
    AuditAction.BULK_INSERT: QT_TRANSLATE_NOOP("History", "Created (bulk)"),
    AuditAction.BULK_UPDATE: QT_TRANSLATE_NOOP("History", "Changed (bulk)"),
    AuditAction.BULK_DELETE: QT_TRANSLATE_NOOP("History", "Deleted (bulk)"),
    AuditAction.RESTORE: QT_TRANSLATE_NOOP("History", "Restored from backup"),
}
ENTITY_TEXT = {
    "stations": QT_TRANSLATE_NOOP("History", "Police station"),
    "posts": QT_TRANSLATE_NOOP("History", "Post"),
    "officers": QT_TRANSLATE_NOOP("History", "Officer"),
    "councils": QT_TRANSLATE_NOOP("History", "Council"),
    "manager_designations": QT_TRANSLATE_NOOP("History", "Responsible manager"),
    "people": QT_TRANSLATE_NOOP("History", "Member"),
    "appointments": QT_TRANSLATE_NOOP("History", "Appointment"),
    "meetings": QT_TRANSLATE_NOOP("History", "Meeting"),
    "agenda_items": QT_TRANSLATE_NOOP("History", "Agenda item"),
    "attendances": QT_TRANSLATE_NOOP("History", "Attendee"),
    "opinions": QT_TRANSLATE_NOOP("History", "Opinion or request"),
    "visits": QT_TRANSLATE_NOOP("History", "Visit"),
    "settings": QT_TRANSLATE_NOOP("History", "Setting"),
    "council_posts": QT_TRANSLATE_NOOP("History", "Council area"),
    "database": QT_TRANSLATE_NOOP("History", "Database"),
}


def action_text(action: AuditAction) -> str:
    return QCoreApplication.translate("History", ACTION_TEXT[action])


def entity_text(entity: str) -> str:
    """The translated name of a table; an unknown table shows as it is."""
    source = ENTITY_TEXT.get(entity)
    return QCoreApplication.translate("History", source) if source else entity


class HistoryTableModel(RowTableModel[AuditRow]):
    """Columns: when (this PC's time), who, what was done, to what, which record, changes.

    The changes read ``項目: 旧 → 新`` with the domain's own field names, as the CLI prints.
    """

    WHEN, USER, ACTION, ENTITY, RECORD, CHANGES = range(6)

    def build_columns(self) -> list[Column[AuditRow]]:
        return [
            Column(
                self.tr("When"),
                lambda r: f"{r.local_time:%Y-%m-%d %H:%M:%S}",
                sort_key=lambda r: (r.at, r.id),
            ),
            Column(self.tr("User"), lambda r: r.os_user),
            Column(self.tr("Action"), lambda r: action_text(r.action)),
            Column(self.tr("Record type"), lambda r: entity_text(r.entity)),
            Column(self.tr("Record"), lambda r: r.label),
            Column(self.tr("Changes"), lambda r: r.summary()),
        ]
