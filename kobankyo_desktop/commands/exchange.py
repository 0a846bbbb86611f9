"""``kobankyo export report|bundle`` and ``kobankyo import``: the headquarters exchange.

``export report`` writes the annual report (実施状況報告) as a workbook or a folder of CSV
files; ``export bundle`` writes the submission bundle; ``import`` reads bundles into this
database (HQ mode), all or nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from kobankyo_desktop.commands.common import db_path, iso_date, open_database, reports_domain_errors
from kobankyo_desktop.core.dates import fiscal_year_of
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.exchange.bundle import write_bundle
from kobankyo_desktop.exchange.bundle_import import import_bundles
from kobankyo_desktop.exchange.report import Period
from kobankyo_desktop.exchange.report_files import write_report

CONTACTS_HELP = "委員の連絡先（郵便番号・住所・電話番号・メール）を含める。個人情報の取扱いに注意"


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help="本部への報告（実施状況報告・提出用バンドル）を出力する",
        description="本部（地域課）へ送る実施状況報告（Excel または CSV）と提出用バンドル（JSON）を出力します。",
    )
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)

    report = kinds.add_parser(
        "report",
        help="実施状況報告（.xlsx または CSV フォルダー）",
        description="年度または期間の実施状況報告を出力します。--out が .xlsx なら Excel ブック、"
        "それ以外はフォルダーとみなし、表ごとの CSV（UTF-8 BOM 付き）を書き出します。",
    )
    report.add_argument(
        "--fiscal-year",
        type=int,
        metavar="YEAR",
        help="年度（西暦で開始年。令和7年度なら 2025）。省略時は今年度",
    )
    report.add_argument("--from", dest="start", type=iso_date, metavar="DATE", help="期間の開始日")
    report.add_argument("--to", dest="end", type=iso_date, metavar="DATE", help="期間の終了日")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|DIR")
    report.add_argument("--contacts", action="store_true", help=CONTACTS_HELP)
    report.set_defaults(func=run_report)

    bundle = kinds.add_parser(
        "bundle",
        help="提出用バンドル（.json）",
        description="このデータベースの全記録を、本部で取り込める提出用バンドル（JSON）に出力します。",
    )
    bundle.add_argument("--out", type=Path, required=True, metavar="FILE.json")
    bundle.add_argument("--contacts", action="store_true", help=CONTACTS_HELP)
    bundle.add_argument(
        "--station", metavar="NAME", help="送信元の警察署（複数登録されている場合に指定）"
    )
    bundle.set_defaults(func=run_bundle)

    importer = subparsers.add_parser(
        "import",
        help="提出用バンドルを取り込む（本部用）",
        description="提出用バンドルを UUID で照合して取り込みます。同じバンドルを二度取り込んでも"
        "重複しません。すべてのファイルを検査してから、取り込み前にバックアップを取り、"
        "一つのトランザクションで取り込みます（一つでも問題があれば何も変更しません）。",
    )
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE.json")
    importer.set_defaults(func=run_import)


def period_from_args(args: argparse.Namespace, today: dt.date) -> Period:
    """``--from``/``--to`` when given (both), else ``--fiscal-year``, else this 年度."""
    if args.start is not None or args.end is not None:
        if args.start is None or args.end is None:
            raise ValidationError(
                "period", "期間を指定する場合は --from と --to の両方を指定してください。"
            )
        return Period(args.start, args.end)
    return Period.for_fiscal_year(args.fiscal_year or fiscal_year_of(today))


@reports_domain_errors
def run_report(args: argparse.Namespace) -> int:
    today = dt.date.today()
    period = period_from_args(args, today)
    db = open_database(args)
    try:
        with db.reader() as session:
            files = write_report(
                session, period, args.out, as_of=today, include_contacts=args.contacts
            )
    finally:
        db.close()
    print(f"実施状況報告（{period.label()}）を出力しました:")
    for path in files:
        print(f"  {path}")
    if args.contacts:
        print("注意: 委員の連絡先（個人情報）が含まれています。取扱いに注意してください。")
    return 0


@reports_domain_errors
def run_bundle(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        with db.reader() as session:
            summary = write_bundle(
                session, args.out, include_contacts=args.contacts, station_uuid=args.station
            )
    finally:
        db.close()
    for line in summary.lines():
        print(line)
    return 0


@reports_domain_errors
def run_import(args: argparse.Namespace) -> int:
    db = open_database(args, writer=True)  # one writer: refused while the GUI is open
    try:
        summary = import_bundles(db, args.files)
    finally:
        db.close()
    for line in summary.lines():
        print(line)
    print(f"データベース: {db_path(args)}")
    return 0
