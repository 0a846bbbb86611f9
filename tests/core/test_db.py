"""Tests for kobankyo_desktop.core.db: opening, refusing foreign files, upgrading on open."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kobankyo_desktop.core import db as db_module
from kobankyo_desktop.core.backup import backup_dir_for
from kobankyo_desktop.core.db import (
    MIGRATIONS_DIR,
    SCHEMA_REVISION,
    Database,
    create_db_engine,
    current_revision,
    known_revisions,
    upgrade_schema,
)
from kobankyo_desktop.core.errors import DatabaseError
from kobankyo_desktop.core.models import Base, Station
from kobankyo_desktop.core.services.councils import CouncilInput, create_council, list_councils
from kobankyo_desktop.core.services.people import PersonInput, create_person, list_member_rows
from kobankyo_desktop.core.services.stations import create_post, create_station
from kobankyo_desktop.core.vocab import CouncilKind, PostKind

INITIAL_REVISION = "0001"


def _alembic_version(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(version)


def _make_current_db(path: Path) -> None:
    Database.open(path).close()


def test_schema_revision_is_alembic_head() -> None:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    assert script.get_current_head() == SCHEMA_REVISION
    assert SCHEMA_REVISION in known_revisions()
    assert INITIAL_REVISION in known_revisions()


def test_migrations_build_the_schema_of_the_models(db: Database) -> None:
    # A model changed without a migration (or the reverse) shows up here as a difference.
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_open_creates_a_current_database(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "folder" / "kobankyo.db"
    database = Database.open(path)
    try:
        assert path.exists()
        assert current_revision(database.engine) == SCHEMA_REVISION
        with database.reader() as s:
            assert s.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert s.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
    finally:
        database.close()
    assert _alembic_version(path) == SCHEMA_REVISION
    assert not backup_dir_for(path).exists()  # nothing existed, so nothing to back up


def test_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    database = Database.open(path)
    with database.transaction() as s:
        create_station(s, "さくら警察署")
    database.close()
    database = Database.open(path)
    try:
        with database.reader() as s:
            assert s.scalars(select(Station.name)).all() == ["さくら警察署"]
    finally:
        database.close()


def test_transaction_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        create_station(s, "さくら警察署")
        raise RuntimeError("boom")
    with db.reader() as s:
        assert s.scalars(select(Station)).all() == []


def test_upgrade_from_initial_revision_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    engine = create_db_engine(f"sqlite:///{path}")
    upgrade_schema(engine, INITIAL_REVISION)
    with Session(engine) as s, s.begin():
        station = create_station(s, "さくら警察署")
        post = create_post(s, station.id, "駅前交番", PostKind.KOBAN)
        council = create_council(
            s,
            CouncilInput(
                station_id=station.id,
                name="駅前交番連絡協議会",
                kind=CouncilKind.STANDARD,
                post_ids=[post.id],
                established_on=dt.date(2020, 4, 1),
            ),
        )
        create_person(s, PersonInput(name="𠮷田 一郎", reading="ヨシダ イチロウ"))
    engine.dispose()
    assert _alembic_version(path) == INITIAL_REVISION

    database = Database.open(path)
    try:
        assert current_revision(database.engine) == SCHEMA_REVISION
        with database.reader() as s:
            councils = list_councils(s, dt.date(2025, 4, 1))
            members = list_member_rows(s, dt.date(2025, 4, 1), 90)
        assert [(c.id, c.name, c.post_names) for c in councils] == [
            (council.id, "駅前交番連絡協議会", ("駅前交番",))
        ]
        assert [(m.name, m.reading) for m in members] == [("𠮷田 一郎", "よしだ いちろう")]
    finally:
        database.close()
    assert _alembic_version(path) == SCHEMA_REVISION
    backups = list(backup_dir_for(path).glob("*.db")) if backup_dir_for(path).exists() else []
    if SCHEMA_REVISION != INITIAL_REVISION:
        # A migration ran: the file was copied first, and the copy is still at the old revision.
        assert len(backups) == 1
        assert f"before-{SCHEMA_REVISION}" in backups[0].name
        assert _alembic_version(backups[0]) == INITIAL_REVISION
    else:
        assert backups == []


def _open_in_subprocess(path: Path) -> str:
    code = (
        "import sys; from pathlib import Path; "
        "from kobankyo_desktop.core.db import Database; "
        f"Database.open(Path({str(path)!r})).close(); print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    _make_current_db(path)
    assert _open_in_subprocess(path) == "False"


def test_creating_a_database_does_import_alembic(tmp_path: Path) -> None:
    # The counterpart of the test above, showing that the subprocess check can see the import.
    assert _open_in_subprocess(tmp_path / "new.db") == "True"


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('山田')")
    conn.close()


def _newer_revision(path: Path) -> None:
    _make_current_db(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()


def _damaged(path: Path) -> None:
    path.write_bytes(db_module.SQLITE_HEADER + b"\xff" * 4080)


@pytest.mark.parametrize(
    ("make", "message_part"),
    [
        pytest.param(lambda p: p.write_bytes(b""), "空のファイル", id="zero-byte"),
        pytest.param(
            lambda p: p.write_text("氏名,住所\n山田,さくら市\n", encoding="utf-8"),
            "データベースではありません",
            id="text-file",
        ),
        pytest.param(_foreign_sqlite, "別のアプリケーション", id="foreign-tables"),
        pytest.param(_newer_revision, "新しいバージョン", id="newer-revision"),
        pytest.param(_damaged, "破損", id="damaged"),
    ],
)
def test_open_refuses_and_leaves_the_file_unchanged(
    tmp_path: Path, make: object, message_part: str
) -> None:
    path = tmp_path / "kobankyo.db"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(DatabaseError) as caught:
        Database.open(path)

    assert message_part in caught.value.message
    assert path.read_bytes() == before
    # No WAL or shared-memory file, no backup folder: nothing was written beside it either.
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_current_revision_of_an_empty_database_is_none(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_no_backup_when_asked_not_to(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    engine = create_db_engine(f"sqlite:///{path}")
    upgrade_schema(engine, INITIAL_REVISION)
    engine.dispose()
    Database.open(path, backup_before_migrate=False).close()
    assert _alembic_version(path) == SCHEMA_REVISION
    assert not backup_dir_for(path).exists()


posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@posix_only
def test_new_database_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    Database.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@posix_only
def test_read_only_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    _make_current_db(path)
    path.chmod(0o444)
    before = path.read_bytes()
    try:
        with pytest.raises(DatabaseError) as caught:
            Database.open(path)
    finally:
        path.chmod(0o600)
    assert "書き込めません" in caught.value.message
    assert path.read_bytes() == before


@posix_only
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "kobankyo.db"
    _make_current_db(path)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseError) as caught:
            Database.open(path)
    finally:
        folder.chmod(0o755)
    assert "書き込めません" in caught.value.message
    assert path.read_bytes() == before


def test_busy_database_is_reported_not_crashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "kobankyo.db"
    database = Database.open(path)
    other_process = sqlite3.connect(path)
    other_process.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        with pytest.raises(DatabaseError) as caught, database.transaction() as s:
            create_station(s, "さくら警察署")
        assert "使用中" in caught.value.message
    finally:
        other_process.rollback()
        other_process.close()
    try:
        with database.transaction() as s:  # the lock released, the same write succeeds
            create_station(s, "さくら警察署")
    finally:
        database.close()
