"""The main window as an officer meets it: tabs, menus, shortcuts, state kept between runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core import rules
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.services.people import PersonInput, create_person
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.main_window import MainWindow

TODAY = dt.date(2025, 11, 20)


@pytest.fixture
def settings_store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_db(db: Database) -> Database:
    with db.transaction() as s:
        fill_demo(s, TODAY)
    return db


def make_window(qtbot: QtBot, db: Database, settings_store: QSettings) -> MainWindow:
    window = MainWindow(AppContext(db, today=lambda: TODAY), settings_store)
    qtbot.addWidget(window)
    return window


def test_four_tabs_menus_and_the_database_in_the_status_bar(
    qtbot: QtBot, demo_db: Database, settings_store: QSettings
) -> None:
    window = make_window(qtbot, demo_db, settings_store)
    assert window.tabs.count() == 4
    assert [
        m.title() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)
    ]
    assert str(demo_db.path) in window.db_label.text()
    # No tab is empty on the demo database (each loads when it is first shown).
    for page in window.pages():
        window.tabs.setCurrentWidget(page)
        views = [v for v in vars(page).values() if hasattr(v, "model") and hasattr(v, "selectRow")]
        assert any(v.model().rowCount() for v in views), type(page).__name__
    # The reminders count is on the tab and summarised in the status bar.
    with demo_db.reader() as s:
        count = len(rules.evaluate(s, TODAY))
    assert f"({count})" in window.tabs.tabText(3)
    assert window.statusBar().currentMessage()


def test_geometry_and_last_tab_are_remembered(
    qtbot: QtBot, demo_db: Database, settings_store: QSettings
) -> None:
    window = make_window(qtbot, demo_db, settings_store)
    window.show()
    qtbot.waitExposed(window)
    # The offscreen screen is 800×600: stay inside it, or the restore is clamped to it.
    window.resize(790, 580)
    qtbot.waitUntil(lambda: window.width() == 790)
    window.tabs.setCurrentIndex(2)
    window.close()
    again = make_window(qtbot, demo_db, settings_store)
    again.show()
    qtbot.waitExposed(again)
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (790, 580)


def test_shortcuts(qtbot: QtBot, demo_db: Database, settings_store: QSettings) -> None:
    window = make_window(qtbot, demo_db, settings_store)
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.delete_action.shortcut().toString() == "Del"
    assert window.edit_action.shortcut().toString() == "Return"
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.tabs.setCurrentWidget(window.members_tab)
    window.find_action.trigger()
    assert window.members_tab.filter_box().hasFocus()


def test_a_reminder_leads_to_designating_the_manager(
    qtbot: QtBot, demo_db: Database, settings_store: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_db, settings_store)
    opened: list[int | None] = []
    monkeypatch.setattr(window.councils_tab, "designate_manager", opened.append)
    window.reminders_tab.designate_manager_requested.emit(42)
    assert opened == [42]
    assert window.tabs.currentWidget() is window.councils_tab


def test_file_menu_offers_exchange_and_backups(
    qtbot: QtBot, demo_db: Database, settings_store: QSettings
) -> None:
    window = make_window(qtbot, demo_db, settings_store)
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    for action in (
        window.export_action,
        window.import_action,
        window.backup_action,
        window.restore_action,
        window.settings_action,
        window.quit_action,
    ):
        assert action.text() in texts
    assert window.history_action in window.view_menu.actions()
    window.export_action.trigger()
    dialogs = [w for w in window.findChildren(QDialog) if w.isVisible()]
    assert dialogs, "the export dialog opens without blocking"
    for dialog in dialogs:
        dialog.reject()


def test_tabs_load_when_shown_and_reload_after_a_change(
    qtbot: QtBot, demo_db: Database, settings_store: QSettings
) -> None:
    window = make_window(qtbot, demo_db, settings_store)
    assert window.tabs.currentWidget() is window.councils_tab
    assert window.members_tab.model.rowCount() == 0, "not loaded before it is shown"
    window.tabs.setCurrentWidget(window.members_tab)
    loaded = window.members_tab.model.rowCount()
    assert loaded > 0
    window.tabs.setCurrentWidget(window.councils_tab)
    window.context.write(
        window, "person", create_person, PersonInput(name="新規 一郎", reading="しんき いちろう")
    )
    window.tabs.setCurrentWidget(window.members_tab)
    assert window.members_tab.model.rowCount() == loaded + 1


def test_one_history_window_kept_current(
    qtbot: QtBot, demo_db: Database, settings_store: QSettings
) -> None:
    window = make_window(qtbot, demo_db, settings_store)
    window.history_action.trigger()
    history = window._history
    assert history is not None and history.isVisible()
    before = history.model.rowCount()
    window.context.write(
        window, "person", create_person, PersonInput(name="履歴 確認", reading="りれき かくにん")
    )
    assert history.model.rowCount() > before
    window.history_action.trigger()
    assert window._history is history
    history.close()
