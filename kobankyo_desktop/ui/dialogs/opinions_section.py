"""The meeting editor's 意見・要望 (opinions and requests) section (§7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.meeting_sections import button, hint, notify_changes
from kobankyo_desktop.ui.dialogs.opinion_dialog import OpinionDialog
from kobankyo_desktop.ui.models.meetings_model import OpinionDraft, OpinionDraftsModel
from kobankyo_desktop.ui.models.table import RowFilterProxy

OpinionContext = Callable[[], tuple[int | None, list[tuple[int, str]], dt.date]]


class OpinionsSection(QWidget):
    """意見・要望 raised at the meeting, with what was done about them (§7). Held as drafts
    and saved with the meeting; ``opinion_context`` gives the council, its members and the
    meeting date as the editor currently shows them."""

    changed = Signal()

    def __init__(
        self, context: AppContext, opinion_context: OpinionContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.opinion_context = opinion_context
        self.model = OpinionDraftsModel(context.settings.date_style, self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        # Not sortable: they are shown, and saved, in the order they were raised.
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.opinion_dialog: OpinionDialog | None = None
        self._removed_ids: list[int] = []
        self.add_button = button(self.tr("Add…"), self.add_opinion)
        self.edit_button = button(self.tr("Edit…"), self.edit_current)
        self.remove_button = button(self.tr("Remove"), self.remove_current)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setMinimumHeight(self.preview.fontMetrics().lineSpacing() * 4)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.preview)
        layout.addWidget(
            hint(
                self.tr(
                    "Opinions and requests are saved with the meeting. Open ones are shown in red"
                    " until the police response is recorded."
                )
            )
        )
        notify_changes(self.model, self.changed.emit)
        self.view.selectionModel().selectionChanged.connect(self._sync)
        self.model.modelReset.connect(self._sync)
        self._sync()

    def set_drafts(self, drafts: list[OpinionDraft]) -> None:
        self._removed_ids = []
        self.model.set_rows(drafts)
        self.view.resizeColumnsToContents()

    def drafts(self) -> list[OpinionDraft]:
        return self.model.rows()

    def removed_ids(self) -> list[int]:
        """Stored opinions the officer removed; deleted when the meeting is saved."""
        return list(self._removed_ids)

    def current_row(self) -> int:
        """The selected draft's row in the model, or -1."""
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else -1

    def select(self, row: int) -> None:
        self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def select_opinion(self, opinion_id: int) -> None:
        for row, draft in enumerate(self.model.rows()):
            if draft.id == opinion_id:
                self.select(row)

    # Actions ----------------------------------------------------------------------------
    def add_opinion(self) -> None:
        self._open_dialog(None, -1)

    def edit_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self._open_dialog(self.model.row_at(row), row)

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        drafts = self.model.rows()
        removed = drafts.pop(row)
        if removed.id is not None:
            self._removed_ids.append(removed.id)
        self.model.set_rows(drafts)
        if drafts:
            self.select(min(row, len(drafts) - 1))

    def _open_dialog(self, draft: OpinionDraft | None, row: int) -> None:
        council_id, members, meeting_date = self.opinion_context()
        if council_id is None:
            return
        dialog = OpinionDialog(
            self.context,
            council_id=council_id,
            members=members,
            draft=draft,
            meeting_date=meeting_date,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._dialog_saved(dialog.result_value, row))
        self.opinion_dialog = dialog
        dialog.open()  # window-modal without blocking; the result comes back by the signal

    def _dialog_saved(self, draft: OpinionDraft, row: int) -> None:
        drafts = self.model.rows()
        if row < 0:
            drafts.append(draft)
            row = len(drafts) - 1
        else:
            drafts[row] = draft
        self.model.set_rows(drafts)
        self.select(row)
        self.view.resizeColumnsToContents()

    def _sync(self, *_args: object) -> None:
        row = self.current_row()
        self.edit_button.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)
        if row < 0:
            self.preview.clear()
            return
        draft = self.model.row_at(row)
        response = draft.response or self.tr("(none recorded yet)")
        label = self.tr("Action taken / response:")
        self.preview.setText(f"{draft.content}\n{label} {response}")
