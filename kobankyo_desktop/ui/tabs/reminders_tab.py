"""リマインダータブ: what needs attention today, each leading straight to its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core import rules
from kobankyo_desktop.core.rules import Action, Reminder, Severity
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.models.reminders_model import ReminderTableModel, severity_text
from kobankyo_desktop.ui.models.table import RowFilterProxy
from kobankyo_desktop.ui.tabs.base import TabPage, configure_table, fit_columns


class RemindersTab(TabPage):
    """The reminders engine's output (core/rules/) for today. ``count_changed`` feeds the
    badge on the tab; the ``*_requested`` signals ask the main window to open the fix."""

    count_changed = Signal(int)
    plan_meeting_requested = Signal(int)
    meeting_requested = Signal(int)
    appointment_requested = Signal(int)
    designate_manager_requested = Signal(int)
    opinion_requested = Signal(int)
    council_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = ReminderTableModel(context.settings.date_style)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        configure_table(self.table, self.proxy)
        self.table.sortByColumn(ReminderTableModel.SEVERITY, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _index: self.edit_current())

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter reminders (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.fix_button = QPushButton(self.tr("Fix…"))
        self.fix_button.setToolTip(self.tr("Open what resolves the selected reminder (Enter)"))
        self.fix_button.clicked.connect(self.edit_current)
        self.summary = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())

    def refresh(self) -> None:
        settings = self.context.settings
        self.model.date_style = settings.date_style
        reminders = self.context.read(rules.evaluate, self.context.today(), settings)
        self.model.set_rows(reminders)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        fit_columns(self.table)
        self.summary.setText(self.summary_text(reminders))
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_detail()
        self.count_changed.emit(len(reminders))

    def summary_text(self, reminders: list[Reminder]) -> str:
        """「至急 2件、注意 3件…」: what the status bar and the tab's header line say."""
        if not reminders:
            return self.tr("Nothing needs attention today.")
        counts = {severity: 0 for severity in sorted(Severity, reverse=True)}
        for reminder in reminders:
            counts[reminder.severity] += 1
        parts = [
            self.tr("%1: %2").replace("%1", severity_text(s)).replace("%2", str(n))
            for s, n in counts.items()
            if n
        ]
        # The list separator is translated too: 「至急 1件、注意 3件」.
        return self.tr("Reminders — %1").replace("%1", self.tr(", ").join(parts))

    def _show_detail(self) -> None:
        """The selected reminder's whole message, which the table cuts short."""
        reminder = self.current()
        self.detail.setText(reminder.message if reminder is not None else "")

    def filter_box(self) -> QLineEdit:
        return self.filter

    def current(self) -> Reminder | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        reminder = self.proxy.row_at(index.row())
        assert isinstance(reminder, Reminder)
        return reminder

    def edit_current(self) -> None:
        """Open the fix for the selected reminder."""
        reminder = self.current()
        if reminder is None:
            return
        match reminder.action:
            case Action.PLAN_MEETING if reminder.meeting_id is not None:
                # One is planned already: open it to record it as held, not a second one.
                self.meeting_requested.emit(reminder.meeting_id)
            case Action.PLAN_MEETING:
                self.plan_meeting_requested.emit(reminder.council_id)
            case Action.REAPPOINT_OR_END if reminder.appointment_id is not None:
                self.appointment_requested.emit(reminder.appointment_id)
            case Action.DESIGNATE_MANAGER:
                self.designate_manager_requested.emit(reminder.council_id)
            case Action.OPEN_OPINION if reminder.opinion_id is not None:
                self.opinion_requested.emit(reminder.opinion_id)
            case _:
                self.council_requested.emit(reminder.council_id)
