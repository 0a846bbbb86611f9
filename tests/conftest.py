"""Fixtures shared by the whole suite: a fresh file database per test, and a station with a post."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import DomainError, ValidationError
from kobankyo_desktop.core.models import Base
from kobankyo_desktop.core.services.stations import PostRow, StationRow, create_post, create_station
from kobankyo_desktop.core.vocab import PostKind

TableCounts = Callable[[], dict[str, int]]
# Any of hiragana, katakana or a CJK ideograph: the message is written in Japanese.
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="session")
def _current_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created once per run by ``Database.open``; each test opens a copy, which
    spares every test the migrations (tests/core/test_db.py covers creating a database)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    Database.open(path).close()
    return path


@pytest.fixture
def db(tmp_path: Path, _current_db_file: Path) -> Iterator[Database]:
    """A fresh database file of its own for each test, opened as the application opens it."""
    path = tmp_path / "test.db"
    shutil.copy2(_current_db_file, path)
    database = Database.open(path)
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


def _snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.reader() as s:
        return {
            table.name: sorted((tuple(row) for row in s.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


Refused = Callable[..., DomainError]


@pytest.fixture
def refused(db: Database) -> Refused:
    """``refused(action, field)`` runs ``action(session)`` in a transaction and checks that it
    raises ``error`` (ValidationError by default) on ``field`` with a Japanese message, and that
    every row of every table is as it was before, read back in a fresh session."""

    def check(
        action: Callable[[Session], object],
        field: str | None = None,
        error: type[DomainError] = ValidationError,
    ) -> DomainError:
        before = _snapshot(db)
        with pytest.raises(error) as caught, db.transaction() as s:
            action(s)
        raised = caught.value
        if field is not None:
            assert isinstance(raised, ValidationError)
            assert raised.field == field, raised.message
        assert JAPANESE.search(raised.message), raised.message
        assert _snapshot(db) == before
        return raised

    return check
