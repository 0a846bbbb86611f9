"""What the sub-commands share: opening the database and reporting domain errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from kobankyo_desktop.core.db import Database, default_db_path
from kobankyo_desktop.core.errors import DomainError

EXIT_USER_ERROR = 2


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def open_database(args: argparse.Namespace) -> Database:
    return Database.open(db_path(args))


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

    return wrapper
