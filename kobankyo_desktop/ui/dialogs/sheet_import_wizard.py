"""ファイル → Excel/CSVから取り込み…: bring a koban's roster or meeting list in.

File → sheet and header row → the field of each column → every row previewed with its
problems → confirmation → summary. The preview runs the import through the services and rolls
it back, so it shows exactly what will be written; the import backs the database up and writes
every valid row in one transaction (:mod:`kobankyo_desktop.sheets.importer`). Importing the
same file again adds nothing.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.sheets.importer import (
    ImportPlan,
    PlanRow,
    RowStatus,
    apply_import,
    backup_before_import,
    preview_plan,
)
from kobankyo_desktop.sheets.mapping import SheetKind
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.sheet_import_mapping import MappingPage
from kobankyo_desktop.ui.dialogs.sheet_import_pages import (
    FilePage,
    ImportState,
    SheetPage,
    error_label,
)
from kobankyo_desktop.ui.models.sheet_import_models import PlanRowsModel
from kobankyo_desktop.ui.models.table import RowFilterProxy


def plan_table(parent: QWidget) -> tuple[QTableView, RowFilterProxy]:
    proxy = RowFilterProxy(parent)
    table = QTableView()
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table, proxy


class PreviewPage(QWizardPage):
    """Every row with what the import makes of it: new, matched with a person already on
    file, already recorded, or not importable and why. A matched row can be imported as a new
    person instead."""

    def __init__(self, context: AppContext, state: ImportState) -> None:
        super().__init__()
        self.context = context
        self.state = state
        self.model: PlanRowsModel | None = None
        self.setTitle(self.tr("Check every row"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.only_problems = QCheckBox(self.tr("Show only rows that cannot be imported"))
        self.new_person_button = QPushButton(self.tr("Import as a new person"))
        self.new_person_button.setToolTip(
            self.tr("Do not use the match for the selected row: enter the person anew.")
        )
        self.table, self.proxy = plan_table(self)
        self.error = error_label()
        controls = QHBoxLayout()
        controls.addWidget(self.only_problems)
        controls.addStretch(1)
        controls.addWidget(self.new_person_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.only_problems.toggled.connect(self._filter)
        self.new_person_button.clicked.connect(self.toggle_new_person)

    def initializePage(self) -> None:
        roster = self.state.kind is SheetKind.ROSTER
        subtitle = self.tr(
            "Rows in red cannot be imported and say why; correct them in the sheet and import "
            "it again later. Grey rows are already recorded."
        )
        if roster:
            subtitle += " " + self.tr("Blue rows are people already on file: not entered twice.")
        self.setSubTitle(subtitle)
        old_model = self.model
        self.model = PlanRowsModel(self.state.kind, self.context.settings.date_style, self)
        self.proxy.setSourceModel(self.model)
        if old_model is not None:
            old_model.deleteLater()
        self.new_person_button.setVisible(roster)
        self.refresh_plan()
        self.table.resizeColumnsToContents()

    def refresh_plan(self) -> None:
        assert self.model is not None
        self.state.plan = None
        try:
            request = self.state.request(self.context.today())
            self.state.plan = self.context.read(preview_plan, request)
        except DomainError as exc:
            self.error.setText(exc.message)
        else:
            self.error.clear()
        plan = self.state.plan
        self.model.set_rows(plan.rows if plan else [])
        self.summary.setText(self._summary(plan) if plan else "")
        self._update_button()
        self.completeChanged.emit()

    def _summary(self, plan: ImportPlan) -> str:
        already, invalid = plan.count(RowStatus.ALREADY), plan.count(RowStatus.INVALID)
        values: tuple[int, ...]
        if plan.kind is SheetKind.ROSTER:
            text = self.tr(
                "%1 rows: %2 to import (%3 new, %4 matched), %5 already recorded, "
                "%6 cannot be imported."
            )
            new, matched = plan.count(RowStatus.NEW), plan.count(RowStatus.MATCHED)
            values = (len(plan.rows), plan.to_write, new, matched, already, invalid)
        else:
            text = self.tr("%1 rows: %2 to import, %3 already recorded, %4 cannot be imported.")
            values = (len(plan.rows), plan.to_write, already, invalid)
        for number, value in reversed(list(enumerate(values, start=1))):
            text = text.replace(f"%{number}", str(value))
        if plan.to_write == 0:
            text += " " + self.tr("There is nothing new to import.")
        return text

    def _filter(self, only_problems: bool) -> None:
        self.proxy.set_predicate((lambda r: not r.valid) if only_problems else None)

    def selected_row(self) -> PlanRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def _update_button(self) -> None:
        row = self.selected_row()
        forced = row is not None and row.number in self.state.new_person_rows
        self.new_person_button.setText(
            self.tr("Use the match") if forced else self.tr("Import as a new person")
        )
        self.new_person_button.setEnabled(
            row is not None and (forced or row.status is RowStatus.MATCHED)
        )

    def toggle_new_person(self) -> None:
        """Import the selected matched row as a new person, or go back to the match."""
        row = self.selected_row()
        if row is None or self.model is None:
            return
        self.state.new_person_rows ^= {row.number}
        self.refresh_plan()
        source_row = self.model.row_of(row.number)
        proxy_row = self.proxy.mapFromSource(self.model.index(source_row, 0)).row()
        if proxy_row >= 0:
            self.table.selectRow(proxy_row)

    def isComplete(self) -> bool:
        return self.state.plan is not None and self.state.plan.to_write > 0


class ConfirmPage(QWizardPage):
    """The last look before writing: how many rows go where, and the backup taken first."""

    imported = Signal(object)  # the ImportPlan written

    def __init__(self, context: AppContext, state: ImportState) -> None:
        super().__init__()
        self.context = context
        self.state = state
        self.setTitle(self.tr("Confirm and import"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        plan = self.state.plan
        assert plan is not None
        if self.state.kind is SheetKind.ROSTER:
            text = self.tr(
                "%1 appointments will be recorded in %2: %3 new people and %4 people already "
                "on file."
            ).replace("%3", str(plan.count(RowStatus.NEW)))
            text = text.replace("%4", str(plan.count(RowStatus.MATCHED)))
        else:
            text = self.tr("%1 meetings will be recorded in %2.")
        text = text.replace("%1", str(plan.to_write)).replace("%2", plan.council_name)
        skipped = len(plan.rows) - plan.to_write
        if skipped:
            text += "\n\n" + self.tr(
                "%1 rows are left out: already recorded, or not importable."
            ).replace("%1", str(skipped))
        text += "\n\n" + self.tr(
            "The database is backed up before anything is written, and all rows are written "
            "together: if anything fails, nothing is changed."
        )
        self.text.setText(text)
        self.error.clear()

    def validatePage(self) -> bool:
        entity = "person" if self.state.kind is SheetKind.ROSTER else "meeting"
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            request = self.state.request(self.context.today())
            backup = backup_before_import(self.context.db)
            plan = self.context.try_write(entity, apply_import, request)
        except DomainError as exc:
            self.error.setText(exc.message)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.state.result = dataclasses.replace(plan, backup=backup)
        self.imported.emit(self.state.result)
        return True


class SummaryPage(QWizardPage):
    """What was written, where the backup is, and the rows left for the officer to correct."""

    def __init__(self, context: AppContext, state: ImportState) -> None:
        super().__init__()
        self.context = context
        self.state = state
        self.setTitle(self.tr("Import finished"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_label = QLabel(
            self.tr("These rows were not imported. Correct them in the sheet and import it again:")
        )
        self.table, self.proxy = plan_table(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.left_label)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        result = self.state.result
        assert result is not None
        if result.kind is SheetKind.ROSTER:
            text = self.tr(
                "Recorded %1 appointments in %2 (%3 new people, %4 people already on file)."
            ).replace("%3", str(result.count(RowStatus.NEW)))
            text = text.replace("%4", str(result.count(RowStatus.MATCHED)))
        else:
            text = self.tr("Recorded %1 meetings in %2.")
        text = text.replace("%1", str(result.to_write)).replace("%2", result.council_name)
        if result.backup is not None:
            text += "\n" + self.tr("Backup taken before the import: %1").replace(
                "%1", str(result.backup)
            )
        self.text.setText(text)
        model = PlanRowsModel(result.kind, self.context.settings.date_style, self)
        model.set_rows(result.invalid_rows)
        self.proxy.setSourceModel(model)
        self.table.resizeColumnsToContents()
        self.left_label.setVisible(bool(result.invalid_rows))
        self.table.setVisible(bool(result.invalid_rows))


class SheetImportWizard(QWizard):
    """The import wizard, opened from ファイル → Excel/CSVから取り込み…

    ``imported`` carries the :class:`ImportPlan` written; ``context.changed`` fires as well,
    so the tabs refresh.
    """

    imported = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = ImportState()
        self.setWindowTitle(self.tr("Import from Excel / CSV"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page = FilePage(context, self.state)
        self.sheet_page = SheetPage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.preview_page = PreviewPage(context, self.state)
        self.confirm_page = ConfirmPage(context, self.state)
        self.summary_page = SummaryPage(context, self.state)
        for page in (
            self.file_page,
            self.sheet_page,
            self.mapping_page,
            self.preview_page,
            self.confirm_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.confirm_page.imported.connect(self.imported)
        self.resize(980, 640)
