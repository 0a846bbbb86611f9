"""The meeting editor's 次第 (agenda) and 議事概要 (minutes) sections, and the small widgets
every section of the editor shares. Each section holds its part of the meeting until the editor
saves, and says ``changed`` whenever the officer edits it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.ui.models.agenda_model import AgendaDraft, AgendaListModel

HINT_STYLE = "color: #5e5e5e;"
MEMBER_MARK = "【委員】"
POLICE_MARK = "【警察】"


def button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button that Enter never presses by accident: in a dialog, Enter means 保存."""
    widget = QPushButton(text)
    widget.setAutoDefault(False)
    widget.clicked.connect(slot)
    return widget


def hint(text: str) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setStyleSheet(HINT_STYLE)
    return widget


def notify_changes(model: object, slot: Callable[[], None]) -> None:
    """Call ``slot`` on every change a model announces."""
    for name in ("dataChanged", "rowsInserted", "rowsRemoved", "rowsMoved", "modelReset"):
        getattr(model, name).connect(lambda *_args: slot())


class EntryLineEdit(QLineEdit):
    """A line whose Enter adds what was typed (``submitted``) instead of saving the dialog."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class NumberedDelegate(QStyledItemDelegate):
    """Shows each item with its number (``1. 防犯情報``), as the printed 次第 does."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = f"{index.row() + 1}. {option.text}"  # type: ignore[attr-defined]


class AgendaSection(QWidget):
    """次第: the agenda items in order. Add by typing a title and Enter, rename in place,
    reorder by dragging or with the up/down buttons, and note details for each item."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgendaListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(NumberedDelegate(self.view))
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.title_edit = EntryLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title of a new agenda item, then Enter"))
        self.title_edit.submitted.connect(self.add_item)
        self.add_button = button(self.tr("Add"), self.add_item)
        self.remove_button = button(self.tr("Remove"), self.remove_current)
        self.up_button = button(self.tr("Move up"), self.move_up)
        self.down_button = button(self.tr("Move down"), self.move_down)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes on the selected item (optional)"))
        self.notes_edit.setMaximumHeight(90)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.textChanged.connect(self._notes_edited)

        entry = QHBoxLayout()
        entry.addWidget(self.title_edit, 1)
        entry.addWidget(self.add_button)
        side = QVBoxLayout()
        for widget in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(widget)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addLayout(middle, 1)
        layout.addWidget(self.notes_edit)
        layout.addWidget(
            hint(
                self.tr(
                    "Double-click an item to rename it; drag items or use the buttons to reorder."
                )
            )
        )

        self._loading_notes = False
        notify_changes(self.model, self.changed.emit)
        self.view.selectionModel().currentChanged.connect(self._sync)
        self.model.rowsMoved.connect(self._sync)
        self.model.rowsRemoved.connect(self._sync)
        self.model.modelReset.connect(self._sync)
        self._sync()

    def set_items(self, items: list[AgendaDraft]) -> None:
        self.model.set_items(items)

    def items(self) -> list[AgendaDraft]:
        return self.model.items()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def add_item(self) -> None:
        title = self.title_edit.text().strip()
        if title:
            self.select(self.model.append(title))
            self.title_edit.clear()
        self.title_edit.setFocus()

    def remove_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.removeRows(row, 1)
            if self.model.rowCount():
                self.select(min(row, self.model.rowCount() - 1))

    def move_up(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.select(self.model.move_up(row))

    def move_down(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.select(self.model.move_down(row))

    def _sync(self, *_args: object) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.notes_edit.setEnabled(row >= 0)
        self._loading_notes = True
        self.notes_edit.setPlainText(self.model.item_at(row).notes if row >= 0 else "")
        self._loading_notes = False

    def _notes_edited(self) -> None:
        row = self.current_row()
        if not self._loading_notes and row >= 0:
            self.model.set_notes(row, self.notes_edit.toPlainText())


class MinutesSection(QWidget):
    """議事概要: the proceedings, by custom alternating 【委員】 and 【警察】 statements."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(
            self.tr("%1Cars drive too fast on the school route.\n%2We will step up enforcement.")
            .replace("%1", MEMBER_MARK)
            .replace("%2", POLICE_MARK)
        )
        member = button(
            self.tr("Insert %1").replace("%1", MEMBER_MARK), lambda: self._mark(MEMBER_MARK)
        )
        police = button(
            self.tr("Insert %1").replace("%1", POLICE_MARK), lambda: self._mark(POLICE_MARK)
        )
        marks = QHBoxLayout()
        marks.addWidget(member)
        marks.addWidget(police)
        marks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Summarise the proceedings: start each statement on its own line with %1"
                    " (what a member said) or %2 (what the police answered)."
                )
                .replace("%1", MEMBER_MARK)
                .replace("%2", POLICE_MARK)
            )
        )
        layout.addLayout(marks)
        layout.addWidget(self.edit, 1)

    def _mark(self, mark: str) -> None:
        """Start a new statement line with ``mark`` at the cursor."""
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.EndOfLine)
        text = mark if cursor.atBlockStart() else "\n" + mark
        cursor.insertText(text)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()
