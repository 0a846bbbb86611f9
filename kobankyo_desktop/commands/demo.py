"""``kobankyo demo``: fill a database with the fictional sample."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from kobankyo_desktop.commands.common import (
    EXIT_USER_ERROR,
    db_path,
    open_for_writing,
    reports_domain_errors,
)
from kobankyo_desktop.core.backup import timestamped_backup
from kobankyo_desktop.core.demo import clear_all, fill_demo, has_records


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="架空のサンプルデータを作成する",
        description="架空の警察署・交番・連絡協議会・委員・会議のサンプルを作成します。"
        "日付は実行日を基準に配置されるため、いつ実行してもリマインダーが表示されます。",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="既存の記録を消去してから作成する（消去前にバックアップを取ります）",
    )
    parser.set_defaults(func=run)


@reports_domain_errors
def run(args: argparse.Namespace) -> int:
    with open_for_writing(args) as db:
        with db.reader() as session:
            occupied = has_records(session)
        if occupied and not args.force:
            print(
                "エラー: このデータベースには既に記録があります。"
                "サンプルで置き換える場合は --force を付けてください。",
                file=sys.stderr,
            )
            return EXIT_USER_ERROR
        if occupied:
            backup = timestamped_backup(db_path(args), "before-demo")
            print(f"既存のデータをバックアップしました: {backup}")
        with db.transaction() as session:
            if occupied:
                clear_all(session)
            summary = fill_demo(session, dt.date.today())
    print(
        f"サンプルを作成しました: 連絡協議会 {summary.councils}、委員 {summary.people}名、"
        f"会議 {summary.meetings}件、意見・要望 {summary.opinions}件、訪問連絡 {summary.visits}件"
    )
    return 0
