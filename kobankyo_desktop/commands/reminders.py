"""``kobankyo reminders``: the reminders panel as text or JSON, e.g. for a scheduled task.

The exit status says whether anything is flagged (0: nothing, 1: something), so a task
scheduler can act on it without reading the output; a bad ``--as-of`` is a user error (2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from kobankyo_desktop.commands.common import open_database, reports_domain_errors
from kobankyo_desktop.core.dates import DateStyle, format_date
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.rules import Reminder, evaluate
from kobankyo_desktop.core.settings import load_settings

EXIT_NOTHING_FLAGGED = 0
EXIT_FLAGGED = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "reminders",
        help="通知（定期会議・任期・運営責任者・意見要望・委員構成）を表示する",
        description="指定日の時点で対応が必要な事項を、急ぐものから順に表示します。"
        "通知がなければ終了コード 0、あれば 1 を返します。",
    )
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="この日の時点で判定する（省略時は今日）",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="JSON の配列で出力する（項目名は docs/reminders.md を参照）",
    )
    parser.set_defaults(func=run)


@reports_domain_errors
def run(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)  # before opening: a typo must not create a database
    db = open_database(args)
    try:
        with db.reader() as session:
            settings = load_settings(session)
            reminders = evaluate(session, as_of, settings)
    finally:
        db.close()
    if args.json:
        print(json.dumps([r.to_json() for r in reminders], ensure_ascii=False, indent=2))
    else:
        for line in render(reminders, as_of, settings.date_style):
            print(line)
    return EXIT_FLAGGED if reminders else EXIT_NOTHING_FLAGGED


def parse_as_of(text: str | None) -> dt.date:
    """The ``--as-of`` day; today when not given."""
    if text is None:
        return dt.date.today()
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError(
            "as_of",
            f"--as-of の日付「{text}」を読み取れません。YYYY-MM-DD の形式"
            "（例: 2025-04-01）で指定してください。",
        ) from None


def render(reminders: list[Reminder], as_of: dt.date, style: DateStyle) -> Iterator[str]:
    """The reminders as readable Japanese lines, most urgent first."""
    today = format_date(as_of, style)
    if not reminders:
        yield f"{today}現在、通知はありません。"
        return
    counts = Counter(r.severity for r in reminders)
    summary = "、".join(f"{s.label}{counts[s]}件" for s in sorted(counts, reverse=True))
    yield f"{today}現在の通知: {len(reminders)}件（{summary}）"
    for reminder in reminders:
        yield ""
        yield f"[{reminder.severity.label}] {reminder.title}（{reminder.council_name}）"
        yield f"  {reminder.message}"
        if reminder.due is not None:
            yield f"  期限: {format_date(reminder.due, style)}"
