"""What the sub-commands share: opening the database and reporting domain errors."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

from kobankyo_desktop.core.db import Database, default_db_path
from kobankyo_desktop.core.errors import DatabaseError, DomainError, file_error_message

EXIT_USER_ERROR = 2


def iso_date(text: str) -> dt.date:
    """An argparse type for a YYYY-MM-DD date, refused with a Japanese message."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日付「{text}」が読めません。YYYY-MM-DD の形で指定してください。"
        ) from None


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def open_database(args: argparse.Namespace, *, writer: bool = False) -> Database:
    """The database; ``writer=True`` for a command that writes: it takes the writer's lock
    (refused while the GUI or another writing command has the database) until ``close()``.

    A command that only reads refuses a file that does not exist rather than creating an
    empty database: a mistyped ``--db`` in a scheduled task must not report "nothing to do".
    """
    path = db_path(args)
    if not writer and not path.exists():
        raise DatabaseError(
            f"データベースファイル {path} がありません。--db の指定を確認してください。"
        )
    return Database.open(path, writer=writer)


@contextmanager
def open_for_writing(args: argparse.Namespace) -> Iterator[Database]:
    """The database with the writer's lock held (one writer: the GUI or one command).

    Raises :class:`~kobankyo_desktop.core.lock.DatabaseLockedError` while another holds it.
    """
    db = open_database(args, writer=True)
    try:
        yield db
    finally:
        db.close()


def reports_domain_errors(
    func: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Print a :class:`DomainError` as its Japanese message and exit 2."""

    @wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except DomainError as exc:
            print(f"エラー: {exc.message}", file=sys.stderr)
            return EXIT_USER_ERROR
        except OSError as exc:  # a file in use, a full or removed USB stick, no permission
            print(f"エラー: {file_error_message(exc)}", file=sys.stderr)
            return EXIT_USER_ERROR

    return wrapper
