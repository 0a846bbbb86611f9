"""Attendance (出席) of the meeting being edited (§6(4), §6(5), §8(2)).

Members and operating staff are ticked in a list of who could attend; residents, local bodies
and police departments are entered as rows with their body and head count.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from kobankyo_desktop.core.vocab import AttendeeKind
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.table import Index

UNLISTED_BRUSH = QBrush(QColor("#8a8a8a"))


@dataclass(frozen=True, slots=True)
class AttendeeChoice:
    """Someone who can be ticked as present: a member (``ref_id`` = person id) or an officer
    (``ref_id`` = officer id). ``listed`` is False for someone recorded as present who is not
    serving on the meeting date (the date was changed, or the term was corrected later)."""

    ref_id: int
    name: str
    role: str
    note: str = ""
    listed: bool = True


class _ListTableModel(QAbstractTableModel):
    """A flat table over ``self._items`` with headers ``self._headers``: the parts of Qt's
    model contract the two attendance tables share."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._items: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class AttendeeCheckModel(_ListTableModel):
    """A tick list: name (with the tick box), role, note; the list says what its role and
    note columns hold (a member's role and reading, an officer's position and post)."""

    NAME, ROLE, NOTE = range(3)

    def __init__(self, role_header: str, note_header: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Name"), role_header, note_header]
        self._items: list[AttendeeChoice] = []
        self._checked: set[int] = set()

    def set_choices(self, choices: list[AttendeeChoice], checked: set[int]) -> None:
        self.beginResetModel()
        self._items = list(choices)
        self._checked = {c.ref_id for c in choices if c.ref_id in checked}
        self.endResetModel()

    def choices(self) -> list[AttendeeChoice]:
        return list(self._items)

    def checked(self) -> list[AttendeeChoice]:
        """The ticked ones, in list order."""
        return [c for c in self._items if c.ref_id in self._checked]

    def checked_ids(self) -> set[int]:
        return set(self._checked)

    def set_checked(self, ref_id: int, checked: bool) -> None:
        for row, choice in enumerate(self._items):
            if choice.ref_id == ref_id:
                self.setData(
                    self.index(row, self.NAME),
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                    Qt.ItemDataRole.CheckStateRole,
                )

    def set_all(self, checked: bool) -> None:
        """Tick or clear everyone listed (not those outside the list)."""
        for choice in self._items:
            if choice.listed:
                self.set_checked(choice.ref_id, checked)

    # QAbstractTableModel -----------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        choice = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (choice.name, choice.role, choice.note)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == self.NAME:
            ticked = choice.ref_id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not choice.listed:
            return UNLISTED_BRUSH
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != self.NAME
        ):
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        ref_id = self._items[index.row()].ref_id
        if ticked == (ref_id in self._checked):
            return True
        if ticked:
            self._checked.add(ref_id)
        else:
            self._checked.discard(ref_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


@dataclass(frozen=True, slots=True)
class OtherAttendee:
    """A resident, a local body (地域の機関・団体, §6(4)) or a police department (§6(5), §8(2))
    taking part; a group counts ``head_count`` people."""

    kind: AttendeeKind
    name: str
    body: str = ""
    role: str = ""
    head_count: int = 1


class OtherAttendeesModel(_ListTableModel):
    """Residents, bodies and departments present; everything but the kind is edited in place."""

    KIND, NAME, BODY, ROLE, HEAD_COUNT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Kind"),
            self.tr("Name or department"),
            self.tr("Body"),
            self.tr("Role"),
            self.tr("People"),
        ]
        self._items: list[OtherAttendee] = []

    def set_attendees(self, rows: list[OtherAttendee]) -> None:
        self.beginResetModel()
        self._items = list(rows)
        self.endResetModel()

    def attendees(self) -> list[OtherAttendee]:
        return list(self._items)

    def append(self, attendee: OtherAttendee) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(attendee)
        self.endInsertRows()
        return row

    def head_count(self) -> int:
        return sum(row.head_count for row in self._items)

    # QAbstractTableModel -----------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == self.HEAD_COUNT:
            return row.head_count  # an int, so the view edits it with a spin box
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            values = (label(row.kind), row.name, row.body, row.role, str(row.head_count))
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HEAD_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._items[index.row()]
        column = index.column()
        if column == self.HEAD_COUNT:
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if count < 1:
                return False
            updated = dataclasses.replace(row, head_count=count)
        elif column == self.NAME:
            name = str(value).strip()
            if not name:
                return False
            updated = dataclasses.replace(row, name=name)
        elif column == self.BODY:
            updated = dataclasses.replace(row, body=str(value).strip())
        elif column == self.ROLE:
            updated = dataclasses.replace(row, role=str(value).strip())
        else:
            return False
        if updated != row:
            self._items[index.row()] = updated
            self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        if index.column() != self.KIND:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._items):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._items[row : row + count]
        self.endRemoveRows()
        return True
