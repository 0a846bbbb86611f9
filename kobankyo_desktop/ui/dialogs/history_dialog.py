"""操作履歴: who changed which record, when, and from what to what (表示 → 操作履歴…).

Read-only: the trail is written by the core with every change and never edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.audit import AuditRow, list_audit
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.models.history_model import HistoryTableModel, entity_text
from kobankyo_desktop.ui.models.table import RowFilterProxy
from kobankyo_desktop.ui.tabs.base import configure_table, fit_columns

# The newest entries shown; older ones stay in the database (and `kobankyo history`).
HISTORY_LIMIT = 5000


class HistoryDialog(QDialog):
    """The 操作履歴, filterable by record type and by free text (user, record, values).

    Non-modal: it can stay open beside the main window; :meth:`refresh` reloads it, and the
    main window may connect ``AppContext.changed`` to it.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Change history"))
        self.resize(1000, 600)

        self.model = HistoryTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        configure_table(self.table, self.proxy)
        self.table.sortByColumn(HistoryTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

        self.entity_combo = QComboBox()
        self.entity_combo.currentIndexChanged.connect(self._apply_entity)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by user, record or value"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.filter.textChanged.connect(self._update_count)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.clicked.connect(self.refresh)
        self.count_label = QLabel()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Record type:")))
        top.addWidget(self.entity_combo)
        top.addWidget(self.filter, 1)
        top.addWidget(self.reload_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = self.context.read(list_audit, limit=HISTORY_LIMIT)
        self.model.set_rows(rows)
        self._fill_entities(rows)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        fit_columns(self.table)
        self._update_count()

    def _fill_entities(self, rows: list[AuditRow]) -> None:
        current = self.entity_combo.currentData()
        self.entity_combo.blockSignals(True)
        self.entity_combo.clear()
        self.entity_combo.addItem(self.tr("All"), None)
        for entity in sorted({r.entity for r in rows}, key=entity_text):
            self.entity_combo.addItem(entity_text(entity), entity)
        index = self.entity_combo.findData(current)
        self.entity_combo.setCurrentIndex(max(index, 0))
        self.entity_combo.blockSignals(False)
        self._apply_entity()

    def _apply_entity(self) -> None:
        entity = self.entity_combo.currentData()
        self.proxy.set_predicate(None if entity is None else lambda r: r.entity == entity)
        self._update_count()

    def set_entity(self, entity: str | None) -> None:
        """Show only one record type (a table name such as ``people``), or all with None."""
        self.entity_combo.setCurrentIndex(max(self.entity_combo.findData(entity), 0))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%1 of %2 entries").replace("%1", str(shown)).replace("%2", str(total))
        if total >= HISTORY_LIMIT:
            text += self.tr(" (the newest %1; older entries: kobankyo history)").replace(
                "%1", str(HISTORY_LIMIT)
            )
        self.count_label.setText(text)

    def _show_details(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.details.clear()
            return
        row: AuditRow = self.proxy.row_at(index.row())
        lines = [
            f"{row.local_time:%Y-%m-%d %H:%M:%S}  {row.os_user}",
            f"{entity_text(row.entity)}  {row.label}",
        ]
        if row.record_uuid:
            lines.append(f"UUID: {row.record_uuid}")
        lines += row.change_lines()
        self.details.setPlainText("\n".join(lines))
