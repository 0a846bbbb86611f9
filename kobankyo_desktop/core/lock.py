"""One writer per database: a lock file beside it, held by the GUI and by writing commands.

The lock is the operating system's lock on ``<database>.lock`` (``flock`` on POSIX,
``LockFileEx`` through ``msvcrt.locking`` on Windows), held for as long as the program runs.
The operating system releases it when the process ends however it ends (a crash, a forced
shutdown, SIGKILL), so a lock file left behind is stale by construction: the next program
takes it over. No PID guessing is needed, and PID reuse after a reboot cannot keep a database
locked forever. The file's contents (PID, computer, user, since when) only serve the message
that tells the second program who holds the database.

Readers (``kobankyo history``, ``kobankyo check``, printing) need no lock: SQLite's WAL lets
them read while the writer writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from kobankyo_desktop.core.audit import os_user
from kobankyo_desktop.core.errors import DatabaseError

LOCK_SUFFIX = ".lock"
# Windows locks a byte range; one far past the contents leaves them readable to others.
_WINDOWS_LOCK_OFFSET = 1 << 30
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


class DatabaseLockedError(DatabaseError):
    """Another program is using the database; ``holder`` is what its lock file says."""

    def __init__(self, message: str, holder: dict[str, Any]) -> None:
        super().__init__(message)
        self.holder = holder


def lock_path_for(db_path: Path) -> Path:
    """``kobankyo.db`` → ``kobankyo.db.lock`` in the same folder."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _try_lock(handle: IO[bytes]) -> bool:
    """Take the OS lock on an open file without waiting; False if another holds it."""
    fd = handle.fileno()
    if os.name == "nt":
        import msvcrt

        # msvcrt.locking locks from the descriptor's current position.
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    fd = handle.fileno()
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(lock_path: Path) -> dict[str, Any]:
    """What a lock file says about its holder; empty if unreadable."""
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _locked_message(db_path: Path, holder: dict[str, Any]) -> str:
    who = []
    if holder.get("user"):
        who.append(f"利用者 {holder['user']}")
    if holder.get("host"):
        who.append(f"コンピューター {holder['host']}")
    if holder.get("since"):
        who.append(f"{holder['since']} から")
    detail = f"（{'、'.join(who)}）" if who else ""
    return (
        f"{db_path.name} は既に別のウィンドウまたはプログラムで使用中です{detail}。"
        "同時に変更するとデータが失われるおそれがあるため開けません。"
        "開いているウィンドウを使うか、それを閉じてからもう一度お試しください。"
    )


class DatabaseLock:
    """The writer's lock on one database file.

    ``acquire()`` raises :class:`DatabaseLockedError` (Japanese message) if another program
    holds it; a lock file left by a program that has ended is taken over. Use as a context
    manager, or call :meth:`release` when the program closes the database.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._handle: IO[bytes] | None = None
        self.took_over_stale = False  # True when a dead program's lock file was taken over

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> DatabaseLock:
        if self._handle is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            existed = self.path.exists()
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _O_BINARY, 0o600)
            except PermissionError as exc:
                raise DatabaseError(
                    f"{self.path.parent} に書き込めないため、データベースを開けません。"
                    "書き込みできる場所のファイルを開いてください。"
                ) from exc
            handle = os.fdopen(fd, "r+b", buffering=0)
            if not _try_lock(handle):
                handle.close()
                holder = read_holder(self.path)
                raise DatabaseLockedError(_locked_message(self.db_path, holder), holder)
            # The previous holder may have deleted the file between our open and our lock; a
            # lock on a file no longer at this path would lock nothing, so start again.
            if self._same_file(handle):
                break
            _unlock(handle)
            handle.close()
        self.took_over_stale = existed and bool(read_holder(self.path))
        self._write_holder(handle)
        self._handle = handle
        return self

    def _same_file(self, handle: IO[bytes]) -> bool:
        try:
            current = self.path.stat()
        except FileNotFoundError:
            return False
        opened = os.fstat(handle.fileno())
        return (current.st_dev, current.st_ino) == (opened.st_dev, opened.st_ino)

    @staticmethod
    def _holder_info() -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": os_user(),
            "since": dt.datetime.now().isoformat(timespec="seconds"),
        }

    def _write_holder(self, handle: IO[bytes]) -> None:
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(self._holder_info(), ensure_ascii=False).encode("utf-8"))

    def release(self) -> None:
        """Release the lock and remove the lock file (best effort: another may open it)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        # Emptied, then deleted, while still held: nobody takes over a file about to vanish,
        # and where it cannot be deleted (Windows, another program reading it) an empty file
        # tells the next program that it was released cleanly.
        handle.seek(0)
        handle.truncate()
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        try:
            _unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.release()
