"""Tests for the export and import dialogs: driven like a user, the work on a worker thread."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.models import Meeting, Person
from kobankyo_desktop.core.settings import Settings
from kobankyo_desktop.exchange.progress import Progress, Ticker
from kobankyo_desktop.ui.dialogs import export_dialog as export_module
from kobankyo_desktop.ui.dialogs.export_dialog import ExportDialog, ExportFormat
from kobankyo_desktop.ui.dialogs.import_dialog import ImportDialog

# The offscreen platform's note about window size hints is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

TODAY = dt.date(2025, 11, 20)
WAIT_MS = 20_000


@pytest.fixture
def demo_path(db: Database) -> Path:
    with db.transaction() as s:
        fill_demo(s, TODAY)
    assert db.path is not None
    return db.path


@pytest.fixture
def dialog(qtbot: QtBot, demo_path: Path) -> ExportDialog:
    dlg = ExportDialog(demo_path, None, settings=Settings(), today=lambda: TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def choose(dlg: ExportDialog, fmt: ExportFormat, target: Path, qtbot: QtBot) -> None:
    dlg.format_combo.setCurrentIndex(dlg.format_combo.findData(fmt))
    qtbot.keyClicks(dlg.target_edit, str(target))


def run_export(dlg: ExportDialog, qtbot: QtBot) -> list[Path]:
    with qtbot.waitSignal(dlg.exported, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.is_running(), timeout=WAIT_MS)
    return list(blocker.args[0])


def test_the_dialog_offers_this_and_earlier_fiscal_years(dialog: ExportDialog) -> None:
    assert dialog.year_combo.itemText(0) == "令和7年度"
    assert dialog.year_combo.currentData() == 2025
    assert dialog.period().start == dt.date(2025, 4, 1)
    assert not dialog.cancel_button.isEnabled()


def test_exports_the_report_workbook(dialog: ExportDialog, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.xlsx"
    choose(dialog, ExportFormat.XLSX, target, qtbot)
    assert run_export(dialog, qtbot) == [target]
    assert load_workbook(target).sheetnames[0] == "実施状況"
    assert dialog.message_box is not None and dialog.message_box.isVisible()
    assert str(target) in dialog.message_box.text()
    assert dialog.export_button.isEnabled() and not dialog.progress_bar.isVisible()


def test_exports_csv_for_a_date_range(dialog: ExportDialog, qtbot: QtBot, tmp_path: Path) -> None:
    qtbot.mouseClick(dialog.range_radio, Qt.MouseButton.LeftButton)
    assert dialog.from_edit.isEnabled() and not dialog.year_combo.isEnabled()
    choose(dialog, ExportFormat.CSV, tmp_path / "csv", qtbot)
    files = run_export(dialog, qtbot)
    assert len(files) == 4
    assert files[0].name.startswith("令和7年4月1日～令和7年11月20日")
    assert files[0].read_bytes().startswith(b"\xef\xbb\xbf")


def test_exports_the_bundle_with_contacts_and_warns(
    dialog: ExportDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    choose(dialog, ExportFormat.BUNDLE, tmp_path / "bundle", qtbot)
    assert not dialog.year_combo.isEnabled()  # a bundle carries everything
    quiet = dialog.privacy_label.text()
    dialog.contacts_check.setChecked(True)
    assert dialog.privacy_label.text() != quiet and dialog.privacy_label.isVisible()
    assert "#b00020" in dialog.privacy_label.styleSheet()  # shown in red
    files = run_export(dialog, qtbot)
    assert files == [tmp_path / "bundle.json"]
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["contacts_included"] is True


def test_a_missing_target_is_explained(dialog: ExportDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_running()
    assert dialog.message_box is not None and dialog.message_box.isVisible()


def _endless_report(started: threading.Event) -> Any:
    def report(session: Any, period: Any, target: Path, *, progress: Progress, **_: Any) -> None:
        ticker = Ticker(progress, 1_000_000, step=1)
        started.set()
        while True:
            ticker.advance()  # raises Cancelled once the dialog says stop
            time.sleep(0.005)

    return report


def test_cancel_stops_the_export(
    dialog: ExportDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()
    monkeypatch.setattr(export_module, "write_report", _endless_report(started))
    choose(dialog, ExportFormat.XLSX, tmp_path / "r.xlsx", qtbot)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    assert dialog.is_running() and dialog.cancel_button.isEnabled()
    assert not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=WAIT_MS)
    assert "cancel" in dialog.status_label.text().lower() or "中止" in dialog.status_label.text()
    assert not (tmp_path / "r.xlsx").exists()


def test_closing_mid_export_waits_for_the_worker(
    dialog: ExportDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()
    monkeypatch.setattr(export_module, "write_report", _endless_report(started))
    choose(dialog, ExportFormat.XLSX, tmp_path / "r.xlsx", qtbot)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    dialog.reject()
    assert not dialog.isVisible()


@pytest.fixture
def bundle(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> Path:
    choose(dialog, ExportFormat.BUNDLE, tmp_path / "b.json", qtbot)
    return run_export(dialog, qtbot)[0]


def _count(path: Path, model: type[Any]) -> int:
    database = Database.open(path)
    try:
        with database.reader() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        database.close()


def test_imports_bundles(qtbot: QtBot, bundle: Path, tmp_path: Path, demo_path: Path) -> None:
    hq = tmp_path / "hq" / "hq.db"
    Database.open(hq).close()
    dlg = ImportDialog(hq)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.import_button.isEnabled()
    dlg.add_files([bundle, bundle])
    assert dlg.files() == [bundle]
    with qtbot.waitSignal(dlg.imported, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.is_running(), timeout=WAIT_MS)
    assert blocker.args[0].created["meetings"] == _count(demo_path, Meeting)
    assert _count(hq, Person) == _count(demo_path, Person)
    assert dlg.message_box is not None and "取り込みました" in dlg.message_box.text()


def test_a_refused_bundle_is_reported_in_japanese(
    qtbot: QtBot, bundle: Path, tmp_path: Path
) -> None:
    hq = tmp_path / "hq.db"
    Database.open(hq).close()
    broken = tmp_path / "broken.json"
    broken.write_bytes(bundle.read_bytes()[:1000])
    dlg = ImportDialog(hq)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.add_files([broken])
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.is_running(), timeout=WAIT_MS)
    assert dlg.message_box is not None
    assert "途中で切れて" in dlg.message_box.text() or "壊れています" in dlg.message_box.text()
    assert _count(hq, Person) == 0
