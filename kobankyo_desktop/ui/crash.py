"""Unexpected errors: logged with their traceback to a rotating file, shown in a dialog that says
what happened and where the log is, and the application keeps running.

An exception that escapes a slot or an event handler does not stop Qt's event loop: the action
that raised is abandoned, and the data is whatever the last committed transaction left (every
write is one transaction). So carrying on is safe, and the officer keeps the window and
unsaved edits in other windows. Exceptions in worker threads are brought to the GUI thread by
a queued signal before any dialog is shown.

:func:`install_crash_handler` is called once at start-up, after the ``QApplication`` exists.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import platformdirs
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from kobankyo_desktop.core.errors import DomainError

LOG_FILE_NAME = "kobankyo.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5  # kobankyo.log.1 … .5: about the last few weeks of a station PC's use
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

logger = logging.getLogger("kobankyo_desktop.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir("kobankyo", appauthor=False))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are readable by their owner only: tracebacks can quote
    residents' names and addresses from the records being edited."""

    def _open(self) -> IO[str]:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


class CrashHandler(QObject):
    """Replaces ``sys.excepthook`` and ``threading.excepthook`` while installed.

    ``shown`` is emitted with each dialog, for tests and for a status bar.
    """

    _report = Signal(str, str, bool)  # summary, traceback, is a DomainError
    shown = Signal(QMessageBox)

    def __init__(
        self,
        parent_getter: Callable[[], QWidget | None],
        log_dir: Path | None = None,
        *,
        max_bytes: int = LOG_MAX_BYTES,
        backups: int = LOG_BACKUPS,
    ) -> None:
        super().__init__()
        self._parent_getter = parent_getter
        self.log_dir = Path(log_dir) if log_dir is not None else default_log_dir()
        self.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.log_file = self.log_dir / LOG_FILE_NAME
        self.handler = PrivateRotatingFileHandler(
            self.log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
        self.handler.setFormatter(logging.Formatter(LOG_FORMAT))
        self.box: QMessageBox | None = None
        self._previous: tuple[Any, Any] | None = None
        # Queued: a report from a worker thread is shown by the GUI thread.
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # Installing ------------------------------------------------------------------------------
    def install(self) -> CrashHandler:
        root = logging.getLogger()
        root.addHandler(self.handler)
        self._previous = (sys.excepthook, threading.excepthook, root.level)
        if root.level == logging.NOTSET or root.level > logging.INFO:
            root.setLevel(logging.INFO)
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread_exception
        logger.info("起動しました（ログ: %s）", self.log_file)
        return self

    def uninstall(self) -> None:
        root = logging.getLogger()
        if self._previous is not None:
            sys.excepthook, threading.excepthook, level = self._previous
            root.setLevel(level)
            self._previous = None
        root.removeHandler(self.handler)
        self.handler.close()

    # Hooks -----------------------------------------------------------------------------------
    def handle_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """``sys.excepthook``: log, then show a dialog (queued, in the GUI thread)."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if isinstance(exc, DomainError):
            # A user-actionable error that a view forgot to catch: its message says it all.
            logger.warning("処理されなかった利用者向けエラー: %s\n%s", exc.message, details)
            self._report.emit(exc.message, details, True)
            return
        logger.error("予期しないエラー\n%s", details)
        self.handler.flush()
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        self._report.emit(summary, details, False)

    def _handle_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    # Showing ---------------------------------------------------------------------------------
    def _show(self, summary: str, details: str, domain: bool) -> None:
        if self.box is not None and self.box.isVisible():
            return  # one dialog at a time: a repeating error must not bury the window
        parent = self._parent_getter()
        box = QMessageBox(parent)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        if domain:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Cannot do this"))
            box.setText(summary)
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(self.tr("Unexpected error"))
            box.setText(
                self.tr(
                    "An unexpected error occurred and the last action was not completed.\n\n"
                    "Everything saved before it is safe in the database, and you can keep "
                    "working. If it happens again, please send the log file to whoever "
                    "looks after this application:\n%1"
                ).replace("%1", str(self.log_file))
            )
            box.setInformativeText(summary)
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._forget_box)
        self.box = box
        box.open()  # not exec(): no nested event loop inside whatever raised
        self.shown.emit(box)

    def _forget_box(self) -> None:
        self.box = None


def install_crash_handler(
    parent_getter: Callable[[], QWidget | None], log_dir: Path | None = None
) -> CrashHandler:
    """Log to ``user_log_dir/kobankyo.log`` (rotating) and show unexpected errors in a dialog.

    ``parent_getter`` returns the window to show the dialog over (the main window, or None
    before it exists). Keep the returned handler alive; :meth:`CrashHandler.uninstall` undoes it.
    """
    return CrashHandler(parent_getter, log_dir).install()
