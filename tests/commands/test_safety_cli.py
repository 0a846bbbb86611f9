"""``kobankyo backup``, ``kobankyo restore`` and ``kobankyo history``."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kobankyo_desktop.cli import main
from kobankyo_desktop.core.backup import backup_dir_for
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.lock import DatabaseLock
from kobankyo_desktop.core.models import Person
from kobankyo_desktop.core.services.people import PersonInput, create_person


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "kobankyo.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "kobankyo.db"
    shutil.copyfile(demo_template, path)
    capsys.readouterr()
    return path


def _people(path: Path) -> int:
    database = Database.open(path)
    try:
        with database.reader() as s:
            return s.scalar(select(func.count()).select_from(Person)) or 0
    finally:
        database.close()


def test_backup_into_the_backups_folder(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo), "backup"]) == 0
    out = capsys.readouterr().out
    (copy,) = backup_dir_for(demo).glob("kobankyo-manual-*.db")
    assert f"バックアップを作成しました: {copy}" in out
    assert f"委員 {_people(demo)}" in out
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_backup_to_a_chosen_folder_while_the_gui_holds_the_lock(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    with DatabaseLock(demo):  # a backup only reads: allowed while the GUI is open
        assert main(["--db", str(demo), "backup", "--to", str(usb)]) == 0
    (copy,) = usb.glob("*.db")
    assert str(copy) in capsys.readouterr().out


def test_backup_of_a_damaged_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kobankyo.db"
    path.write_text("これはデータベースではない", encoding="utf-8")
    assert main(["--db", str(path), "backup"]) == 2
    assert "データベースではありません" in capsys.readouterr().err
    assert not backup_dir_for(path).exists()


def test_restore_round_trip(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo), "backup"]) == 0
    (copy,) = backup_dir_for(demo).glob("*.db")
    saved = _people(demo)
    database = Database.open(demo)
    with database.transaction() as s:
        create_person(s, PersonInput(name="復元で 消える"))
    database.close()
    capsys.readouterr()

    assert main(["--db", str(demo), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert f"復元しました: {copy}" in out
    assert "復元前の状態は次のファイルに保存しました" in out
    assert _people(demo) == saved
    (before,) = backup_dir_for(demo).glob("*-before-restore-*.db")
    with sqlite3.connect(f"{before.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == saved + 1
    conn.close()


def test_restore_is_refused_while_the_gui_has_the_database(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo), "backup"]) == 0
    (copy,) = backup_dir_for(demo).glob("*.db")
    before = demo.read_bytes()
    with DatabaseLock(demo):
        assert main(["--db", str(demo), "restore", str(copy)]) == 2
    assert "使用中" in capsys.readouterr().err
    assert demo.read_bytes() == before


def test_restore_of_a_foreign_file_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "names.db"
    foreign.write_text("氏名\n", encoding="utf-8")
    before = demo.read_bytes()
    assert main(["--db", str(demo), "restore", str(foreign)]) == 2
    assert "エラー:" in capsys.readouterr().err
    assert demo.read_bytes() == before


def test_history_lists_changes_newest_first(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = Database.open(demo)
    with database.transaction() as s:
        person = s.scalars(select(Person).order_by(Person.id)).first()
        assert person is not None
        old_phone, person.phone = person.phone, "099-9999-9999"
        name = person.name
    database.close()

    assert main(["--db", str(demo), "history", "--entity", "委員", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"変更  委員「{name}」" in lines[0]
    assert lines[1].strip() == f"電話番号: {old_phone or '（空）'} → 099-9999-9999"
    headings = [line for line in lines if not line.startswith(" ")]
    assert len(headings) == 2
    assert "作成  委員「" in headings[1]


def test_history_since_and_entity_by_table_name(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo), "history", "--since", "2999-01-01"]) == 0
    assert "該当する操作履歴はありません" in capsys.readouterr().out
    assert main(["--db", str(demo), "history", "--entity", "meetings", "--limit", "0"]) == 0
    headings = [line for line in capsys.readouterr().out.splitlines() if line[:1].isdigit()]
    assert headings and all("会議" in line for line in headings)


@pytest.mark.parametrize(
    ("options", "message_part"),
    [
        (["--since", "令和7年"], "YYYY-MM-DD"),
        (["--entity", "宇宙船"], "宇宙船"),
        (["--limit", "-1"], "0 以上"),
    ],
)
def test_history_bad_options_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message_part: str
) -> None:
    path = tmp_path / "kobankyo.db"
    assert main(["--db", str(path), "history", *options]) == 2
    assert message_part in capsys.readouterr().err
    assert not path.exists()  # checked before the database is opened (or created)
