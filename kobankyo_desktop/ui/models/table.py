"""A table model over a list of plain row objects, and the proxy that sorts and filters it.

Every list in the application is one of these: columns are declared once (header, display,
sort key), rows are the frozen dataclasses the services return, and the proxy filters on a
search text built once per row, so typing in a filter box stays fast with tens of thousands of
rows. Sorting happens once in the source model with each column's Python sort key (names
sort by their reading); the proxy only filters, so no Python comparison runs per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from kobankyo_desktop.core.text import normalize_reading

T = TypeVar("T")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """One column: its translated header, how a row shows in it, and how it sorts."""

    header: str
    display: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    align_right: bool = False


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of type ``T`` shown through declared :class:`Column` s.

    Subclasses implement :meth:`build_columns` (with ``self.tr`` headers), optionally
    :meth:`search_text` (what the filter box matches) and :meth:`row_brush` (a colour hint).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._haystacks: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.columns: list[Column[T]] = self.build_columns()

    def build_columns(self) -> list[Column[T]]:
        raise NotImplementedError

    def search_text(self, row: T) -> str:
        """The text the filter box searches; by default every column's display text."""
        return " ".join(column.display(row) for column in self.columns)

    def row_brush(self, row: T) -> QBrush | None:
        return None

    # Data -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row; the current sort order is kept."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows = [self._rows[i] for i in self._sorted_order(*self._sort)]
        self._haystacks = [_fold(self.search_text(row)) for row in self._rows]
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def sort_key(self, row: int, column: int) -> Any:
        spec = self.columns[column]
        item = self._rows[row]
        return spec.sort_key(item) if spec.sort_key is not None else spec.display(item)

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Row numbers in sorted order; rows whose key is None come last either way."""
        keys = [self.sort_key(i, column) for i in range(len(self._rows))]
        present = [i for i, key in enumerate(keys) if key is not None]
        missing = [i for i, key in enumerate(keys) if key is None]
        try:
            present.sort(key=keys.__getitem__)
        except TypeError:  # a column mixing types: compare as text
            present.sort(key=lambda i: str(keys[i]))
        if order == Qt.SortOrder.DescendingOrder:
            present.reverse()
        return present + missing

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        new_order = self._sorted_order(column, order)
        new_row = {old: new for new, old in enumerate(new_order)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) for i in persistent]
        )
        self._rows = [self._rows[i] for i in new_order]
        self._haystacks = [self._haystacks[i] for i in new_order]
        self.layoutChanged.emit()

    # QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.display(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.row_brush(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


def _fold(text: str) -> str:
    """Case- and kana-insensitive form for matching: カタカナ matches ひらがな."""
    return normalize_reading(text).casefold()


class RowFilterProxy(QSortFilterProxyModel):
    """Filters on free text plus an optional predicate (e.g. "show abolished", a council or
    status filter). Sorting is handed to the source model, which sorts once in Python; the
    proxy keeps the source order, so filtering never runs a Python comparison."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needles: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def source(self) -> RowTableModel[Any]:
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        return model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.source().sort(column, order)

    def sortColumn(self) -> int:
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return self._sort_order

    def set_text(self, text: str) -> None:
        """Match rows containing every word of ``text`` (space-separated)."""
        self.beginFilterChange()
        self._needles = [_fold(word) for word in text.split()]
        self.endFilterChange()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange()

    def row_at(self, proxy_row: int) -> Any:
        source_row = self.mapToSource(self.index(proxy_row, 0)).row()
        return self.source().row_at(source_row)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        if self._needles:
            haystack = model.haystack(source_row)
            if not all(needle in haystack for needle in self._needles):
                return False
        return self._predicate is None or self._predicate(model.row_at(source_row))
