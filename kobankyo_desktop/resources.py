"""Where the shipped resources (translations, fonts, icons) are, from source or frozen.

From a source checkout (or an editable install) they are in the repository's ``resources/``;
in the PyInstaller bundle ``build.spec`` copies them to ``resources/`` beside the program.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("translations", "kobankyo_ja.qm")``."""
    return resources_dir().joinpath(*parts)
