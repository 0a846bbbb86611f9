"""Fixtures for the GUI tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def type_text(qapp: QApplication) -> TypeText:
    """Enter Japanese text the way an IME does: a committed input-method event.

    ``qtbot.keyClicks`` handles ASCII only (QTest aborts on other characters), and officers
    type names through the IME anyway; ASCII still goes through real key clicks.
    """

    def commit(widget: QWidget, text: str) -> None:
        widget.setFocus()
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    return commit
