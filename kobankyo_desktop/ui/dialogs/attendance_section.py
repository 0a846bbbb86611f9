"""The meeting editor's 出席 (attendance) section (§6(4), §6(5), §8(2))."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.services.meetings import AttendeeInput
from kobankyo_desktop.core.vocab import AttendeeKind
from kobankyo_desktop.ui.dialogs.meeting_sections import (
    EntryLineEdit,
    button,
    notify_changes,
)
from kobankyo_desktop.ui.dialogs.opinion_dialog import EnumCombo
from kobankyo_desktop.ui.models.attendance_model import (
    AttendeeCheckModel,
    AttendeeChoice,
    OtherAttendee,
    OtherAttendeesModel,
)


def compact_rows(view: QTableView) -> None:
    """Rows one line of text high, so a council's ten or so members fit without scrolling."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)


class AttendanceSection(QWidget):
    """出席: tick the council's members serving on the meeting date and its operating staff;
    list residents, local bodies and police departments with their head count (§6(4)(5))."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members_model = AttendeeCheckModel(self.tr("Role"), self.tr("Reading"), self)
        self.staff_model = AttendeeCheckModel(self.tr("Position"), self.tr("Post"), self)
        self.others_model = OtherAttendeesModel(self)
        self.members_view = self._tick_table(self.members_model)
        self.staff_view = self._tick_table(self.staff_model)
        self.others_view = QTableView()
        self.others_view.setModel(self.others_model)
        self.others_view.verticalHeader().setVisible(False)
        header = self.others_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OtherAttendeesModel.BODY, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        compact_rows(self.others_view)
        self.others_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.others_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.members_label = QLabel()
        self.members_label.setWordWrap(True)
        self.tick_all_button = button(self.tr("Tick all"), lambda: self.members_model.set_all(True))
        self.clear_button = button(self.tr("Clear"), lambda: self.members_model.set_all(False))

        self.kind_combo = EnumCombo(
            AttendeeKind, values=[AttendeeKind.OUTSIDE, AttendeeKind.DEPARTMENT]
        )
        self.name_edit = EntryLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Name or department"))
        self.name_edit.submitted.connect(self.add_other)
        self.body_edit = EntryLineEdit()
        self.body_edit.setPlaceholderText(self.tr("Body (organisation)"))
        self.body_edit.submitted.connect(self.add_other)
        self.role_edit = EntryLineEdit()
        self.role_edit.setPlaceholderText(self.tr("Role"))
        self.role_edit.submitted.connect(self.add_other)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 999)
        self.count_spin.setSuffix(self.tr(" people"))
        self.add_other_button = button(self.tr("Add"), self.add_other)
        self.remove_other_button = button(self.tr("Remove"), self.remove_other)
        self.total_label = QLabel()

        members_box = QGroupBox(self.tr("Members"))
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.members_label)
        members_layout.addWidget(self.members_view, 1)
        tick_row = QHBoxLayout()
        tick_row.addWidget(self.tick_all_button)
        tick_row.addWidget(self.clear_button)
        tick_row.addStretch(1)
        members_layout.addLayout(tick_row)
        staff_box = QGroupBox(self.tr("Operating staff"))
        staff_layout = QVBoxLayout(staff_box)
        staff_layout.addWidget(self.staff_view, 1)
        top = QHBoxLayout()
        top.addWidget(members_box, 3)
        top.addWidget(staff_box, 2)

        others_box = QGroupBox(self.tr("Residents, local bodies and police departments"))
        entry = QGridLayout()
        entry.addWidget(self.kind_combo, 0, 0)
        entry.addWidget(self.name_edit, 0, 1)
        entry.addWidget(self.body_edit, 0, 2)
        entry.addWidget(self.role_edit, 0, 3)
        entry.addWidget(self.count_spin, 0, 4)
        entry.addWidget(self.add_other_button, 0, 5)
        entry.setColumnStretch(1, 2)
        entry.setColumnStretch(2, 3)
        entry.setColumnStretch(3, 1)
        others_layout = QVBoxLayout(others_box)
        others_layout.addLayout(entry)
        others_layout.addWidget(self.others_view, 1)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.remove_other_button)
        bottom_row.addStretch(1)
        others_layout.addLayout(bottom_row)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(others_box, 2)
        layout.addWidget(self.total_label)

        for model in (self.members_model, self.staff_model, self.others_model):
            notify_changes(model, self.changed.emit)
            notify_changes(model, self._update_total)
        self._update_total()

    @staticmethod
    def _tick_table(model: AttendeeCheckModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        compact_rows(view)
        return view

    # Loading ----------------------------------------------------------------------------
    def set_choices(
        self,
        members: list[AttendeeChoice],
        staff: list[AttendeeChoice],
        day_text: str,
        *,
        ticked_members: list[AttendeeChoice] | None = None,
        ticked_staff: list[AttendeeChoice] | None = None,
    ) -> None:
        """Show who can attend on the meeting date. Ticks survive a change of date or council;
        anyone ticked who is not in the new list stays, greyed, so no attendance is dropped
        silently. ``ticked_*`` (when loading a meeting) replace the current ticks."""
        self.members_label.setText(self.tr("Members serving on %1:").replace("%1", day_text))
        for model, choices, ticked in (
            (self.members_model, members, ticked_members),
            (self.staff_model, staff, ticked_staff),
        ):
            if ticked is None:
                ticked = model.checked()
            listed = {c.ref_id for c in choices}
            extra = [
                AttendeeChoice(
                    t.ref_id, t.name, t.role, self.tr("Not serving on the meeting date"), False
                )
                for t in ticked
                if t.ref_id not in listed
            ]
            model.set_choices(choices + extra, {t.ref_id for t in ticked})
        for view in (self.members_view, self.staff_view):
            view.resizeColumnsToContents()

    def set_others(self, others: list[OtherAttendee]) -> None:
        self.others_model.set_attendees(others)

    # Editing ----------------------------------------------------------------------------
    def add_other(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setFocus()
            return
        row = self.others_model.append(
            OtherAttendee(
                self.kind_combo.value(),
                name,
                self.body_edit.text().strip(),
                self.role_edit.text().strip(),
                self.count_spin.value(),
            )
        )
        self.others_view.selectRow(row)
        for edit in (self.name_edit, self.body_edit, self.role_edit):
            edit.clear()
        self.count_spin.setValue(1)
        self.name_edit.setFocus()

    def remove_other(self) -> None:
        index = self.others_view.currentIndex()
        if index.isValid():
            self.others_model.removeRows(index.row(), 1)

    def total(self) -> int:
        return (
            len(self.members_model.checked())
            + len(self.staff_model.checked())
            + self.others_model.head_count()
        )

    def _update_total(self, *_args: object) -> None:
        self.total_label.setText(self.tr("Attendance: %1").replace("%1", str(self.total())))

    def attendees(self) -> list[AttendeeInput]:
        """Everyone present, for the meeting service."""
        result = [
            AttendeeInput(AttendeeKind.MEMBER, person_id=c.ref_id, role=c.role)
            for c in self.members_model.checked()
        ]
        result += [
            AttendeeInput(AttendeeKind.STAFF, officer_id=c.ref_id, role=c.role)
            for c in self.staff_model.checked()
        ]
        result += [
            AttendeeInput(o.kind, name=o.name, body=o.body, role=o.role, head_count=o.head_count)
            for o in self.others_model.attendees()
        ]
        return result
