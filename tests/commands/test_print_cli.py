"""``kobankyo print``: every document to PDF from the command line, headless."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kobankyo_desktop.cli import main
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.models import Council, Meeting
from kobankyo_desktop.core.vocab import MeetingStatus

TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def demo_ids(db: Database, qapp: QApplication) -> dict[str, int]:
    """The demo database, and the Qt application the command reuses (pytest-qt's)."""
    with db.transaction() as s:
        fill_demo(s, TODAY)
    with db.reader() as s:
        return {
            "council": s.scalar(select(Council.id).where(Council.name == "駅前交番連絡協議会")),
            "held": s.scalar(
                select(Meeting.id)
                .where(Meeting.status == MeetingStatus.HELD)
                .order_by(Meeting.held_on.desc())
            ),
            "planned": s.scalar(select(Meeting.id).where(Meeting.status == MeetingStatus.PLANNED)),
        }


def text_of(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["agenda", "--meeting", "{held}", "--attendees"], "次第"),
        (["record", "--meeting", "{held}"], "会議録"),
        (["roster", "--council", "{council}", "--as-of", "2025-06-01", "--contacts"], "架空県"),
        (["appointment", "--council", "{council}", "--as-of", "2025-06-01"], "委嘱状"),
        (
            [
                "notice",
                "--meeting",
                "{planned}",
                "--date",
                "2025-06-01",
                "--reply-by",
                "2025-06-20",
            ],
            "出欠回答書",
        ),
    ],
)
def test_each_document_to_pdf(
    db: Database, demo_ids: dict[str, int], tmp_path: Path, capsys, args: list[str], expected: str
) -> None:
    target = tmp_path / "out.pdf"
    argv = [a.format(**demo_ids) for a in args]
    assert main(["--db", str(db.path), "print", *argv, "--pdf", str(target)]) == 0
    assert expected in text_of(target)
    assert "PDFを保存しました" in capsys.readouterr().out


def test_several_appointments_one_page_each(
    db: Database, demo_ids: dict[str, int], tmp_path: Path
) -> None:
    from kobankyo_desktop.reports.data import serving_appointment_ids

    with db.reader() as s:
        ids = serving_appointment_ids(s, demo_ids["council"], TODAY)[:3]
    target = tmp_path / "letters.pdf"
    argv = ["--db", str(db.path), "print", "appointment", "--pdf", str(target)]
    for appointment_id in ids:
        argv += ["--appointment", str(appointment_id)]
    assert main(argv) == 0
    assert len(PdfReader(target).pages) == 3


def test_unknown_meeting_is_a_japanese_error(
    db: Database, demo_ids: dict[str, int], tmp_path: Path, capsys
) -> None:
    target = tmp_path / "x.pdf"
    code = main(
        ["--db", str(db.path), "print", "record", "--meeting", "99999", "--pdf", str(target)]
    )
    assert code == 2
    assert "会議（ID 99999）が見つかりません" in capsys.readouterr().err
    assert not target.exists()


def test_bad_date_is_refused(db: Database, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(
            [
                "--db",
                str(db.path),
                "print",
                "roster",
                "--council",
                "1",
                "--as-of",
                "6/1",
                "--pdf",
                str(tmp_path / "x.pdf"),
            ]
        )
    assert exited.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
