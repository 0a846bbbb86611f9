"""A real writer process killed with SIGKILL in the middle of a large transaction (an import)
leaves a database that passes the checks and holds all of that transaction or none of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kobankyo_desktop.cli import main
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.lock import DatabaseLock
from kobankyo_desktop.core.maintenance import check_database
from kobankyo_desktop.core.models import AuditEntry, Person
from kobankyo_desktop.core.services.people import PersonInput, create_person

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

BASELINE = 3
# Big enough that SQLite spills uncommitted pages into the WAL before the commit (the page
# cache is about 2 MB), so the kill really leaves half a transaction on disk.
IMPORTED = 3000
NOTES = "備考" * 600

WRITER = """
import sys
from pathlib import Path
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.lock import DatabaseLock
from kobankyo_desktop.core.models import Person

path, total, notes, pause = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
lock = DatabaseLock(path).acquire()
db = Database.open(path)
with db.transaction() as s:
    for i in range(total):
        s.add(Person(name=f"取込 {i:05d}", reading="とりこみ", notes=notes))
        if i % 250 == 249:
            s.flush()
        if i == total // 2:
            print("halfway", flush=True)
            if pause == "pause":
                sys.stdin.readline()  # killed here
    print("committing", flush=True)
print("committed", flush=True)
"""


def _baseline(path: Path) -> None:
    database = Database.open(path)
    with database.transaction() as s:
        for i in range(BASELINE):
            create_person(s, PersonInput(name=f"既存 {i}", reading="きぞん"))
    database.close()


def _start_writer(path: Path, pause: bool) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(IMPORTED), NOTES, "pause" if pause else "go"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


def _people_and_audit(path: Path) -> tuple[int, int]:
    """Check the database and return (people, audit entries for people)."""
    with DatabaseLock(path):  # the killed writer's lock is taken over
        database = Database.open(path)
    try:
        report = check_database(database)
        assert report.healthy, report.lines()
        with database.reader() as s:
            people = s.scalar(select(func.count()).select_from(Person)) or 0
            audited = (
                s.scalar(
                    select(func.count())
                    .select_from(AuditEntry)
                    .where(AuditEntry.entity == "people")
                )
                or 0
            )
    finally:
        database.close()
    assert main(["--db", str(path), "check"]) == 0  # `kobankyo check` agrees
    return people, audited


def test_killed_in_the_middle_of_a_transaction_leaves_none_of_it(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    _baseline(path)
    writer = _start_writer(path, pause=True)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "halfway"
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 1024 * 1024  # half an import is on disk

    _kill(writer)

    # None of the transaction; the records committed before it, and their history, intact.
    assert _people_and_audit(path) == (BASELINE, BASELINE)


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_killed_at_any_moment_leaves_all_or_none(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "kobankyo.db"
    _baseline(path)
    writer = _start_writer(path, pause=False)
    assert writer.stdout is not None
    # "committing" is printed just before the commit: the kill lands in it, or just before or
    # after it, depending on the delay and the machine.
    assert writer.stdout.readline().strip() == "halfway"
    assert writer.stdout.readline().strip() == "committing"
    time.sleep(delay)
    _kill(writer)

    people, audited = _people_and_audit(path)
    assert people in (BASELINE, BASELINE + IMPORTED)
    assert audited == people  # the history committed with the records, never apart


def test_a_committed_transaction_survives_the_kill(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    _baseline(path)
    writer = _start_writer(path, pause=False)
    assert writer.stdout is not None
    lines = [writer.stdout.readline().strip() for _ in range(3)]
    assert lines == ["halfway", "committing", "committed"]
    _kill(writer)  # killed after reporting success: nothing reported saved may be lost
    assert _people_and_audit(path) == (BASELINE + IMPORTED, BASELINE + IMPORTED)
