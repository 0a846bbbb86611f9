"""Print preview, printing and "save as PDF" for the printed documents, without blocking.

Every dialog is opened with ``open()``, never ``exec()``: the window stays responsive while a
dialog is up, and only the painting itself (a second or two) holds the event loop. Results are
reported by signals, as qutebrowser does.

Use from a tab or dialog::

    printer = DocumentPrinter(self)
    build = lambda: self.context.read(documents.agenda, meeting_id, include_attendees=True)
    menu.addActions(printer.actions(build))

``build`` is called when an action is triggered, so the document reflects the database at that
moment; a :class:`DomainError` it raises is shown to the user and nothing is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget
from sqlalchemy.orm import Session

from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.reports import documents
from kobankyo_desktop.reports.html import PrintDocument
from kobankyo_desktop.reports.pdf import write_pdf
from kobankyo_desktop.reports.render import ReportLayout
from kobankyo_desktop.ui.context import AppContext

DocumentBuilder = Callable[[], PrintDocument | None]

# Characters Windows does not allow in file names, and spaces (kept out of suggested names).
_UNSAFE_FILE_CHARACTERS = re.compile(r'[\\/:*?"<>|\s]+')


def suggested_file_name(document: PrintDocument) -> str:
    """A file name for the PDF, from the document's title: 駅前交番連絡協議会_委員名簿.pdf."""
    stem = _UNSAFE_FILE_CHARACTERS.sub("_", document.title).strip("_.") or "document"
    return f"{stem}.pdf"


class DocumentPrinter(QObject):
    """Preview, print and save documents for one window.

    Remembers the printer the user chose and the folder PDFs were last saved to, for as long as
    the window lives. ``printed`` and ``saved`` carry the document title and the PDF's path;
    ``failed`` the message already shown to the user.
    """

    printed = Signal(str)
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._printer: QPrinter | None = None
        self._pdf_folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

    @property
    def printer(self) -> QPrinter:
        """The printer, A4 portrait, painted from the paper's corner (the documents set their
        own margins)."""
        if self._printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setFullPage(True)
            self._printer = printer
        return self._printer

    def actions(self, build: DocumentBuilder, parent: QObject | None = None) -> list[QAction]:
        """「印刷プレビュー…」「印刷…」「PDFに保存…」 for the document ``build`` makes."""
        owner = parent or self._parent
        preview = QAction(self.tr("Print Preview…"), owner)
        preview.triggered.connect(lambda: self._with(build, self.preview))
        print_ = QAction(self.tr("Print…"), owner)
        print_.triggered.connect(lambda: self._with(build, self.print_document))
        save = QAction(self.tr("Save as PDF…"), owner)
        save.triggered.connect(lambda: self._with(build, self.save_pdf))
        return [preview, print_, save]

    def _with(self, build: DocumentBuilder, show: Callable[[PrintDocument], object]) -> None:
        try:
            document = build()
        except DomainError as exc:
            self._warn(self.tr("Cannot print"), exc.message)
            return
        if document is not None:
            show(document)

    def preview(self, document: PrintDocument) -> QPrintPreviewDialog:
        """Open 印刷プレビュー; printing from it reports ``printed``."""
        layout = ReportLayout(document)
        dialog = QPrintPreviewDialog(self.printer, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Print Preview — %1").replace("%1", document.title))
        dialog.paintRequested.connect(layout.paint)
        dialog.accepted.connect(lambda: self.printed.emit(document.title))
        QDialog.open(dialog)  # the subclass's open(receiver, member) hides the plain one
        return dialog

    def print_document(self, document: PrintDocument) -> QPrintDialog:
        """Open the print dialog; the document is printed when the user confirms."""
        layout = ReportLayout(document)
        dialog = QPrintDialog(self.printer, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Print — %1").replace("%1", document.title))
        dialog.finished.connect(
            lambda result: self._print(layout) if result == QDialog.DialogCode.Accepted else None
        )
        QDialog.open(dialog)
        return dialog

    def _print(self, layout: ReportLayout) -> None:
        try:
            layout.paint(self.printer)
        except OSError:
            self._warn(self.tr("Cannot print"), self.tr("The printer could not be started."))
            return
        self.printed.emit(layout.title)

    def save_pdf(self, document: PrintDocument) -> QFileDialog:
        """Ask where to save, then write the PDF; ``saved`` carries the path."""
        dialog = QFileDialog(self._parent, self.tr("Save as PDF"), self._pdf_folder)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(suggested_file_name(document))
        dialog.fileSelected.connect(lambda path: self.write_pdf(document, path))
        QDialog.open(dialog)
        return dialog

    def write_pdf(self, document: PrintDocument, path: str) -> bool:
        """Write ``document`` to ``path``; a failure is shown to the user and reported."""
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_pdf(document, target)
        except DomainError as exc:
            self._warn(self.tr("Cannot save the PDF"), exc.message)
            return False
        self._pdf_folder = str(target.parent)
        self.saved.emit(str(target))
        return True

    def _warn(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.failed.emit(message)


def add_document_menu(
    menu: QMenu, printer: DocumentPrinter, title: str, build: DocumentBuilder
) -> QMenu:
    """A submenu ``title`` of ``menu`` with the document's preview, print and PDF actions."""
    submenu = menu.addMenu(title)
    submenu.addActions(printer.actions(build, submenu))
    return submenu


def confirm_personal_data(parent: QWidget) -> bool:
    """Ask before a document with residents' contact details leaves the PC (§ personal data)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Printing", "Contact details included"),
        QCoreApplication.translate(
            "Printing",
            "This document includes members' addresses and telephone numbers (personal"
            " information). Handle the printout or PDF accordingly. Continue?",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def meeting_print_menu(
    parent: QWidget,
    printer: DocumentPrinter,
    context: AppContext,
    meeting_id: Callable[[], int | None],
) -> QMenu:
    """The documents of one meeting: 次第, 会議録 and 開催通知, for the meeting that
    ``meeting_id()`` names when an action is used."""

    def build(make: Callable[[Session, int], PrintDocument]) -> DocumentBuilder:
        def run() -> PrintDocument | None:
            current = meeting_id()
            return None if current is None else context.read(make, current)

        return run

    menu = QMenu(parent)
    for title, make in (
        (QCoreApplication.translate("Printing", "Agenda"), documents.agenda),
        (
            QCoreApplication.translate("Printing", "Agenda with attendees"),
            partial(documents.agenda, include_attendees=True),
        ),
        (QCoreApplication.translate("Printing", "Meeting record"), documents.record),
        (
            QCoreApplication.translate("Printing", "Notices of meeting"),
            lambda session, m: documents.notices(session, m, context.today()),
        ),
    ):
        add_document_menu(menu, printer, title, build(make))
    return menu
