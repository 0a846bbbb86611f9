"""Progress reporting and cancellation for long exports and imports."""

from __future__ import annotations

from collections.abc import Callable

from kobankyo_desktop.core.errors import DomainError

Progress = Callable[[int, int], bool]
"""``progress(done, total) -> bool``: called as work advances; returning False cancels."""


class Cancelled(DomainError):
    """The user cancelled: an import's transaction is rolled back, an export writes no file."""

    def __init__(self) -> None:
        super().__init__("処理を中止しました。データベースとファイルは変更されていません。")


class Ticker:
    """Counts work done against a known total and asks ``progress`` whether to go on.

    The callback is called at most every ``step`` units so that a GUI signal per record does
    not slow a bulk operation down; :meth:`finish` always reports the end.
    """

    def __init__(self, progress: Progress | None, total: int, step: int = 500) -> None:
        self._progress = progress
        self.total = max(total, 0)
        self.done = 0
        self._step = step
        self._reported = 0

    def start(self) -> None:
        self._report()

    def advance(self, amount: int = 1) -> None:
        """Add ``amount`` done; raise :class:`Cancelled` if the callback says stop."""
        self.done = min(self.done + amount, self.total)
        if self.done - self._reported >= self._step or self.done == self.total:
            self._report()

    def finish(self) -> None:
        self.done = self.total
        self._report()

    def _report(self) -> None:
        self._reported = self.done
        if self._progress is not None and self._progress(self.done, self.total) is False:
            raise Cancelled()
