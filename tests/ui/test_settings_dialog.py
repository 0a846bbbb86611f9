"""The settings dialog stores the settings that change results in the database."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core.dates import DateStyle, YearBasis
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.settings import load_settings
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.settings_dialog import SettingsDialog


def test_saving_stores_the_settings_and_announces_the_change(qtbot: QtBot, db: Database) -> None:
    context = AppContext(db, today=lambda: dt.date(2025, 6, 1))
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.date_style.setCurrentIndex(dialog.date_style.findData(DateStyle.SEIREKI))
    dialog.year_basis.setCurrentIndex(dialog.year_basis.findData(YearBasis.CALENDAR))
    dialog.term_lead_days.setValue(60)
    dialog.station_name.setText("さくら警察署")
    with qtbot.waitSignal(context.changed) as changed:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert changed.args == ["settings"]
    with db.reader() as s:
        stored = load_settings(s)
    assert (stored.date_style, stored.year_basis, stored.term_lead_days, stored.station_name) == (
        DateStyle.SEIREKI,
        YearBasis.CALENDAR,
        60,
        "さくら警察署",
    )
    assert context.settings == stored  # the cached copy was refreshed


def test_open_another_database_closes_first(qtbot: QtBot, db: Database) -> None:
    opened: list[bool] = []
    dialog = SettingsDialog(AppContext(db), open_other=lambda: opened.append(True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._open_other(lambda: opened.append(True))
    assert opened == [True]
    assert not dialog.isVisible()
