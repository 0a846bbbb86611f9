"""The agenda (次第) of the meeting being edited: an ordered list of items, edited in place and
reordered by drag and drop or by the editor's up/down buttons."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kobankyo_desktop.core.services.meetings import AgendaItemInput
from kobankyo_desktop.ui.models.table import Index

AGENDA_MIME_TYPE = "application/x-kobankyo-agenda-rows"


@dataclass(frozen=True, slots=True)
class AgendaDraft:
    """One agenda item (議題); ``id`` keeps an existing item's identity when it is saved."""

    title: str
    notes: str = ""
    id: int | None = None

    def to_input(self) -> AgendaItemInput:
        return AgendaItemInput(self.title, self.notes, self.id)


class AgendaListModel(QAbstractListModel):
    """Agenda items in order, edited by title (the view numbers them).

    Moves go through :meth:`moveRows`, which ``QListView`` uses for an internal drag and drop
    and the up/down buttons use too; :meth:`dropMimeData` accepts the same move from any view.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaDraft] = []

    # Data -------------------------------------------------------------------------------
    def set_items(self, items: list[AgendaDraft]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[AgendaDraft]:
        return list(self._items)

    def item_at(self, row: int) -> AgendaDraft:
        return self._items[row]

    def append(self, title: str, notes: str = "") -> int:
        """Add an item at the end; returns its row."""
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(AgendaDraft(title.strip(), notes.strip()))
        self.endInsertRows()
        return row

    def set_notes(self, row: int, notes: str) -> None:
        if self._items[row].notes != notes:
            self._items[row] = dataclasses.replace(self._items[row], notes=notes)
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])

    def move_up(self, row: int) -> int:
        """Move the item one place up; returns where it is now."""
        if row > 0 and self.moveRows(QModelIndex(), row, 1, QModelIndex(), row - 1):
            return row - 1
        return row

    def move_down(self, row: int) -> int:
        if row < len(self._items) - 1 and self.moveRows(
            QModelIndex(), row, 1, QModelIndex(), row + 2
        ):
            return row + 1
        return row

    # QAbstractListModel -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.notes or item.title
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        title = str(value).strip()
        if not title:  # an item needs a title; removing it is the remove button's job
            return False
        row = index.row()
        if title != self._items[row].title:
            self._items[row] = dataclasses.replace(self._items[row], title=title)
            self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between items, never on one: an item cannot hold another.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._items):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._items[row : row + count]
        self.endRemoveRows()
        return True

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        size = len(self._items)
        if (
            sourceParent.isValid()
            or destinationParent.isValid()
            or count < 1
            or sourceRow < 0
            or sourceRow + count > size
            or not 0 <= destinationChild <= size
            or sourceRow <= destinationChild <= sourceRow + count  # would not move
        ):
            return False
        if not self.beginMoveRows(
            QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild
        ):
            return False
        moving = self._items[sourceRow : sourceRow + count]
        del self._items[sourceRow : sourceRow + count]
        at = destinationChild - count if destinationChild > sourceRow else destinationChild
        self._items[at:at] = moving
        self.endMoveRows()
        return True

    # Drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime = QMimeData()
        mime.setData(AGENDA_MIME_TYPE, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(AGENDA_MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged rows to ``row`` (the end when -1), keeping their order."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(AGENDA_MIME_TYPE).data()).decode()
        rows = [int(part) for part in raw.split(",") if part.isdigit()]
        if not rows or any(r >= len(self._items) for r in rows):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        # Persistent indexes follow each item as the earlier moves shift the rows.
        moving = [QPersistentModelIndex(self.index(r)) for r in rows]
        target = row
        for item in moving:
            current = item.row()
            if target not in (current, current + 1):
                self.moveRows(QModelIndex(), current, 1, QModelIndex(), target)
            target = item.row() + 1
        return True
