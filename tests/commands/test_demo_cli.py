"""``kobankyo demo``: the fictional sample, never mixed into real records."""

from __future__ import annotations

from pathlib import Path

import pytest

from kobankyo_desktop.cli import main
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.services.stations import create_station


def test_demo_fills_an_empty_database_and_refuses_a_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    assert "サンプルを作成しました" in capsys.readouterr().out
    assert main(["--db", str(path), "demo"]) == 2
    assert main(["--db", str(path), "demo", "--force"]) == 0


def test_demo_refuses_a_database_with_a_station_but_no_people(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "real.db"
    db = Database.open(path)
    with db.transaction() as s:
        create_station(s, "本物の警察署")
    db.close()
    assert main(["--db", str(path), "demo"]) == 2
    assert "--force" in capsys.readouterr().err
