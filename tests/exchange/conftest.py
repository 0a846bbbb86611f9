"""Fixtures for the exchange tests: the demo database, an empty one, a fingerprint of rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from exchange_support import TODAY, Checksum, table_checksum

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import fill_demo


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample filled once per session (it takes seconds); tests get copies."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    database = Database.open(path)
    try:
        with database.transaction() as s:
            fill_demo(s, TODAY)
    finally:
        database.close()
    return path


@pytest.fixture
def demo_db(db: Database, demo_template: Path) -> Database:
    """The ``db`` fixture holding the fictional sample laid out around :data:`TODAY`."""
    assert db.path is not None
    db.engine.dispose()  # no pooled connection sees the file change under it
    source, target = sqlite3.connect(demo_template), sqlite3.connect(db.path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return db


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A second, empty database (headquarters' side of an exchange)."""
    database = Database.open(tmp_path / "hq" / "hq.db")
    yield database
    database.close()


@pytest.fixture
def checksum() -> Checksum:
    return table_checksum
