"""Errors the user can act on, as opposed to bugs.

A :class:`DomainError` carries a Japanese message meant to be shown as it is; anything else
that escapes a service is a bug and is logged with its traceback.
"""

from __future__ import annotations


class DomainError(Exception):
    """An error the user can understand and act on; ``message`` is Japanese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input: ``field`` names the offending field so a form can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(DomainError):
    """A record asked for by id or UUID does not exist (any more)."""


class ConflictError(DomainError):
    """The change contradicts existing records (e.g. deleting a council that has meetings)."""


class DatabaseError(DomainError):
    """The database file cannot be used: not SQLite, damaged, newer schema, read-only, busy."""


def file_error_message(exc: OSError) -> str:
    """A Japanese message for a file that could not be read or written."""
    where = f"{exc.filename}: " if exc.filename else ""
    return (
        f"ファイルを読み書きできませんでした（{where}{exc.strerror or exc}）。"
        "ほかのプログラムで開いていないか、保存先に空きと書き込み権限があるか確認してください。"
    )
