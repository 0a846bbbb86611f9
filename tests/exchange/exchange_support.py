"""Constants and helpers shared by the exchange tests (imported by name: tests is no package)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable

from kobankyo_desktop.core.db import Database

TODAY = dt.date(2025, 11, 20)  # 令和7年度, well into the year: every kind of record exists
FISCAL_YEAR = 2025

Checksum = Callable[[Database], str]


def table_checksum(database: Database) -> str:
    """SHA-256 over every row of every table, read with sqlite3: equal means untouched."""
    assert database.path is not None
    digest = hashlib.sha256()
    with sqlite3.connect(database.path) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    return digest.hexdigest()
