"""The GUI's print actions: dialogs open without blocking, PDFs are saved or the failure shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.reports.html import PrintDocument, Sheet
from kobankyo_desktop.ui.printing import DocumentPrinter, suggested_file_name

DOCUMENT = PrintDocument(
    "駅前交番連絡協議会 委員名簿",
    (Sheet("<p>一枚目</p>"), Sheet("<p>二枚目</p>", "<p>回答</p>")),
)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_suggested_file_name_is_safe() -> None:
    assert suggested_file_name(DOCUMENT) == "駅前交番連絡協議会_委員名簿.pdf"
    assert suggested_file_name(PrintDocument('a/b:c*"d"', ())) == "a_b_c_d.pdf"


def test_preview_opens_without_blocking_and_shows_every_page(window: QWidget, qtbot: QtBot) -> None:
    dialog = DocumentPrinter(window).preview(DOCUMENT)
    qtbot.waitUntil(dialog.isVisible)
    # open(), not exec(): control is back here while the dialog is up, modal to its window only
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 2)
    dialog.reject()


def test_print_dialog_opens_and_cancel_prints_nothing(window: QWidget, qtbot: QtBot) -> None:
    printer = DocumentPrinter(window)
    with qtbot.assertNotEmitted(printer.printed):
        dialog = printer.print_document(DOCUMENT)
        qtbot.waitUntil(dialog.isVisible)
        dialog.reject()


def test_printing_paints_every_page_on_the_printer(
    window: QWidget, tmp_path: Path, qtbot: QtBot
) -> None:
    from kobankyo_desktop.reports.render import ReportLayout

    printer = DocumentPrinter(window)
    printer.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(printer.printed) as signal:
        printer._print(ReportLayout(DOCUMENT))
    assert signal.args == [DOCUMENT.title]
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 2
    assert "二枚目" in reader.pages[1].extract_text()


def test_save_pdf_dialog_writes_the_chosen_file(
    window: QWidget, tmp_path: Path, qtbot: QtBot
) -> None:
    printer = DocumentPrinter(window)
    dialog = printer.save_pdf(DOCUMENT)
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(printer.saved) as signal:
        dialog.fileSelected.emit(str(tmp_path / "名簿"))
    assert signal.args == [str(tmp_path / "名簿.pdf")]
    assert len(PdfReader(tmp_path / "名簿.pdf").pages) == 2
    dialog.close()


def test_a_failed_save_is_shown_and_reported(window: QWidget, tmp_path: Path, qtbot: QtBot) -> None:
    printer = DocumentPrinter(window)
    with qtbot.waitSignal(printer.failed) as signal:
        assert not printer.write_pdf(DOCUMENT, str(tmp_path / "missing" / "x.pdf"))
    assert "PDFを保存できませんでした" in signal.args[0]
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    box.close()


def test_actions_build_the_document_when_triggered(window: QWidget, qtbot: QtBot) -> None:
    printer = DocumentPrinter(window)
    calls: list[int] = []

    def refuse() -> PrintDocument:
        calls.append(1)
        raise ValidationError("meeting", "中止になった会議の開催通知は作成できません。")

    preview, print_, save = printer.actions(refuse)
    assert calls == []
    with qtbot.waitSignal(printer.failed) as signal:
        save.trigger()
    assert calls == [1] and "中止" in signal.args[0]
    window.findChild(QMessageBox).close()
    assert [a.text() for a in (preview, print_, save)] == [
        "Print Preview…",
        "Print…",
        "Save as PDF…",
    ]
