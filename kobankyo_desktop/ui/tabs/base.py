"""What the main window expects of each tab."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget

from kobankyo_desktop.ui.context import AppContext

# Columns fitted to their contents measure this many rows, not Qt's 1,000: with 12,000 members
# that was half a second of start-up, for much the same widths.
FIT_ROWS = 100


class TabPage(QWidget):
    """A tab of the main window. The window's 編集 menu and shortcuts call these methods on the
    current tab; ``status_message`` shows a line in the status bar."""

    status_message = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def refresh(self) -> None:
        """Reload what the tab shows from the database."""

    def new_item(self) -> None:
        """新規 (Ctrl+N)."""

    def edit_current(self) -> None:
        """編集 (Enter)."""

    def delete_current(self) -> None:
        """削除 (Del)."""

    def filter_box(self) -> QLineEdit | None:
        """The tab's search box, focused by 検索 (Ctrl+F)."""
        return None


def configure_table(view: QTableView, proxy: QSortFilterProxyModel) -> None:
    """The table look shared by every tab: whole-row selection, sortable, no grid clutter."""
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)


def fit_columns(view: QTableView, max_width: int = 260) -> None:
    """Size columns to their contents, but keep any one from crowding out the rest."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > max_width:
            header.resizeSection(column, max_width)
