"""委嘱, 再任 and 解嘱: appointing a person to a council, reappointing them for a new term, and
ending a term early (§3(4), §3(5))."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kobankyo_desktop.core.dates import default_term_end
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.services.appointments import (
    DEFAULT_ROLE,
    TERM_YEARS,
    AppointmentInput,
    AppointmentRow,
    appoint,
    end_appointment,
    reappoint,
)
from kobankyo_desktop.core.services.councils import list_councils
from kobankyo_desktop.core.services.people import MemberRow
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import FormDialog
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.widgets import DateField

# Roles and reasons are stored and printed as written (会長 appears in the meeting record), so
# the suggestions are the Japanese terms themselves, not UI strings; any other text is allowed.
ROLE_CHOICES = ("会長", "副会長", DEFAULT_ROLE, "会計", "監事")
END_REASONS = ("任期満了", "本人の申出による辞退", "転居", "健康上の理由", "死亡")
TERM_OVER_REASON = END_REASONS[0]


@dataclass(frozen=True, slots=True)
class AppointmentRef:
    """What the reappoint and end dialogs need to know of one appointment."""

    id: int
    person_name: str
    council_name: str
    role: str
    term_start: dt.date
    term_end: dt.date
    ended_on: dt.date | None
    has_successor: bool

    @classmethod
    def from_member(cls, row: MemberRow) -> AppointmentRef | None:
        """The appointment shown on a members-table line: the current term on its council."""
        if row.appointment_id is None or row.term_start is None or row.term_end is None:
            return None
        return cls(
            row.appointment_id,
            row.name,
            row.council_name,
            row.role,
            row.term_start,
            row.term_end,
            row.ended_on,
            row.reappointed,
        )

    @classmethod
    def from_history(cls, row: AppointmentRow, person_name: str) -> AppointmentRef:
        return cls(
            row.id,
            person_name,
            row.council_name,
            row.role,
            row.term_start,
            row.term_end,
            row.ended_on,
            row.has_successor,
        )

    @property
    def can_reappoint(self) -> bool:
        return self.ended_on is None and not self.has_successor

    @property
    def can_end(self) -> bool:
        return self.ended_on is None and not self.has_successor

    def next_term(self) -> tuple[dt.date, dt.date]:
        """The reappointment term: from the day after this one ends, for two years (§3(5))."""
        start = self.term_end + dt.timedelta(days=1)
        return start, default_term_end(start, TERM_YEARS)


def plain_label(text: str) -> QLabel:
    """A label for stored text (a name is never taken for HTML)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def role_combo(current: str = DEFAULT_ROLE) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(ROLE_CHOICES)
    combo.setCurrentText(current)
    return combo


class AppointDialog(FormDialog):
    """委嘱: one person to one council for one term; records who was consulted (§3(4)).

    The term end follows the start (start + 2 years − 1 day, §3(5)) until the user sets it.
    """

    def __init__(
        self,
        context: AppContext,
        person_id: int,
        person_name: str,
        council_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "", parent)
        self.setWindowTitle(self.tr("Appoint %1").replace("%1", person_name))
        self.person_id = person_id
        style = context.settings.date_style
        today = context.today()

        self.council_combo = QComboBox()
        for council in context.read(list_councils, today, include_abolished=False):
            self.council_combo.addItem(council.name, council.id)
        if council_id is not None and self.council_combo.findData(council_id) >= 0:
            self.council_combo.setCurrentIndex(self.council_combo.findData(council_id))
        self.role_combo = role_combo()
        self.term_start = DateField(style)
        self.term_end = DateField(style)
        self.consulted_with_edit = QLineEdit()
        self.consulted_with_edit.setPlaceholderText(self.tr("e.g. Community Safety Division"))
        self.consulted_on = DateField(style, optional=True, optional_text=self.tr("Recorded"))

        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Person"), plain_label(person_name))
        form.addRow(self.tr("Council"), self.council_combo)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("Term start"), self.term_start)
        form.addRow(self.tr("Term end"), self.term_end)
        form.addRow(self.tr("Consulted with"), self.consulted_with_edit)
        form.addRow(self.tr("Consulted on"), self.consulted_on)
        for field, widget in (
            ("council", self.council_combo),
            ("role", self.role_combo),
            ("term_start", self.term_start),
            ("term_end", self.term_end),
        ):
            self.bind_field(field, widget)

        self._end_follows_start = True
        self._setting_end = False
        self.term_start.changed.connect(self._start_changed)
        self.term_end.changed.connect(self._end_changed)
        self.term_start.set_value(today)
        self.consulted_on.set_value(None)
        self.watch(
            self.council_combo,
            self.role_combo,
            self.term_start,
            self.term_end,
            self.consulted_with_edit,
            self.consulted_on,
        )
        self.watch(self.role_combo.lineEdit())
        self.resize(560, self.sizeHint().height())

    def _start_changed(self) -> None:
        start = self.term_start.value()
        if self._end_follows_start and start is not None:
            self._setting_end = True
            try:
                self.term_end.set_value(default_term_end(start, TERM_YEARS))
            finally:
                self._setting_end = False

    def _end_changed(self) -> None:
        if not self._setting_end:
            self._end_follows_start = False

    def appointment_input(self) -> AppointmentInput:
        council_id = self.council_combo.currentData()
        if council_id is None:
            raise ValidationError(
                "council", self.tr("Choose the council to appoint to (register it first).")
            )
        return AppointmentInput(
            council_id=council_id,
            person_id=self.person_id,
            term_start=self.term_start.value(),
            term_end=self.term_end.value(),
            role=self.role_combo.currentText(),
            consulted_with=self.consulted_with_edit.text(),
            consulted_on=self.consulted_on.value(),
        )

    def save(self) -> AppointmentRow:
        return self.context.try_write("appointment", appoint, self.appointment_input())


