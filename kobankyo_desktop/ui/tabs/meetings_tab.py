"""The meetings tab (会議, §6): every council's meetings by 年度, planned, held or cancelled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kobankyo_desktop.core.dates import YearBasis, year_label, year_of, year_range
from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.core.services.appointments import serving_appointments
from kobankyo_desktop.core.services.councils import list_councils
from kobankyo_desktop.core.services.meetings import MeetingRow, delete_meeting, list_meetings
from kobankyo_desktop.core.services.opinions import get_opinion
from kobankyo_desktop.core.vocab import MeetingKind, MeetingStatus
from kobankyo_desktop.ui.context import AppContext, show_domain_error
from kobankyo_desktop.ui.dialogs.base import FormDialog
from kobankyo_desktop.ui.dialogs.meeting_editor import MeetingEditor
from kobankyo_desktop.ui.dialogs.opinion_dialog import OpinionDialog
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.models.meetings_model import MeetingsTableModel, OpinionDraft
from kobankyo_desktop.ui.models.table import RowFilterProxy
from kobankyo_desktop.ui.printing import DocumentPrinter, meeting_print_menu
from kobankyo_desktop.ui.tabs.base import TabPage, configure_table


def _delete_meeting(session: Session, meeting_id: int) -> bool:
    delete_meeting(session, meeting_id)
    return True  # AppContext.write returns None when it refused


class MeetingsTab(TabPage):
    """Meetings filtered by council, by year (年度 by default, §6(2)) and by free text.

    Planned meetings show in blue, cancelled ones greyed. Editors open window-modal without
    blocking (:attr:`editor`) and the table follows the ``changed`` refresh of the main window.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = MeetingsTableModel(context.settings.date_style, self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.editor: FormDialog | None = None
        self._year_basis: YearBasis | None = None

        self.council_combo = QComboBox()
        self.council_combo.setMinimumContentsLength(16)
        self.council_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.year_combo = QComboBox()
        self.year_combo.setMinimumContentsLength(10)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Filter by date, place, reason…"))
        self.count_label = QLabel()
        self.new_button = self._button(self.tr("New meeting…"), self.new_item)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_current)
        self.delete_button = self._button(self.tr("Delete…"), self.delete_current)

        self.view = QTableView()
        configure_table(self.view, self.proxy)
        self.view.sortByColumn(MeetingsTableModel.DATE, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MeetingsTableModel.PLACE, QHeaderView.ResizeMode.Stretch)
        self._sized = False
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(self._sync_buttons)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Council:")))
        filters.addWidget(self.council_combo, 2)
        self.year_caption = QLabel(self.tr("Fiscal year:"))
        filters.addWidget(self.year_caption)
        filters.addWidget(self.year_combo, 1)
        filters.addWidget(self.search_edit, 3)
        actions = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(widget)
        self.printer = DocumentPrinter(self)
        self.printer.saved.connect(
            lambda path: self.status_message.emit(self.tr("Saved %1").replace("%1", path))
        )
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("Print"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(
            meeting_print_menu(self, self.printer, context, self._current_meeting_id)
        )
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)

        self.council_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.year_combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.search_edit.textChanged.connect(self._search)
        self._sync_buttons()

    @staticmethod
    def _button(text: str, slot: Callable[[], None]) -> QPushButton:
        widget = QPushButton(text)
        widget.clicked.connect(slot)
        return widget

    # TabPage ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every meeting (two bulk queries) and keep the filters and selection."""
        settings = self.context.settings
        selected = self.current_meeting()
        rows = self.context.read(list_meetings)
        councils = self.context.read(list_councils, self.context.today())
        self.model.set_date_style(settings.date_style)
        self.model.set_rows(rows)
        self._fill_councils([(c.id, c.name, c.abolished) for c in councils])
        self._fill_years(rows, settings.year_basis)
        self._apply_filters()
        if rows and not self._sized:  # once: later the officer's own widths stay
            self.view.resizeColumnsToContents()
            self._sized = True
        if selected is not None:
            self.select_meeting(selected.id)

    def new_item(self) -> None:
        """A new meeting of the council filtered on (or of the selected meeting's council)."""
        council_id = self.council_filter()
        if council_id is None and (current := self.current_meeting()) is not None:
            council_id = current.council_id
        self._open(lambda: MeetingEditor(self.context, council_id=council_id, parent=self))

    def edit_current(self) -> None:
        meeting = self.current_meeting()
        if meeting is not None:
            self._open(lambda: MeetingEditor(self.context, meeting.id, parent=self))

    def delete_current(self) -> None:
        meeting = self.current_meeting()
        if meeting is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete meeting"),
            self.tr(
                "Delete the meeting of %1 on %2? Its agenda, attendance and minutes are deleted;"
                " its opinions and requests stay with the council."
            )
            .replace("%1", meeting.council_name)
            .replace("%2", date_text(meeting.held_on, self.context.settings.date_style)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.context.write(self, "meeting", _delete_meeting, meeting.id):
            self.status_message.emit(self.tr("Meeting deleted."))

    def filter_box(self) -> QLineEdit:
        return self.search_edit

    # Routed from other tabs --------------------------------------------------------------
    def show_council(self, council_id: int) -> None:
        """Show the meetings of one council."""
        index = self.council_combo.findData(council_id)
        if index >= 0:
            self.council_combo.setCurrentIndex(index)

    def plan_meeting(self, council_id: int) -> None:
        """Plan the council's 定期会議 (from the reminders: none held this year, §6(2))."""
        self.show_council(council_id)
        self._open(
            lambda: MeetingEditor(
                self.context,
                council_id=council_id,
                kind=MeetingKind.REGULAR,
                status=MeetingStatus.PLANNED,
                parent=self,
            )
        )

    def open_meeting(self, meeting_id: int) -> None:
        """Open a meeting's editor (e.g. the planned regular meeting, to record it as held)."""
        self.select_meeting(meeting_id, reveal=True)
        self._open(lambda: MeetingEditor(self.context, meeting_id, parent=self))

    def open_opinion(self, opinion_id: int) -> None:
        """Open an opinion: in the editor of the meeting it was raised at, at the opinions
        section, or on its own if it was recorded outside a meeting."""
        self._open(lambda: self._opinion_editor(opinion_id))

    def _opinion_editor(self, opinion_id: int) -> FormDialog:
        opinion = self.context.read(get_opinion, opinion_id)
        if opinion.meeting_id is not None:
            editor = MeetingEditor(self.context, opinion.meeting_id, parent=self)
            editor.show_section(MeetingEditor.OPINIONS)
            editor.opinions.select_opinion(opinion_id)
            self.select_meeting(opinion.meeting_id, reveal=True)
            return editor
        serving = self.context.read(serving_appointments, opinion.council_id, opinion.raised_on)
        return OpinionDialog(
            self.context,
            council_id=opinion.council_id,
            members=[(a.person_id, name) for a, name, _reading in serving],
            draft=OpinionDraft.from_row(opinion),
            parent=self,
        )

    # Selection and filters ---------------------------------------------------------------
    def _current_meeting_id(self) -> int | None:
        meeting = self.current_meeting()
        return meeting.id if meeting is not None else None

    def current_meeting(self) -> MeetingRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_meeting(self, meeting_id: int, *, reveal: bool = False) -> None:
        """Select a meeting if the filters show it; with ``reveal``, first change the filters
        to its council and year so that it shows (a meeting just saved must not vanish)."""
        for source_row, row in enumerate(self.model.rows()):
            if row.id != meeting_id:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not index.isValid() and reveal:
                self.search_edit.clear()
                if self.council_filter() not in (None, row.council_id):
                    self.show_council(row.council_id)
                year = year_of(row.held_on, self._year_basis or YearBasis.FISCAL)
                if self.year_filter() not in (None, year):
                    self.year_combo.setCurrentIndex(self.year_combo.findData(year))
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
            return

    def council_filter(self) -> int | None:
        value = self.council_combo.currentData()
        return int(value) if value is not None else None

    def year_filter(self) -> int | None:
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def _fill_councils(self, councils: list[tuple[int, str, bool]]) -> None:
        current = self.council_filter()
        self.council_combo.blockSignals(True)
        self.council_combo.clear()
        self.council_combo.addItem(self.tr("All councils"), None)
        for council_id, name, abolished in councils:
            text = self.tr("%1 (abolished)").replace("%1", name) if abolished else name
            self.council_combo.addItem(text, council_id)
        index = self.council_combo.findData(current) if current is not None else 0
        self.council_combo.setCurrentIndex(max(index, 0))
        self.council_combo.blockSignals(False)

    def _fill_years(self, rows: list[MeetingRow], basis: YearBasis) -> None:
        """Every year with a meeting plus this one; this year is chosen at first, and again
        when the year basis setting changes."""
        this_year = year_of(self.context.today(), basis)
        current = self.year_filter() if basis is self._year_basis else this_year
        self._year_basis = basis
        fiscal = basis is YearBasis.FISCAL
        self.year_caption.setText(self.tr("Fiscal year:") if fiscal else self.tr("Year:"))
        years = sorted({year_of(r.held_on, basis) for r in rows} | {this_year}, reverse=True)
        style = self.context.settings.date_style
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(
            self.tr("All fiscal years") if fiscal else self.tr("All years"), None
        )
        for year in years:
            self.year_combo.addItem(year_label(year, basis, style), year)
        index = self.year_combo.findData(current) if current is not None else 0
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def _apply_filters(self) -> None:
        council_id = self.council_filter()
        year = self.year_filter()
        span = year_range(year, self._year_basis or YearBasis.FISCAL) if year is not None else None

        def accepts(row: MeetingRow) -> bool:
            if council_id is not None and row.council_id != council_id:
                return False
            return span is None or span[0] <= row.held_on <= span[1]

        no_filter = council_id is None and span is None
        self.proxy.set_predicate(None if no_filter else accepts)
        self._after_filter()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._after_filter()

    def _after_filter(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            self.tr("%1 of %2 meetings").replace("%1", str(shown)).replace("%2", str(total))
        )
        self._sync_buttons()

    def _sync_buttons(self, *_args: object) -> None:
        selected = self.current_meeting() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.print_button.setEnabled(selected)

    def _open(self, make: Callable[[], FormDialog]) -> None:
        """Show an editor window-modal without blocking; report back when it saves. A record
        gone meanwhile (deleted elsewhere) is reported instead, and the table reloaded."""
        try:
            dialog = make()
        except DomainError as exc:
            show_domain_error(self, exc)
            self.refresh()
            return
        self.editor = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()

    def _saved(self, dialog: FormDialog) -> None:
        result = dialog.result_value
        meeting = getattr(result, "meeting", None)
        if isinstance(meeting, MeetingRow):
            self.select_meeting(meeting.id, reveal=True)
            self.status_message.emit(self.tr("Meeting saved."))
        else:
            self.status_message.emit(self.tr("Opinion saved."))
