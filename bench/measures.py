"""What :mod:`bench.run` times: start-up in fresh processes, and in this process the members
filter, the reminder rules, the headquarters exports and one agenda PDF.

Every measure returns its samples in seconds (or KiB for memory); :mod:`bench.run` takes the
median and compares it with the issue's target.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from kobankyo_desktop.core.dates import fiscal_year_of, fiscal_year_range
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Meeting, Person, Station
from kobankyo_desktop.core.rules import evaluate
from kobankyo_desktop.core.vocab import MeetingKind, MeetingStatus

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 120

# The hand-written floor for the reminder rules: the one question most officers ask of them.
COUNCILS_WITHOUT_REGULAR_MEETING = """
SELECT c.id, c.name FROM councils AS c
WHERE c.established_on <= :as_of AND (c.abolished_on IS NULL OR c.abolished_on > :as_of)
  AND NOT EXISTS (
    SELECT 1 FROM meetings AS m
    WHERE m.council_id = c.id AND m.kind = :regular AND m.status = :held
      AND m.held_on BETWEEN :first AND :as_of)
"""


@dataclass(frozen=True, slots=True)
class StartSample:
    seconds: float
    peak_rss_kib: int


def timed(func: Callable[[], Any], runs: int) -> list[float]:
    """``runs`` wall-clock times of ``func()``."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return samples


# Start-up ---------------------------------------------------------------------------------
def child_environment(home: Path) -> dict[str, str]:
    """Offscreen Qt, and settings, logs and backups of the children's own (not the user's)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    return env


def start_once(mode: str, db_path: Path | None, env: dict[str, str]) -> StartSample:
    """Start ``python -m bench.startup`` and time it from before the process is created to
    the marker it prints once the window is on screen."""
    command = [sys.executable, "-m", "bench.startup", mode]
    if db_path is not None:
        command.append(str(db_path))
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    watchdog = threading.Timer(START_TIMEOUT_S, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - started
        _out, err = child.communicate()
    finally:
        watchdog.cancel()
    if not line.startswith("READY ") or child.returncode != 0:
        raise RuntimeError(f"bench.startup {mode} failed ({child.returncode}): {line}{err}")
    return StartSample(elapsed, int(line.split()[1]))


def start_ups(
    databases: dict[str, Path], runs: int, home: Path
) -> tuple[list[StartSample], dict[str, list[StartSample]]]:
    """The bare window and the application on each database, in turn, after one discarded
    start of each (the first start of a day also makes the day's backup, core/backup.py)."""
    env = child_environment(home)
    start_once("bare", None, env)
    for path in databases.values():
        start_once("app", path, env)
    bare: list[StartSample] = []
    apps: dict[str, list[StartSample]] = {name: [] for name in databases}
    for _ in range(runs):
        bare.append(start_once("bare", None, env))
        for name, path in databases.items():
            apps[name].append(start_once("app", path, env))
    return bare, apps


# In this process ------------------------------------------------------------------------
def most_common_initial(db: Database) -> str:
    """The first character of the most common surname: what an officer types first."""
    with db.reader() as session:
        names = session.scalars(select(Person.name)).all()
    return Counter(name[0] for name in names if name).most_common(1)[0][0]


def filter_pass(
    db: Database, today: dt.date, runs: int, settings_file: Path
) -> tuple[list[float], list[float]]:
    """Typing one character into the members tab's search box, on the main window as the
    application builds it: from the keystroke to the proxy refiltered and the count updated
    (``textChanged`` is handled synchronously), and on to the table repainted."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kobankyo_desktop.ui.context import AppContext
    from kobankyo_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = MainWindow(
        AppContext(db, today=lambda: today),
        QSettings(str(settings_file), QSettings.Format.IniFormat),
    )
    window.tabs.setCurrentWidget(window.members_tab)
    window.show()
    app.processEvents()
    tab = window.members_tab
    initial = most_common_initial(db)
    refiltered: list[float] = []
    repainted: list[float] = []
    try:
        for _ in range(runs):
            tab.search_edit.clear()
            app.processEvents()
            started = time.perf_counter()
            tab.search_edit.insert(initial)
            refiltered.append(time.perf_counter() - started)
            app.processEvents()
            repainted.append(time.perf_counter() - started)
        if not 0 < tab.proxy.rowCount() < tab.model.rowCount():
            raise RuntimeError(f"typing {initial!r} did not filter the members table")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return refiltered, repainted


def rules_and_floor(db: Database, today: dt.date, runs: int) -> tuple[list[float], list[float]]:
    """All reminder rules (a fresh session each time) and the hand-written query."""

    def rules() -> None:
        with db.reader() as session:
            evaluate(session, today)

    first, _last = fiscal_year_range(fiscal_year_of(today))
    params = {
        "as_of": today.isoformat(),
        "first": first.isoformat(),
        "regular": MeetingKind.REGULAR.value,
        "held": MeetingStatus.HELD.value,
    }

    def floor() -> None:
        with db.engine.connect() as conn:
            conn.execute(text(COUNCILS_WITHOUT_REGULAR_MEETING), params).all()

    return timed(rules, runs), timed(floor, runs)


def exports(db: Database, today: dt.date, runs: int, out: Path) -> tuple[list[float], list[float]]:
    """The annual report (xlsx) for this 年度 and the bundle of every record, whole prefecture."""
    from kobankyo_desktop.exchange.bundle import write_bundle
    from kobankyo_desktop.exchange.report import Period
    from kobankyo_desktop.exchange.report_files import write_report

    period = Period.for_fiscal_year(fiscal_year_of(today))
    with db.reader() as session:
        sender = session.scalars(select(Station.name).order_by(Station.id)).first()

    def report() -> None:
        with db.reader() as session:
            write_report(session, period, out / "report.xlsx", as_of=today)

    def bundle() -> None:
        with db.reader() as session:
            write_bundle(session, out / "bundle.json", station_uuid=sender)

    return timed(report, runs), timed(bundle, runs)


def agenda_pdf(db: Database, today: dt.date, runs: int, out: Path) -> list[float]:
    """The agenda (次第) of the latest regular meeting held, from the records to the PDF file.
    The first run also registers the shipped fonts with Qt, as the first print of a day does."""
    from kobankyo_desktop.reports import documents
    from kobankyo_desktop.reports.pdf import write_pdf

    with db.reader() as session:
        meeting_id = session.scalars(
            select(Meeting.id)
            .where(Meeting.kind == MeetingKind.REGULAR, Meeting.held_on <= today)
            .order_by(Meeting.held_on.desc(), Meeting.id.desc())
        ).first()
    if meeting_id is None:
        raise RuntimeError("no regular meeting to print")

    def agenda() -> None:
        with db.reader() as session:
            document = documents.agenda(session, meeting_id)
        write_pdf(document, out / "agenda.pdf")

    return timed(agenda, runs)
