"""Start-up of the GUI: the application object, translations, fonts, the database, the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from kobankyo_desktop.core.backup import ensure_daily_backup
from kobankyo_desktop.core.db import Database, default_db_path
from kobankyo_desktop.core.errors import DatabaseError, DomainError, file_error_message
from kobankyo_desktop.resources import app_icon_path, resource_path
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.crash import install_crash_handler
from kobankyo_desktop.ui.main_window import MainWindow

ORGANISATION = "kobankyo"
APPLICATION = "kobankyo-desktop"
LANGUAGE_ENV = "KOBANKYO_LANG"  # "en" shows the English source texts


def install_translators(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Japanese by default (ours and Qt's own dialogs); English when asked for."""
    language = language or os.environ.get(LANGUAGE_ENV, "ja")
    if language == "en":
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    translators = []
    for directory, name in (
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"),
        (str(resource_path("translations")), f"kobankyo_{language}"),
    ):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    install_translators(app)
    app.setWindowIcon(QIcon(str(app_icon_path())))
    app.setApplicationDisplayName(app.translate("MainWindow", "Koban Liaison Councils"))
    return app


def open_database_interactively(path: Path, parent: QWidget | None = None) -> Database | None:
    """Open ``path``; when it cannot be used, say why in Japanese and offer another file."""
    while True:
        try:
            # As the one writer: a second window on the same file is refused with a message.
            return Database.open(path, writer=True)
        except (DatabaseError, OSError) as exc:
            # OSError: a folder that cannot be reached (an unmapped network drive …).
            message = exc.message if isinstance(exc, DatabaseError) else file_error_message(exc)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QApplication.translate("App", "Cannot open the database"),
                message,
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                parent,
            )
            box.button(QMessageBox.StandardButton.Open).setText(
                QApplication.translate("App", "Open another file…")
            )
            if box.exec() != QMessageBox.StandardButton.Open:
                return None
            chosen = choose_database_file(parent, path.parent)
            if chosen is None:
                return None
            path = chosen


def choose_database_file(parent: QWidget | None, directory: Path) -> Path | None:
    """Pick an existing database or name a new one."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QApplication.translate("App", "Open or create a database"),
        str(directory),
        QApplication.translate("App", "Database (*.db);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


class Controller:
    """Keeps the current window and swaps it when another database is opened."""

    def __init__(self, settings_store: QSettings) -> None:
        self.settings_store = settings_store
        self.window: MainWindow | None = None

    def show(self, db: Database) -> MainWindow:
        window = MainWindow(AppContext(db), self.settings_store)
        window.open_database_requested.connect(self.open_other)
        window.show()
        self.window = window
        return window

    def open_other(self) -> None:
        old = self.window
        assert old is not None and old.context.db.path is not None
        path = choose_database_file(old, old.context.db.path.parent)
        if path is None:
            return
        db = open_database_interactively(path, old)
        if db is None:
            return
        self.show(db)
        old.close()
        old.context.db.close()


def daily_backup(db: Database) -> None:
    """The first start of the day backs up and prunes (core/backup.py); a failure to do so is
    logged, not a reason to refuse to start."""
    if db.path is None:
        return
    try:
        ensure_daily_backup(db.path)
    except (OSError, DomainError):
        logging.getLogger(__name__).exception("毎日の自動バックアップに失敗しました")


def run(db_path: Path | None = None) -> int:
    """Start the GUI on ``db_path`` (the user data folder's database by default)."""
    app = create_application()
    controller = Controller(QSettings())
    crash_handler = install_crash_handler(lambda: controller.window)
    db = open_database_interactively(db_path or default_db_path())
    if db is None:
        return 1
    daily_backup(db)
    controller.show(db)
    try:
        return app.exec()
    finally:
        if controller.window is not None:
            controller.window.context.db.close()  # releases the writer's lock
        crash_handler.uninstall()
