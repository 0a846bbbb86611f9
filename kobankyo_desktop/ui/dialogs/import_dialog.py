"""ファイル → インポート…: read submission bundles into this database (headquarters).

Every file is checked before anything is written, the database is backed up, and all files go
in through one transaction on a worker thread: a refused file or a cancel changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.exchange.bundle_import import ImportSummary, import_bundles
from kobankyo_desktop.exchange.progress import Progress
from kobankyo_desktop.ui.dialogs.exchange_worker import BackgroundRun, ExchangeWorker


class ImportDialog(QDialog):
    """Choose bundle files and import them with a progress bar and a cancel button.

    ``imported`` fires after a successful import so the main window can refresh its views.
    """

    imported = Signal(object)  # the ImportSummary

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.run: BackgroundRun | None = None
        self.message_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Import submission bundles"))
        self._build()
        self._update_state()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "Records are matched by their UUID: importing the same bundle twice changes "
                "nothing, and a newer bundle of a station updates what changed. The database "
                "is backed up first, and if any file is refused nothing is imported."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.file_list = QListWidget()
        layout.addWidget(self.file_list, 1)
        file_buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add files…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        layout.addLayout(file_buttons)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.status_label = QLabel()
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._browse)
        self.remove_button.clicked.connect(self._remove_selected)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button.clicked.connect(self.reject)
        self.file_list.itemSelectionChanged.connect(self._update_state)

    # Files -----------------------------------------------------------------------------------
    def files(self) -> list[Path]:
        return [Path(self.file_list.item(i).text()) for i in range(self.file_list.count())]

    def add_files(self, paths: Iterable[Path | str]) -> None:
        known = set(self.files())
        for path in map(Path, paths):
            if path not in known:
                self.file_list.addItem(str(path))
                known.add(path)
        self._update_state()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose submission bundles"),
            str(Path.home()),
            self.tr("Submission bundles (*.json)"),
        )
        self.add_files(chosen)

    def _remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self._update_state()

    def _update_state(self) -> None:
        running = self.run is not None
        self.import_button.setEnabled(not running and self.file_list.count() > 0)
        self.remove_button.setEnabled(not running and bool(self.file_list.selectedItems()))
        for widget in (self.add_button, self.file_list, self.close_button):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    # Running ---------------------------------------------------------------------------------
    def start_import(self) -> None:
        """Start importing the listed files on a worker thread."""
        if self.run is not None or not self.files():
            return
        files = self.files()

        def job(db: Database, progress: Progress) -> object:
            return import_bundles(db, files, progress=progress)

        worker = ExchangeWorker(self.db_path, job)
        worker.progressed.connect(self._on_progress)
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.finished.connect(self._on_finished)
        self.run = BackgroundRun(worker, self)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.status_label.setText(self.tr("Checking and importing…"))
        self._update_state()
        self.run.start()

    def cancel_import(self) -> None:
        if self.run is not None:
            self.run.worker.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self.run is not None

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_succeeded(self, summary: object) -> None:
        assert isinstance(summary, ImportSummary)
        self.status_label.setText(self.tr("Import finished."))
        self._show(QMessageBox.Icon.Information, "\n".join(summary.lines()))
        self.imported.emit(summary)

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self.status_label.setText(self.tr("Import failed. The database was not changed."))
        if is_bug:
            message = (
                self.tr(
                    "An unexpected error stopped the import. The database was not changed. "
                    "The details are in the application log."
                )
                + "\n"
                + message
            )
        self._show(QMessageBox.Icon.Critical, message)

    def _on_cancelled(self) -> None:
        self.status_label.setText(self.tr("Import cancelled. The database was not changed."))

    def _on_finished(self) -> None:
        run, self.run = self.run, None
        if run is not None:
            run.join()
        self.progress_bar.setVisible(False)
        self._update_state()

    def _show(self, icon: QMessageBox.Icon, text: str) -> None:
        """A message box that does not block (the worker's signals keep arriving)."""
        box = QMessageBox(icon, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    def done(self, result: int) -> None:
        """Closing while an import runs cancels it (rolled back) and waits for the thread."""
        if self.run is not None:
            self.run.stop_and_wait()
        super().done(result)
