"""Laying documents out on A4 pages."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from kobankyo_desktop.reports.html import PrintDocument, Sheet
from kobankyo_desktop.reports.render import ReportLayout, pixels_per_point, qt_lengths

pytestmark = pytest.mark.usefixtures("app")


def test_point_lengths_become_qt_pixels_in_styles_only() -> None:
    factor = pixels_per_point()
    converted = qt_lengths(
        "<style>p { margin-top: 3pt; font-size: 10pt; }</style>"
        "<p style='margin-left: 12pt; font-size: 12pt;'>margin-left: 12pt</p>"
        "<table cellpadding='3'></table>"
    )
    assert f"margin-top: {3 * factor:.2f}px" in converted
    assert f"margin-left: {12 * factor:.2f}px" in converted
    assert "font-size: 12pt" in converted and "font-size: 10pt" in converted
    assert ">margin-left: 12pt</p>" in converted  # text content untouched
    assert f"cellpadding='{3 * factor:.2f}'" in converted


def test_each_sheet_starts_a_page() -> None:
    document = PrintDocument("t", tuple(Sheet(f"<p>{n}</p>") for n in range(3)))
    assert ReportLayout(document).page_count == 3


def test_a_foot_that_does_not_fit_goes_on_a_page_of_its_own() -> None:
    short = ReportLayout(PrintDocument("t", (Sheet("<p>本文</p>", "<p>回答</p>"),)))
    long_body = "".join(f"<p>行{n}</p>" for n in range(44))
    long = ReportLayout(PrintDocument("t", (Sheet(long_body, "<p>回答</p>" * 8),)))
    assert short.page_count == 1
    assert long.page_count == 2


def test_paint_sets_a4_portrait(tmp_path) -> None:
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    ReportLayout(PrintDocument("t", (Sheet("<p>x</p>"),))).paint(writer)
    layout = writer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.orientation() == QPageLayout.Orientation.Portrait
