"""The database: where it lives, how it is opened, and schema upgrades on open.

Opening checks the file before anything writes to it (is it SQLite, can it be written, is it
intact, is its schema one this version knows) and brings an older schema up to date with Alembic
after a backup copy. A file that is refused is left exactly as it was. Alembic is imported only
when there is something to migrate: start-up time matters on station PCs.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from kobankyo_desktop.core.audit import install_audit
from kobankyo_desktop.core.backup import timestamped_backup
from kobankyo_desktop.core.errors import DatabaseError
from kobankyo_desktop.core.lock import DatabaseLock

APP_NAME = "kobankyo"
DB_FILE_NAME = "kobankyo.db"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest migration this version ships; a test keeps it equal to Alembic's head.
SCHEMA_REVISION = "0002"
SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another process's write to finish before giving up as "busy".
BUSY_TIMEOUT_MS = 5000
# PRAGMA quick_check reads every page: milliseconds for a station's few MB, and skipped for a
# file so large that it would delay start-up (``kobankyo check`` still runs the full check).
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024
BUSY_MESSAGE = "データベースは他のプログラムが使用中です。しばらくしてからもう一度お試しください。"


def default_db_path() -> Path:
    """The database file in the user data folder that platformdirs gives for this OS."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def _set_sqlite_pragmas(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # foreign_keys: SQLite leaves them off per connection unless asked.
    # WAL + synchronous=FULL: a commit is on disk (WAL fsynced) before it returns, so a power
    # cut loses nothing that was reported saved; readers never block the writer.
    # busy_timeout: another process's short write waits instead of failing at once.
    # isolation_level None: pysqlite's own transaction handling defers BEGIN to the first
    # write, so a SAVEPOINT issued first opens a transaction its RELEASE commits; SQLAlchemy
    # emits BEGIN itself instead (_begin_sqlite), as its documentation recommends.
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _begin_sqlite(conn: Connection) -> None:
    """Start every transaction explicitly, except on a connection asked to autocommit."""
    if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
        conn.exec_driver_sql("BEGIN")


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        if path.exists():
            raise DatabaseError(
                f"{path} は空のファイルです。データベースではありません。"
                "別のファイルを開くか、バックアップから復元してください。"
            )
        return
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} はこのアプリケーションのデータベースではありません。"
            "別のファイルを開くか、バックアップから復元してください。"
        )


def _read_only_error(path: Path) -> DatabaseError:
    return DatabaseError(
        f"{path} に書き込めません（読み取り専用か、フォルダーに権限がありません）。"
        "読み取り専用を解除するか、書き込みできる場所にコピーしてから開いてください。"
    )


def _not_writable(path: Path) -> bool:
    # The mode bits as well as os.access: an administrator (root) may write anything, but a
    # file marked read-only was marked so on purpose, and SQLite would fail on it half-way.
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _check_writable(path: Path) -> None:
    """Refuse a read-only file, or one in a read-only folder (WAL needs files beside it)."""
    if path.exists() and _not_writable(path):
        raise _read_only_error(path)
    # Windows ignores the read-only flag of folders; only POSIX folder modes mean anything.
    folder = path.parent
    if os.name == "posix" and folder.exists() and _not_writable(folder):
        raise _read_only_error(path)


def _create_private(path: Path) -> None:
    """Create an empty database file readable by its owner only (residents' personal data);
    SQLite gives its WAL and shared-memory files the same mode."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except PermissionError as exc:
        raise _read_only_error(path) from exc


def _quick_check(engine: Engine, path: Path) -> None:
    """Refuse a damaged database before anything is written to it."""
    if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        return
    with engine.connect() as conn:
        problems = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise DatabaseError(f"{path} は破損しています。バックアップから復元してください。")


def create_db_engine(url: str) -> Engine:
    """An engine with the pragmas this application relies on (SQLite) applied per connection."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision recorded in the database, or None for an empty database."""
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseError(
                    "このファイルは連絡協議会のデータベースではありません（別のアプリケーションの"
                    "データです）。別のファイルを開いてください。"
                )
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}


class Database:
    """An open database: an engine and a session factory, schema checked and current.

    Use :meth:`transaction` for every unit of work: it commits when the block ends and rolls
    back if anything inside raises, so no half-written record is left behind.
    """

    def __init__(
        self, engine: Engine, path: Path | None = None, lock: DatabaseLock | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        self.lock = lock  # held while open by the one writer (the GUI, a writing command)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        install_audit(self._sessions)  # every write through this database is in 操作履歴

    @classmethod
    def open(
        cls, path: Path, *, backup_before_migrate: bool = True, writer: bool = False
    ) -> Database:
        """Open (creating if need be) the database at ``path`` and bring its schema up to date.

        ``writer=True`` also takes the writer's lock (:mod:`kobankyo_desktop.core.lock`) until
        :meth:`close`, raising :class:`~kobankyo_desktop.core.lock.DatabaseLockedError` while
        another program holds it: the GUI opens this way, and so do writing commands.
        """
        path = Path(path)
        _check_sqlite_file(path)
        _check_writable(path)
        lock = DatabaseLock(path).acquire() if writer else None
        try:
            return cls._open_checked(path, backup_before_migrate, lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_checked(
        cls, path: Path, backup_before_migrate: bool, lock: DatabaseLock | None
    ) -> Database:
        existed = path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not existed:
            _create_private(path)
        engine = create_db_engine(f"sqlite:///{path}")
        try:
            if existed:
                _quick_check(engine, path)
            revision = current_revision(engine)
            if revision not in (None, SCHEMA_REVISION) and revision not in known_revisions():
                raise DatabaseError(
                    f"{path} は新しいバージョンのアプリケーションで作成されています"
                    f"（スキーマ {revision}）。アプリケーションを更新してください。"
                )
            # Only once the file is known to be ours: switching to WAL rewrites its header.
            # The journal mode cannot change inside a transaction.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            if revision != SCHEMA_REVISION:
                if existed and revision is not None and backup_before_migrate:
                    timestamped_backup(path, f"before-{SCHEMA_REVISION}")
                upgrade_schema(engine)
        except SQLAlchemyDatabaseError as exc:  # OperationalError, or a damaged file
            engine.dispose()
            raise _explain_operational_error(path, exc) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, path, lock)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error.

        Another process holding the write lock past the busy timeout is reported as a
        :class:`DatabaseError` ("busy, try again"), not as a bug.
        """
        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if _is_busy(exc):
                raise DatabaseError(BUSY_MESSAGE) from exc
            raise

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading; nothing is committed."""
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def _explain_operational_error(path: Path, exc: SQLAlchemyDatabaseError) -> DatabaseError:
    """Turn SQLite's errors the user can act on into Japanese messages."""
    original = exc.orig
    message = str(original).lower() if original else ""
    if _is_busy(exc):
        return DatabaseError(BUSY_MESSAGE)
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return _read_only_error(path)
    if isinstance(original, sqlite3.DatabaseError) and (
        "malformed" in message or "not a database" in message
    ):
        return DatabaseError(f"{path} は破損しています。バックアップから復元してください。")
    return DatabaseError(f"データベースを開けませんでした: {original}")


def _is_busy(exc: SQLAlchemyDatabaseError) -> bool:
    message = str(exc.orig).lower() if exc.orig else ""
    return "locked" in message or "busy" in message
