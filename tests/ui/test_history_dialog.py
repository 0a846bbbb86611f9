"""The 操作履歴 dialog: every write listed, filterable by record type and text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core.audit import list_audit
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.services.people import PersonInput, create_person, update_person
from kobankyo_desktop.core.services.stations import PostRow
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.history_dialog import HistoryDialog
from kobankyo_desktop.ui.models.history_model import HistoryTableModel

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def context(db: Database, post: PostRow) -> AppContext:
    with db.transaction() as s:
        person = create_person(s, PersonInput(name="山田 太郎", reading="やまだ たろう"))
        create_person(s, PersonInput(name="佐藤 花子", reading="さとう はなこ"))
    with db.transaction() as s:
        update_person(
            s, person.id, PersonInput(name="山田 太郎", reading="やまだ たろう", phone="090-1")
        )
    return AppContext(db)


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext) -> HistoryDialog:
    widget = HistoryDialog(context)
    qtbot.addWidget(widget)
    return widget


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, db: Database) -> None:
    model = HistoryTableModel()
    qtmodeltester.check(model)
    with db.reader() as s:
        rows = list_audit(s)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows)


def test_lists_every_entry_newest_first(dialog: HistoryDialog, db: Database) -> None:
    with db.reader() as s:
        total = len(list_audit(s))
    assert dialog.proxy.rowCount() == total == 5  # station, post, two people, one change
    newest = dialog.proxy.row_at(0)
    assert (newest.entity, newest.label) == ("people", "山田 太郎")
    model = dialog.model
    when = dialog.proxy.index(0, HistoryTableModel.WHEN).data()
    assert when == f"{newest.local_time:%Y-%m-%d %H:%M:%S}"
    assert dialog.proxy.index(0, HistoryTableModel.ACTION).data() == "Changed"
    assert dialog.proxy.index(0, HistoryTableModel.ENTITY).data() == "Member"
    assert dialog.proxy.index(0, HistoryTableModel.CHANGES).data() == "電話番号: （空） → 090-1"
    assert model.headerData(HistoryTableModel.USER, Qt.Orientation.Horizontal) == "User"


def test_filter_by_record_type_and_text(dialog: HistoryDialog, qtbot: QtBot) -> None:
    dialog.set_entity("people")
    assert dialog.proxy.rowCount() == 3
    assert dialog.entity_combo.currentText() == "Member"
    qtbot.keyClicks(dialog.filter, "090")
    assert dialog.proxy.rowCount() == 1
    assert dialog.count_label.text().startswith("1 of 5")
    dialog.filter.clear()
    dialog.set_entity(None)
    assert dialog.proxy.rowCount() == 5


def test_text_filter_matches_japanese(dialog: HistoryDialog, type_text: TypeText) -> None:
    type_text(dialog.filter, "佐藤")
    assert [dialog.proxy.row_at(i).label for i in range(dialog.proxy.rowCount())] == ["佐藤 花子"]


def test_selecting_an_entry_shows_its_changes(dialog: HistoryDialog) -> None:
    dialog.table.setCurrentIndex(dialog.proxy.index(0, 0))
    text = dialog.details.toPlainText()
    assert "山田 太郎" in text
    assert "電話番号: （空） → 090-1" in text
    assert "UUID: " in text


def test_refresh_shows_new_writes_and_keeps_the_filter(
    dialog: HistoryDialog, context: AppContext
) -> None:
    dialog.set_entity("people")
    context.write(None, "person", create_person, PersonInput(name="鈴木 一郎"))
    dialog.refresh()
    assert dialog.entity_combo.currentData() == "people"
    assert dialog.proxy.rowCount() == 4
    assert dialog.proxy.row_at(0).label == "鈴木 一郎"
