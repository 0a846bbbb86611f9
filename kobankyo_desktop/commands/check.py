"""``kobankyo check``: SQLite's integrity and foreign-key checks, reported in Japanese."""

from __future__ import annotations

import argparse
from typing import Any

from kobankyo_desktop.commands.common import open_database, reports_domain_errors
from kobankyo_desktop.core.maintenance import check_database


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="データベースの整合性を検査する",
        description="SQLite の整合性検査と外部キー検査を行い、結果を表示します。",
    )
    parser.set_defaults(func=run)


@reports_domain_errors
def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        report = check_database(db)
    finally:
        db.close()
    for line in report.lines():
        print(line)
    return 0 if report.healthy else 1
