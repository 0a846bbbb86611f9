"""A person's detail view: particulars and contact details (shown only here), appointment
history (委嘱歴, §3(5)) and visit log (訪問連絡, §3(7)), with the actions on them at hand."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.services.appointments import AppointmentRow
from kobankyo_desktop.core.services.people import (
    PersonDetail,
    PersonRow,
    current_age_band,
    person_detail,
)
from kobankyo_desktop.core.services.visits import (
    VisitInput,
    VisitRow,
    record_visit,
    visiting_officers,
)
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.appointment_dialogs import (
    AppointDialog,
    AppointmentRef,
    EndAppointmentDialog,
    ReappointDialog,
)
from kobankyo_desktop.ui.dialogs.base import FormDialog, run_dialog
from kobankyo_desktop.ui.dialogs.person_dialog import PersonDialog
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.members_model import AppointmentHistoryModel, VisitLogModel
from kobankyo_desktop.ui.models.table import RowFilterProxy
from kobankyo_desktop.ui.tabs.base import configure_table
from kobankyo_desktop.ui.widgets import DateField


def run_form(dialog: FormDialog) -> Any:
    """Show a form modally and free it afterwards (its parent lives on); return what it saved."""
    try:
        return run_dialog(dialog)
    finally:
        dialog.deleteLater()


class VisitDialog(FormDialog):
    """Record one 訪問連絡 (§3(7)): the officer is picked from the 運営担当者 of the posts of the
    person's councils, or typed in when it was someone else."""

    def __init__(
        self,
        context: AppContext,
        person_id: int,
        person_name: str,
        councils: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "", parent)
        self.setWindowTitle(self.tr("Record a visit to %1").replace("%1", person_name))
        self.person_id = person_id
        today = context.today()
        self.visited_on = DateField(context.settings.date_style)
        self.visited_on.set_value(today)
        self.officer_combo = QComboBox()
        self.officer_combo.setEditable(True)
        self.officer_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for officer in context.read(visiting_officers, person_id, today):
            self.officer_combo.addItem(f"{officer.name}（{officer.post_name}）", officer.id)
        self.officer_combo.setCurrentIndex(-1)
        self.officer_combo.lineEdit().setPlaceholderText(self.tr("Choose or type a name"))
        self.council_combo = QComboBox()
        self.council_combo.addItem(self.tr("(not for a particular council)"), None)
        for council_id, name in councils:
            self.council_combo.addItem(name, council_id)
        if councils:
            self.council_combo.setCurrentIndex(len(councils))
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setPlaceholderText(self.tr("e.g. notice of the next meeting"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(80)

        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Date"), self.visited_on)
        form.addRow(self.tr("Officer"), self.officer_combo)
        form.addRow(self.tr("Council"), self.council_combo)
        form.addRow(self.tr("Purpose"), self.purpose_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        self.bind_field("visited_on", self.visited_on)
        self.bind_field("officer", self.officer_combo)
        self.bind_field("purpose", self.purpose_edit)
        self.watch(
            self.visited_on,
            self.officer_combo,
            self.officer_combo.lineEdit(),
            self.council_combo,
            self.purpose_edit,
            self.notes_edit,
        )
        self.resize(520, self.sizeHint().height())

    def officer_choice(self) -> tuple[int | None, str]:
        """(officer id, "") for an officer from the list, (None, name) for a typed name."""
        text = self.officer_combo.currentText().strip()
        index = self.officer_combo.findText(text)
        if index >= 0:
            return self.officer_combo.itemData(index), ""
        return None, text

    def save(self) -> VisitRow:
        officer_id, officer_name = self.officer_choice()
        return self.context.try_write(
            "visit",
            record_visit,
            VisitInput(
                person_id=self.person_id,
                visited_on=self.visited_on.value(),
                officer_id=officer_id,
                officer_name=officer_name,
                purpose=self.purpose_edit.text(),
                notes=self.notes_edit.toPlainText(),
                council_id=self.council_combo.currentData(),
            ),
        )


class PersonDetailDialog(QDialog):
    """The detail view opened from the members table (編集 / double-click)."""

    status_message = Signal(str)

    def __init__(self, context: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.detail: PersonDetail | None = None
        style = context.settings.date_style
        settings = context.settings

        self.values: dict[str, QLabel] = {}
        particulars = QGroupBox(self.tr("Particulars"))
        form = QFormLayout(particulars)
        for key, text in (
            ("name", self.tr("Name")),
            ("reading", self.tr("Reading (furigana)")),
            ("gender", self.tr("Gender")),
            ("birth_date", self.tr("Date of birth")),
            ("age_band", self.tr("Age band")),
            ("field", self.tr("Field")),
            ("occupation", self.tr("Occupation")),
            ("organisation", self.tr("Organisation")),
        ):
            form.addRow(text, self._value_label(key))
        contact = QGroupBox(self.tr("Contact details"))
        contact_form = QFormLayout(contact)
        for key, text in (
            ("postal_code", self.tr("Postal code")),
            ("address", self.tr("Address")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("Email")),
            ("notes", self.tr("Notes")),
        ):
            contact_form.addRow(text, self._value_label(key))
        top = QHBoxLayout()
        top.addWidget(particulars, 1)
        top.addWidget(contact, 1)

        self.history_model = AppointmentHistoryModel(
            style, context.today(), settings.term_lead_days, self
        )
        self.history_proxy = RowFilterProxy(self)
        self.history_proxy.setSourceModel(self.history_model)
        self.history_view = QTableView()
        configure_table(self.history_view, self.history_proxy)
        self.history_view.sortByColumn(
            AppointmentHistoryModel.TERM_START, Qt.SortOrder.AscendingOrder
        )
        self.history_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.visit_model = VisitLogModel(style, self)
        self.visit_proxy = RowFilterProxy(self)
        self.visit_proxy.setSourceModel(self.visit_model)
        self.visit_view = QTableView()
        configure_table(self.visit_view, self.visit_proxy)
        self.visit_view.sortByColumn(VisitLogModel.DATE, Qt.SortOrder.DescendingOrder)

        self.edit_button = self._button(self.tr("Edit particulars…"), self.edit_person)
        self.appoint_button = self._button(self.tr("Appoint…"), self.appoint)
        self.reappoint_button = self._button(self.tr("Reappoint…"), self.reappoint)
        self.end_button = self._button(self.tr("End appointment…"), self.end_appointment)
        self.visit_button = self._button(self.tr("Record a visit…"), self.record_visit)

        appointments_page = QWidget()
        appointments_layout = QVBoxLayout(appointments_page)
        appointments_actions = QHBoxLayout()
        for button in (self.appoint_button, self.reappoint_button, self.end_button):
            appointments_actions.addWidget(button)
        appointments_actions.addStretch(1)
        appointments_layout.addLayout(appointments_actions)
        appointments_layout.addWidget(self.history_view)
        visits_page = QWidget()
        visits_layout = QVBoxLayout(visits_page)
        visits_actions = QHBoxLayout()
        visits_actions.addWidget(self.visit_button)
        visits_actions.addStretch(1)
        visits_layout.addLayout(visits_actions)
        visits_layout.addWidget(self.visit_view)
        self.pages = QTabWidget()
        self.pages.addTab(appointments_page, self.tr("Appointment history"))
        self.pages.addTab(visits_page, self.tr("Visit log"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.reload()
        self.resize(980, 640)

    def _value_label(self, key: str) -> QLabel:
        value = QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        self.values[key] = value
        return value

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # Data ------------------------------------------------------------------------------------
    @property
    def person(self) -> PersonRow:
        assert self.detail is not None
        return self.detail.person

    def reload(self) -> None:
        selected = self.selected_appointment()
        self.detail = self.context.read(person_detail, self.person_id)
        person = self.detail.person
        style = self.context.settings.date_style
        self.setWindowTitle(self.tr("%1 — details").replace("%1", person.name))
        birth = ""
        if person.birth_date is not None:
            birth = date_text(person.birth_date, style)
        texts = {
            "name": person.name,
            "reading": person.reading,
            "gender": label(person.gender),
            "birth_date": birth,
            "age_band": self._age_band_text(person),
            "field": label(person.field),
            "occupation": person.occupation,
            "organisation": person.organisation,
            "postal_code": person.postal_code,
            "address": person.address,
            "phone": person.phone,
            "email": person.email,
            "notes": person.notes,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.history_model.set_rows(self.detail.appointments)
        self.visit_model.set_rows(self.detail.visits)
        self.pages.setTabText(
            1, self.tr("Visit log (%1)").replace("%1", str(len(self.detail.visits)))
        )
        if selected is not None:
            self._select_appointment(selected.id)
        self._update_buttons()
        self.history_view.resizeColumnsToContents()
        self.visit_view.resizeColumnsToContents()

    def _age_band_text(self, person: PersonRow) -> str:
        return label(current_age_band(person.birth_date, person.age_band, self.context.today()))

    def selected_appointment(self) -> AppointmentRow | None:
        rows = self.history_view.selectionModel().selectedRows()
        if not rows:
            return None
        row: AppointmentRow = self.history_proxy.row_at(rows[0].row())
        return row

    def _select_appointment(self, appointment_id: int) -> None:
        for proxy_row in range(self.history_proxy.rowCount()):
            if self.history_proxy.row_at(proxy_row).id == appointment_id:
                self.history_view.selectRow(proxy_row)
                return

    def target_appointment(self) -> AppointmentRef | None:
        """The selected appointment, or else the latest one still open to reappoint or end."""
        selected = self.selected_appointment()
        if selected is not None:
            return AppointmentRef.from_history(selected, self.person.name)
        assert self.detail is not None
        for row in reversed(self.detail.appointments):
            ref = AppointmentRef.from_history(row, self.person.name)
            if ref.can_reappoint:
                return ref
        return None

    def _update_buttons(self) -> None:
        target = self.target_appointment() if self.detail is not None else None
        self.reappoint_button.setEnabled(target is not None and target.can_reappoint)
        self.end_button.setEnabled(target is not None and target.can_end)

    def councils(self) -> list[tuple[int, str]]:
        """The person's councils, most recently appointed last."""
        assert self.detail is not None
        seen: dict[int, str] = {}
        for row in self.detail.appointments:
            seen.pop(row.council_id, None)
            seen[row.council_id] = row.council_name
        return list(seen.items())

    # Actions ---------------------------------------------------------------------------------
    def _after(self, result: object, message: str) -> None:
        if result is None:
            return
        self.reload()
        self.status_message.emit(message)

    def edit_person(self) -> None:
        saved = run_form(PersonDialog(self.context, self.person, self))
        self._after(saved, self.tr("Saved the particulars of %1.").replace("%1", self.person.name))

    def appoint(self) -> None:
        councils = self.councils()
        council_id = councils[-1][0] if councils else None
        appointment = run_form(
            AppointDialog(self.context, self.person_id, self.person.name, council_id, self)
        )
        if appointment is not None:
            self._after(appointment, self._appointed_message(appointment))
            self._select_appointment(appointment.id)

    def _appointed_message(self, appointment: AppointmentRow) -> str:
        return (
            self.tr("Appointed %1 to %2.")
            .replace("%1", self.person.name)
            .replace("%2", appointment.council_name)
        )

    def reappoint(self) -> None:
        target = self.target_appointment()
        if target is None or not target.can_reappoint:
            return
        appointment = run_form(ReappointDialog(self.context, target, self))
        if appointment is not None:
            message = self.tr("Reappointed %1 until %2.").replace("%1", self.person.name)
            style = self.context.settings.date_style
            self._after(appointment, message.replace("%2", date_text(appointment.term_end, style)))
            self._select_appointment(appointment.id)

    def end_appointment(self) -> None:
        target = self.target_appointment()
        if target is None or not target.can_end:
            return
        ended = run_form(EndAppointmentDialog(self.context, target, self))
        self._after(
            ended,
            self.tr("Ended the appointment of %1 to %2.")
            .replace("%1", self.person.name)
            .replace("%2", target.council_name),
        )

    def record_visit(self) -> None:
        visit = run_form(
            VisitDialog(self.context, self.person_id, self.person.name, self.councils(), self)
        )
        if visit is not None:
            self.pages.setCurrentIndex(1)
        self._after(visit, self.tr("Recorded a visit to %1.").replace("%1", self.person.name))
