"""The meeting editor (会議, §6): particulars, agenda, attendance, minutes, opinions and requests,
saved together in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.services import opinions
from kobankyo_desktop.core.services.appointments import serving_appointments
from kobankyo_desktop.core.services.councils import CouncilRow, council_detail, list_councils
from kobankyo_desktop.core.services.meetings import (
    OPINION_FIELD,
    MeetingDetail,
    MeetingInput,
    meeting_detail,
    save_meeting_with_opinions,
)
from kobankyo_desktop.core.services.opinions import OpinionRow
from kobankyo_desktop.core.vocab import AttendeeKind, MeetingKind, MeetingStatus
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.attendance_section import AttendanceSection
from kobankyo_desktop.ui.dialogs.base import FormDialog
from kobankyo_desktop.ui.dialogs.meeting_sections import AgendaSection, MinutesSection, hint
from kobankyo_desktop.ui.dialogs.opinion_dialog import EnumCombo, opinion_input
from kobankyo_desktop.ui.dialogs.opinions_section import OpinionsSection
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.models.agenda_model import AgendaDraft
from kobankyo_desktop.ui.models.attendance_model import AttendeeChoice, OtherAttendee
from kobankyo_desktop.ui.models.meetings_model import OpinionDraft
from kobankyo_desktop.ui.printing import DocumentPrinter, meeting_print_menu
from kobankyo_desktop.ui.widgets import DateField, TimeField


@dataclass(frozen=True, slots=True)
class EditorData:
    """What the editor needs when it opens, read in one session."""

    councils: list[CouncilRow]
    detail: MeetingDetail | None
    opinions: list[OpinionRow]


@dataclass(frozen=True, slots=True)
class AttendanceOptions:
    """Who can be ticked as present: the council's members serving on the meeting date (by
    reading) and its operating staff, the officers of its posts then (§3(6))."""

    members: list[AttendeeChoice]
    staff: list[AttendeeChoice]


def load_editor_data(session: Session, meeting_id: int | None, as_of: dt.date) -> EditorData:
    councils = list_councils(session, as_of)
    if meeting_id is None:
        return EditorData(councils, None, [])
    detail = meeting_detail(session, meeting_id)
    return EditorData(councils, detail, opinions.list_opinions(session, meeting_id=meeting_id))


def load_attendance_options(session: Session, council_id: int, day: dt.date) -> AttendanceOptions:
    members = [
        AttendeeChoice(appointment.person_id, name, appointment.role, reading)
        for appointment, name, reading in serving_appointments(session, council_id, day)
    ]
    staff = [
        AttendeeChoice(
            officer.id,
            officer.name,
            officer.position or officer.rank,
            " ".join(part for part in (officer.post_name, officer.rank) if part),
        )
        for officer in council_detail(session, council_id, day).staff
    ]
    return AttendanceOptions(members, staff)


class MeetingEditor(FormDialog):
    """Plan or record one meeting.

    ``meeting_id`` None plans a new one, of ``council_id`` (else the first council) with
    ``kind`` and ``status``. :attr:`result_value` is the saved :class:`MeetingDetail`.
    """

    BASIC, AGENDA, ATTENDANCE, MINUTES, OPINIONS = range(5)

    def _printable_meeting_id(self) -> int | None:
        """The meeting to print; documents show what is saved, so unsaved edits come first."""
        if self.dirty:
            QMessageBox.information(
                self,
                self.tr("Save first"),
                self.tr("Save the meeting first: printouts show what is saved."),
            )
            return None
        return self.meeting_id

    def __init__(
        self,
        context: AppContext,
        meeting_id: int | None = None,
        *,
        council_id: int | None = None,
        kind: MeetingKind = MeetingKind.REGULAR,
        status: MeetingStatus = MeetingStatus.PLANNED,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "", parent)
        self.meeting_id = meeting_id
        self._style = context.settings.date_style
        data = context.read(load_editor_data, meeting_id, context.today())
        detail = data.detail
        self._previous_date = detail.meeting.held_on if detail else None
        self._attendance_key: tuple[int, dt.date] | None = None

        self.council_combo = QComboBox()
        current_council = detail.meeting.council_id if detail else council_id
        for council in data.councils:
            if council.abolished and council.id != current_council:
                continue
            text = council.name
            if council.abolished:
                text = self.tr("%1 (abolished)").replace("%1", council.name)
            self.council_combo.addItem(text, council.id)
        self.kind_combo = EnumCombo(MeetingKind, kind)
        self.status_combo = EnumCombo(MeetingStatus, status)
        self.date_field = DateField(self._style)
        self.start_field = TimeField(self.tr("Start"))
        self.end_field = TimeField(self.tr("End"))
        self.start_field.edit.setTime(QTime(14, 0))
        self.end_field.edit.setTime(QTime(15, 0))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("e.g. the community centre, meeting room 1"))
        self.reason_label = QLabel(self.tr("Reason:"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(80)
        self.kind_hint = hint("")

        self.agenda = AgendaSection()
        self.attendance = AttendanceSection()
        self.minutes = MinutesSection()
        self.opinions = OpinionsSection(context, self.opinion_context)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._basic_page(), self.tr("Basic"))
        self.tabs.addTab(self.agenda, self.tr("Agenda"))
        self.tabs.addTab(self.attendance, self.tr("Attendance"))
        self.tabs.addTab(self.minutes, self.tr("Minutes"))
        self.tabs.addTab(self.opinions, self.tr("Opinions and requests"))
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setDefault(True)
        if meeting_id is not None:
            self.printer = DocumentPrinter(self)
            print_button = QPushButton(self.tr("Print"))
            print_button.setMenu(
                meeting_print_menu(self, self.printer, context, self._printable_meeting_id)
            )
            self.buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)

        for field, widget in (
            ("council_id", self.council_combo),
            ("kind", self.kind_combo),
            ("status", self.status_combo),
            ("held_on", self.date_field),
            ("start_time", self.start_field),
            ("end_time", self.end_field),
            ("reason", self.reason_edit),
            ("agenda", self.agenda.view),
            ("attendees", self.attendance.others_view),
            ("opinions", self.opinions.view),
        ):
            self.bind_field(field, widget)

        self._load(current_council, detail, data.opinions)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._sync_kind())
        self.council_combo.currentIndexChanged.connect(lambda _i: self._reload_attendance())
        self.date_field.changed.connect(lambda: self._reload_attendance())
        for section in (self.agenda, self.attendance, self.opinions):
            section.changed.connect(self.mark_dirty)
            section.changed.connect(self._update_tab_titles)
        self.watch(
            self.council_combo,
            self.kind_combo,
            self.status_combo,
            self.date_field,
            self.start_field,
            self.end_field,
            self.place_edit,
            self.reason_edit,
            self.minutes.edit,
            # Text typed for a new agenda item or attendee counts as an edit too.
            self.agenda.title_edit,
            self.attendance.name_edit,
        )
        self._sync_kind()
        self._update_tab_titles()
        self._update_title()
        self.mark_clean()
        self.resize(880, 700)

    def _basic_page(self) -> QWidget:
        page = QWidget()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo, 1)
        kind_row.addWidget(QLabel(self.tr("Status:")))
        kind_row.addWidget(self.status_combo, 1)
        time_row = QHBoxLayout()
        time_row.addWidget(self.start_field, 1)
        time_row.addWidget(self.end_field, 1)
        form = QFormLayout()
        form.addRow(self.tr("Council:"), self.council_combo)
        form.addRow(self.tr("Kind:"), kind_row)
        form.addRow(self.tr("Date:"), self.date_field)
        form.addRow(self.tr("Time:"), time_row)
        form.addRow(self.tr("Place:"), self.place_edit)
        form.addRow(self.reason_label, self.reason_edit)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.kind_hint)
        layout.addStretch(1)
        return page

    def _load(
        self,
        council_id: int | None,
        detail: MeetingDetail | None,
        opinion_rows: list[OpinionRow],
    ) -> None:
        index = self.council_combo.findData(council_id) if council_id is not None else -1
        if index >= 0:
            self.council_combo.setCurrentIndex(index)
        if detail is None:
            self.date_field.set_value(self.context.today())
            self._reload_attendance()
            return
        meeting = detail.meeting
        self.kind_combo.set_value(meeting.kind)
        self.status_combo.set_value(meeting.status)
        self.date_field.set_value(meeting.held_on)
        self.start_field.set_value(meeting.start_time)
        self.end_field.set_value(meeting.end_time)
        self.place_edit.setText(meeting.place)
        self.reason_edit.setPlainText(meeting.reason)
        self.minutes.edit.setPlainText(detail.minutes)
        self.agenda.set_items([AgendaDraft(a.title, a.notes, a.id) for a in detail.agenda])
        self.opinions.set_drafts([OpinionDraft.from_row(row) for row in opinion_rows])
        members: list[AttendeeChoice] = []
        staff: list[AttendeeChoice] = []
        others: list[OtherAttendee] = []
        for a in detail.attendees:
            if a.kind is AttendeeKind.MEMBER and a.person_id is not None:
                members.append(AttendeeChoice(a.person_id, a.name, a.role))
            elif a.kind is AttendeeKind.STAFF and a.officer_id is not None:
                staff.append(AttendeeChoice(a.officer_id, a.name, a.role))
            else:
                others.append(OtherAttendee(a.kind, a.name, a.body, a.role, a.head_count))
        self._reload_attendance(ticked_members=members, ticked_staff=staff)
        self.attendance.set_others(others)

    # Reacting to edits ------------------------------------------------------------------
    def council_id(self) -> int | None:
        value = self.council_combo.currentData()
        return int(value) if value is not None else None

    def _reload_attendance(
        self,
        *,
        ticked_members: list[AttendeeChoice] | None = None,
        ticked_staff: list[AttendeeChoice] | None = None,
    ) -> None:
        """List who could attend whenever the council or the date changes (and, loading a
        meeting, tick who was recorded as present)."""
        council_id, day = self.council_id(), self.date_field.value()
        key = (council_id, day) if council_id is not None and day is not None else None
        loading = ticked_members is not None or ticked_staff is not None
        if key == self._attendance_key and not loading:
            return
        previous, self._attendance_key = self._attendance_key, key
        if not loading and previous is not None and key is not None and previous[0] != key[0]:
            # Another council's members did not attend this council's meeting: a change of
            # council starts the ticks afresh (a change of date keeps them).
            ticked_members, ticked_staff = [], []
        options = (
            self.context.read(load_attendance_options, key[0], key[1])
            if key is not None
            else AttendanceOptions([], [])
        )
        self.attendance.set_choices(
            options.members,
            options.staff,
            date_text(day, self._style, weekday=True),
            ticked_members=ticked_members,
            ticked_staff=ticked_staff,
        )

    def opinion_context(self) -> tuple[int | None, list[tuple[int, str]], dt.date]:
        """For the opinion dialog: the council, its members to choose from, the date."""
        members = [(c.ref_id, c.name) for c in self.attendance.members_model.choices()]
        return self.council_id(), members, self.date_field.value() or self.context.today()

    def _sync_kind(self) -> None:
        extraordinary = self.kind_combo.value() is MeetingKind.EXTRAORDINARY
        self.reason_edit.setEnabled(extraordinary)
        self.reason_label.setText(
            self.tr("Reason (required):") if extraordinary else self.tr("Reason:")
        )
        self.reason_edit.setPlaceholderText(
            self.tr("Why it is called, e.g. a series of bicycle thefts has made residents anxious")
            if extraordinary
            else self.tr("Only for an extraordinary meeting")
        )
        self.kind_hint.setText(
            self.tr(
                "An extraordinary meeting is called when needed and does not count as the"
                " year's regular meeting; record why it is called (§6(3))."
            )
            if extraordinary
            else self.tr("A regular meeting is held at least once a year (§6(2)).")
        )

    def _update_tab_titles(self) -> None:
        counts = {
            self.AGENDA: (self.tr("Agenda"), self.agenda.model.rowCount()),
            self.ATTENDANCE: (self.tr("Attendance"), self.attendance.total()),
            self.OPINIONS: (self.tr("Opinions and requests"), self.opinions.model.rowCount()),
        }
        for index, (text, count) in counts.items():
            self.tabs.setTabText(index, f"{text} ({count})" if count else text)

    def _update_title(self) -> None:
        if self.meeting_id is None:
            self.setWindowTitle(self.tr("New meeting"))
            return
        day = date_text(self._previous_date, self._style, weekday=True)
        self.setWindowTitle(
            self.tr("Meeting of %1 on %2")
            .replace("%1", self.council_combo.currentText())
            .replace("%2", day)
        )

    def show_section(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    # Saving -----------------------------------------------------------------------------
    def show_error(self, exc: ValidationError) -> None:
        """Point at the field, bringing its section to the front."""
        widget = self._fields.get(exc.field)
        if widget is not None:
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).isAncestorOf(widget):
                    self.tabs.setCurrentIndex(index)
        super().show_error(exc)

    def meeting_input(self) -> MeetingInput:
        # An item or attendee typed but not yet added with Enter is saved, not dropped.
        if self.agenda.title_edit.text().strip():
            self.agenda.add_item()
        if self.attendance.name_edit.text().strip():
            self.attendance.add_other()
        council_id = self.council_id()
        if council_id is None:
            raise ValidationError("council_id", self.tr("Choose the council."))
        kind = self.kind_combo.value()
        return MeetingInput(
            council_id=council_id,
            kind=kind,
            held_on=self.date_field.value(),
            status=self.status_combo.value(),
            start_time=self.start_field.value(),
            end_time=self.end_field.value(),
            place=self.place_edit.text(),
            # The reason belongs to an extraordinary meeting only (§6(3)).
            reason=self.reason_edit.toPlainText() if kind is MeetingKind.EXTRAORDINARY else "",
            minutes=self.minutes.edit.toPlainText(),
            agenda=[a.to_input() for a in self.agenda.items()],
            attendees=self.attendance.attendees(),
        )

    def save(self) -> MeetingDetail:
        data = self.meeting_input()
        try:
            return self.context.try_write(
                "meeting",
                save_meeting_with_opinions,
                self.meeting_id,
                data,
                [
                    (draft.id, opinion_input(draft, data.council_id, None, draft.raised_on))
                    for draft in self.opinions.drafts()
                ],
                self.opinions.removed_ids(),
                self._previous_date,
            )
        except ValidationError as exc:
            if not exc.field.startswith(OPINION_FIELD):
                raise
            position = int(exc.field.removeprefix(OPINION_FIELD))
            self.opinions.select(position - 1)
            message = (
                self.tr("Opinion or request %1: %2")
                .replace("%1", str(position))
                .replace("%2", exc.message)
            )
            raise ValidationError("opinions", message) from exc
