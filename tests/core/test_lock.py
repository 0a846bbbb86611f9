"""Tests for kobankyo_desktop.core.lock: one writer per database, stale locks taken over."""

from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kobankyo_desktop.cli import main
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import DatabaseError
from kobankyo_desktop.core.lock import (
    DatabaseLock,
    DatabaseLockedError,
    lock_path_for,
    read_holder,
)

HOLDER_SCRIPT = """
import sys
from pathlib import Path
from kobankyo_desktop.core.lock import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
sys.stdin.readline()  # hold until told to go, or until killed
lock.release()
"""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kobankyo.db"


@pytest.fixture
def other_process(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A second program that holds the lock until its stdin is closed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER_SCRIPT, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


def test_lock_file_says_who_holds_it_and_goes_away_on_release(db_path: Path) -> None:
    lock = DatabaseLock(db_path).acquire()
    try:
        path = lock_path_for(db_path)
        assert path.name == "kobankyo.db.lock"
        holder = read_holder(path)
        assert holder["pid"] == os.getpid()
        assert holder["host"] == socket.gethostname()
        assert holder["user"] == getpass.getuser()
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert not lock.took_over_stale
    finally:
        lock.release()
    assert not lock_path_for(db_path).exists()
    lock.release()  # twice is harmless


def test_second_lock_in_the_same_process_is_refused(db_path: Path) -> None:
    with DatabaseLock(db_path):
        with pytest.raises(DatabaseLockedError) as caught:
            DatabaseLock(db_path).acquire()
        assert "既に別のウィンドウまたはプログラムで使用中です" in caught.value.message
        assert getpass.getuser() in caught.value.message
        assert caught.value.holder["pid"] == os.getpid()
    with DatabaseLock(db_path) as again:  # free once released
        assert again.held


def test_a_second_instance_is_refused_until_the_first_closes(
    db_path: Path, other_process: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseLockedError) as caught:
        DatabaseLock(db_path).acquire()
    assert caught.value.holder["pid"] == other_process.pid
    assert socket.gethostname() in caught.value.message

    assert other_process.stdin is not None
    other_process.stdin.close()  # the first instance closes normally
    assert other_process.wait(timeout=30) == 0
    with DatabaseLock(db_path) as lock:
        assert not lock.took_over_stale


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_lock_left_by_a_killed_process_is_taken_over(
    db_path: Path, other_process: subprocess.Popen[str]
) -> None:
    other_process.send_signal(signal.SIGKILL)
    other_process.wait(timeout=30)
    assert read_holder(lock_path_for(db_path))["pid"] == other_process.pid  # left behind

    with DatabaseLock(db_path) as lock:
        assert lock.took_over_stale
        assert read_holder(lock_path_for(db_path))["pid"] == os.getpid()


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"pid": 999_999_999, "host": "PC-OLD", "user": "someone"}),
        "",
        "garbage {",
    ],
    ids=["dead-pid", "empty", "garbage"],
)
def test_a_stale_lock_file_is_taken_over(db_path: Path, content: str) -> None:
    lock_path_for(db_path).write_text(content, encoding="utf-8")
    with DatabaseLock(db_path) as lock:
        assert lock.took_over_stale == (content.startswith("{"))
        assert read_holder(lock_path_for(db_path))["pid"] == os.getpid()


def test_writing_commands_respect_the_lock(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    before = db_path.read_bytes()
    with DatabaseLock(db_path):
        assert main(["--db", str(db_path), "demo", "--force"]) == 2
        assert main(["--db", str(db_path), "check"]) == 0  # readers are not blocked
    err = capsys.readouterr().err
    assert "使用中" in err
    assert db_path.read_bytes() == before


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="root may create files in a read-only folder; Windows has no read-only folders",
)
def test_a_read_only_folder_gives_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseError) as caught:
            DatabaseLock(folder / "kobankyo.db").acquire()
        assert "書き込めない" in caught.value.message
    finally:
        folder.chmod(0o755)


def test_database_opened_as_writer_holds_the_lock_until_closed(db_path: Path) -> None:
    first = Database.open(db_path, writer=True)
    try:
        assert first.lock is not None and first.lock.held
        with pytest.raises(DatabaseLockedError):
            Database.open(db_path, writer=True)
        Database.open(db_path).close()  # a reader may still open it
    finally:
        first.close()
    assert not lock_path_for(db_path).exists()
    Database.open(db_path, writer=True).close()


def test_a_refused_file_leaves_no_lock_behind(db_path: Path) -> None:
    # Refused after the lock was taken (the schema is read under it): the lock goes too.
    Database.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(DatabaseError, match="新しいバージョン"):
        Database.open(db_path, writer=True)
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]
