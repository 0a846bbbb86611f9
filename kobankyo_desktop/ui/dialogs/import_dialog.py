"""ファイル → インポート…: read submission bundles into this database (headquarters).

Every file is checked before anything is written, the database is backed up, and all files go
in through one transaction on a worker thread: a refused file or a cancel changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.exchange.bundle_import import ImportSummary, import_bundles
from kobankyo_desktop.exchange.progress import Progress
from kobankyo_desktop.ui.dialogs.exchange_worker import (
    BackgroundJobDialog,
)


class ImportDialog(BackgroundJobDialog):
    """Choose bundle files and import them with a progress bar and a cancel button.

    ``imported`` fires after a successful import so the main window can refresh its views.
    """

    imported = Signal(object)  # the ImportSummary

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(Path(db_path), parent)
        self.setWindowTitle(self.tr("Import submission bundles"))
        self._build()
        self.update_state()

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
        self.cancel_button.clicked.connect(self.cancel_job)
        self.close_button.clicked.connect(self.reject)
        self.file_list.itemSelectionChanged.connect(self.update_state)

    # Files -----------------------------------------------------------------------------------
    def files(self) -> list[Path]:
        return [Path(self.file_list.item(i).text()) for i in range(self.file_list.count())]

    def add_files(self, paths: Iterable[Path | str]) -> None:
        known = set(self.files())
        for path in map(Path, paths):
            if path not in known:
                self.file_list.addItem(str(path))
                known.add(path)
        self.update_state()

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
        self.update_state()

    def update_state(self) -> None:
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

        self.start_job(job, self.tr("Checking and importing…"))

    def on_succeeded(self, summary: object) -> None:
        assert isinstance(summary, ImportSummary)
        self.status_label.setText(self.tr("Import finished."))
        self.show_message(QMessageBox.Icon.Information, "\n".join(summary.lines()))
        self.imported.emit(summary)

    def on_failed(self, message: str, is_bug: bool) -> None:
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
        self.show_message(QMessageBox.Icon.Critical, message)

    def on_cancelled(self) -> None:
        self.status_label.setText(self.tr("Import cancelled. The database was not changed."))
