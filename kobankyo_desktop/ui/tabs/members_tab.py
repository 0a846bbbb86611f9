"""The 委員 tab: people with their current appointments, filtered by council, by where their
term stands (§3(5)) and by name or reading; creating, appointing, reappointing and ending."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.core.services.appointments import AppointmentRow, TermStatus
from kobankyo_desktop.core.services.councils import list_councils
from kobankyo_desktop.core.services.people import MemberRow, delete_person, list_member_rows
from kobankyo_desktop.reports import documents
from kobankyo_desktop.reports.html import PrintDocument
from kobankyo_desktop.ui.context import AppContext, show_domain_error
from kobankyo_desktop.ui.dialogs.appointment_dialogs import (
    AppointDialog,
    AppointmentRef,
    EndAppointmentDialog,
    ReappointDialog,
)
from kobankyo_desktop.ui.dialogs.person_detail_dialog import PersonDetailDialog, run_form
from kobankyo_desktop.ui.dialogs.person_dialog import PersonDialog
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.models.members_model import MembersModel
from kobankyo_desktop.ui.models.table import RowFilterProxy
from kobankyo_desktop.ui.printing import DocumentPrinter, add_document_menu
from kobankyo_desktop.ui.tabs.base import TabPage, configure_table

# The status filter: which term statuses each choice keeps (None: a person never appointed).
StatusSet = frozenset[TermStatus | None]
STATUS_FILTERS: dict[str, StatusSet | None] = {
    "all": None,
    "serving": frozenset({TermStatus.SERVING, TermStatus.ENDING}),
    "ending": frozenset({TermStatus.ENDING}),
    "lapsed": frozenset({TermStatus.LAPSED}),
    "upcoming": frozenset({TermStatus.UPCOMING}),
    "former": frozenset({TermStatus.FORMER}),
    "none": frozenset({None}),
}
MAX_COLUMN_WIDTH = 180
STRETCHED_COLUMNS = (MembersModel.ORGANISATION, MembersModel.COUNCIL)


class AppointmentAction(StrEnum):
    """What the officer chose to do about one appointment (from the reminders tab)."""

    REAPPOINT = "reappoint"
    END = "end"
    DETAILS = "details"


def member_filter(
    council_id: int | None, statuses: StatusSet | None
) -> Callable[[MemberRow], bool]:
    """The proxy's predicate: two comparisons per row, whatever the number of rows."""

    def accepts(row: MemberRow) -> bool:
        if council_id is not None and row.council_id != council_id:
            return False
        return statuses is None or row.status in statuses

    return accepts


