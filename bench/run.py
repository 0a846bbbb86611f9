"""The prefecture-scale benchmark: times what officers wait for and compares with the targets.

    python -m bench.run [--db PATH] [--runs 5] [--today YYYY-MM-DD] [--markdown]

Without ``--db`` a prefecture-sized database (:mod:`bench.generate`, fixed seed) is generated in
a temporary folder first. Each measure is the median of ``--runs`` runs:

1. start-up to the main window shown with the members tab populated, in a fresh process, as a
   ratio to a bare PySide6 window with four empty table tabs started the same way;
2. the peak memory (RSS) of that start;
3. one filter pass on the members table (typing one character);
4. all reminder rules, and their ratio to one hand-written SQL query (councils without a
   regular meeting this 年度);
5. the annual report (xlsx) and the submission bundle for the whole prefecture;
6. one agenda PDF.

Qt runs offscreen throughout. The exit status is 0 when every target is met, 1 otherwise.
Not part of the test suite; results are recorded in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import measures
from bench.generate import generate
from kobankyo_desktop.core.db import Database

MIB = 1024 * 1024
PREFECTURE = "prefecture"
# One station's share of the prefecture (1 of 65): what a station PC holds, for comparison.
STATION = "one station"
STATION_SCALE = 1 / 65


@dataclass(frozen=True, slots=True)
class Result:
    """One line of the table: the median of the samples, shown in ``unit``, and its target."""

    what: str
    median: float
    unit: str
    target: float | None
    spread: str = ""

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.median <= self.target

    def cells(self) -> tuple[str, str, str, str, str]:
        verdict = {True: "ok", False: "MISSED", None: ""}[self.met]
        target = "" if self.target is None else f"≤ {_number(self.target)} {self.unit}"
        return (self.what, f"{_number(self.median)} {self.unit}", self.spread, target, verdict)


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def _ms(samples: list[float]) -> tuple[float, str]:
    values = [s * 1000 for s in samples]
    return statistics.median(values), f"{_number(min(values))}–{_number(max(values))}"


def _s(samples: list[float]) -> tuple[float, str]:
    return statistics.median(samples), f"{_number(min(samples))}–{_number(max(samples))}"


def machine() -> list[str]:
    """What the numbers were measured on."""
    import PySide6
    from PySide6.QtCore import qVersion

    cpu = "unknown CPU"
    memory = "unknown"
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"date: {dt.date.today().isoformat()}",
        f"machine: {cores} cores (nproc), {cpu}, {memory} RAM",
        f"system: {platform.platform()}",
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__} (Qt {qVersion()}),"
        f" SQLite {sqlite3.sqlite_version}",
    ]


def print_table(results: list[Result], markdown: bool) -> None:
    header = ("measure", "median", "range", "target", "")
    rows = [header, *(r.cells() for r in results)]
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows[1:]:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def start_up_results(
    bare: list[measures.StartSample], app: list[measures.StartSample], label: str
) -> list[Result]:
    """The application's start against the bare window's, run by run."""
    bare_s = statistics.median(s.seconds for s in bare)
    app_s = statistics.median(s.seconds for s in app)
    ratios = [a.seconds / b.seconds for a, b in zip(app, bare, strict=True)]
    spread = f"{min(ratios):.1f}–{max(ratios):.1f}"
    peak = [s.peak_rss_kib * 1024 / MIB for s in app]
    prefecture = label == PREFECTURE
    return [
        Result(f"application start, {label}", app_s, "s", None, _s([s.seconds for s in app])[1]),
        Result(
            f"start-up ratio, {label}", app_s / bare_s, "×", 2.5 if prefecture else None, spread
        ),
        Result(
            f"peak RSS at start-up, {label}",
            statistics.median(peak),
            "MiB",
            200 if prefecture else None,
            f"{min(peak):.0f}–{max(peak):.0f}",
        ),
    ]


def run(databases: dict[str, Path], today: dt.date, runs: int, work: Path) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    print(f"start-up ({runs} rounds of {len(databases) + 1} processes) …", file=sys.stderr)
    bare, apps = measures.start_ups(databases, runs, work / "home")
    value, spread = _s([s.seconds for s in bare])
    results = [Result("bare window start", value, "s", None, spread)]
    for label, samples in apps.items():
        results += start_up_results(bare, samples, label)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qt = QApplication.instance() or QApplication([sys.argv[0]])
    db = Database.open(databases[PREFECTURE])
    try:
        print("members filter …", file=sys.stderr)
        refiltered, repainted = measures.filter_pass(db, today, runs, work / "bench.ini")
        value, spread = _ms(refiltered)
        results.append(Result("members filter, one character", value, "ms", 30, spread))
        value, spread = _ms(repainted)
        results.append(Result("… and the table repainted", value, "ms", None, spread))

        print("reminder rules …", file=sys.stderr)
        rules, floor = measures.rules_and_floor(db, today, runs)
        value, spread = _ms(rules)
        results.append(Result("all reminder rules", value, "ms", 200, spread))
        floor_ms, floor_spread = _ms(floor)
        results.append(
            Result("hand-written SQL (no regular meeting)", floor_ms, "ms", None, floor_spread)
        )
        results.append(Result("rules ÷ hand-written SQL", value / floor_ms, "×", None))

        print("annual report and bundle …", file=sys.stderr)
        report, bundle = measures.exports(db, today, runs, work)
        value, spread = _s(report)
        results.append(Result("annual report (xlsx)", value, "s", 5, spread))
        value, spread = _s(bundle)
        results.append(Result("submission bundle (json)", value, "s", 5, spread))

        print("agenda PDF …", file=sys.stderr)
        value, spread = _ms(measures.agenda_pdf(db, today, runs, work))
        results.append(Result("agenda PDF", value, "ms", 500, spread))
    finally:
        db.close()
        del qt
    return results


def fill(path: Path, today: dt.date, scale: float) -> None:
    db = Database.open(path)
    try:
        generate(db, today, scale)
    finally:
        db.close()


def copy_database(source: Path, target: Path) -> None:
    """Work on a copy: start-up makes the day's backup beside the database, and opening may
    upgrade its schema. SQLite's backup API copies what is still in the WAL too."""
    if not source.is_file():
        raise SystemExit(f"{source}: no such database")
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, help="measure a copy of this database (default: generate one)"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5)")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=dt.date.today(),
        help="the day the data is generated for and measured on (default: today)",
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kobankyo-bench-") as folder:
        work = Path(folder)
        databases = {PREFECTURE: work / "prefecture.db", STATION: work / "station.db"}
        if args.db is not None:
            copy_database(args.db, databases[PREFECTURE])
        else:
            print("generating the prefecture …", file=sys.stderr)
            fill(databases[PREFECTURE], args.today, 1.0)
        fill(databases[STATION], args.today, STATION_SCALE)
        results = run(databases, args.today, args.runs, work)
    for line in machine():
        print(line)
    print(f"runs per measure: {args.runs} (median shown)")
    print()
    print_table(results, args.markdown)
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
