"""Damaged, foreign, read-only, newer and busy databases: each refused with a Japanese message
that says what to do, and each file left byte-for-byte as it was."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kobankyo_desktop.core import db as db_module
from kobankyo_desktop.core.db import BUSY_MESSAGE, Database, create_db_engine, upgrade_schema
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.errors import DatabaseError
from kobankyo_desktop.core.services.people import PersonInput, create_person

PAGE_SIZE = 4096
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _current(path: Path) -> None:
    Database.open(path).close()


def _with_records(path: Path) -> None:
    database = Database.open(path)
    with database.transaction() as s:
        fill_demo(s, dt.date(2025, 6, 1))
    database.close()
    # No free pages: whichever page is overwritten below is one that holds data.
    with sqlite3.connect(path) as conn:
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    conn.close()


def _page_overwritten(seed: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _with_records(path)
        rng = random.Random(seed)
        pages = path.stat().st_size // PAGE_SIZE
        page = rng.randrange(2, pages + 1)  # 1-based; page 1 holds the header
        data = bytearray(path.read_bytes())
        data[(page - 1) * PAGE_SIZE : page * PAGE_SIZE] = rng.randbytes(PAGE_SIZE)
        path.write_bytes(bytes(data))

    return make


def _newer(path: Path) -> None:
    _current(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def _read_only(path: Path) -> None:
    _current(path)
    path.chmod(0o444)


def _in_read_only_folder(path: Path) -> None:
    _current(path)
    path.parent.chmod(0o555)


CASES = [
    pytest.param(lambda p: p.write_bytes(b""), "空のファイル", id="zero-byte"),
    pytest.param(
        lambda p: p.write_text("氏名,電話\n山田,090-0000-0000\n", encoding="utf-8"),
        "データベースではありません",
        id="text-file-renamed-db",
    ),
    *(
        pytest.param(_page_overwritten(seed), "破損", id=f"random-page-overwritten-{seed}")
        for seed in (1, 2, 3)
    ),
    pytest.param(_read_only, "読み取り専用", id="read-only-file"),
    pytest.param(_newer, "新しいバージョン", id="newer-schema"),
]
if os.name == "posix":  # Windows has no read-only folders
    CASES.append(pytest.param(_in_read_only_folder, "読み取り専用", id="read-only-folder"))


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)  # let pytest clean up after the read-only cases


@pytest.mark.parametrize(("make", "message_part"), CASES)
def test_refused_with_a_message_and_left_unchanged(
    folder: Path, make: Callable[[Path], None], message_part: str
) -> None:
    path = folder / "kobankyo.db"
    make(path)
    before = path.read_bytes()
    mode = path.stat().st_mode
    files_before = sorted(p.name for p in folder.iterdir())

    with pytest.raises(DatabaseError) as caught:
        Database.open(path)

    message = caught.value.message
    assert message_part in message
    assert JAPANESE.search(message)
    # Says what the user can do about it.
    assert any(hint in message for hint in ("復元", "別のファイル", "更新", "解除", "コピー"))
    assert path.read_bytes() == before
    assert path.stat().st_mode == mode
    assert sorted(p.name for p in folder.iterdir()) == files_before  # no -wal, -shm, backups


def test_a_read_only_file_is_refused_even_for_an_administrator(folder: Path) -> None:
    # Tests and some station PCs run as an administrator (root), who may write any file: the
    # read-only mark is honoured all the same, because the user set it on purpose.
    path = folder / "kobankyo.db"
    _read_only(path)
    assert os.access(path, os.W_OK) == (os.name == "posix" and os.geteuid() == 0)
    with pytest.raises(DatabaseError, match="読み取り専用"):
        Database.open(path)


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


@pytest.mark.usefixtures("short_busy_timeout")
def test_a_write_while_another_program_holds_the_database_is_busy(folder: Path) -> None:
    path = folder / "kobankyo.db"
    database = Database.open(path)
    other = _hold_write_lock(path)
    try:
        with pytest.raises(DatabaseError) as caught, database.transaction() as s:
            create_person(s, PersonInput(name="待機 太郎"))
        assert caught.value.message == BUSY_MESSAGE
    finally:
        other.rollback()
        other.close()
    with database.transaction() as s:  # and it works once the other program is done
        create_person(s, PersonInput(name="待機 太郎"))
    database.close()


@pytest.mark.usefixtures("short_busy_timeout")
def test_an_upgrade_while_another_program_holds_the_database_is_busy(folder: Path) -> None:
    path = folder / "kobankyo.db"
    engine = create_db_engine(f"sqlite:///{path}")
    upgrade_schema(engine, "0001")
    with Session(engine) as s, s.begin():
        create_person(s, PersonInput(name="旧版 太郎"))
    engine.dispose()
    other = _hold_write_lock(path)
    try:
        before = path.read_bytes()
        with pytest.raises(DatabaseError) as caught:
            Database.open(path)
        assert caught.value.message == BUSY_MESSAGE
        assert path.read_bytes() == before
    finally:
        other.rollback()
        other.close()
    Database.open(path).close()  # upgrades once free
