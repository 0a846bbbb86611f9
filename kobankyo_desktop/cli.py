"""The ``kobankyo`` command.

With no sub-command it starts the GUI; sub-commands (``demo``, ``check``, ``reminders`` …) work
headless. Qt is imported only for the GUI and for printing, so scheduled tasks start fast.
Each sub-command lives in :mod:`kobankyo_desktop.commands` and registers itself here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from kobankyo_desktop import __version__

# Modules under kobankyo_desktop.commands, each with ``register(subparsers)``.
COMMAND_MODULES = ("demo", "check", "reminders", "safety", "exchange", "print", "sheet_import")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kobankyo",
        description="交番・駐在所連絡協議会の運営支援アプリケーション。"
        "サブコマンドを省略するとウィンドウを開きます。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="データベースファイル（省略時はユーザーデータフォルダーの kobankyo.db）",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"kobankyo_desktop.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kobankyo``; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_gui(args.db)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # Output piped into `head` or similar that stopped reading: not an error.
        sys.stderr.close()
        return 0


def gui_main() -> int:
    """Entry point of ``kobankyo-desktop`` (a GUI script: no console window on Windows)."""
    return main(sys.argv[1:])


def _run_gui(db_path: Path | None) -> int:
    from kobankyo_desktop.app import run

    return run(db_path)
