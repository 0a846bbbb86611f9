"""設定: the settings that change results (kept in the database) and the database location."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kobankyo_desktop.core.dates import DateStyle, YearBasis
from kobankyo_desktop.core.settings import Settings, save_settings
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import FormDialog


class SettingsDialog(FormDialog):
    """``open_other`` is called (after the dialog closes) when the user asks to open another
    database file."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        open_other: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(context, self.tr("Settings"), parent)
        current = context.settings
        self.date_style = QComboBox()
        self.date_style.addItem(self.tr("Japanese era (令和7年4月1日)"), DateStyle.WAREKI)
        self.date_style.addItem(self.tr("Western calendar (2025年4月1日)"), DateStyle.SEIREKI)
        self.date_style.setCurrentIndex(self.date_style.findData(current.date_style))
        self.year_basis = QComboBox()
        self.year_basis.addItem(self.tr("Fiscal year (April to March)"), YearBasis.FISCAL)
        self.year_basis.addItem(self.tr("Calendar year (January to December)"), YearBasis.CALENDAR)
        self.year_basis.setCurrentIndex(self.year_basis.findData(current.year_basis))
        self.term_lead_days = QSpinBox()
        self.term_lead_days.setRange(1, 730)
        self.term_lead_days.setSuffix(self.tr(" days"))
        self.term_lead_days.setValue(current.term_lead_days)
        self.opinion_days = QSpinBox()
        self.opinion_days.setRange(1, 730)
        self.opinion_days.setSuffix(self.tr(" days"))
        self.opinion_days.setValue(current.opinion_response_days)
        self.station_name = QLineEdit(current.station_name)
        self.issuer_heading = QLineEdit(current.issuer_heading)
        self.issuer_heading.setPlaceholderText(self.tr("e.g. Chief of XX Police Station"))
        db_path = QLabel(str(context.db.path))
        db_path.setWordWrap(True)
        db_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout(self.body)
        form.addRow(self.tr("Date display"), self.date_style)
        form.addRow(self.tr('"This year" means'), self.year_basis)
        form.addRow(self.tr("Warn of term end"), self.term_lead_days)
        form.addRow(self.tr("Opinion response deadline"), self.opinion_days)
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Issuer on printouts"), self.issuer_heading)
        form.addRow(self.tr("Database file"), db_path)
        if open_other is not None:
            other = QPushButton(self.tr("Open another database…"))
            other.clicked.connect(lambda: self._open_other(open_other))
            form.addRow("", other)
        self.watch(
            self.date_style,
            self.year_basis,
            self.term_lead_days,
            self.opinion_days,
            self.station_name,
            self.issuer_heading,
        )
        self.bind_field("term_lead_days", self.term_lead_days)
        self.bind_field("opinion_response_days", self.opinion_days)
        self.resize(560, self.sizeHint().height())

    def _open_other(self, open_other: Callable[[], None]) -> None:
        self.reject()
        if not self.isVisible():  # closed, not kept open to save edits
            open_other()

    def values(self) -> Settings:
        return Settings(
            year_basis=YearBasis(self.year_basis.currentData()),
            date_style=DateStyle(self.date_style.currentData()),
            term_lead_days=self.term_lead_days.value(),
            opinion_response_days=self.opinion_days.value(),
            station_name=self.station_name.text().strip(),
            issuer_heading=self.issuer_heading.text().strip(),
        )

    def save(self) -> Settings:
        settings = self.values()
        self.context.try_write("settings", save_settings, settings)
        return settings
