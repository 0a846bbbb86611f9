"""``kobankyo reminders``: text and JSON output, and the exit status a scheduler relies on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kobankyo_desktop.cli import main
from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.services import councils, people
from kobankyo_desktop.core.services.appointments import AppointmentInput, appoint
from kobankyo_desktop.core.services.stations import PostRow, StationRow
from kobankyo_desktop.core.settings import Settings, save_settings
from kobankyo_desktop.core.vocab import CouncilKind

JSON_FIELDS = {
    "rule",
    "title",
    "severity",
    "council_id",
    "council_name",
    "subject_kind",
    "subject_id",
    "subject_label",
    "message",
    "due",
    "action",
    "appointment_id",
    "opinion_id",
    "meeting_id",
}


def reminders(db: Database, *options: str) -> int:
    return main(["--db", str(db.path), "reminders", *options])


@pytest.fixture
def council(db: Database, station: StationRow, post: PostRow) -> int:
    """A council with no meeting and no 運営責任者, and one member whose term has lapsed."""
    with db.transaction() as s:
        data = councils.CouncilInput(
            station.id, "駅前地区連絡協議会", CouncilKind.STANDARD, [post.id], dt.date(2020, 4, 1)
        )
        council_id = councils.create_council(s, data).id
        person = people.create_person(s, people.PersonInput("佐藤 一郎"))
        term = AppointmentInput(council_id, person.id, dt.date(2023, 4, 1), dt.date(2025, 3, 31))
        appoint(s, term)
        return council_id


def test_nothing_flagged_exits_0(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert reminders(db, "--as-of", "2025-06-01") == 0
    assert capsys.readouterr().out == "令和7年6月1日(日)現在、通知はありません。\n"


def test_nothing_flagged_json_is_an_empty_array(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reminders(db, "--as-of", "2025-06-01", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_flagged_exits_1_with_readable_list(
    db: Database, council: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reminders(db, "--as-of", "2025-06-01") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "令和7年6月1日(日)現在の通知: 3件（至急1件、注意1件、お知らせ1件）"
    assert lines[2] == "[至急] 任期が切れたままの委員（駅前地区連絡協議会）"
    assert lines[3].startswith("  佐藤 一郎さん（委員）の任期は令和7年3月31日(月)に満了しました")
    assert lines[4] == "  期限: 令和7年3月31日(月)"
    assert "[注意] 運営責任者が未指定（駅前地区連絡協議会）" in lines
    assert "  期限: 令和8年3月31日(火)" in lines


def test_json_output(db: Database, council: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert reminders(db, "--as-of", "2025-06-01", "--json") == 1
    out = capsys.readouterr().out
    assert "佐藤 一郎" in out  # not escaped (ensure_ascii=False)
    data = json.loads(out)
    assert [item["rule"] for item in data] == ["term_lapsed", "no_manager", "no_regular_meeting"]
    assert all(set(item) == JSON_FIELDS for item in data)
    assert data[0]["severity"] == "critical"
    assert data[0]["due"] == "2025-03-31"
    assert data[1]["due"] is None
    assert data[2]["council_id"] == council
    assert data[2]["action"] == "plan_meeting"


def test_date_style_setting_is_followed(
    db: Database, council: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.transaction() as s:
        save_settings(s, Settings(date_style=DateStyle.SEIREKI))
    assert reminders(db, "--as-of", "2025-06-01") == 1
    out = capsys.readouterr().out
    assert out.startswith("2025年6月1日(日)現在の通知")
    assert "2025年度の定期会議" in out
    assert "令和" not in out


@pytest.mark.parametrize("bad", ["2025/06/01", "2025-02-30", "昨日", ""])
def test_bad_as_of_is_a_japanese_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    path = tmp_path / "never-created.db"
    assert main(["--db", str(path), "reminders", "--as-of", bad]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("エラー: --as-of の日付")
    assert "YYYY-MM-DD" in captured.err
    assert not path.exists()


def test_as_of_defaults_to_today(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert reminders(db) == 0
    assert "現在、通知はありません。" in capsys.readouterr().out


def test_a_missing_database_is_refused_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scheduled task with a mistyped --db must not report "nothing flagged" forever."""
    missing = tmp_path / "kobankyou.db"
    assert main(["--db", str(missing), "reminders"]) == 2
    assert "ありません" in capsys.readouterr().err
    assert not missing.exists()
