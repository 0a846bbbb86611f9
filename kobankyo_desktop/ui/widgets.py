"""Small input widgets used across the dialogs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QTimeEdit, QWidget

from kobankyo_desktop.core.dates import DateStyle, format_date


class DateField(QWidget):
    """A date entry with a calendar, the date echoed in 和暦 (or 西暦) beside it, and, when
    ``optional``, a tick box for "no date"."""

    changed = Signal()

    def __init__(
        self,
        style: DateStyle,
        *,
        optional: bool = False,
        optional_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._style = style
        self.edit = QDateEdit(calendarPopup=True)
        self.edit.setDisplayFormat("yyyy/MM/dd")
        self.edit.setDate(QDate.currentDate())
        self.echo = QLabel()
        self.echo.setMinimumWidth(170)
        self.enabled_box: QCheckBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if optional:
            self.enabled_box = QCheckBox(optional_text)
            self.enabled_box.toggled.connect(self._sync)
            layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit)
        layout.addWidget(self.echo, 1)
        self.edit.dateChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        has_date = self.enabled_box is None or self.enabled_box.isChecked()
        self.edit.setEnabled(has_date)
        day = self.value()
        self.echo.setText(format_date(day, self._style) if day is not None else "")
        self.changed.emit()

    def value(self) -> dt.date | None:
        if self.enabled_box is not None and not self.enabled_box.isChecked():
            return None
        return self.edit.date().toPython()  # type: ignore[no-any-return]

    def set_value(self, day: dt.date | None) -> None:
        if self.enabled_box is not None:
            self.enabled_box.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))
        self._sync()


class TimeField(QWidget):
    """An optional time of day (HH:mm)."""

    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled_box = QCheckBox(text)
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("HH:mm")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        self.enabled_box.toggled.connect(self._sync)
        self.edit.timeChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        self.edit.setEnabled(self.enabled_box.isChecked())
        self.changed.emit()

    def value(self) -> dt.time | None:
        return self.edit.time().toPython() if self.enabled_box.isChecked() else None  # type: ignore[no-any-return]

    def set_value(self, time: dt.time | None) -> None:
        self.enabled_box.setChecked(time is not None)
        if time is not None:
            self.edit.setTime(time)
        self._sync()
