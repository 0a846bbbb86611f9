"""Lay a :class:`~.html.PrintDocument` out on A4 portrait pages and paint it on any paged
device: a ``QPrinter`` (printing, preview) or a ``QPdfWriter``.

Text is laid out once, at 72 dpi with the fonts' design metrics, so one layout unit is one
point and the pages break at the same places on every device and PC; painting scales it to the
device's resolution. Qt's rich text reads margins, padding and rules only in pixels, which it
scales by the screen's logical DPI: the points :mod:`.html` writes are converted by a factor
measured once, so a printout does not depend on the screen of the PC that printed it. Each sheet starts a new page; a long sheet flows over further pages (a
table's header row repeats), and a sheet's foot (a reply slip) sits at the bottom of its last
page under a cut line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from kobankyo_desktop.reports.fonts import BODY_FAMILIES, register_fonts
from kobankyo_desktop.reports.html import PrintDocument, esc

LAYOUT_DPI = 72
MM = 72 / 25.4  # points per millimetre
PAGE_SIZE = QPageSize(QPageSize.PageSizeId.A4)
PAGE_WIDTH = PAGE_SIZE.size(QPageSize.Unit.Point).width()  # 595.28 pt
PAGE_HEIGHT = PAGE_SIZE.size(QPageSize.Unit.Point).height()  # 841.89 pt
# Margins of an A4 official document, binding on the left.
MARGIN_TOP = 25 * MM
MARGIN_BOTTOM = 22 * MM
MARGIN_LEFT = 25 * MM
MARGIN_RIGHT = 20 * MM
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
BODY_POINT_SIZE = 10.5
PAGE_NUMBER_BASELINE = 12 * MM  # from the bottom edge of the paper
CUT_LINE_GAP = 8 * MM  # between the body and the cut line, and the cut line and the slip


def _layout_device() -> QImage:
    """A 72 dpi reference device: layout units are points whatever the screen."""
    image = QImage(1, 1, QImage.Format.Format_Mono)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


@cache
def pixels_per_point() -> float:
    """How many of Qt's rich-text pixels make a point on the 72 dpi layout device.

    Qt scales these pixels by (device dpi / screen logical dpi): 4/3 on a 96 dpi screen.
    Measured rather than computed, so it holds whatever screen (or none) the PC has.
    """
    probe = QTextDocument()
    probe.documentLayout().setPaintDevice(_layout_device())
    probe.setDocumentMargin(100)
    probe.setPlainText("x")
    laid_out = probe.documentLayout().blockBoundingRect(probe.begin()).x()
    return 100 / laid_out if laid_out > 0 else 1.0


_STYLE_ATTRIBUTE = re.compile(r"(style=')([^']*)(')|(<style>)(.*?)(</style>)", re.S)
_LENGTH = re.compile(r"((?:margin|padding|text-indent|border)[a-z-]*\s*:\s*)([^;}]*)", re.S)
_POINTS = re.compile(r"(-?\d+(?:\.\d+)?)pt")
_CELL_PADDING = re.compile(r"cellpadding='(\d+(?:\.\d+)?)'")


def qt_lengths(html: str) -> str:
    """``html`` with the lengths in points of its style attributes and style sheet (and
    ``cellpadding``) turned into the pixels Qt reads. Text content is left alone: it is
    escaped, so it cannot contain a style attribute."""
    factor = pixels_per_point()

    def points(match: re.Match[str]) -> str:
        return f"{float(match[1]) * factor:.2f}px"

    def lengths(match: re.Match[str]) -> str:
        return match[1] + _POINTS.sub(points, match[2])

    def style(match: re.Match[str]) -> str:
        if match[1] is not None:
            return match[1] + _LENGTH.sub(lengths, match[2]) + match[3]
        return match[4] + _LENGTH.sub(lengths, match[5]) + match[6]

    html = _STYLE_ATTRIBUTE.sub(style, html)
    return _CELL_PADDING.sub(lambda m: f"cellpadding='{float(m[1]) * factor:.2f}'", html)


def _text_document(html: str, device: QImage) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setUseDesignMetrics(True)
    font = QFont()
    font.setFamilies(list(BODY_FAMILIES))
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(qt_lengths(html))
    return document


@dataclass(frozen=True, slots=True)
class _Page:
    sheet: int
    index: int  # page of the sheet's body drawn here; -1 for a page holding only the foot
    number: int  # 1-based within the sheet
    count: int  # pages of the sheet
    foot_top: float | None  # where the foot goes on this page, in points from the top


class ReportLayout:
    """A document laid out in pages, ready to paint (needs a ``QGuiApplication``)."""

    def __init__(self, document: PrintDocument) -> None:
        register_fonts()
        self.title = document.title
        self._page_numbers = document.page_numbers
        self._device = _layout_device()
        self._bodies: list[QTextDocument] = []
        self._feet: list[QTextDocument | None] = []
        self._pages: list[_Page] = []
        for sheet_index, sheet in enumerate(document.sheets):
            body = self._paginated(sheet.body)
            foot = None
            if sheet.foot is not None:
                foot = _text_document(sheet.foot, self._device)
                foot.setDocumentMargin(0)
                foot.setTextWidth(CONTENT_WIDTH)
            self._bodies.append(body)
            self._feet.append(foot)
            self._pages.extend(self._sheet_pages(sheet_index, body, foot))

    def _paginated(self, html: str) -> QTextDocument:
        document = _text_document(html, self._device)
        document.setPageSize(QSizeF(PAGE_WIDTH, PAGE_HEIGHT))
        root = document.rootFrame()
        frame = root.frameFormat()
        factor = pixels_per_point()
        frame.setTopMargin(MARGIN_TOP * factor)
        frame.setBottomMargin(MARGIN_BOTTOM * factor)
        frame.setLeftMargin(MARGIN_LEFT * factor)
        frame.setRightMargin(MARGIN_RIGHT * factor)
        root.setFrameFormat(frame)
        return document

    @staticmethod
    def _sheet_pages(sheet: int, body: QTextDocument, foot: QTextDocument | None) -> list[_Page]:
        count = max(1, body.pageCount())
        if foot is None:
            return [_Page(sheet, i, i + 1, count, None) for i in range(count)]
        foot_top = PAGE_HEIGHT - MARGIN_BOTTOM - foot.size().height()
        last_block = body.documentLayout().blockBoundingRect(body.lastBlock())
        used = last_block.bottom() - (count - 1) * PAGE_HEIGHT
        if used + 2 * CUT_LINE_GAP <= foot_top:
            pages = [_Page(sheet, i, i + 1, count, None) for i in range(count - 1)]
            return [*pages, _Page(sheet, count - 1, count, count, foot_top)]
        count += 1
        pages = [_Page(sheet, i, i + 1, count, None) for i in range(count - 1)]
        return [*pages, _Page(sheet, -1, count, count, foot_top)]

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def paint(self, device: QPagedPaintDevice) -> None:
        """Set ``device`` to A4 portrait and paint every page on it."""
        if hasattr(device, "setFullPage"):
            # A QPrinter: paint from the paper's corner; the printer's own minimum margins
            # stay as they are (ours are wider).
            device.setFullPage(True)
            device.setPageSize(PAGE_SIZE)
            device.setPageOrientation(QPageLayout.Orientation.Portrait)
        else:
            device.setPageLayout(
                QPageLayout(
                    PAGE_SIZE,
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(0, 0, 0, 0),
                    QPageLayout.Unit.Millimeter,
                )
            )
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("印刷先を開けませんでした。")
        try:
            self.paint_pages(painter, device)
        finally:
            painter.end()

    def paint_pages(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        """Paint every page with an active ``painter`` whose origin is the paper's corner."""
        scale_x = device.logicalDpiX() / LAYOUT_DPI
        scale_y = device.logicalDpiY() / LAYOUT_DPI
        for n, page in enumerate(self._pages):
            if n:
                device.newPage()
            painter.save()
            painter.scale(scale_x, scale_y)
            self._paint_page(painter, page)
            painter.restore()

    def _paint_page(self, painter: QPainter, page: _Page) -> None:
        if page.index >= 0:
            body = self._bodies[page.sheet]
            top = page.index * PAGE_HEIGHT
            painter.save()
            painter.translate(0, -top)
            body.drawContents(painter, QRectF(0, top, PAGE_WIDTH, PAGE_HEIGHT))
            painter.restore()
        foot = self._feet[page.sheet]
        if foot is not None and page.foot_top is not None:
            self._paint_cut_line(painter, page.foot_top - CUT_LINE_GAP)
            painter.save()
            painter.translate(MARGIN_LEFT, page.foot_top)
            foot.drawContents(painter)
            painter.restore()
        if self._page_numbers and page.count > 1:
            self._paint_small_text(
                painter,
                f"{page.number} / {page.count}",
                PAGE_HEIGHT - PAGE_NUMBER_BASELINE,
            )

    def _small_text(self, text: str) -> QTextDocument:
        document = _text_document(
            f"<p align='center' style='font-size: 8pt;'>{esc(text)}</p>", self._device
        )
        document.setDocumentMargin(0)
        return document

    def _paint_small_text(self, painter: QPainter, text: str, y: float) -> None:
        document = self._small_text(text)
        document.setTextWidth(CONTENT_WIDTH)
        painter.save()
        painter.translate(MARGIN_LEFT, y - document.size().height() / 2)
        document.drawContents(painter)
        painter.restore()

    def _paint_cut_line(self, painter: QPainter, y: float) -> None:
        """A dashed line across the page with 切り取り線 in a gap at its centre."""
        label = self._small_text("切り取り線")
        label.setTextWidth(-1)
        label_width = label.idealWidth() + 6
        label.setTextWidth(label_width)
        left, right = 12 * MM, PAGE_WIDTH - 12 * MM
        middle = PAGE_WIDTH / 2
        pen = QPen(QColor(0, 0, 0))
        pen.setWidthF(0.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.save()
        painter.setPen(pen)
        painter.drawLine(QPointF(left, y), QPointF(middle - label_width / 2, y))
        painter.drawLine(QPointF(middle + label_width / 2, y), QPointF(right, y))
        painter.translate(middle - label_width / 2, y - label.size().height() / 2)
        label.drawContents(painter)
        painter.restore()
