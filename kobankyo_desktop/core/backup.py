"""Copies of the database made with SQLite's online backup API, their retention, and restore.

A plain file copy of a live database can catch a half-written page or miss the WAL; the backup
API copies a consistent snapshot even while another connection is open. Copies are written to
a temporary name, made owner-only, and renamed into place, so a half-written copy never looks
like a backup. They are single files (journal mode DELETE), ready to carry on a USB stick.

Copies in ``backups/`` beside the database are named ``<stem>-<label>-<YYYYmmdd-HHMMSS>.db``
(local time). Labels: ``daily`` (automatic, first start of each day), ``manual``,
``before-restore``, ``before-import``, ``before-demo`` and ``before-<revision>`` (before a
schema upgrade).

Retention (:func:`select_retained`) applies to the ``daily`` copies only; every other copy was
made on purpose or before a risky operation and is left for the user to delete. Of the daily
copies, these are kept and every other one is deleted after each new daily copy:

* the newest copy of each of the 14 most recent days that have a copy, and
* the newest copy of each of the 12 most recent calendar months that have a copy

(a copy can be both; at most 26 are kept).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from kobankyo_desktop.core.errors import DatabaseError

BACKUP_DIR_NAME = "backups"
DAILY_LABEL = "daily"
MANUAL_LABEL = "manual"
BEFORE_RESTORE_LABEL = "before-restore"
KEEP_DAILY = 14
KEEP_MONTHLY = 12
STAMP_FORMAT = "%Y%m%d-%H%M%S"
# The records a user recognises a backup by, in the restore list.
COUNTED_TABLES = {
    "councils": "連絡協議会",
    "people": "委員",
    "appointments": "委嘱",
    "meetings": "会議",
    "opinions": "意見・要望",
}
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<label>daily|manual|before-[A-Za-z0-9_-]+)"
    r"-(?P<stamp>\d{8}-\d{6})(?:_\d+)?\.db$"
)
_KIND_LABELS = {
    DAILY_LABEL: "自動（毎日）",
    MANUAL_LABEL: "手動",
    BEFORE_RESTORE_LABEL: "復元前",
    "before-import": "取り込み前",
    "before-sheet-import": "Excel・CSV取り込み前",
    "before-demo": "サンプル作成前",
}


def backup_dir_for(db_path: Path) -> Path:
    """The ``backups/`` folder beside a database file."""
    return db_path.parent / BACKUP_DIR_NAME


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # A URI from as_uri() survives spaces, '#' and '?' in folder names.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def backup_database(db_path: Path, dest: Path) -> Path:
    """Write a consistent copy of ``db_path`` to ``dest`` atomically; return ``dest``.

    On POSIX the copy is readable by its owner only (residents' personal data) from the moment
    it is created, not just once it is complete.
    """
    _private_dir(dest.parent)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        source = _connect_read_only(db_path)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
                # One self-contained file: no -wal beside it to lose when it is copied.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.close()
        os.replace(partial, dest)
    except sqlite3.Error as exc:  # e.g. the disk or the USB stick is full
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"バックアップを作成できませんでした（{exc}）。保存先の空き容量を確認してください。"
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return dest


def _unique(dest: Path) -> Path:
    n = 2
    candidate = dest
    while candidate.exists():
        candidate = dest.with_name(f"{dest.stem}_{n}{dest.suffix}")
        n += 1
    return candidate


def timestamped_backup(
    db_path: Path, label: str, now: dt.datetime | None = None, *, folder: Path | None = None
) -> Path:
    """Back up into ``folder`` (``backups/`` by default) as ``<stem>-<label>-<stamp>.db``."""
    stamp = (now or dt.datetime.now()).strftime(STAMP_FORMAT)
    target_dir = folder if folder is not None else backup_dir_for(db_path)
    dest = _unique(target_dir / f"{db_path.stem}-{label}-{stamp}.db")
    return backup_database(db_path, dest)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup file as the restore list shows it.

    ``counts`` is None when the file cannot be read as a database of this application.
    """

    path: Path
    label: str
    taken_at: dt.datetime  # local time, from the name (the file's time if the name has none)
    size: int
    revision: str | None = None
    counts: dict[str, int] | None = field(default=None)

    @property
    def kind_label(self) -> str:
        """The label in Japanese: 自動（毎日）, 手動, 復元前, 更新前 …."""
        if self.label in _KIND_LABELS:
            return _KIND_LABELS[self.label]
        if self.label.startswith("before-"):
            return "更新前"
        return self.label or "その他"

    @property
    def readable(self) -> bool:
        return self.counts is not None

    def counts_text(self) -> str:
        """``連絡協議会 3、委員 25 …`` or a note that the file cannot be read."""
        if self.counts is None:
            return "（読み取れません）"
        return "、".join(f"{COUNTED_TABLES[t]} {n}" for t, n in self.counts.items())


class BackupName(NamedTuple):
    stem: str  # of the database it was taken from
    label: str
    taken_at: dt.datetime


def parse_backup_name(name: str) -> BackupName | None:
    """The parts of a backup's file name, or None for a file not named like a backup."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        taken_at = dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return BackupName(match["stem"], match["label"], taken_at)


def inspect_backup(path: Path) -> BackupInfo:
    """Read a backup's schema revision and record counts without writing to it."""
    parsed = parse_backup_name(path.name)
    stat = path.stat()
    label, taken_at = (
        (parsed.label, parsed.taken_at)
        if parsed
        else ("", dt.datetime.fromtimestamp(stat.st_mtime))
    )
    revision: str | None = None
    counts: dict[str, int] | None = None
    try:
        conn = _connect_read_only(path)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
                counts = {
                    table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    for table in COUNTED_TABLES
                    if table in tables
                }
        finally:
            conn.close()
    except sqlite3.Error:
        counts = None
    return BackupInfo(path, label, taken_at, stat.st_size, revision, counts)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups in ``folder`` (``backups/`` by default), newest first, with their counts."""
    folder = folder if folder is not None else backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    infos = [inspect_backup(p) for p in folder.glob("*.db") if p.is_file()]
    return sorted(infos, key=lambda i: (i.taken_at, i.path.name), reverse=True)


def select_retained(
    stamps: Iterable[dt.datetime], keep_daily: int = KEEP_DAILY, keep_monthly: int = KEEP_MONTHLY
) -> set[dt.datetime]:
    """The daily copies to keep: the newest of each of the ``keep_daily`` most recent days
    with a copy, and the newest of each of the ``keep_monthly`` most recent months with one."""
    newest_of_day: dict[dt.date, dt.datetime] = {}
    newest_of_month: dict[tuple[int, int], dt.datetime] = {}
    for stamp in stamps:
        day, month = stamp.date(), (stamp.year, stamp.month)
        newest_of_day[day] = max(stamp, newest_of_day.get(day, stamp))
        newest_of_month[month] = max(stamp, newest_of_month.get(month, stamp))
    days = sorted(newest_of_day, reverse=True)[:keep_daily]
    months = sorted(newest_of_month, reverse=True)[:keep_monthly]
    return {newest_of_day[d] for d in days} | {newest_of_month[m] for m in months}


def _daily_copies(db_path: Path) -> list[tuple[Path, dt.datetime]]:
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    copies = []
    for path in folder.glob(f"{db_path.stem}-{DAILY_LABEL}-*.db"):
        parsed = parse_backup_name(path.name)
        if parsed is not None and parsed.stem == db_path.stem and parsed.label == DAILY_LABEL:
            copies.append((path, parsed.taken_at))
    return copies


def prune_daily_backups(db_path: Path) -> list[Path]:
    """Delete the daily copies that :func:`select_retained` does not keep; return them."""
    copies = _daily_copies(db_path)
    keep = select_retained(stamp for _path, stamp in copies)
    removed = []
    for path, stamp in copies:
        if stamp not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def ensure_daily_backup(db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """On the first start of a day, back up and prune the daily copies; return the new copy.

    Nothing is done (None) when today already has a daily copy or there is no database yet.
    """
    now = now or dt.datetime.now()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if any(stamp.date() == now.date() for _path, stamp in _daily_copies(db_path)):
        return None
    copy = timestamped_backup(db_path, DAILY_LABEL, now)
    prune_daily_backups(db_path)
    return copy


def check_restorable(source: Path) -> BackupInfo:
    """Refuse, with a Japanese message, a file that cannot replace the database."""
    from kobankyo_desktop.core.db import SCHEMA_REVISION, _check_sqlite_file, known_revisions

    if not source.is_file():
        raise DatabaseError(f"{source} が見つかりません。別のバックアップを選んでください。")
    _check_sqlite_file(source)
    try:
        conn = _connect_read_only(source)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.Error:
        problems = ["unreadable"]
    if problems != ["ok"]:
        raise DatabaseError(f"{source} は破損しています。別のバックアップを選んでください。")
    info = inspect_backup(source)
    if info.counts is None or info.revision is None:
        raise DatabaseError(
            f"{source} は連絡協議会のデータベースのバックアップではありません。"
            "別のファイルを選んでください。"
        )
    if info.revision != SCHEMA_REVISION and info.revision not in known_revisions():
        raise DatabaseError(
            f"{source} は新しいバージョンのアプリケーションで作成されています"
            f"（スキーマ {info.revision}）。アプリケーションを更新してから復元してください。"
        )
    return info


def restore_backup(db_path: Path, source: Path, now: dt.datetime | None = None) -> Path | None:
    """Replace the database's contents with ``source``; return the copy of the state before.

    The current state is backed up first (``before-restore``). The contents are then written
    with the backup API into the database itself, in one transaction: another connection sees
    the old records or the new ones, never a mixture, and a crash half-way leaves the old ones.
    A backup from an older version is then upgraded at once, so a connection that stays open
    (the GUI's) goes on with the schema it expects. The caller holds the writer lock
    (:mod:`kobankyo_desktop.core.lock`).
    """
    from kobankyo_desktop.core.audit import record_restore
    from kobankyo_desktop.core.db import BUSY_MESSAGE, BUSY_TIMEOUT_MS, SCHEMA_REVISION, Database

    info = check_restorable(source)
    if db_path.exists() and db_path.resolve() == source.resolve():
        raise DatabaseError("開いているデータベース自身は復元元にできません。")
    before = None
    if db_path.exists() and db_path.stat().st_size > 0:
        before = timestamped_backup(db_path, BEFORE_RESTORE_LABEL, now)
    elif not db_path.exists():
        _private_dir(db_path.parent)
        os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        src = _connect_read_only(source)
        try:
            dst = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                src.backup(dst)
                with dst:
                    record_restore(dst, source.name)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DatabaseError(BUSY_MESSAGE) from exc
        raise DatabaseError(f"復元できませんでした: {exc}") from exc
    if info.revision != SCHEMA_REVISION:
        Database.open(db_path).close()  # the upgrade, with its own copy of the old version
    return before
