"""Unexpected errors: logged with the traceback, shown with the log's place, work goes on."""

from __future__ import annotations

import logging
import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core.errors import ConflictError
from kobankyo_desktop.ui.crash import LOG_FILE_NAME, CrashHandler, install_crash_handler

# The offscreen platform says so for every top-level dialog it shows; nothing to fix here.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def handler(tmp_path: Path, window: QWidget) -> Iterator[CrashHandler]:
    installed = install_crash_handler(lambda: window, tmp_path / "logs")
    yield installed
    if installed.box is not None:
        installed.box.close()
    installed.uninstall()


def _raise_inside(handler: CrashHandler, exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        handler.handle_exception(*sys.exc_info())  # type: ignore[arg-type]


def test_install_replaces_the_hooks_and_uninstall_restores_them(
    tmp_path: Path, window: QWidget
) -> None:
    before = (sys.excepthook, threading.excepthook)
    installed = install_crash_handler(lambda: window, tmp_path)
    assert sys.excepthook == installed.handle_exception
    assert threading.excepthook != before[1]
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    assert installed.handler not in logging.getLogger().handlers


def test_an_unexpected_error_is_logged_and_shown_with_the_log_path(
    qtbot: QtBot, handler: CrashHandler, window: QWidget
) -> None:
    with qtbot.waitSignal(handler.shown) as shown:
        _raise_inside(handler, ZeroDivisionError("集計で0除算"))
    box = shown.args[0]
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert box.parent() is window
    assert box.icon() == QMessageBox.Icon.Critical
    assert str(handler.log_file) in box.text()
    assert "ZeroDivisionError: 集計で0除算" in box.informativeText()
    assert "Traceback" in box.detailedText()

    log = handler.log_file.read_text(encoding="utf-8")
    assert "ZeroDivisionError: 集計で0除算" in log
    assert "Traceback (most recent call last)" in log
    assert handler.log_file.parent == handler.log_dir
    assert handler.log_file.name == LOG_FILE_NAME
    if os.name == "posix":
        assert stat.S_IMODE(handler.log_file.stat().st_mode) == 0o600


def test_an_exception_in_a_slot_does_not_stop_the_application(
    qtbot: QtBot, handler: CrashHandler, window: QWidget
) -> None:
    def broken_slot() -> None:
        raise RuntimeError("スロットの不具合")

    with qtbot.waitSignal(handler.shown):
        QTimer.singleShot(0, broken_slot)
    # The event loop goes on: the window still answers, and a later timer still fires.
    with qtbot.waitSignal(handler.shown, timeout=200, raising=False):
        pass
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True])
    assert window.isVisible()
    assert "スロットの不具合" in handler.log_file.read_text(encoding="utf-8")


def test_an_exception_in_a_worker_thread_is_shown_by_the_gui_thread(
    qtbot: QtBot, handler: CrashHandler
) -> None:
    def work() -> None:
        raise ValueError("バックグラウンド処理の不具合")

    with qtbot.waitSignal(handler.shown) as shown:
        thread = threading.Thread(target=work, name="worker")
        thread.start()
        thread.join()
    box = shown.args[0]
    assert box.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    log = handler.log_file.read_text(encoding="utf-8")
    assert "バックグラウンド処理の不具合" in log
    assert "[worker]" in log


def test_a_domain_error_shows_its_own_message(qtbot: QtBot, handler: CrashHandler) -> None:
    with qtbot.waitSignal(handler.shown) as shown:
        _raise_inside(handler, ConflictError("記録があるため削除できません。"))
    box = shown.args[0]
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "記録があるため削除できません。"


def test_a_repeating_error_shows_one_dialog_but_logs_every_time(
    qtbot: QtBot, handler: CrashHandler
) -> None:
    with qtbot.waitSignal(handler.shown):
        _raise_inside(handler, RuntimeError("一回目"))
    first = handler.box
    with qtbot.waitSignal(handler.shown, timeout=300, raising=False) as again:
        _raise_inside(handler, RuntimeError("二回目"))
    assert not again.signal_triggered
    assert handler.box is first
    log = handler.log_file.read_text(encoding="utf-8")
    assert "一回目" in log and "二回目" in log
    # Once the first dialog is closed, the next error is shown again.
    assert first is not None
    first.close()
    qtbot.waitUntil(lambda: handler.box is None)
    with qtbot.waitSignal(handler.shown):
        _raise_inside(handler, RuntimeError("三回目"))


def test_log_files_rotate(tmp_path: Path, window: QWidget) -> None:
    handler = CrashHandler(lambda: window, tmp_path, max_bytes=2_000, backups=2).install()
    try:
        for n in range(100):
            logging.getLogger("kobankyo_desktop.test").warning("記録 %03d %s", n, "x" * 40)
    finally:
        handler.uninstall()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    assert all(p.stat().st_size <= 2_000 for p in tmp_path.iterdir())
    assert "記録 099" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    if os.name == "posix":
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in tmp_path.iterdir())
