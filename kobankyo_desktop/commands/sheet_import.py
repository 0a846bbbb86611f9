"""``kobankyo import-sheet roster|meetings FILE --council ID``: bring a koban's Excel in.

Reads a roster (委員名簿) or a meeting list (会議一覧) from .xlsx or CSV, maps its columns by
their headers (or by a saved mapping), and prints a row-by-row report. Valid rows are written
in one transaction after a backup; ``--dry-run`` only reports. Exit status: 0 when every row
was imported or already there, 1 when some rows were refused, 2 on a user error.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from kobankyo_desktop.commands.common import open_database, open_for_writing, reports_domain_errors
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.sheets.importer import ImportRequest, import_sheet, preview_import
from kobankyo_desktop.sheets.mapping import (
    KIND_LABELS,
    SPECS,
    ColumnMapping,
    SheetKind,
    check_kind,
    column_letter,
    guess_header_row,
    guess_mapping,
    headers_of,
    load_mapping,
    save_mapping,
    to_saved,
)
from kobankyo_desktop.sheets.reader import Grid, SourceFile, read_source
from kobankyo_desktop.sheets.report import report_lines
from kobankyo_desktop.sheets.rows import parse_rows

EXIT_SOME_REFUSED = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import-sheet",
        help="Excel・CSV の委員名簿や会議一覧を取り込む",
        description="交番で使ってきた Excel（.xlsx）や CSV の委員名簿・会議一覧を、指定した連絡協議会に"
        "取り込みます。列は見出しから推定します（--mapping で保存した対応付けも使えます）。"
        "取り込む前にバックアップを取り、問題のない行だけを一つのトランザクションで書き込みます。"
        "同じファイルをもう一度取り込んでも重複しません。",
    )
    parser.add_argument(
        "kind",
        choices=[k.value for k in SheetKind],
        help="roster（委員名簿）または meetings（会議一覧）",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help=".xlsx または .csv のファイル")
    parser.add_argument(
        "--council", type=int, required=True, metavar="ID", help="取り込み先の連絡協議会の ID"
    )
    parser.add_argument("--sheet", metavar="NAME", help="シート名（省略時は最初のシート）")
    parser.add_argument(
        "--header-row", type=int, metavar="N", help="見出しの行番号（省略時は推定）"
    )
    parser.add_argument(
        "--mapping", type=Path, metavar="FILE", help="保存した列の対応付け（.json）"
    )
    parser.add_argument(
        "--save-mapping", type=Path, metavar="FILE", help="使った列の対応付けを保存する（.json）"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="確認だけ行い、データベースは変更しない"
    )
    parser.set_defaults(func=run)


@reports_domain_errors
def run(args: argparse.Namespace) -> int:
    kind = SheetKind(args.kind)
    source = read_source(args.file)
    mapping, grid = _mapping(args, kind, source)
    _print_source(source, grid, mapping)
    if args.save_mapping is not None:
        save_mapping(args.save_mapping, to_saved(mapping, headers_of(grid, mapping.header_row)))
        print(f"列の対応付けを保存しました: {args.save_mapping}")
    today = dt.date.today()
    request = ImportRequest(kind, args.council, tuple(parse_rows(grid, mapping, today)))
    if not request.rows:
        raise ValidationError("file", f"見出し（{mapping.header_row}行目）より下に行がありません。")
    if args.dry_run:
        db = open_database(args)
        try:
            plan = preview_import(db, request)
        finally:
            db.close()
    else:
        with open_for_writing(args) as db:
            plan = import_sheet(db, request)
    for line in report_lines(plan):
        print(line)
    if args.dry_run:
        print("確認のみ（--dry-run）: データベースは変更していません。")
    return EXIT_SOME_REFUSED if plan.invalid_rows else 0


def _mapping(
    args: argparse.Namespace, kind: SheetKind, source: SourceFile
) -> tuple[ColumnMapping, Grid]:
    """The sheet and its column mapping: from --mapping if given, else guessed."""
    saved = load_mapping(args.mapping) if args.mapping is not None else None
    if saved is not None:
        check_kind(saved, kind)
    sheet_name = args.sheet
    if sheet_name is None and saved is not None and saved.sheet in source.sheet_names:
        sheet_name = saved.sheet
    grid = source.sheet(sheet_name)
    header_row = args.header_row
    if header_row is None:
        header_row = saved.find_header_row(grid) if saved else guess_header_row(grid, kind)
    if header_row is None or grid.row(header_row) is None:
        raise ValidationError(
            "header_row",
            f"シート「{grid.name}」に見出しの行が見つかりません。--header-row で行番号を指定してください。",
        )
    mapping = saved.apply(grid, header_row) if saved else guess_mapping(grid, kind, header_row)
    problems = mapping.problems()
    if problems:
        _print_columns(grid, mapping)
        raise ValidationError(
            "mapping",
            " ".join(problems) + " --mapping で列の対応付けを指定してください"
            "（画面の取り込みで保存できます）。",
        )
    return mapping, grid


def _print_source(source: SourceFile, grid: Grid, mapping: ColumnMapping) -> None:
    encoding = f"、文字コード {source.encoding}" if source.encoding else ""
    print(
        f"{KIND_LABELS[mapping.kind]}: {source.path.name}（シート「{grid.name}」、"
        f"見出し {mapping.header_row}行目{encoding}）"
    )
    _print_columns(grid, mapping)


def _print_columns(grid: Grid, mapping: ColumnMapping) -> None:
    print("列の対応:")
    for index, header in enumerate(headers_of(grid, mapping.header_row)):
        target = mapping.columns.get(index)
        field = SPECS[target].label if target else "（取り込まない）"
        print(f"  {column_letter(index)}列「{header}」→ {field}")