class MembersTab(TabPage):
    """People and their appointments; the detail view holds contact details and history."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._sized = False
        self.model = MembersModel(context.settings.date_style, self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.council_combo = QComboBox()
        self.council_combo.setMinimumContentsLength(14)
        self.council_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.council_combo.addItem(self.tr("All councils"), None)
        self.status_combo = QComboBox()
        for text, key in (
            (self.tr("All"), "all"),
            (self.tr("Serving"), "serving"),
            (self.tr("Term ending"), "ending"),
            (self.tr("Lapsed"), "lapsed"),
            (self.tr("Upcoming"), "upcoming"),
            (self.tr("Former"), "former"),
            (self.tr("Not appointed"), "none"),
        ):
            self.status_combo.addItem(text, key)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name, reading, organisation…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(260)
        self.count_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Council")))
        filters.addWidget(self.council_combo)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.count_label)

        self.new_button = self._button(self.tr("New person…"), self.new_item)
        self.details_button = self._button(self.tr("Details…"), self.edit_current)
        self.appoint_button = self._button(self.tr("Appoint…"), self.appoint_current)
        self.reappoint_button = self._button(self.tr("Reappoint…"), self.reappoint_current)
        self.end_button = self._button(self.tr("End appointment…"), self.end_current)
        self.delete_button = self._button(self.tr("Delete…"), self.delete_current)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.details_button,
            self.appoint_button,
            self.reappoint_button,
            self.end_button,
        ):
            actions.addWidget(button)
        actions.addWidget(self._build_print_button())
        actions.addStretch(1)
        actions.addWidget(self.delete_button)

        self.view = QTableView()
        configure_table(self.view, self.proxy)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._menu_actions: dict[QPushButton, QAction] = {}
        for button in (
            self.details_button,
            self.appoint_button,
            self.reappoint_button,
            self.end_button,
            self.delete_button,
        ):
            action = QAction(button.text(), self.view)
            action.triggered.connect(button.click)
            self._menu_actions[button] = action
            self.view.addAction(action)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)

        self.council_combo.currentIndexChanged.connect(self._apply_filters)
        self.status_combo.currentIndexChanged.connect(self._apply_filters)
        self.search_edit.textChanged.connect(self._apply_text)
        self._update_actions()

    def _build_print_button(self) -> QToolButton:
        """印刷: the 委嘱状 of the selected appointment."""
        self.printer = DocumentPrinter(self)
        self.printer.saved.connect(
            lambda path: self.status_message.emit(self.tr("Saved %1").replace("%1", path))
        )
        menu = QMenu(self)
        add_document_menu(menu, self.printer, self.tr("Letter of appointment"), self._letter)
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("Print"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(menu)
        return self.print_button

    def _letter(self) -> PrintDocument | None:
        row = self.current_row()
        if row is None or row.appointment_id is None:
            return None
        return self.context.read(documents.appointments, [row.appointment_id])

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # TabPage ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.current_row()
        settings = self.context.settings
        today = self.context.today()
        self._reload_councils()
        self.model.date_style = settings.date_style
        self.model.set_rows(self.context.read(list_member_rows, today, settings.term_lead_days))
        self._apply_filters()
        if selected is not None:
            self.select(selected.person_id, selected.appointment_id)
        if not self._sized and self.model.rowCount():
            self._size_columns()
        self._update_actions()

    def _size_columns(self) -> None:
        """Fit the columns to the first rows loaded (capped), then let the organisation and
        council columns share what width is left, so the term and status columns stay in view
        in any window size. The user's own widths are kept after that."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
        for column in STRETCHED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._sized = True

    def new_item(self) -> None:
        """A new person, then the offer to appoint them straight away."""
        person = run_form(PersonDialog(self.context, parent=self))
        if person is None:
            return
        self.status_message.emit(self.tr("Added %1.").replace("%1", person.name))
        self.select(person.id, None)
        answer = QMessageBox.question(
            self,
            self.tr("Appoint"),
            self.tr("Appoint %1 to a council now?").replace("%1", person.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.appoint_person(person.id, person.name)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_details(row.person_id)

    def delete_current(self) -> None:
        """Delete a person entered by mistake; the service refuses anyone with a history."""
        row = self.current_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete person"),
            self.tr(
                "Delete %1? Only a person entered by mistake can be deleted: anyone with"
                " appointments, visits or meeting records is kept."
            ).replace("%1", row.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.try_write("person", delete_person, row.person_id)
        except DomainError as exc:
            show_domain_error(self, exc)
            return
        self.status_message.emit(self.tr("Deleted %1.").replace("%1", row.name))

    def filter_box(self) -> QLineEdit:
        return self.search_edit

    # Routing from other tabs -----------------------------------------------------------------
    def show_council(self, council_id: int) -> None:
        """Show the members of one council (from the councils or reminders tab)."""
        if self.council_combo.findData(council_id) < 0:
            self.refresh()
        index = self.council_combo.findData(council_id)
        if index >= 0:
            self.search_edit.clear()
            self.council_combo.setCurrentIndex(index)

    def open_appointment(self, appointment_id: int) -> None:
        """Select the appointment's line and ask what to do: reappoint, end it, or open the
        person (from the reminders tab, for a term ending or lapsed, §3(5))."""
        source_row = self.model.find_appointment(appointment_id)
        if source_row is None:
            self.refresh()
            source_row = self.model.find_appointment(appointment_id)
        if source_row is None:
            self.status_message.emit(
                self.tr("That appointment is no longer current: it was reappointed or ended.")
            )
            return
        row = self.model.row_at(source_row)
        if not self.proxy.mapFromSource(self.model.index(source_row, 0)).isValid():
            self.clear_filters()
        self.select(row.person_id, row.appointment_id)
        choice = self.ask_appointment_action(row)
        ref = AppointmentRef.from_member(row)
        if choice is AppointmentAction.REAPPOINT and ref is not None:
            self.reappoint(ref, row.person_id)
        elif choice is AppointmentAction.END and ref is not None:
            self.end_appointment(ref, row.person_id)
        elif choice is AppointmentAction.DETAILS:
            self.open_details(row.person_id)

    def ask_appointment_action(self, row: MemberRow) -> AppointmentAction | None:
        style = self.context.settings.date_style
        ref = AppointmentRef.from_member(row)
        who = (
            self.tr("%1, %2 of %3")
            .replace("%1", row.name)
            .replace("%2", row.role)
            .replace("%3", row.council_name)
        )
        term = (
            self.tr("Term: %1 to %2")
            .replace("%1", date_text(row.term_start, style))
            .replace("%2", date_text(row.term_end, style))
        )
        text = f"{who}\n{term}"
        if row.status is TermStatus.LAPSED and row.days_left is not None:
            text += "\n\n" + self.tr(
                "The term ended %1 days ago, and neither a reappointment nor the end of the"
                " appointment has been recorded."
            ).replace("%1", str(-row.days_left))
        elif row.status is TermStatus.ENDING and row.days_left is not None:
            text += "\n\n" + self.tr("The term ends in %1 days.").replace("%1", str(row.days_left))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Appointment"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        reappoint = box.addButton(self.tr("Reappoint…"), QMessageBox.ButtonRole.AcceptRole)
        reappoint.setObjectName("reappoint")
        reappoint.setEnabled(ref is not None and ref.can_reappoint)
        end = box.addButton(self.tr("End appointment…"), QMessageBox.ButtonRole.ActionRole)
        end.setObjectName("end")
        end.setEnabled(ref is not None and ref.can_end)
        details = box.addButton(self.tr("Open details…"), QMessageBox.ButtonRole.ActionRole)
        details.setObjectName("details")
        box.addButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            clicked = box.clickedButton()
        finally:
            box.deleteLater()
        choices = {
            reappoint: AppointmentAction.REAPPOINT,
            end: AppointmentAction.END,
            details: AppointmentAction.DETAILS,
        }
        return choices.get(clicked)

    # Actions ---------------------------------------------------------------------------------
    def open_details(self, person_id: int) -> None:
        try:
            dialog = PersonDetailDialog(self.context, person_id, self)
        except DomainError as exc:
            show_domain_error(self, exc)
            return
        dialog.status_message.connect(self.status_message)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def appoint_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.appoint_person(row.person_id, row.name)

    def appoint_person(self, person_id: int, name: str) -> None:
        council_id = self.council_combo.currentData()
        appointment = run_form(AppointDialog(self.context, person_id, name, council_id, self))
        if appointment is not None:
            self.status_message.emit(
                self.tr("Appointed %1 to %2.")
                .replace("%1", name)
                .replace("%2", appointment.council_name)
            )
            self.select(person_id, appointment.id)

    def reappoint_current(self) -> None:
        row = self.current_row()
        ref = AppointmentRef.from_member(row) if row is not None else None
        if row is not None and ref is not None and ref.can_reappoint:
            self.reappoint(ref, row.person_id)

    def reappoint(self, ref: AppointmentRef, person_id: int) -> None:
        appointment: AppointmentRow | None = run_form(ReappointDialog(self.context, ref, self))
        if appointment is not None:
            style = self.context.settings.date_style
            self.status_message.emit(
                self.tr("Reappointed %1 until %2.")
                .replace("%1", ref.person_name)
                .replace("%2", date_text(appointment.term_end, style))
            )
            self.select(person_id, appointment.id)

    def end_current(self) -> None:
        row = self.current_row()
        ref = AppointmentRef.from_member(row) if row is not None else None
        if row is not None and ref is not None and ref.can_end:
            self.end_appointment(ref, row.person_id)

    def end_appointment(self, ref: AppointmentRef, person_id: int) -> None:
        if run_form(EndAppointmentDialog(self.context, ref, self)) is not None:
            self.status_message.emit(
                self.tr("Ended the appointment of %1 to %2.")
                .replace("%1", ref.person_name)
                .replace("%2", ref.council_name)
            )
            self.select(person_id, ref.id)

    # Filters and selection -------------------------------------------------------------------
    def _reload_councils(self) -> None:
        current = self.council_combo.currentData()
        councils = self.context.read(list_councils, self.context.today())
        self.council_combo.blockSignals(True)
        try:
            self.council_combo.clear()
            self.council_combo.addItem(self.tr("All councils"), None)
            for council in sorted(councils, key=lambda c: c.abolished):
                text = council.name
                if council.abolished:
                    text = self.tr("%1 (abolished)").replace("%1", council.name)
                self.council_combo.addItem(text, council.id)
            self.council_combo.setCurrentIndex(max(self.council_combo.findData(current), 0))
        finally:
            self.council_combo.blockSignals(False)

    def _apply_filters(self) -> None:
        council_id = self.council_combo.currentData()
        statuses = STATUS_FILTERS[self.status_combo.currentData()]
        if council_id is None and statuses is None:
            self.proxy.set_predicate(None)
        else:
            self.proxy.set_predicate(member_filter(council_id, statuses))
        self._update_count()

    def _apply_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def clear_filters(self) -> None:
        self.search_edit.clear()
        self.status_combo.setCurrentIndex(0)
        self.council_combo.setCurrentIndex(0)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )
        self._update_actions()

    def current_row(self) -> MemberRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row: MemberRow = self.proxy.row_at(rows[0].row())
        return row

    def select(self, person_id: int, appointment_id: int | None) -> bool:
        """Select this person's line (that appointment's, else any of theirs) if it is shown."""
        source_row = self.model.find(person_id, appointment_id)
        if source_row is None:
            source_row = self.model.find_person(person_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def _update_actions(self) -> None:
        row = self.current_row()
        ref = AppointmentRef.from_member(row) if row is not None else None
        enabled = {
            self.details_button: row is not None,
            self.appoint_button: row is not None,
            self.reappoint_button: ref is not None and ref.can_reappoint,
            self.end_button: ref is not None and ref.can_end,
            self.delete_button: row is not None,
        }
        for button, on in enabled.items():
            button.setEnabled(on)
            self._menu_actions[button].setEnabled(on)
        self.print_button.setEnabled(row is not None and row.appointment_id is not None)
