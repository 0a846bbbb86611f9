"""Running an export or import off the GUI thread, with progress and cancel.

The worker opens its own :class:`Database` on the same file inside its thread: an SQLite
connection must not be used from a thread other than the one that made it. Results, errors
and progress come back to the dialog by queued signals; cancelling sets a flag that the
exchange functions' ``progress`` callback reads, so an import's transaction rolls back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressBar, QWidget

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import DomainError, file_error_message
from kobankyo_desktop.exchange.progress import Cancelled, Progress

logger = logging.getLogger(__name__)

Job = Callable[[Database, Progress], object]
"""The work: given the worker's own database and a progress callback, return a result."""


class ExchangeWorker(QObject):
    """Runs one :data:`Job` in its thread; emits exactly one of succeeded, failed, cancelled,
    then ``finished``."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, bool)  # message, is it a bug (see the log) rather than a user error
    cancelled = Signal()
    finished = Signal()

    def __init__(self, db_path: Path, job: Job) -> None:
        super().__init__()
        self._db_path = db_path
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report (callable from any thread)."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        db: Database | None = None
        try:
            db = Database.open(self._db_path)
            result = self._job(db, self._progress)
        except Cancelled:
            self.cancelled.emit()
        except DomainError as exc:
            self.failed.emit(exc.message, False)
        except OSError as exc:  # the file open in Excel, a full or removed USB stick
            self.failed.emit(file_error_message(exc), False)
        except Exception as exc:
            logger.exception("エクスポート・インポート中の予期しないエラー")
            self.failed.emit(f"{type(exc).__name__}: {exc}", True)
        else:
            self.succeeded.emit(result)
        finally:
            if db is not None:
                db.close()
            self.finished.emit()


class BackgroundRun(QObject):
    """A worker on its own :class:`QThread`, torn down when it ends."""

    def __init__(self, worker: ExchangeWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread()
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        worker.finished.connect(self.thread.quit)

    def start(self) -> None:
        self.thread.start()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def join(self) -> None:
        """After the worker's ``finished``: end the thread's event loop, wait, let go.

        ``quit`` is called here rather than only through the queued connection, whose turn
        in the GUI thread may come after the caller's slot."""
        self.thread.quit()
        self.thread.wait()
        self.deleteLater()

    def stop_and_wait(self) -> None:
        """Cancel and block until the thread has ended (closing the dialog mid-run)."""
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait()


class BackgroundJobDialog(QDialog):
    """A dialog that runs one :data:`Job` at a time off the GUI thread, with a progress bar,
    a status line and cancel. Subclasses build their form around ``progress_bar`` and
    ``status_label`` and implement the ``on_*`` reactions and :meth:`update_state`."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.run: BackgroundRun | None = None
        self.message_box: QMessageBox | None = None
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

    def start_job(self, job: Job, status: str) -> None:
        worker = ExchangeWorker(self.db_path, job)
        worker.progressed.connect(self._on_progress)
        worker.succeeded.connect(self.on_succeeded)
        worker.failed.connect(self.on_failed)
        worker.cancelled.connect(self.on_cancelled)
        worker.finished.connect(self._on_finished)
        self.run = BackgroundRun(worker, self)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.status_label.setText(status)
        self.update_state()
        self.run.start()

    def cancel_job(self) -> None:
        if self.run is not None:
            self.run.worker.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self.run is not None

    def update_state(self) -> None:
        """Enable and disable the form's widgets for ``is_running()``."""

    def on_succeeded(self, result: object) -> None:
        raise NotImplementedError

    def on_failed(self, message: str, is_bug: bool) -> None:
        raise NotImplementedError

    def on_cancelled(self) -> None:
        raise NotImplementedError

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_finished(self) -> None:
        run, self.run = self.run, None
        if run is not None:
            run.join()
        self.progress_bar.setVisible(False)
        self.update_state()

    def show_message(self, icon: QMessageBox.Icon, text: str) -> None:
        """A message box that does not block (the worker's signals keep arriving)."""
        box = QMessageBox(icon, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    def done(self, result: int) -> None:
        """Closing while work runs cancels it (an import rolls back) and waits for the thread:
        no thread outlives the dialog."""
        if self.run is not None:
            self.run.stop_and_wait()
        super().done(result)
