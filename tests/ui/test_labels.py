"""The GUI's vocabulary labels keep equal codes of different vocabularies apart."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kobankyo_desktop.core.vocab import Department, Field, Gender
from kobankyo_desktop.ui.labels import label


def test_other_is_told_apart(qapp: QApplication) -> None:
    texts = {label(Gender.OTHER), label(Field.OTHER), label(Department.OTHER)}
    assert len(texts) == 3
    assert label(None) == ""
