"""Fixtures shared by the whole suite: a fresh file database per test, and a station with a post."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Base
from kobankyo_desktop.core.services.stations import PostRow, StationRow, create_post, create_station
from kobankyo_desktop.core.vocab import PostKind

TableCounts = Callable[[], dict[str, int]]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh database file, created through the same path as the application opens it."""
    database = Database.open(tmp_path / "test.db")
    yield database
    database.close()


@pytest.fixture
def station(db: Database) -> StationRow:
    with db.transaction() as s:
        return create_station(s, "さくら警察署")


@pytest.fixture
def post(db: Database, station: StationRow) -> PostRow:
    with db.transaction() as s:
        return create_post(s, station.id, "駅前交番", PostKind.KOBAN)


@pytest.fixture
def table_counts(db: Database) -> TableCounts:
    """Row counts of every table, read in a fresh session: compare before and after a refusal
    to prove that nothing was written."""

    def counts() -> dict[str, int]:
        with db.reader() as s:
            return {
                table.name: s.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }

    return counts
