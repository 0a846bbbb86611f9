"""The councils table (協議会タブ)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.services.councils import CouncilRow
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.table import Column, RowTableModel

ABOLISHED_BRUSH = QBrush(QColor("#7a7a7a"))


class CouncilTableModel(RowTableModel[CouncilRow]):
    NAME, KIND, POSTS, MANAGER, MEMBERS, LAST_REGULAR, STATUS = range(7)

    def __init__(self, date_style: DateStyle = DateStyle.WAREKI) -> None:
        self.date_style = date_style
        super().__init__()

    def build_columns(self) -> list[Column[CouncilRow]]:
        return [
            Column(self.tr("Council"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: label(r.kind)),
            Column(self.tr("Posts covered"), lambda r: "、".join(r.post_names)),
            Column(
                self.tr("Responsible manager"),
                lambda r: r.manager_name or self.tr("(not designated)"),
            ),
            Column(
                self.tr("Serving members"),
                lambda r: str(r.serving_members),
                sort_key=lambda r: r.serving_members,
                align_right=True,
            ),
            Column(
                self.tr("Last regular meeting"),
                lambda r: date_text(r.last_regular_meeting, self.date_style),
                sort_key=lambda r: r.last_regular_meeting,
            ),
            Column(self.tr("Status"), self._status),
        ]

    def _status(self, row: CouncilRow) -> str:
        if row.abolished_on is None:
            return self.tr("Active")
        return self.tr("Abolished %1").replace("%1", date_text(row.abolished_on, self.date_style))

    def row_brush(self, row: CouncilRow) -> QBrush | None:
        return ABOLISHED_BRUSH if row.abolished else None
