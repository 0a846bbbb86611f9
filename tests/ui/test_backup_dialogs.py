"""ファイル → バックアップ… and バックアップから復元…: real files, message boxes answered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kobankyo_desktop.core.backup import backup_dir_for, list_backups, timestamped_backup
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Person
from kobankyo_desktop.core.services.people import PersonInput, create_person
from kobankyo_desktop.ui.dialogs.backup_dialogs import BackupActions, BackupListModel, RestoreDialog

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


class Boxes:
    """Records the message boxes instead of showing them; answers questions with ``answer``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _recorder(self, kind: str) -> Any:
        def record(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return record

    def _question(self, _parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        self.shown.append(("question", text))
        return self.answer


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def _people(db: Database) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(Person)) or 0


@pytest.fixture
def saved(db: Database) -> Path:
    """A database with two people and a backup of it; then a third person added."""
    with db.transaction() as s:
        create_person(s, PersonInput(name="山田 太郎"))
        create_person(s, PersonInput(name="佐藤 花子"))
    assert db.path is not None
    copy = timestamped_backup(db.path, "daily", dt.datetime(2025, 6, 1, 8, 30))
    with db.transaction() as s:
        create_person(s, PersonInput(name="鈴木 一郎"))
    return copy


def test_model_passes_the_model_tester(
    qtmodeltester: ModelTester, db: Database, saved: Path
) -> None:
    model = BackupListModel()
    assert db.path is not None
    model.set_rows(list_backups(db.path))
    qtmodeltester.check(model)


def test_lists_backups_with_date_kind_and_counts(qtbot: QtBot, db: Database, saved: Path) -> None:
    assert db.path is not None
    (backup_dir_for(db.path) / "broken.db").write_bytes(b"garbage")
    dialog = RestoreDialog(db.path)
    qtbot.addWidget(dialog)
    texts = {
        dialog.proxy.index(r, BackupListModel.FILE).data(): [
            dialog.proxy.index(r, c).data() for c in range(dialog.proxy.columnCount())
        ]
        for r in range(dialog.proxy.rowCount())
    }
    assert texts[saved.name][: BackupListModel.SIZE] == [
        "2025-06-01 08:30",
        "Automatic (daily)",
        "0",
        "2",
        "0",
    ]
    assert texts["broken.db"][BackupListModel.MEMBERS] == "unreadable"
    # The newest (the broken file, by its time) is selected, and cannot be restored.
    assert dialog.selected() is not None and dialog.selected().path.name == "broken.db"  # type: ignore[union-attr]
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow([*texts].index(saved.name))
    assert dialog.restore_button.isEnabled()


def test_restore_backs_up_first_then_replaces_the_records(
    qtbot: QtBot, db: Database, saved: Path, boxes: Boxes
) -> None:
    assert db.path is not None and _people(db) == 3
    dialog = RestoreDialog(db.path)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored) as done:
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
    source, before = done.args
    assert source == saved
    assert _people(db) == 2  # the open database sees the restored records
    assert before is not None and before.exists()
    assert [kind for kind, _text in boxes.shown] == ["question"]
    assert saved.name in boxes.shown[0][1]
    # The replaced state is now in the list, to undo the restore with.
    assert any(i.path == before for i in list_backups(db.path))


def test_answering_no_changes_nothing(
    qtbot: QtBot, db: Database, saved: Path, boxes: Boxes
) -> None:
    assert db.path is not None
    boxes.answer = QMessageBox.StandardButton.No
    dialog = RestoreDialog(db.path)
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(dialog.restored):
        assert not dialog.restore_selected()
    assert _people(db) == 3
    assert len(list_backups(db.path)) == 1


def test_restoring_a_foreign_file_is_refused_with_its_message(
    qtbot: QtBot,
    db: Database,
    saved: Path,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert db.path is not None
    foreign = tmp_path / "names.db"
    foreign.write_text("氏名,住所\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(foreign), "Databases (*.db)")
    )
    dialog = RestoreDialog(db.path)
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(dialog.restored):
        dialog.other_button.click()
    assert [kind for kind, _text in boxes.shown] == ["question", "warning"]
    assert "データベースではありません" in boxes.shown[1][1]
    assert _people(db) == 3


def test_backup_to_a_chosen_folder(
    qtbot: QtBot,
    db: Database,
    saved: Path,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    assert db.path is not None
    path = db.path
    actions = BackupActions(lambda: path, window)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb))
    with qtbot.waitSignal(actions.backed_up) as done:
        dest = actions.backup_to_folder()
    assert done.args == [dest]
    assert dest is not None and dest.parent == usb
    (info,) = list_backups(path, usb)
    assert info.counts is not None and info.counts["people"] == 3
    assert boxes.shown[0][0] == "information" and str(dest) in boxes.shown[0][1]


def test_backup_to_an_unusable_folder_says_so(
    qtbot: QtBot, db: Database, tmp_path: Path, boxes: Boxes
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    assert db.path is not None
    path = db.path
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    actions = BackupActions(lambda: path, window)
    assert actions.backup_to_folder(not_a_folder) is None
    assert boxes.shown[0][0] == "warning"
    assert str(not_a_folder) in boxes.shown[0][1]


def test_cancelling_the_folder_choice_does_nothing(
    qtbot: QtBot, db: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    assert db.path is not None
    path = db.path
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: "")
    assert BackupActions(lambda: path, window).backup_to_folder() is None
    assert boxes.shown == []


def test_open_restore_dialog_does_not_block_and_reports_back(
    qtbot: QtBot, db: Database, saved: Path, boxes: Boxes
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    assert db.path is not None
    path = db.path
    actions = BackupActions(lambda: path, window)
    dialog = actions.open_restore_dialog()
    assert dialog.isVisible()
    with qtbot.waitSignal(actions.restored):
        dialog.restore_selected()
    assert not dialog.isVisible()
