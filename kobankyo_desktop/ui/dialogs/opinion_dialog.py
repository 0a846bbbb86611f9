"""One opinion or request (意見・要望, §7): what was raised, by whom, and what the police did
about it (措置・対応状況) until it is closed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.services import opinions
from kobankyo_desktop.core.services.opinions import OpinionInput, OpinionRow
from kobankyo_desktop.core.vocab import Department, OpinionCategory, OpinionStatus
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import FormDialog
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.meetings_model import OpinionDraft
from kobankyo_desktop.ui.widgets import DateField


class EnumCombo(QComboBox):
    """A combo box of vocabulary values, labelled in the user's language.

    Qt hands item data back as a plain ``str``; :meth:`value` gives the enum member again.
    """

    def __init__(
        self,
        enum: type[StrEnum],
        current: StrEnum | None = None,
        values: Iterable[StrEnum] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._enum = enum
        for value in enum if values is None else values:
            self.addItem(label(value), value.value)
        if current is not None:
            self.set_value(current)

    def value(self) -> Any:
        return self._enum(self.currentData())

    def set_value(self, value: StrEnum) -> None:
        self.setCurrentIndex(self.findData(value.value))


class OpinionDialog(FormDialog):
    """Edit one opinion or request.

    Inside the meeting editor (``meeting_date`` given) it edits a draft raised on the meeting
    date: :meth:`save` checks the input with the service and returns the
    :class:`OpinionDraft`, which the meeting editor saves together with the meeting. Given no
    meeting date it edits an opinion on its own (one recorded outside a meeting), shows when it
    was raised, and saves it straight away.
    """

    def __init__(
        self,
        context: AppContext,
        *,
        council_id: int,
        members: list[tuple[int, str]],
        draft: OpinionDraft | None = None,
        meeting_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "", parent)
        self.setWindowTitle(
            self.tr("Edit opinion or request") if draft else self.tr("New opinion or request")
        )
        self.council_id = council_id
        self.meeting_date = meeting_date
        self.draft = draft
        style = context.settings.date_style

        self.category_combo = EnumCombo(OpinionCategory, OpinionCategory.REQUEST)
        self.department_combo = EnumCombo(Department, Department.COMMUNITY)
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(self.tr("A short title, e.g. the place concerned"))
        self.content_edit = QPlainTextEdit()
        self.content_edit.setTabChangesFocus(True)
        self.raised_by_combo = QComboBox()
        self.raised_by_combo.addItem(self.tr("Someone else (enter the name)"), None)
        for person_id, name in members:
            self.raised_by_combo.addItem(name, person_id)
        self.raised_by_edit = QLineEdit()
        self.raised_by_edit.setPlaceholderText(self.tr("Name, if not a member"))
        self.raised_on_field = DateField(style)
        self.response_edit = QPlainTextEdit()
        self.response_edit.setTabChangesFocus(True)
        self.responded_on_field = DateField(
            style, optional=True, optional_text=self.tr("Responded")
        )
        self.status_combo = EnumCombo(OpinionStatus, OpinionStatus.OPEN)

        raised_by = QHBoxLayout()
        raised_by.addWidget(self.raised_by_combo, 1)
        raised_by.addWidget(self.raised_by_edit, 1)
        form = QFormLayout()
        form.addRow(self.tr("Category:"), self.category_combo)
        form.addRow(self.tr("Answering department:"), self.department_combo)
        form.addRow(self.tr("Subject:"), self.subject_edit)
        form.addRow(self.tr("Content:"), self.content_edit)
        form.addRow(self.tr("Raised by:"), raised_by)
        if meeting_date is None:
            form.addRow(self.tr("Raised on:"), self.raised_on_field)
        else:
            self.raised_on_field.hide()
        form.addRow(self.tr("Action taken / response:"), self.response_edit)
        form.addRow(self.tr("Responded on:"), self.responded_on_field)
        form.addRow(self.tr("Response status:"), self.status_combo)
        hint = QLabel(
            self.tr(
                "Record what the police did about it; it can be closed once a response is"
                " recorded (§7)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5e5e5e;")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(hint)

        for field, widget in (
            ("category", self.category_combo),
            ("department", self.department_combo),
            ("content", self.content_edit),
            ("raised_on", self.raised_on_field),
            ("response", self.response_edit),
            ("responded_on", self.responded_on_field),
            ("status", self.status_combo),
            ("closed_on", self.status_combo),
        ):
            self.bind_field(field, widget)

        self.raised_by_combo.currentIndexChanged.connect(self._sync_raised_by)
        if draft is not None:
            self._load(draft)
        else:
            self.raised_on_field.set_value(meeting_date or context.today())
            self.responded_on_field.set_value(None)
        self._sync_raised_by()
        self.watch(
            self.category_combo,
            self.department_combo,
            self.subject_edit,
            self.content_edit,
            self.raised_by_combo,
            self.raised_by_edit,
            self.raised_on_field,
            self.response_edit,
            self.responded_on_field,
            self.status_combo,
        )
        self.resize(560, 560)

    def _load(self, draft: OpinionDraft) -> None:
        self.category_combo.set_value(draft.category)
        self.department_combo.set_value(draft.department)
        self.subject_edit.setText(draft.subject)
        self.content_edit.setPlainText(draft.content)
        if draft.raised_by_person_id is not None:
            index = self.raised_by_combo.findData(draft.raised_by_person_id)
            if index < 0:  # no longer serving: keep them selectable as they were recorded
                self.raised_by_combo.addItem(draft.raised_by, draft.raised_by_person_id)
                index = self.raised_by_combo.count() - 1
            self.raised_by_combo.setCurrentIndex(index)
        else:
            self.raised_by_edit.setText(draft.raised_by)
        self.raised_on_field.set_value(draft.raised_on or self.meeting_date or self.context.today())
        self.response_edit.setPlainText(draft.response)
        self.responded_on_field.set_value(draft.responded_on)
        self.status_combo.set_value(draft.status)

    def _sync_raised_by(self) -> None:
        self.raised_by_edit.setEnabled(self.raised_by_combo.currentData() is None)

    def _raised_on(self) -> dt.date | None:
        """Standalone: the date entered. In a meeting: None for a new opinion, which is raised
        on whatever the meeting date is when the meeting is saved."""
        if self.meeting_date is None:
            return self.raised_on_field.value()
        return self.draft.raised_on if self.draft is not None else None

    def current_draft(self) -> OpinionDraft:
        """The opinion as the form shows it."""
        person_id = self.raised_by_combo.currentData()
        return OpinionDraft(
            category=self.category_combo.value(),
            department=self.department_combo.value(),
            subject=self.subject_edit.text().strip(),
            content=self.content_edit.toPlainText().strip(),
            raised_by_person_id=person_id,
            raised_by=(
                self.raised_by_combo.currentText()
                if person_id is not None
                else self.raised_by_edit.text().strip()
            ),
            raised_on=self._raised_on(),
            response=self.response_edit.toPlainText().strip(),
            responded_on=self.responded_on_field.value(),
            status=self.status_combo.value(),
            closed_on=self.draft.closed_on if self.draft else None,
            id=self.draft.id if self.draft else None,
            changed=self.draft is not None,
        )

    def save(self) -> OpinionDraft | OpinionRow:
        draft = self.current_draft()
        data = opinion_input(draft, self.council_id, None, draft.raised_on or self.meeting_date)
        if self.meeting_date is not None:
            # Saved with the meeting; checked now so the officer fixes it while it is open.
            self.context.read(opinions.validate_opinion, data)
            return draft
        if draft.id is None:
            return self.context.try_write("opinion", opinions.create_opinion, data)
        return self.context.try_write("opinion", opinions.update_opinion, draft.id, data)


def opinion_input(
    draft: OpinionDraft, council_id: int, meeting_id: int | None, raised_on: dt.date | None
) -> OpinionInput:
    """The service input for a draft raised at ``meeting_id`` on ``raised_on``."""
    return OpinionInput(
        council_id=council_id,
        meeting_id=meeting_id,
        content=draft.content,
        raised_on=raised_on,
        category=draft.category,
        department=draft.department,
        subject=draft.subject,
        raised_by_person_id=draft.raised_by_person_id,
        raised_by="" if draft.raised_by_person_id is not None else draft.raised_by,
        response=draft.response,
        responded_on=draft.responded_on,
        status=draft.status,
        closed_on=draft.closed_on,
    )
