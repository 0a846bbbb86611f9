"""Where the shipped files are, from source or frozen: one helper for the whole application.

From a source checkout (or an editable install) the resources (translations, fonts, icons) are
in the repository's ``resources/``; in the PyInstaller bundle ``build.spec`` copies them to
``resources/`` in the bundle's folder (``sys._MEIPASS``, ``_internal/`` beside the program).
The Alembic migrations are read as files from the package in both cases: ``build.spec`` copies
them into the bundle at the same place relative to the package.

:data:`SHIPPED` lists what the application reads from ``resources/``; ``build.spec`` ships
exactly those files, so the bundle cannot silently lack one that the source tree has.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# Glob patterns under resources/: compiled translations, fonts with their licence and aliases,
# and the application icon. Sources (.ts, glossaries) stay out of the bundle.
SHIPPED = (
    "translations/*.qm",
    "fonts/*.ttf",
    "fonts/*.txt",
    "fonts/README.md",
    "icons/kobankyo.*",
)
APP_ICON = ("icons", "kobankyo.png")


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return PACKAGE_DIR.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("translations", "kobankyo_ja.qm")``."""
    return resources_dir().joinpath(*parts)


def app_icon_path() -> Path:
    """The application icon (256 px PNG) for ``QApplication.setWindowIcon``."""
    return resource_path(*APP_ICON)


def migrations_dir() -> Path:
    """The Alembic script directory (``env.py``, ``versions/``), read as files by Alembic."""
    return PACKAGE_DIR / "core" / "migrations"


def shipped_files(root: Path | None = None) -> list[Path]:
    """Every file under ``resources/`` (or ``root``) that :data:`SHIPPED` names, sorted."""
    base = root if root is not None else resources_dir()
    return sorted({path for pattern in SHIPPED for path in base.glob(pattern) if path.is_file()})
