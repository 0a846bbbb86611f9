"""Tests for kobankyo_desktop.core.backup: copies, the retention rule, listing and restore."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.audit import list_audit
from kobankyo_desktop.core.backup import (
    BEFORE_RESTORE_LABEL,
    DAILY_LABEL,
    backup_database,
    backup_dir_for,
    check_restorable,
    ensure_daily_backup,
    inspect_backup,
    list_backups,
    parse_backup_name,
    prune_daily_backups,
    restore_backup,
    select_retained,
    timestamped_backup,
)
from kobankyo_desktop.core.db import (
    SCHEMA_REVISION,
    Database,
    create_db_engine,
    current_revision,
    upgrade_schema,
)
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.errors import DatabaseError
from kobankyo_desktop.core.models import AuditAction, Base, Person
from kobankyo_desktop.core.services.people import PersonInput, create_person

POSIX = os.name == "posix"
TODAY = dt.date(2025, 6, 1)


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every domain table, read with plain sqlite3 (the audit trail excluded:
    restoring adds an entry to it)."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {
            t.name: sorted(conn.execute(f"SELECT * FROM {t.name}").fetchall(), key=repr)
            for t in Base.metadata.sorted_tables
            if t.name != "audit_entries"
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "kobankyo.db"
    database = Database.open(path)
    with database.transaction() as s:
        fill_demo(s, TODAY)
    database.close()  # the last connection checkpoints and removes the WAL: one file to copy
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "kobankyo.db"
    shutil.copyfile(demo_template, path)
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_is_a_complete_private_single_file(demo_db: Path, tmp_path: Path) -> None:
    dest = backup_database(demo_db, tmp_path / "copies" / "copy.db")
    assert _snapshot(dest) == _snapshot(demo_db)
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.db"]  # no -wal, no .partial
    with sqlite3.connect(dest) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    if POSIX:
        assert _mode(dest) == 0o600
        assert _mode(dest.parent) == 0o700


def test_backup_while_another_connection_writes_takes_the_committed_state(
    demo_db: Path, tmp_path: Path
) -> None:
    writer = sqlite3.connect(demo_db)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM visits")
        dest = backup_database(demo_db, tmp_path / "during.db")
        writer.rollback()
    finally:
        writer.close()
    assert _snapshot(dest)["visits"] == _snapshot(demo_db)["visits"] != []


def test_timestamped_names_parse_back_even_with_hyphens_in_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "my-station.db"
    Database.open(path).close()
    now = dt.datetime(2025, 6, 1, 8, 30, 5)
    first = timestamped_backup(path, "before-0002", now)
    second = timestamped_backup(path, "before-0002", now)  # same second: not overwritten
    assert first.name == "my-station-before-0002-20250601-083005.db"
    assert second.name == "my-station-before-0002-20250601-083005_2.db"
    for copy in (first, second):
        assert parse_backup_name(copy.name) == ("my-station", "before-0002", now)
    assert parse_backup_name("my-station-daily-20250601-083005.db") == (
        "my-station",
        DAILY_LABEL,
        now,
    )
    assert parse_backup_name("notes.db") is None
    assert parse_backup_name("x-daily-20251399-000000.db") is None  # month 13


def _stamps(first: dt.date, last: dt.date, at: dt.time = dt.time(8, 30)) -> list[dt.datetime]:
    days = (last - first).days + 1
    return [dt.datetime.combine(first + dt.timedelta(days=n), at) for n in range(days)]


def test_retention_keeps_14_days_and_the_newest_of_12_months() -> None:
    stamps = _stamps(dt.date(2024, 1, 1), dt.date(2025, 3, 15))
    kept = select_retained(stamps)
    at = dt.time(8, 30)
    last_14_days = _stamps(dt.date(2025, 3, 2), dt.date(2025, 3, 15))
    month_ends = [
        dt.datetime.combine(day, at)
        for day in (
            dt.date(2024, 4, 30),
            dt.date(2024, 5, 31),
            dt.date(2024, 6, 30),
            dt.date(2024, 7, 31),
            dt.date(2024, 8, 31),
            dt.date(2024, 9, 30),
            dt.date(2024, 10, 31),
            dt.date(2024, 11, 30),
            dt.date(2024, 12, 31),
            dt.date(2025, 1, 31),
            dt.date(2025, 2, 28),
        )
    ]
    # March 2025's newest copy is also the newest daily copy: it counts once, 14 + 11 = 25.
    assert kept == set(last_14_days) | set(month_ends)
    assert len(kept) == 25


def test_retention_counts_days_and_months_that_have_copies_not_calendar_days() -> None:
    # The PC is used now and then: the 14 most recent *days with a copy* are kept, and the
    # months without any use do not count towards the 12.
    stamps = [dt.datetime(2023, 5, 10, 9)] + [
        dt.datetime(2025, month, day, 9) for month in (1, 4) for day in range(1, 11)
    ]
    kept = select_retained(stamps)
    assert kept == (
        {dt.datetime(2025, 4, day, 9) for day in range(1, 11)}
        | {dt.datetime(2025, 1, day, 9) for day in range(7, 11)}  # 10 + 4 = 14 days
        | {dt.datetime(2023, 5, 10, 9)}  # the newest of its month; only 3 months have copies
    )


def test_retention_keeps_the_newest_copy_of_a_day_with_several() -> None:
    morning, evening = dt.datetime(2025, 6, 1, 8), dt.datetime(2025, 6, 1, 18)
    assert select_retained([morning, evening]) == {evening}


def test_retention_with_few_copies_keeps_them_all() -> None:
    stamps = _stamps(dt.date(2025, 5, 20), dt.date(2025, 6, 1))
    assert select_retained(stamps) == set(stamps)


def test_daily_backup_once_a_day_and_pruned_to_the_promised_set(tmp_path: Path) -> None:
    demo_db = tmp_path / "kobankyo.db"
    Database.open(demo_db).close()  # small: 840 start-ups in a few seconds
    folder = backup_dir_for(demo_db)
    made = []
    start = dt.datetime(2024, 1, 1, 8, 30)
    for n in range(420):  # about fourteen months of daily use
        now = start + dt.timedelta(days=n)
        made.append(ensure_daily_backup(demo_db, now))
        # A second start on the same day makes no second copy.
        assert ensure_daily_backup(demo_db, now + dt.timedelta(hours=3)) is None
    assert all(path is not None for path in made)
    remaining = {
        parse_backup_name(p.name).taken_at  # type: ignore[union-attr]
        for p in folder.glob("*.db")
    }
    last = start + dt.timedelta(days=419)
    assert remaining == select_retained([start + dt.timedelta(days=n) for n in range(420)])
    assert max(remaining) == last
    assert len(remaining) == 14 + 11


def test_pruning_leaves_other_copies_and_other_files_alone(demo_db: Path, tmp_path: Path) -> None:
    folder = backup_dir_for(demo_db)
    old = dt.datetime(2020, 1, 1, 9)
    keep = [
        timestamped_backup(demo_db, "manual", old),
        timestamped_backup(demo_db, "before-0002", old),
        timestamped_backup(demo_db, BEFORE_RESTORE_LABEL, old),
    ]
    other_db = tmp_path / "other.db"
    Database.open(other_db).close()
    keep.append(timestamped_backup(other_db, DAILY_LABEL, old))  # another database's daily copy
    (folder / "readme.txt").write_text("メモ", encoding="utf-8")
    for n in range(30):
        timestamped_backup(demo_db, DAILY_LABEL, dt.datetime(2025, 5, 1, 9) + dt.timedelta(n))
    removed = prune_daily_backups(demo_db)
    assert len(removed) == 30 - 14  # May's newest copy is also one of the 14 days
    assert all(p.exists() for p in keep)
    assert (folder / "readme.txt").exists()


def test_no_daily_backup_of_a_missing_database(tmp_path: Path) -> None:
    assert ensure_daily_backup(tmp_path / "none.db") is None
    assert not (tmp_path / "backups").exists()


def test_list_backups_shows_date_kind_and_counts(demo_db: Path) -> None:
    timestamped_backup(demo_db, DAILY_LABEL, dt.datetime(2025, 6, 1, 8, 30))
    timestamped_backup(demo_db, "manual", dt.datetime(2025, 6, 2, 12, 0))
    (backup_dir_for(demo_db) / "broken.db").write_bytes(b"not a database")
    infos = list_backups(demo_db)
    named = [i for i in infos if i.label]
    assert [(i.taken_at, i.kind_label) for i in named] == [
        (dt.datetime(2025, 6, 2, 12, 0), "手動"),
        (dt.datetime(2025, 6, 1, 8, 30), "自動（毎日）"),
    ]
    with Database.open(demo_db).reader() as s:
        people = len(s.scalars(select(Person)).all())
    assert named[0].counts is not None
    assert named[0].counts["people"] == people
    assert named[0].revision == SCHEMA_REVISION
    assert f"委員 {people}" in named[0].counts_text()
    (broken,) = [i for i in infos if i.path.name == "broken.db"]
    assert not broken.readable
    assert broken.counts_text() == "（読み取れません）"


def test_restore_round_trip_preserves_every_record(demo_db: Path) -> None:
    saved = _snapshot(demo_db)
    backup = timestamped_backup(demo_db, "manual", dt.datetime(2025, 6, 1, 9))
    database = Database.open(demo_db)
    with database.transaction() as s:
        create_person(s, PersonInput(name="後から 追加"))
        s.scalars(select(Person)).first().notes = "復元で消える変更"  # type: ignore[union-attr]
    changed = _snapshot(demo_db)
    assert changed != saved

    # The open Database (the GUI's) sees the restored records on its next read.
    before = restore_backup(demo_db, backup, dt.datetime(2025, 6, 1, 10))
    assert _snapshot(demo_db) == saved
    assert before is not None and BEFORE_RESTORE_LABEL in before.name
    assert _snapshot(before) == changed  # the state before the restore is not lost
    with database.reader() as s:
        assert s.scalar(select(Person).where(Person.name == "後から 追加")) is None
        latest = list_audit(s, limit=1)[0]
    assert (latest.action, latest.label) == (AuditAction.RESTORE, backup.name)
    database.close()
    reopened = Database.open(demo_db)  # still a healthy, current database
    reopened.close()
    if POSIX:
        assert _mode(before) == 0o600


def test_restore_from_an_older_version_is_upgraded_at_once(tmp_path: Path) -> None:
    old = tmp_path / "old-backup.db"
    engine = create_db_engine(f"sqlite:///{old}")
    upgrade_schema(engine, "0001")
    with Session(engine) as s, s.begin():
        create_person(s, PersonInput(name="旧版 太郎"))
    engine.dispose()
    path = tmp_path / "kobankyo.db"
    database = Database.open(path)  # the GUI's, open throughout
    try:
        restore_backup(path, old)
        assert current_revision(database.engine) == SCHEMA_REVISION
        with database.transaction() as s:  # audited writes work straight away
            create_person(s, PersonInput(name="復元後 花子"))
        with database.reader() as s:
            assert sorted(p.name for p in s.scalars(select(Person))) == ["復元後 花子", "旧版 太郎"]
    finally:
        database.close()


def test_restore_into_a_missing_database_creates_it_private(demo_db: Path, tmp_path: Path) -> None:
    backup = backup_database(demo_db, tmp_path / "usb" / "copy.db")
    target = tmp_path / "new-pc" / "kobankyo.db"
    assert restore_backup(target, backup) is None  # nothing to keep
    assert _snapshot(target) == _snapshot(demo_db)
    if POSIX:
        assert _mode(target) == 0o600


def _newer(path: Path) -> None:
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()


@pytest.mark.parametrize(
    ("make", "message_part"),
    [
        pytest.param(lambda p: p.write_text("氏名,住所\n", encoding="utf-8"), "ではありません"),
        pytest.param(_foreign, "バックアップではありません"),
        pytest.param(_newer, "新しいバージョン"),
        pytest.param(lambda p: None, "見つかりません", id="missing"),
    ],
)
def test_restore_refuses_unusable_files_and_touches_nothing(
    demo_db: Path, tmp_path: Path, make: object, message_part: str
) -> None:
    source = tmp_path / "candidate.db"
    make(source)  # type: ignore[operator]
    before = demo_db.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        restore_backup(demo_db, source)
    assert message_part in caught.value.message
    assert demo_db.read_bytes() == before
    assert not backup_dir_for(demo_db).exists()  # not even a safety copy was needed


def test_restore_refuses_a_damaged_backup(demo_db: Path, tmp_path: Path) -> None:
    source = backup_database(demo_db, tmp_path / "damaged.db")
    data = bytearray(source.read_bytes())
    page = 4096
    data[3 * page : 4 * page] = bytes(range(256)) * (page // 256)
    source.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="破損"):
        check_restorable(source)


def test_inspect_reads_without_writing(demo_db: Path, tmp_path: Path) -> None:
    copy = backup_database(demo_db, tmp_path / "copy.db")
    before = copy.read_bytes()
    info = inspect_backup(copy)
    assert info.readable
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_new_database_and_its_wal_are_private(tmp_path: Path) -> None:
    path = tmp_path / "kobankyo.db"
    database = Database.open(path)
    try:
        with database.transaction() as s:
            create_person(s, PersonInput(name="個人 情報"))
        sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
        for file in [path, *sidecars]:
            assert _mode(file) == 0o600, file
    finally:
        database.close()
