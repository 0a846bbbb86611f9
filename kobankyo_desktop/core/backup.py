"""Copies of the database made with SQLite's online backup API.

A plain file copy of a live database can catch a half-written page or miss the WAL; the backup
API copies a consistent snapshot even while another connection is open.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

BACKUP_DIR_NAME = "backups"


def backup_dir_for(db_path: Path) -> Path:
    """The ``backups/`` folder beside a database file."""
    return db_path.parent / BACKUP_DIR_NAME


def backup_database(db_path: Path, dest: Path) -> Path:
    """Write a consistent copy of ``db_path`` to ``dest`` atomically; return ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    if os.name == "posix":
        partial.chmod(0o600)  # residents' personal data: owner only
    os.replace(partial, dest)
    return dest


def timestamped_backup(db_path: Path, label: str, now: dt.datetime | None = None) -> Path:
    """Back up into ``backups/`` as ``<stem>-<label>-<YYYYmmdd-HHMMSS>.db``."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    dest = backup_dir_for(db_path) / f"{db_path.stem}-{label}-{stamp}.db"
    return backup_database(db_path, dest)
