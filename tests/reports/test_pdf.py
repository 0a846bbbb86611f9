"""Each document printed to PDF and read back: A4 portrait, Japanese text in the text layer,
long lists flowing onto further pages with nothing lost, exact names, atomic writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pdf_reading import A4, DEMO_TODAY, in_order, read_pdf

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Meeting
from kobankyo_desktop.reports import documents, pdf
from kobankyo_desktop.reports.fonts import pua_aliases
from kobankyo_desktop.reports.html import PrintDocument, Sheet
from kobankyo_desktop.reports.pdf import PdfWriteError, restore_supplementary_text, write_pdf

pytestmark = pytest.mark.usefixtures("app")


def assert_a4_portrait(sizes: list[tuple[float, float]]) -> None:
    for width, height in sizes:
        assert abs(width - A4[0]) <= 1 and abs(height - A4[1]) <= 1


def test_agenda_has_heading_date_and_every_item_in_order(demo, tmp_path: Path) -> None:
    with demo.db.reader() as s:
        document = documents.agenda(s, demo.held_meeting_id)
        items = [i.title for i in s.get_one(Meeting, demo.held_meeting_id).agenda_items]
    path = tmp_path / "agenda.pdf"
    assert write_pdf(document, path) == 1
    read = read_pdf(path)
    assert_a4_portrait(read.sizes)
    text = read.squeezed
    assert "令和7年度駅前交番連絡協議会定期会議次第" in text
    assert "令和7年5月" in text and "午後3時30分から午後4時30分まで" in text
    assert in_order(
        text, ["開会", "あいさつ", "議事", *items, "前回の意見・要望に対する措置結果", "閉会"]
    )


def test_record_lists_attendees_minutes_and_opinions(demo, tmp_path: Path) -> None:
    with demo.db.reader() as s:
        document = documents.record(s, demo.held_meeting_id)
    path = tmp_path / "record.pdf"
    write_pdf(document, path)
    read = read_pdf(path)
    assert_a4_portrait(read.sizes)
    text = read.squeezed
    assert "駅前交番連絡協議会定期会議会議録" in text
    assert in_order(text, ["出席者", "委員", "警察", "生活安全課", "さくら町自治会連合会"])
    assert in_order(text, ["議事概要", "【委員】", "【警察】", "【委員】", "【警察】"])
    assert "意見・要望と措置・対応状況" in text


def test_roster_contact_details_only_when_asked(demo, tmp_path: Path) -> None:
    with demo.db.reader() as s:
        without = documents.roster(s, demo.council_id, DEMO_TODAY)
        with_contacts = documents.roster(s, demo.council_id, DEMO_TODAY, include_contacts=True)
    write_pdf(without, tmp_path / "plain.pdf")
    write_pdf(with_contacts, tmp_path / "contacts.pdf")
    plain, contacts = read_pdf(tmp_path / "plain.pdf"), read_pdf(tmp_path / "contacts.pdf")
    assert "駅前交番連絡協議会委員名簿" in plain.squeezed
    assert "令和7年6月1日現在" in plain.squeezed
    for text, shown in ((plain.squeezed, False), (contacts.squeezed, True)):
        assert ("架空県さくら市" in text) is shown
        assert ("〒000-0000" in text) is shown
        assert ("取扱注意" in text) is shown


def test_appointment_letters_one_page_each(demo, tmp_path: Path) -> None:
    with demo.db.reader() as s:
        document = documents.council_appointments(s, demo.council_id, DEMO_TODAY)
    path = tmp_path / "letters.pdf"
    pages = write_pdf(document, path)
    read = read_pdf(path)
    assert pages == len(read.texts) == len(document.sheets) > 1
    assert_a4_portrait(read.sizes)
    for n in range(pages):
        assert "委嘱状" in read.page(n)
        assert "委員に委嘱します。" in read.page(n)
        assert "さくら警察署長" in read.page(n)


def test_notices_one_page_per_serving_member_with_reply_slip(demo, tmp_path: Path) -> None:
    with demo.db.reader() as s:
        document = documents.notices(
            s, demo.planned_meeting_id, DEMO_TODAY, reply_by=dt.date(2025, 6, 20)
        )
    path = tmp_path / "notices.pdf"
    pages = write_pdf(document, path)
    read = read_pdf(path)
    assert pages == len(document.sheets) == len(read.texts)
    for n in range(pages):
        assert in_order(
            read.page(n),
            [
                "様",
                "の開催について（通知）",
                "日時",
                "場所",
                "議題",
                "切り取り線",
                "出欠回答書",
                "出席します・欠席します",
                "令和7年6月20日(金)までに",
            ],
        )


def test_long_agenda_flows_onto_a_second_page_with_every_item(
    build_council, db: Database, tmp_path: Path
) -> None:
    built = build_council(items=60)
    with db.reader() as s:
        document = documents.agenda(s, built.meeting_id)
    path = tmp_path / "agenda.pdf"
    pages = write_pdf(document, path)
    read = read_pdf(path)
    assert pages >= 2 and len(read.texts) == pages
    assert_a4_portrait(read.sizes)
    items = [f"議題その{n:03d}について" for n in range(1, 61)]
    assert in_order(read.squeezed, [*items, "閉会"])
    assert all(read.squeezed.count(item) == 1 for item in items)
    assert f"1/{pages}" in read.page(0) and f"2/{pages}" in read.page(1)


def test_long_roster_repeats_its_header_and_loses_no_row(
    build_council, db: Database, tmp_path: Path
) -> None:
    built = build_council(members=70)
    with db.reader() as s:
        document = documents.roster(s, built.council_id, DEMO_TODAY, include_contacts=True)
    path = tmp_path / "roster.pdf"
    pages = write_pdf(document, path)
    read = read_pdf(path)
    assert pages >= 2
    for n in range(pages):
        assert "番号役職氏名" in read.page(n)  # the header row, on every page
    assert in_order(read.squeezed, ["".join(name.split()) for name in built.names])
    assert all(read.squeezed.count("".join(name.split())) == 1 for name in built.names)
    assert "計70名" in read.squeezed


def test_text_layer_has_ideographs_not_kangxi_radicals(demo, tmp_path: Path) -> None:
    with demo.db.reader() as s:
        document = documents.agenda(s, demo.held_meeting_id)
    path = tmp_path / "agenda.pdf"
    write_pdf(document, path)
    text = read_pdf(path).text
    assert "\u6708" in text and "\u65e5" in text  # 月 日
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text), "a radical in the text layer"
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text), "a private-use alias left over"


VARIANT_NAMES = (
    ("𠮷田 太郎", "よしだ たろう"),  # U+20BB7, outside the BMP and IPAex
    ("山﨑 花子", "やまざき はなこ"),  # U+FA11, a CJK Compatibility ideograph
    ("髙橋 誠", "たかはし まこと"),  # U+9AD9
    ("渡邉 溺", "わたなべ おぼる"),  # 溺 U+6EBA shares a glyph with U+F9EC in IPAex
)


def test_variant_kanji_names_read_back_exactly(build_council, db: Database, tmp_path: Path) -> None:
    built = build_council(members=5, names=VARIANT_NAMES)
    with db.reader() as s:
        roster = documents.roster(s, built.council_id, DEMO_TODAY)
        letters = documents.appointments(s, built.appointment_ids[:4])
    write_pdf(roster, tmp_path / "roster.pdf")
    write_pdf(letters, tmp_path / "letters.pdf")
    for read in (read_pdf(tmp_path / "roster.pdf"), read_pdf(tmp_path / "letters.pdf")):
        for name, _reading in VARIANT_NAMES:
            assert "".join(name.split()) in read.squeezed
        assert "\U00020bb7" in read.text and "\ufa11" in read.text and "\u5d0e" not in read.text


def test_variant_kanji_print_with_a_real_glyph() -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    from kobankyo_desktop.reports.fonts import BODY_FAMILIES, register_fonts

    register_fonts()
    font = QFont()
    font.setFamilies(list(BODY_FAMILIES))
    metrics = QFontMetricsF(font)
    for text in ("\U00020bb7", "\ufa11", "\u9ad9", "\u6708"):
        assert metrics.inFontUcs4(ord(text)), f"U+{ord(text):04X} would print as tofu"


def test_pua_aliases_are_restored_in_to_unicode_maps() -> None:
    alias = next(a for a, cp in pua_aliases().items() if cp == 0x20BB7)
    cmap = (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        b"2 beginbfrange\n<0000> <0000> <0000>\n"
        b"<0001> <0003> [<6708> <%04X> <65E5>]\nendbfrange\nendcmap\nend\nend\n" % alias
    )
    rewritten = pdf._rewrite_to_unicode(cmap, pua_aliases())
    assert rewritten is not None
    assert pdf._parse_to_unicode(rewritten) == {0: "0000", 1: "6708", 2: "D842DFB7", 3: "65E5"}
    assert rewritten.startswith(b"/CIDInit") and rewritten.endswith(b"end\nend\n")
    assert pdf._rewrite_to_unicode(cmap.replace(b"%04X" % alias, b"5C71"), pua_aliases()) is None


def test_pdf_without_aliases_is_left_as_it_is() -> None:
    data, _pages = pdf.render_pdf(PrintDocument("t", (Sheet("<p>ABC</p>"),)))
    assert restore_supplementary_text(data, {}) == data


def test_failed_write_leaves_the_existing_file_alone(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "roster.pdf"
    target.write_bytes(b"previous")
    document = PrintDocument("t", (Sheet("<p>新しい内容</p>"),))

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf.os, "fsync", full_disk)
    with pytest.raises(PdfWriteError) as caught:
        write_pdf(document, target)
    assert "PDFを保存できませんでした" in caught.value.message
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.pdf"]


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(PdfWriteError):
        write_pdf(PrintDocument("t", (Sheet("<p>x</p>"),)), tmp_path / "no" / "such.pdf")


def test_an_unexpected_pdf_layout_is_left_unchanged() -> None:
    odd = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n%%EOF\n"
    assert restore_supplementary_text(odd, pua_aliases()) == odd
