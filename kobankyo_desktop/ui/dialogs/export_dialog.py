"""ファイル → エクスポート…: the annual report (xlsx or CSV) or the submission bundle for
headquarters, for a 年度 or a date range, with or without members' contact details.

The work runs on a worker thread with its own database connection; the dialog shows its
progress and can cancel it. Nothing here touches the database directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.dates import fiscal_year_label, fiscal_year_of
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.core.settings import Settings
from kobankyo_desktop.exchange.bundle import BundleSummary, write_bundle
from kobankyo_desktop.exchange.progress import Progress
from kobankyo_desktop.exchange.report import Period
from kobankyo_desktop.exchange.report_files import ReportFormat, write_report
from kobankyo_desktop.ui.dialogs.exchange_worker import (
    BackgroundJobDialog,
)

YEARS_OFFERED = 10


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    BUNDLE = "bundle"


class ExportDialog(BackgroundJobDialog):
    """Choose what to export and where, then run it with a progress bar and a cancel button.

    ``exported`` carries the files written. ``today`` is injected so tests choose the 年度.
    """

    exported = Signal(list)

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(Path(db_path), parent)
        self.settings = settings or Settings()
        self.today = today
        self.setWindowTitle(self.tr("Export for headquarters"))
        self._build()
        self.update_state()

    # Building --------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)

        period_box = QGroupBox(self.tr("Period"))
        period_layout = QFormLayout(period_box)
        self.fiscal_radio = QRadioButton(self.tr("Fiscal year"))
        self.fiscal_radio.setChecked(True)
        self.year_combo = QComboBox()
        current = fiscal_year_of(self.today())
        for year in range(current, current - YEARS_OFFERED, -1):
            self.year_combo.addItem(fiscal_year_label(year, self.settings.date_style), year)
        period_layout.addRow(self.fiscal_radio, self.year_combo)
        self.range_radio = QRadioButton(self.tr("Date range"))
        start, end = Period.for_fiscal_year(current).start, self.today()
        self.from_edit = self._date_edit(start)
        self.to_edit = self._date_edit(end)
        range_row = QHBoxLayout()
        range_row.addWidget(self.from_edit)
        range_row.addWidget(QLabel(self.tr("to")))
        range_row.addWidget(self.to_edit)
        period_layout.addRow(self.range_radio, range_row)
        layout.addWidget(period_box)

        form = QFormLayout()
        self.format_combo = QComboBox()
        self.format_combo.addItem(
            self.tr("Annual report, Excel workbook (.xlsx)"), ExportFormat.XLSX
        )
        self.format_combo.addItem(self.tr("Annual report, CSV files in a folder"), ExportFormat.CSV)
        self.format_combo.addItem(self.tr("Submission bundle (.json)"), ExportFormat.BUNDLE)
        form.addRow(self.tr("Format:"), self.format_combo)
        self.contacts_check = QCheckBox(
            self.tr("Include members' contact details (postal code, address, phone, e-mail)")
        )
        form.addRow("", self.contacts_check)
        self.privacy_label = QLabel()
        self.privacy_label.setObjectName("privacyWarning")
        self.privacy_label.setWordWrap(True)
        form.addRow("", self.privacy_label)
        target_row = QHBoxLayout()
        self.target_edit = QLineEdit()
        self.browse_button = QPushButton(self.tr("Browse…"))
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.browse_button)
        form.addRow(self.tr("Save to:"), target_row)
        layout.addLayout(form)

        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        for radio in (self.fiscal_radio, self.range_radio):
            radio.toggled.connect(self.update_state)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.contacts_check.toggled.connect(self.update_state)
        self.browse_button.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.close_button.clicked.connect(self.reject)

    def _date_edit(self, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # State -----------------------------------------------------------------------------------
    def export_format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def period(self) -> Period:
        """The chosen 年度 or date range (raises ValidationError for a reversed range)."""
        if self.fiscal_radio.isChecked():
            return Period.for_fiscal_year(int(self.year_combo.currentData()))
        return Period(self.from_edit.date().toPython(), self.to_edit.date().toPython())

    def _format_changed(self) -> None:
        # A folder is not a file: a target typed for another format would mislead.
        self.target_edit.clear()
        self.update_state()

    def update_state(self) -> None:
        running = self.run is not None
        is_bundle = self.export_format() is ExportFormat.BUNDLE
        for widget in (self.fiscal_radio, self.range_radio):
            widget.setEnabled(not running and not is_bundle)
        self.year_combo.setEnabled(not running and not is_bundle and self.fiscal_radio.isChecked())
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(not running and not is_bundle and self.range_radio.isChecked())
        for widget in (
            self.format_combo,
            self.contacts_check,
            self.target_edit,
            self.browse_button,
            self.export_button,
            self.close_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if self.contacts_check.isChecked():
            self.privacy_label.setText(
                self.tr(
                    "Warning: the export will contain members' addresses, phone numbers and "
                    "e-mail addresses. Handle and send it as personal information."
                )
            )
            self.privacy_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.privacy_label.setText(
                self.tr(
                    "The export contains personal information (members' names, ages and roles) "
                    "even without contact details."
                )
            )
            self.privacy_label.setStyleSheet("")

    def _suggested_name(self) -> str:
        fmt = self.export_format()
        if fmt is ExportFormat.BUNDLE:
            return f"提出用バンドル_{self.today():%Y%m%d}.json"
        try:
            label = self.period().label(self.settings.date_style)
        except DomainError:
            label = ""
        label = label.replace("～", "-")
        return f"実施状況報告_{label}" + (".xlsx" if fmt is ExportFormat.XLSX else "")

    def _browse(self) -> None:
        start = str(Path.home() / self._suggested_name())
        if self.export_format() is ExportFormat.CSV:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the CSV files"), str(Path.home())
            )
        elif self.export_format() is ExportFormat.XLSX:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the report"), start, self.tr("Excel workbook (*.xlsx)")
            )
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the bundle"), start, self.tr("Submission bundle (*.json)")
            )
        if chosen:
            self.target_edit.setText(chosen)

    # Running ---------------------------------------------------------------------------------
    def _target(self) -> Path | None:
        text = self.target_edit.text().strip()
        if not text:
            return None
        target = Path(text)
        fmt = self.export_format()
        if fmt is ExportFormat.XLSX and target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        elif fmt is ExportFormat.BUNDLE and target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        return target

    def _job(self, target: Path) -> Callable[[Database, Progress], object]:
        fmt = self.export_format()
        contacts = self.contacts_check.isChecked()
        as_of = self.today()
        if fmt is ExportFormat.BUNDLE:

            def bundle(db: Database, progress: Progress) -> object:
                with db.reader() as session:
                    summary: BundleSummary = write_bundle(
                        session, target, include_contacts=contacts, progress=progress
                    )
                return [summary.path]

            return bundle
        period = self.period()
        report_format = ReportFormat.XLSX if fmt is ExportFormat.XLSX else ReportFormat.CSV

        def report(db: Database, progress: Progress) -> object:
            with db.reader() as session:
                return write_report(
                    session,
                    period,
                    target,
                    as_of=as_of,
                    report_format=report_format,
                    include_contacts=contacts,
                    progress=progress,
                )

        return report

    def start_export(self) -> None:
        """Check the choices, then start the export on a worker thread."""
        if self.run is not None:
            return
        target = self._target()
        if target is None:
            self.show_message(QMessageBox.Icon.Warning, self.tr("Choose where to save the export."))
            return
        if self.export_format() is ExportFormat.CSV and target.exists() and not target.is_dir():
            self.show_message(
                QMessageBox.Icon.Warning, self.tr("CSV files are saved into a folder.")
            )
            return
        try:
            job = self._job(target)
        except DomainError as exc:
            self.show_message(QMessageBox.Icon.Warning, exc.message)
            return
        self.start_job(job, self.tr("Exporting…"))

    def on_succeeded(self, files: object) -> None:
        paths = list(files) if isinstance(files, list) else []
        self.status_label.setText(self.tr("Export finished."))
        text = self.tr("The export was saved:") + "\n" + "\n".join(str(p) for p in paths)
        self.show_message(QMessageBox.Icon.Information, text)
        self.exported.emit(paths)

    def on_failed(self, message: str, is_bug: bool) -> None:
        self.status_label.setText(self.tr("Export failed."))
        if is_bug:
            message = (
                self.tr(
                    "An unexpected error stopped the export. No file was written. "
                    "The details are in the application log."
                )
                + "\n"
                + message
            )
        self.show_message(QMessageBox.Icon.Critical, message)

    def on_cancelled(self) -> None:
        self.status_label.setText(self.tr("Export cancelled. No file was written."))
