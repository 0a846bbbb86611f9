"""The import wizard's column step: which field each column of the sheet goes to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.sheets.mapping import (
    Target,
    check_kind,
    column_letter,
    headers_of,
    load_mapping,
    save_mapping,
    specs_for,
    to_saved,
)
from kobankyo_desktop.sheets.reader import cell_text
from kobankyo_desktop.ui.dialogs.sheet_import_pages import ImportState, error_label
from kobankyo_desktop.ui.models.sheet_import_models import target_text


class MappingPage(QWizardPage):
    """One line per column: its header, examples from the first rows, and the field it goes
    to (prefilled with the guess). Mappings can be saved for the next file and loaded."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.combos: dict[int, QComboBox] = {}
        self.setTitle(self.tr("Choose the field of each column"))
        self.setSubTitle(
            self.tr(
                "Columns were matched to fields by their headers. Check each one; columns set "
                "to \u201cdo not import\u201d are left out. Save the mapping to reuse it next time."
            )
        )
        self.rows_widget = QWidget()
        self.rows_layout = QGridLayout(self.rows_widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_widget)
        self.problems = error_label()
        self.message = QLabel()
        load = QPushButton(self.tr("Load mapping…"))
        save = QPushButton(self.tr("Save mapping…"))
        load.clicked.connect(self._browse_load)
        save.clicked.connect(self._browse_save)
        buttons = QHBoxLayout()
        buttons.addWidget(load)
        buttons.addWidget(save)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self.message.clear()
        self._build_rows()

    def _build_rows(self) -> None:
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos.clear()
        grid, mapping = self.state.grid, self.state.mapping
        assert grid is not None and mapping is not None
        for column, title in enumerate(
            (self.tr("Column"), self.tr("Header"), self.tr("Examples"), self.tr("Import as"))
        ):
            heading = QLabel(f"<b>{title}</b>")
            self.rows_layout.addWidget(heading, 0, column)
        examples = grid.rows_after(mapping.header_row)[:3]
        for index, header in enumerate(headers_of(grid, mapping.header_row)):
            sample = " / ".join(t for r in examples if (t := cell_text(r.cell(index))))
            combo = QComboBox()
            combo.addItem(self.tr("(do not import)"), None)
            for spec in specs_for(self.state.kind):
                combo.addItem(target_text(spec.target), spec.target.value)
            target = mapping.columns.get(index)
            combo.setCurrentIndex(combo.findData(target.value) if target else 0)
            combo.currentIndexChanged.connect(lambda _=0, i=index: self._combo_changed(i))
            sample_label = QLabel(sample[:60] + ("…" if len(sample) > 60 else ""))
            sample_label.setStyleSheet("color: #555;")
            row = index + 1
            self.rows_layout.addWidget(QLabel(column_letter(index)), row, 0)
            self.rows_layout.addWidget(QLabel(header), row, 1)
            self.rows_layout.addWidget(sample_label, row, 2)
            self.rows_layout.addWidget(combo, row, 3)
            self.combos[index] = combo
        self.rows_layout.setColumnStretch(2, 1)
        self.rows_layout.setRowStretch(len(self.combos) + 1, 1)
        self._show_problems()

    def _combo_changed(self, index: int) -> None:
        mapping = self.state.mapping
        assert mapping is not None
        value = self.combos[index].currentData()
        if value is None:
            mapping.columns.pop(index, None)
        else:
            mapping.columns[index] = Target(value)
        self.state.new_person_rows.clear()
        self._show_problems()

    def _show_problems(self) -> None:
        mapping = self.state.mapping
        self.problems.setText("\n".join(mapping.problems()) if mapping else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.mapping is not None and not self.state.mapping.problems()

    # Saved mappings ------------------------------------------------------------------------
    def load_mapping_file(self, path: Path) -> bool:
        """Apply a saved mapping to this sheet's columns by their headers."""
        grid, mapping = self.state.grid, self.state.mapping
        assert grid is not None and mapping is not None
        try:
            saved = load_mapping(path)
            check_kind(saved, self.state.kind)
        except DomainError as exc:
            self.message.setText(exc.message)
            return False
        self.state.saved = saved
        self.state.mapping = saved.apply(grid, mapping.header_row)
        self._build_rows()
        self.message.setText(self.tr("Loaded %1.").replace("%1", Path(path).name))
        return True

    def save_mapping_file(self, path: Path) -> bool:
        grid, mapping = self.state.grid, self.state.mapping
        assert grid is not None and mapping is not None
        try:
            save_mapping(path, to_saved(mapping, headers_of(grid, mapping.header_row)))
        except DomainError as exc:
            self.message.setText(exc.message)
            return False
        self.message.setText(self.tr("Saved %1.").replace("%1", Path(path).name))
        return True

    def _browse_load(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load mapping"),
            str(Path.home()),
            self.tr("Column mappings") + " (*.json)",
        )
        if chosen:
            self.load_mapping_file(Path(chosen))

    def _browse_save(self) -> None:
        source = self.state.source
        start = source.path.with_suffix(".mapping.json") if source else Path.home()
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save mapping"), str(start), self.tr("Column mappings") + " (*.json)"
        )
        if chosen:
            self.save_mapping_file(Path(chosen))
