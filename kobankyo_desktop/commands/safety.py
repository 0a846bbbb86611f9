"""``kobankyo backup``, ``kobankyo restore`` and ``kobankyo history``: data safety on the CLI.

``backup`` reads, so it runs while the GUI is open; ``restore`` writes and takes the writer's
lock, so it is refused while the GUI (or another command) has the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kobankyo_desktop.commands.common import db_path, open_database, reports_domain_errors
from kobankyo_desktop.core.audit import AuditRow, list_audit, resolve_entity
from kobankyo_desktop.core.backup import (
    MANUAL_LABEL,
    check_restorable,
    inspect_backup,
    restore_backup,
    timestamped_backup,
)
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.lock import DatabaseLock

DEFAULT_HISTORY_LIMIT = 100


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="データベースのバックアップを作成する",
        description="使用中でも一貫した状態のバックアップを作成します。"
        "--to を省略するとデータベースと同じ場所の backups フォルダーに保存します。",
    )
    backup.add_argument(
        "--to", type=Path, metavar="DIR", help="保存先のフォルダー（USBメモリなど）"
    )
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="バックアップからデータベースを復元する",
        description="現在の状態をバックアップしてから、指定したバックアップの内容に置き換えます。"
        "アプリケーションのウィンドウを閉じてから実行してください。",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="復元するバックアップファイル")
    restore.set_defaults(func=run_restore)

    history = subparsers.add_parser(
        "history",
        help="操作履歴（いつ・誰が・何を変更したか）を表示する",
        description="記録の作成・変更・削除の履歴を新しい順に表示します。",
    )
    history.add_argument(
        "--entity", metavar="X", help="対象を絞り込む（例: 委員, 会議, people, meetings）"
    )
    history.add_argument(
        "--since", metavar="YYYY-MM-DD", help="この日（この PC の日付）以降の履歴だけを表示する"
    )
    history.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_HISTORY_LIMIT,
        metavar="N",
        help=f"表示する件数（既定 {DEFAULT_HISTORY_LIMIT}、0 ですべて）",
    )
    history.set_defaults(func=run_history)


@reports_domain_errors
def run_backup(args: argparse.Namespace) -> int:
    path = db_path(args)
    open_database(args).close()  # refuses a missing, damaged or foreign file with its message
    dest = timestamped_backup(path, MANUAL_LABEL, folder=args.to)
    info = inspect_backup(dest)
    print(f"バックアップを作成しました: {dest}")
    print(f"記録数: {info.counts_text()}")
    return 0


@reports_domain_errors
def run_restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    source: Path = args.file
    info = check_restorable(source)  # before the lock: a typo must not touch anything
    with DatabaseLock(path):
        before = restore_backup(path, source)
    print(f"復元しました: {source}（{info.taken_at:%Y-%m-%d %H:%M} の状態）")
    print(f"記録数: {info.counts_text()}")
    if before is not None:
        print(f"復元前の状態は次のファイルに保存しました: {before}")
    return 0


def parse_since(text: str | None) -> dt.datetime | None:
    """Midnight at the start of the ``--since`` day, in the PC's time zone."""
    if text is None:
        return None
    try:
        day = dt.datetime.strptime(text.strip(), "%Y-%m-%d")
    except ValueError:
        raise ValidationError(
            "since",
            f"--since の日付「{text}」を読み取れません。YYYY-MM-DD の形式"
            "（例: 2025-04-01）で指定してください。",
        ) from None
    return day.astimezone()  # naive local midnight → aware


@reports_domain_errors
def run_history(args: argparse.Namespace) -> int:
    since = parse_since(args.since)
    entity = resolve_entity(args.entity) if args.entity else None
    if args.limit < 0:
        raise ValidationError("limit", "--limit には 0 以上の数を指定してください。")
    db = open_database(args)
    try:
        with db.reader() as session:
            rows = list_audit(session, entity=entity, since=since, limit=args.limit or None)
    finally:
        db.close()
    if not rows:
        print("該当する操作履歴はありません。")
        return 0
    for line in render_history(rows):
        print(line)
    return 0


def render_history(rows: list[AuditRow]) -> Iterator[str]:
    """Each entry as a heading line and its changes indented below it."""
    for row in rows:
        label = f"「{row.label}」" if row.label else ""
        yield (
            f"{row.local_time:%Y-%m-%d %H:%M:%S}  {row.os_user}  {row.action_label}  "
            f"{row.entity_label}{label}"
        )
        for change in row.change_lines():
            yield "    " + change.replace("\n", "\n      ")  # a multi-line value stays indented
