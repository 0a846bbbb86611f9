"""``kobankyo export report|bundle`` and ``kobankyo import``: files, messages, exit status."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kobankyo_desktop.cli import build_parser, main
from kobankyo_desktop.commands.exchange import period_from_args
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.errors import ValidationError

TODAY = dt.date(2025, 11, 20)


@pytest.fixture
def demo(db: Database) -> Path:
    with db.transaction() as s:
        fill_demo(s, TODAY)
    assert db.path is not None
    return db.path


def test_export_report_as_workbook(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.xlsx"
    code = main(["--db", str(demo), "export", "report", "--fiscal-year", "2025", "--out", str(out)])
    assert code == 0
    assert "令和7年度" in capsys.readouterr().out
    header = [c.value for c in load_workbook(out)["委員名簿"][1]]
    assert "住所" not in header


def test_export_report_as_csv_with_contacts_warns(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    argv = ["--db", str(demo), "export", "report", "--from", "2025-04-01", "--to", "2025-09-30"]
    assert main([*argv, "--out", str(folder), "--contacts"]) == 0
    out = capsys.readouterr().out
    assert "個人情報" in out
    roster = folder / "令和7年4月1日～令和7年9月30日_委員名簿.csv"
    assert "住所" in roster.read_text(encoding="utf-8-sig").splitlines()[0]


def test_report_to_a_csv_file_name_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(demo), "export", "report", "--out", str(tmp_path / "r.csv")])
    assert code == 2
    assert "フォルダー" in capsys.readouterr().err


def test_period_options() -> None:
    parser = build_parser()

    def period(*argv: str):  # type: ignore[no-untyped-def]
        args = parser.parse_args(["export", "report", "--out", "x.xlsx", *argv])
        return period_from_args(args, TODAY)

    assert period().fiscal_year == 2025
    assert period("--fiscal-year", "2023").start == dt.date(2023, 4, 1)
    assert period("--from", "2025-01-01", "--to", "2025-01-31").end == dt.date(2025, 1, 31)
    with pytest.raises(ValidationError, match="--from と --to"):
        period("--from", "2025-01-01")


def test_a_bad_date_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "report", "--from", "2025-13-01", "--to", "2025-12-31", "--out", "x"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_bundle_export_and_import(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "b.json"
    assert main(["--db", str(demo), "export", "bundle", "--out", str(bundle)]) == 0
    assert "提出用バンドルを作成しました" in capsys.readouterr().out
    hq = tmp_path / "hq.db"
    assert main(["--db", str(hq), "import", str(bundle)]) == 0
    first = capsys.readouterr().out
    assert "取り込みました" in first and "新規" in first
    assert main(["--db", str(hq), "import", str(bundle)]) == 0
    assert "新規: なし" in capsys.readouterr().out


def test_a_future_bundle_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "b.json"
    main(["--db", str(demo), "export", "bundle", "--out", str(bundle)])
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["format_version"] = 99
    bundle.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "hq.db"), "import", str(bundle)]) == 2
    assert "形式バージョン 99" in capsys.readouterr().err


def test_a_file_that_cannot_be_written_is_a_japanese_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "station.db"
    assert main(["--db", str(db_file), "demo"]) == 0
    capsys.readouterr()
    busy = tmp_path / "busy.xlsx"
    busy.mkdir()  # like a workbook Excel holds open: it cannot be replaced
    code = main(
        ["--db", str(db_file), "export", "report", "--fiscal-year", "2025", "--out", str(busy)]
    )
    assert code == 2
    assert "ファイルを読み書きできませんでした" in capsys.readouterr().err
