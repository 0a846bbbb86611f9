"""The first steps of the Excel / CSV import wizard: the file and the council, then the sheet
and its header row. The wizard's state is one :class:`ImportState` shared by the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.core.services.councils import list_councils
from kobankyo_desktop.sheets.importer import ImportPlan, ImportRequest
from kobankyo_desktop.sheets.mapping import (
    ColumnMapping,
    SavedMapping,
    SheetKind,
    check_kind,
    guess_header_row,
    guess_mapping,
    load_mapping,
)
from kobankyo_desktop.sheets.reader import Grid, SourceFile, read_source
from kobankyo_desktop.sheets.rows import parse_rows
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import ERROR_STYLE
from kobankyo_desktop.ui.models.sheet_import_models import GridPreviewModel

SHEET_FILTER = "*.xlsx *.xlsm *.csv *.txt *.tsv"
MAX_COLUMN_WIDTH = 220


@dataclass
class ImportState:
    """What the pages have chosen so far, and the plan and result once there are some."""

    source: SourceFile | None = None
    kind: SheetKind = SheetKind.ROSTER
    council_id: int | None = None
    council_name: str = ""
    saved: SavedMapping | None = None
    grid: Grid | None = None
    mapping: ColumnMapping | None = None
    new_person_rows: set[int] = field(default_factory=set)
    plan: ImportPlan | None = None
    result: ImportPlan | None = None

    def request(self, as_of: dt.date) -> ImportRequest:
        assert self.grid is not None and self.mapping is not None and self.council_id is not None
        rows = tuple(parse_rows(self.grid, self.mapping, as_of))
        return ImportRequest(self.kind, self.council_id, rows, frozenset(self.new_person_rows))


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class FilePage(QWizardPage):
    """The file, what it holds (a roster or a meeting list), the council it belongs to, and
    optionally a mapping saved from an earlier file of the same layout."""

    def __init__(self, context: AppContext, state: ImportState) -> None:
        super().__init__()
        self.context = context
        self.state = state
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) or a CSV file as kept at the koban. Nothing is "
                "written until you confirm, and the database is backed up first."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Excel or CSV file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.roster_radio = QRadioButton(self.tr("Member roster (people and their appointments)"))
        self.meetings_radio = QRadioButton(self.tr("Meeting list"))
        self.roster_radio.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.roster_radio)
        kinds.addButton(self.meetings_radio)
        kind_box = QVBoxLayout()
        kind_box.addWidget(self.roster_radio)
        kind_box.addWidget(self.meetings_radio)
        self.council_combo = QComboBox()
        self.mapping_edit = QLineEdit()
        self.mapping_edit.setPlaceholderText(self.tr("None: guess from the headers"))
        mapping_browse = QPushButton(self.tr("Browse…"))
        mapping_browse.clicked.connect(self._browse_mapping)
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.mapping_edit, 1)
        mapping_row.addWidget(mapping_browse)
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("The file holds:"), kind_box)
        form.addRow(self.tr("Council:"), self.council_combo)
        form.addRow(self.tr("Saved column mapping:"), mapping_row)
        form.addRow(self.error)
        self.path_edit.textChanged.connect(self.completeChanged)
        self._fill_councils()

    def _fill_councils(self) -> None:
        councils = self.context.read(list_councils, self.context.today())
        for council in sorted(councils, key=lambda c: (c.abolished, c.name)):
            text = council.name
            if council.abolished:
                text = self.tr("%1 (abolished)").replace("%1", council.name)
            self.council_combo.addItem(text, council.id)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a sheet"),
            str(Path.home()),
            self.tr("Sheets") + f" ({SHEET_FILTER})",
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _browse_mapping(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a saved mapping"),
            str(Path.home()),
            self.tr("Column mappings") + " (*.json)",
        )
        if chosen:
            self.mapping_edit.setText(chosen)

    def kind(self) -> SheetKind:
        return SheetKind.ROSTER if self.roster_radio.isChecked() else SheetKind.MEETINGS

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and self.council_combo.currentData() is not None

    def validatePage(self) -> bool:
        kind = self.kind()
        try:
            source = read_source(Path(self.path_edit.text().strip()))
            saved = None
            if self.mapping_edit.text().strip():
                saved = load_mapping(Path(self.mapping_edit.text().strip()))
                check_kind(saved, kind)
        except DomainError as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        state = self.state
        if state.source is None or state.source.path != source.path or state.kind is not kind:
            state.mapping = None
            state.new_person_rows.clear()
        state.source, state.kind, state.saved = source, kind, saved
        state.council_id = self.council_combo.currentData()
        state.council_name = self.council_combo.currentText()
        return True


class SheetPage(QWizardPage):
    """The sheet and the row that holds the headers (title rows above it are skipped)."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Choose the sheet and the header row"))
        self.setSubTitle(
            self.tr(
                "The row with the column headers is highlighted. Rows below it are imported; "
                "blank rows are skipped. Click a row to make it the header row."
            )
        )
        self.sheet_combo = QComboBox()
        self.source_label = QLabel()
        self.header_spin = QSpinBox()
        self.rows_label = QLabel()
        self.model = GridPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.header_spin.setMinimumWidth(80)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header_spin)
        header_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Header row:"), header_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rows_label)
        self.sheet_combo.currentIndexChanged.connect(self._load_sheet)
        self.header_spin.valueChanged.connect(self._header_changed)
        self.table.clicked.connect(self._row_clicked)

    def initializePage(self) -> None:
        source = self.state.source
        assert source is not None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(source.sheet_names)
        saved = self.state.saved
        current = self.state.grid.name if self.state.grid else None
        for wanted in (current, saved.sheet if saved else None):
            if wanted in source.sheet_names:
                self.sheet_combo.setCurrentIndex(source.sheet_names.index(wanted))
                break
        self.sheet_combo.blockSignals(False)
        self.sheet_combo.setEnabled(source.format == "xlsx")
        if source.format == "csv":
            self.source_label.setText(
                self.tr("CSV file, read as %1.").replace("%1", source.encoding)
            )
        else:
            self.source_label.setText(self.tr("Excel workbook."))
        self._load_sheet()

    def _load_sheet(self) -> None:
        source = self.state.source
        assert source is not None
        grid = source.sheet(self.sheet_combo.currentText() or None)
        keep = self.state.mapping is not None and self.state.mapping.sheet == grid.name
        self.state.grid = grid
        self.model.set_grid(grid)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # a merged title is not a column width
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))
        header = self.state.mapping.header_row if keep and self.state.mapping else None
        if header is None and self.state.saved is not None:
            header = self.state.saved.find_header_row(grid)
        if header is None:
            header = guess_header_row(grid, self.state.kind)
        last = grid.rows[-1].number if grid.rows else 1
        self.header_spin.blockSignals(True)
        self.header_spin.setRange(1, last)
        self.header_spin.setValue(header or (grid.rows[0].number if grid.rows else 1))
        self.header_spin.blockSignals(False)
        self._header_changed()

    def _header_changed(self) -> None:
        number = self.header_spin.value()
        self.model.set_header_row(number)
        grid = self.state.grid
        below = len(grid.rows_after(number)) if grid else 0
        self.rows_label.setText(self.tr("Rows below the header row: %1").replace("%1", str(below)))
        self.completeChanged.emit()

    def _row_clicked(self, index: QModelIndex) -> None:
        self.header_spin.setValue(self.model.row_at(index.row()).number)

    def isComplete(self) -> bool:
        grid = self.state.grid
        number = self.header_spin.value()
        return grid is not None and grid.row(number) is not None and bool(grid.rows_after(number))

    def validatePage(self) -> bool:
        grid, number = self.state.grid, self.header_spin.value()
        mapping = self.state.mapping
        unchanged = mapping is not None and (mapping.sheet, mapping.header_row) == (
            grid.name if grid else None,
            number,
        )
        if grid is not None and not unchanged:
            # A new sheet or header row: the columns are those of that row.
            saved = self.state.saved
            self.state.mapping = (
                saved.apply(grid, number) if saved else guess_mapping(grid, self.state.kind, number)
            )
        return True
