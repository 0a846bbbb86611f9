"""What every tab and dialog is given: the database, its settings, the clock, a change hub.

Anki's pattern: every mutating action goes through :meth:`AppContext.write`, which runs the
service in one transaction, shows a :class:`DomainError` to the user in Japanese, and announces
the change so every view refreshes. No widget opens a session of its own for writing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import DomainError, ValidationError
from kobankyo_desktop.core.settings import Settings, load_settings

P = ParamSpec("P")
T = TypeVar("T")


class AppContext(QObject):
    """The open database and what goes with it. ``changed`` carries the entity kind written
    ("council", "person", "meeting", "settings" …) so views can refresh what they show."""

    changed = Signal(str)

    def __init__(
        self,
        db: Database,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            with self.db.reader() as session:
                self._settings = load_settings(session)
        return self._settings

    def forget_settings(self) -> None:
        """Read the settings again on next use (after a restore, an import or a save)."""
        self._settings = None

    def read(
        self, func: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run a read-only service function and return its plain data."""
        with self.db.reader() as session:
            return func(session, *args, **kwargs)

    def write(
        self,
        parent: QWidget | None,
        entity: str,
        func: Callable[Concatenate[Session, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T | None:
        """Run a service write in one transaction. On a :class:`DomainError` nothing is saved,
        the Japanese message is shown, and None is returned; on success ``changed`` fires."""
        try:
            with self.db.transaction() as session:
                result = func(session, *args, **kwargs)
        except DomainError as exc:
            show_domain_error(parent, exc)
            return None
        if entity == "settings":
            self.forget_settings()
        self.changed.emit(entity)
        return result

    def try_write(
        self,
        entity: str,
        func: Callable[Concatenate[Session, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Like :meth:`write` but raises the :class:`DomainError` for a form to show next to
        its field."""
        with self.db.transaction() as session:
            result = func(session, *args, **kwargs)
        if entity == "settings":
            self.forget_settings()
        self.changed.emit(entity)
        return result


def show_domain_error(parent: QWidget | None, exc: DomainError) -> None:
    title = (
        QCoreApplication.translate("AppContext", "Please check your input")
        if isinstance(exc, ValidationError)
        else QCoreApplication.translate("AppContext", "Cannot do this")
    )
    QMessageBox.warning(parent, title, exc.message)