class ReappointDialog(FormDialog):
    """再任 in one step: the new term runs from the day after the old one ends (§3(5)); the
    dialog shows it and asks to confirm, with the role and consultation open to change."""

    def __init__(
        self, context: AppContext, appointment: AppointmentRef, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "", parent)
        self.setWindowTitle(self.tr("Reappoint %1").replace("%1", appointment.person_name))
        self.appointment = appointment
        style = context.settings.date_style
        start, end = appointment.next_term()
        self.term_label = QLabel(
            self.tr("%1 to %2")
            .replace("%1", date_text(start, style, weekday=True))
            .replace("%2", date_text(end, style, weekday=True))
        )
        self.term_label.setObjectName("new_term")
        self.term_label.setStyleSheet("font-weight: bold;")
        current = self.tr("%1 to %2").replace("%1", date_text(appointment.term_start, style))
        current = current.replace("%2", date_text(appointment.term_end, style))
        self.role_combo = role_combo(appointment.role)
        self.consulted_with_edit = QLineEdit()
        self.consulted_on = DateField(style, optional=True, optional_text=self.tr("Recorded"))
        self.consulted_on.set_value(None)

        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Person"), plain_label(appointment.person_name))
        form.addRow(self.tr("Council"), plain_label(appointment.council_name))
        form.addRow(self.tr("Current term"), QLabel(current))
        form.addRow(self.tr("New term"), self.term_label)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("Consulted with"), self.consulted_with_edit)
        form.addRow(self.tr("Consulted on"), self.consulted_on)
        self.bind_field("role", self.role_combo)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Reappoint"))
        self.watch(self.role_combo, self.consulted_with_edit, self.consulted_on)
        self.watch(self.role_combo.lineEdit())
        self.resize(520, self.sizeHint().height())

    def save(self) -> AppointmentRow:
        return self.context.try_write(
            "appointment",
            reappoint,
            self.appointment.id,
            role=self.role_combo.currentText(),
            consulted_with=self.consulted_with_edit.text(),
            consulted_on=self.consulted_on.value(),
        )


class EndAppointmentDialog(FormDialog):
    """解嘱 / 退任: end a term on a date, for a reason that is required. The record stays."""

    def __init__(
        self, context: AppContext, appointment: AppointmentRef, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "", parent)
        self.setWindowTitle(self.tr("End appointment of %1").replace("%1", appointment.person_name))
        self.appointment = appointment
        style = context.settings.date_style
        term_over = context.today() > appointment.term_end
        self.ended_on = DateField(style)
        self.ended_on.set_value(
            min(max(context.today(), appointment.term_start), appointment.term_end)
        )
        self.reason_combo = QComboBox()
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_combo.addItems(END_REASONS)
        # A lapsed term is usually closed as 任期満了 on its last day.
        if term_over:
            self.reason_combo.setCurrentText(TERM_OVER_REASON)
        else:
            self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.lineEdit().setPlaceholderText(self.tr("Required"))
        term = self.tr("%1 to %2").replace("%1", date_text(appointment.term_start, style))
        term = term.replace("%2", date_text(appointment.term_end, style))

        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Person"), plain_label(appointment.person_name))
        form.addRow(self.tr("Council"), plain_label(appointment.council_name))
        form.addRow(self.tr("Term"), QLabel(term))
        form.addRow(self.tr("Ended on"), self.ended_on)
        form.addRow(self.tr("Reason"), self.reason_combo)
        self.bind_field("ended_on", self.ended_on)
        self.bind_field("end_reason", self.reason_combo)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("End appointment"))
        self.watch(self.ended_on, self.reason_combo, self.reason_combo.lineEdit())
        self.resize(480, self.sizeHint().height())

    def save(self) -> AppointmentRow:
        return self.context.try_write(
            "appointment",
            end_appointment,
            self.appointment.id,
            self.ended_on.value(),
            self.reason_combo.currentText(),
        )
