"""ファイル → バックアップ… and ファイル → バックアップから復元….

A backup of a station's database (a few MB) takes well under a second with SQLite's backup
API, so it runs on the GUI thread under a wait cursor rather than in a worker that would need
its own connection and lock handling. Restoring first backs up the current state
(``before-restore``), so a restore can itself be undone from the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.backup import (
    BEFORE_RESTORE_LABEL,
    DAILY_LABEL,
    MANUAL_LABEL,
    BackupInfo,
    inspect_backup,
    list_backups,
    restore_backup,
    timestamped_backup,
)
from kobankyo_desktop.core.errors import DomainError, file_error_message
from kobankyo_desktop.ui.models.table import Column, RowFilterProxy, RowTableModel
from kobankyo_desktop.ui.tabs.base import configure_table, fit_columns


@contextmanager
def wait_cursor() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class BackupListModel(RowTableModel[BackupInfo]):
    """Backups with their date, kind and record counts, so the officer can tell them apart."""

    WHEN, KIND, COUNCILS, MEMBERS, MEETINGS, SIZE, FILE = range(7)

    def build_columns(self) -> list[Column[BackupInfo]]:
        return [
            Column(
                self.tr("Date"),
                lambda b: f"{b.taken_at:%Y-%m-%d %H:%M}",
                sort_key=lambda b: b.taken_at,
            ),
            Column(self.tr("Kind"), self.kind_text),
            self._count_column(self.tr("Councils"), "councils"),
            self._count_column(self.tr("Members"), "people"),
            self._count_column(self.tr("Meetings"), "meetings"),
            Column(
                self.tr("Size"),
                lambda b: f"{b.size / 1024 / 1024:.1f} MB",
                sort_key=lambda b: b.size,
                align_right=True,
            ),
            Column(self.tr("File"), lambda b: b.path.name),
        ]

    def _count_column(self, header: str, table: str) -> Column[BackupInfo]:
        def count(b: BackupInfo) -> int | None:
            return None if b.counts is None else b.counts.get(table)

        return Column(
            header,
            lambda b: self.tr("unreadable") if count(b) is None else str(count(b)),
            sort_key=count,
            align_right=True,
        )

    def kind_text(self, info: BackupInfo) -> str:
        if info.label == DAILY_LABEL:
            return self.tr("Automatic (daily)")
        if info.label == MANUAL_LABEL:
            return self.tr("Manual")
        if info.label == BEFORE_RESTORE_LABEL:
            return self.tr("Before a restore")
        if info.label == "before-import":
            return self.tr("Before an import")
        if info.label == "before-demo":
            return self.tr("Before sample data")
        if info.label.startswith("before-"):
            return self.tr("Before an upgrade")
        return self.tr("Other")


class RestoreDialog(QDialog):
    """Lists the backups beside the database (newest first) and restores the chosen one.

    ``restored(source, before)`` is emitted after a restore: ``before`` is the copy of the
    state that was replaced. The main window then re-opens the database (a backup from an
    older version is upgraded on opening) and reloads every view.
    """

    restored = Signal(Path, object)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(820, 420)
        self.model = BackupListModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        configure_table(self.table, self.proxy)
        self.table.sortByColumn(BackupListModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(self._sync)

        intro = QLabel(
            self.tr(
                "Choose the backup to return to. The current records are backed up first, "
                "so a restore can be undone from this list."
            )
        )
        intro.setWordWrap(True)
        self.empty_label = QLabel(self.tr("There are no backups beside this database yet."))
        self.other_button = QPushButton(self.tr("Other file…"))
        self.other_button.setToolTip(self.tr("Restore a backup kept elsewhere, e.g. a USB stick"))
        self.other_button.clicked.connect(self.restore_other_file)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        with wait_cursor():
            self.model.set_rows(list_backups(self.db_path))
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        fit_columns(self.table)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._sync()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def _sync(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.readable)

    def restore_selected(self) -> bool:
        info = self.selected()
        return info is not None and self.restore(info)

    def restore_other_file(self) -> bool:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from file"), "", self.tr("Databases (*.db);;All files (*)")
        )
        if not name:
            return False
        with wait_cursor():
            info = inspect_backup(Path(name))
        return self.restore(info)

    def restore(self, info: BackupInfo) -> bool:
        """Ask, back up the current state, restore ``info``; True when done."""
        question = (
            self.tr(
                "Replace all records with the backup of %1 (%2)?\n\n"
                "The current records are backed up first."
            )
            .replace("%1", f"{info.taken_at:%Y-%m-%d %H:%M}")
            .replace("%2", info.path.name)
        )
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with wait_cursor():
                before = restore_backup(self.db_path, info.path)
        except (DomainError, OSError) as exc:
            message = exc.message if isinstance(exc, DomainError) else file_error_message(exc)
            QMessageBox.warning(self, self.tr("Cannot restore"), message)
            return False
        self.restored.emit(info.path, before)
        self.accept()
        return True


class BackupActions(QObject):
    """What the File menu calls: :meth:`backup_to_folder` and :meth:`open_restore_dialog`.

    ``db_path`` is a callable so that the actions follow the database the window has open.
    """

    backed_up = Signal(Path)
    restored = Signal(Path, object)  # source, copy of the state before (Path or None)

    def __init__(self, db_path: Callable[[], Path], parent: QWidget) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._window = parent
        self.dialog: RestoreDialog | None = None

    def backup_to_folder(self, folder: Path | None = None) -> Path | None:
        """Back up to ``folder``, asking for one when None (a USB stick, a shared drive)."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self._window, self.tr("Choose the folder to back up to")
            )
            if not chosen:
                return None
            folder = Path(chosen)
        try:
            with wait_cursor():
                dest = timestamped_backup(self._db_path(), MANUAL_LABEL, folder=folder)
        except (DomainError, OSError) as exc:
            detail = exc.message if isinstance(exc, DomainError) else file_error_message(exc)
            QMessageBox.warning(
                self._window,
                self.tr("Backup failed"),
                self.tr("Could not write the backup to %1.\n%2")
                .replace("%1", str(folder))
                .replace("%2", detail),
            )
            return None
        QMessageBox.information(
            self._window,
            self.tr("Backup"),
            self.tr(
                "The backup was saved as\n%1\n\nIt contains residents' personal information: "
                "keep it as carefully as the PC itself."
            ).replace("%1", str(dest)),
        )
        self.backed_up.emit(dest)
        return dest

    def open_restore_dialog(self) -> RestoreDialog:
        """Open the restore list window-modal, without blocking; ``restored`` reports back."""
        dialog = RestoreDialog(self._db_path(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self.restored)
        self.dialog = dialog
        dialog.open()
        return dialog
