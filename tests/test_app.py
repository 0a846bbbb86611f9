"""Start-up: the Japanese translation is shipped, complete and loaded by default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from kobankyo_desktop.app import install_translators


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_japanese_is_the_default(japanese: None) -> None:
    translate = QCoreApplication.translate
    assert translate("MainWindow", "Councils") == "協議会"
    assert translate("MainWindow", "Reminders") == "リマインダー"
    assert translate("Labels", "Occupational") == "職種等"
    # Qt's own dialogs (OK, Cancel …) are Japanese too.
    assert translate("QPlatformTheme", "Cancel") == "キャンセル"


def test_english_when_asked(qapp: QApplication) -> None:
    assert install_translators(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "Councils") == "Councils"
