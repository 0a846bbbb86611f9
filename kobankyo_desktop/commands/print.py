"""``kobankyo print``: the printed documents as PDF files, headless, for scripts.

``kobankyo [--db PATH] print agenda|record|roster|appointment|notice ... --pdf FILE``. Qt is
started without a window (the ``offscreen`` platform when there is no display), so this runs on
a server or from a scheduled task.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from kobankyo_desktop.commands.common import iso_date, open_database, reports_domain_errors
from kobankyo_desktop.reports import documents
from kobankyo_desktop.reports.html import PrintDocument


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "print",
        help="会議次第・会議録・委員名簿・委嘱状・開催通知をPDFに出力する",
        description="印刷用の文書をA4のPDFファイルに出力します。",
    )
    kinds = parser.add_subparsers(dest="document", metavar="DOCUMENT", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = kinds.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--pdf", type=Path, required=True, metavar="FILE", help="出力するPDF")
        sub.set_defaults(func=run)
        return sub

    agenda = add("agenda", "会議次第（§6）")
    agenda.add_argument("--meeting", type=int, required=True, metavar="ID", help="会議のID")
    agenda.add_argument(
        "--attendees", action="store_true", help="出席者（未記録なら在任委員）の一覧を付ける"
    )
    record = add("record", "会議録（§6, §7）")
    record.add_argument("--meeting", type=int, required=True, metavar="ID", help="会議のID")
    roster = add("roster", "委員名簿（§3）")
    roster.add_argument("--council", type=int, required=True, metavar="ID", help="連絡協議会のID")
    roster.add_argument("--as-of", type=iso_date, metavar="DATE", help="基準日（省略時は今日）")
    roster.add_argument(
        "--contacts", action="store_true", help="住所・電話番号を含める（個人情報）"
    )
    appointment = add("appointment", "委嘱状（§3(3)–(5)）、1人1ページ")
    which = appointment.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--appointment",
        type=int,
        action="append",
        metavar="ID",
        help="委嘱のID（繰り返して複数指定）",
    )
    which.add_argument(
        "--council", type=int, metavar="ID", help="この連絡協議会の在任委員全員の委嘱状"
    )
    appointment.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="--council の基準日（省略時は今日）"
    )
    notice = add("notice", "開催通知（§6）、在任委員ごとに1ページ")
    notice.add_argument("--meeting", type=int, required=True, metavar="ID", help="会議のID")
    notice.add_argument("--date", type=iso_date, metavar="DATE", help="通知日（省略時は今日）")
    notice.add_argument("--reply-by", type=iso_date, metavar="DATE", help="出欠の回答期限")


def _build(args: argparse.Namespace, session: Any, today: dt.date) -> PrintDocument:
    match args.document:
        case "agenda":
            return documents.agenda(session, args.meeting, include_attendees=args.attendees)
        case "record":
            return documents.record(session, args.meeting)
        case "roster":
            return documents.roster(
                session, args.council, args.as_of or today, include_contacts=args.contacts
            )
        case "appointment" if args.council is not None:
            return documents.council_appointments(session, args.council, args.as_of or today)
        case "appointment":
            return documents.appointments(session, args.appointment)
        case "notice":
            return documents.notices(
                session, args.meeting, args.date or today, reply_by=args.reply_by
            )
    raise AssertionError(args.document)


def ensure_gui_application() -> Any:
    """The running ``QGuiApplication``, or a new one; without a display (Linux servers, CI)
    it uses the ``offscreen`` platform instead of failing."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform not in ("win32", "darwin") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "kobankyo"])


@reports_domain_errors
def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        with db.reader() as session:
            document = _build(args, session, dt.date.today())
    finally:
        db.close()
    app = ensure_gui_application()
    from kobankyo_desktop.reports.pdf import write_pdf

    pages = write_pdf(document, args.pdf)
    del app  # a QGuiApplication made here goes before the interpreter's shutdown, not during it
    print(f"PDFを保存しました: {args.pdf}（{pages}ページ）")
    return 0
