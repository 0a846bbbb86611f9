"""The Excel / CSV import wizard, walked page by page against a real database."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Appointment, Meeting, Person
from kobankyo_desktop.core.services.councils import CouncilInput, CouncilRow, create_council
from kobankyo_desktop.core.services.people import PersonInput, PersonRow, create_person
from kobankyo_desktop.core.services.stations import PostRow, StationRow
from kobankyo_desktop.core.vocab import CouncilKind, Gender, MeetingKind
from kobankyo_desktop.sheets.importer import RowStatus
from kobankyo_desktop.sheets.mapping import SheetKind, Target
from kobankyo_desktop.sheets.reader import read_source
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.sheet_import_wizard import SheetImportWizard
from kobankyo_desktop.ui.models.sheet_import_models import GridPreviewModel, PlanRowsModel

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

TableCounts = Callable[[], dict[str, int]]
TODAY = dt.date(2025, 6, 2)
TERM = "令和7年4月1日～令和9年3月31日"
HEADER = ["No.", "氏名", "フリガナ", "性別", "生年月日", "所属団体", "役職", "任期"]
ROWS: list[list[object] | None] = [
    [1, "青木 宏", "アオキ ヒロシ", "男", "昭和28年3月12日", "駅前一丁目町内会", "会長", TERM],
    [2, "中村 正子", "ナカムラ マサコ", "女", "S32.7.5", "民生委員協議会", "副会長", TERM],
    None,
    [3, "石井 大輔", "イシイ ダイスケ", "男", "Ｈ２．１１．３", "駅前商店会", "委員", "R7.4.1-R9.3.31"],
    [4, "松本 由美", "マツモト ユミ", "女", "令和7年2月30日", "駅前小学校PTA", "委員", TERM],
    [5, "青木 宏", "アオキ ヒロシ", "男", "昭和28年3月12日", "駅前一丁目町内会", "会長", TERM],
]  # fmt: skip
# Workbook rows: title 1, note 2, blank 3, header 4, data 5, 6, (blank 7), 8, 9, 10.
EXPECTED = {
    5: RowStatus.NEW,
    6: RowStatus.MATCHED,
    8: RowStatus.NEW,
    9: RowStatus.INVALID,
    10: RowStatus.INVALID,
}


@pytest.fixture
def context(db: Database) -> AppContext:
    return AppContext(db, today=lambda: TODAY)


@pytest.fixture
def council(db: Database, station: StationRow, post: PostRow) -> CouncilRow:
    with db.transaction() as s:
        return create_council(
            s,
            CouncilInput(
                station.id,
                "駅前交番連絡協議会",
                CouncilKind.STANDARD,
                [post.id],
                dt.date(2008, 4, 1),
            ),
        )


@pytest.fixture
def masako(db: Database) -> PersonRow:
    with db.transaction() as s:
        return create_person(s, PersonInput("中村 正子", "なかむら まさこ", Gender.FEMALE))


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "委員名簿"
    sheet.append(["令和7年度 駅前交番連絡協議会 委員名簿"])
    sheet.merge_cells("A1:H1")
    sheet.append(["（令和7年4月1日現在）"])
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row if row is not None else [])
    book.create_sheet("記入例").append(["記入例"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    return path


@pytest.fixture
def wizard(qtbot: QtBot, context: AppContext, council: CouncilRow) -> SheetImportWizard:
    widget = SheetImportWizard(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose_file(qtbot: QtBot, wizard: SheetImportWizard, path: Path, council: CouncilRow) -> None:
    page = wizard.file_page
    qtbot.keyClicks(page.path_edit, str(path))  # an ASCII path: typed as the officer would
    page.council_combo.setCurrentIndex(page.council_combo.findData(council.id))


def next_button(wizard: SheetImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def commit(wizard: SheetImportWizard) -> None:
    wizard.button(QWizard.WizardButton.CommitButton).click()


def test_walk_the_wizard_from_file_to_confirmation(
    qtbot: QtBot,
    wizard: SheetImportWizard,
    council: CouncilRow,
    masako: PersonRow,
    roster: Path,
    db: Database,
    table_counts: TableCounts,
) -> None:
    assert not next_button(wizard)  # no file yet
    choose_file(qtbot, wizard, roster, council)
    assert next_button(wizard)
    before = table_counts()

    wizard.next()  # → sheet and header row
    assert wizard.currentPage() is wizard.sheet_page
    assert wizard.sheet_page.sheet_combo.currentText() == "委員名簿"
    assert wizard.sheet_page.header_spin.value() == 4  # below the title and the note
    assert wizard.sheet_page.model.header_row == 4

    wizard.next()  # → columns
    assert wizard.currentPage() is wizard.mapping_page
    combos = wizard.mapping_page.combos
    assert combos[0].currentData() is None  # No. is not imported
    assert [combos[i].currentData() for i in range(1, 8)] == [
        "name",
        "reading",
        "gender",
        "birth_date",
        "organisation",
        "role",
        "term",
    ]
    assert next_button(wizard)

    wizard.next()  # → preview: nothing written yet
    preview = wizard.preview_page
    assert preview.model is not None
    assert {r.number: r.status for r in preview.model.rows()} == EXPECTED
    assert table_counts() == before
    assert preview.summary.text() == (
        "5 rows: 3 to import (2 new, 1 matched), 0 already recorded, 2 cannot be imported."
    )
    invalid = {r.number: r.problems for r in preview.model.rows() if r.problems}
    assert invalid == {
        9: ("生年月日: 「令和7年2月30日」は存在しない日付です（令和7年2月は28日まで）。",),
        10: ("5行目と同じ内容です（シート内の重複）。",),
    }
    preview.only_problems.setChecked(True)
    assert preview.proxy.rowCount() == 2

    wizard.next()  # → confirm
    assert wizard.currentPage() is wizard.confirm_page
    assert table_counts() == before
    with qtbot.waitSignal(wizard.imported) as imported:
        commit(wizard)
    assert wizard.currentPage() is wizard.summary_page
    result = imported.args[0]
    assert result.applied and result.backup is not None and result.backup.exists()
    assert wizard.summary_page.table.model().rowCount() == 2  # the rows left to correct

    after = table_counts()
    assert after["people"] == before["people"] + 2  # 青木, 石井; 中村 was matched
    assert after["appointments"] == before["appointments"] + 3
    with db.reader() as s:
        names = {
            a.person.name: (a.role, a.term_start, a.term_end)
            for a in s.scalars(select(Appointment).where(Appointment.council_id == council.id))
        }
        assert s.scalars(select(Person.id).where(Person.name == "中村 正子")).all() == [masako.id]
    assert names == {
        "青木 宏": ("会長", dt.date(2025, 4, 1), dt.date(2027, 3, 31)),
        "中村 正子": ("副会長", dt.date(2025, 4, 1), dt.date(2027, 3, 31)),
        "石井 大輔": ("委員", dt.date(2025, 4, 1), dt.date(2027, 3, 31)),
    }
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()


def test_a_second_import_of_the_same_file_has_nothing_to_add(
    qtbot: QtBot,
    context: AppContext,
    council: CouncilRow,
    masako: PersonRow,
    roster: Path,
    table_counts: TableCounts,
) -> None:
    for attempt in range(2):
        wizard = SheetImportWizard(context)
        qtbot.addWidget(wizard)
        wizard.show()
        choose_file(qtbot, wizard, roster, council)
        for _page in range(3):
            wizard.next()
        if attempt == 0:
            wizard.next()
            commit(wizard)
            counts = table_counts()
    statuses = [r.status for r in wizard.preview_page.model.rows()]  # type: ignore[union-attr]
    assert statuses.count(RowStatus.ALREADY) == 3
    assert not next_button(wizard)  # nothing to import: the wizard stops here
    assert table_counts() == counts


def test_a_matched_row_can_be_imported_as_a_new_person(
    qtbot: QtBot,
    wizard: SheetImportWizard,
    council: CouncilRow,
    masako: PersonRow,
    roster: Path,
    db: Database,
) -> None:
    choose_file(qtbot, wizard, roster, council)
    for _page in range(3):
        wizard.next()
    preview = wizard.preview_page
    assert not preview.new_person_button.isEnabled()
    preview.table.selectRow(1)  # row 6: 中村 正子, matched
    assert preview.new_person_button.isEnabled()
    qtbot.mouseClick(preview.new_person_button, Qt.MouseButton.LeftButton)
    assert preview.selected_row().status is RowStatus.NEW  # type: ignore[union-attr]
    assert preview.new_person_button.text() in ("Use the match", "照合を使う")
    wizard.next()
    commit(wizard)
    with db.reader() as s:
        assert len(s.scalars(select(Person).where(Person.name == "中村 正子")).all()) == 2


def test_a_file_that_cannot_be_read_keeps_the_wizard_on_the_first_page(
    qtbot: QtBot, wizard: SheetImportWizard, council: CouncilRow, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    choose_file(qtbot, wizard, broken, council)
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "Excel ブック（.xlsx）として読み込めません" in wizard.file_page.error.text()


def test_columns_can_be_changed_saved_and_loaded(
    qtbot: QtBot,
    wizard: SheetImportWizard,
    council: CouncilRow,
    roster: Path,
    tmp_path: Path,
) -> None:
    choose_file(qtbot, wizard, roster, council)
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    name = page.combos[1]
    name.setCurrentIndex(0)  # 氏名 → do not import
    assert not next_button(wizard)
    assert "「氏名」の列を選んでください。" in page.problems.text()
    name.setCurrentIndex(name.findData("name"))
    page.combos[5].setCurrentIndex(page.combos[5].findData("occupation"))
    assert next_button(wizard)
    saved = tmp_path / "roster.mapping.json"
    assert page.save_mapping_file(saved)

    page.combos[5].setCurrentIndex(0)
    assert page.load_mapping_file(saved)
    assert page.combos[5].currentData() == "occupation"
    assert wizard.state.mapping is not None
    assert wizard.state.mapping.columns[5] is Target.OCCUPATION
    meetings_mapping = tmp_path / "bad.json"
    meetings_mapping.write_text(
        '{"format": "kobankyo-sheet-mapping", "version": 1, "kind": "meetings", "columns": []}',
        encoding="utf-8",
    )
    assert not page.load_mapping_file(meetings_mapping)
    assert "会議一覧用" in page.message.text()


def test_a_meeting_list_from_a_shift_jis_csv(
    qtbot: QtBot, wizard: SheetImportWizard, council: CouncilRow, tmp_path: Path, db: Database
) -> None:
    path = tmp_path / "meetings.csv"
    with path.open("w", encoding="shift_jis", newline="") as f:
        csv.writer(f).writerows(
            [
                ["駅前交番連絡協議会 会議一覧"],
                [],
                ["開催日", "種別", "場所", "出席者数", "議事"],
                ["令和7年5月20日", "定期", "駅前集会所", "12", "防犯対策"],
                ["R7.7.8", "臨時", "駅前交番", "8", "連続ひったくりの発生"],
            ]
        )
    choose_file(qtbot, wizard, path, council)
    wizard.file_page.meetings_radio.setChecked(True)
    wizard.next()
    assert "Shift_JIS" in wizard.sheet_page.source_label.text()
    assert not wizard.sheet_page.sheet_combo.isEnabled()
    assert wizard.sheet_page.header_spin.value() == 3
    wizard.next()
    wizard.next()
    assert [r.status for r in wizard.preview_page.model.rows()] == [RowStatus.NEW] * 2  # type: ignore[union-attr]
    wizard.next()
    commit(wizard)
    with db.reader() as s:
        kinds = {m.held_on: m.kind for m in s.scalars(select(Meeting))}
    assert kinds == {
        dt.date(2025, 5, 20): MeetingKind.REGULAR,
        dt.date(2025, 7, 8): MeetingKind.EXTRAORDINARY,
    }


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester,
    context: AppContext,
    council: CouncilRow,
    masako: PersonRow,
    roster: Path,
    qtbot: QtBot,
) -> None:
    grid_model = GridPreviewModel()
    grid_model.set_grid(read_source(roster).sheet())
    grid_model.set_header_row(4)
    qtmodeltester.check(grid_model)
    wizard = SheetImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(qtbot, wizard, roster, council)
    for _page in range(3):
        wizard.next()
    plan = wizard.state.plan
    assert plan is not None
    for kind in SheetKind:
        model = PlanRowsModel(kind, DateStyle.WAREKI)
        model.set_rows(plan.rows)
        qtmodeltester.check(model)


def test_going_back_to_change_a_column_previews_again(
    qtbot: QtBot, wizard: SheetImportWizard, council: CouncilRow, roster: Path
) -> None:
    choose_file(qtbot, wizard, roster, council)
    for _page in range(3):
        wizard.next()
    model = wizard.preview_page.model
    assert model is not None and model.rows()[0].parsed.term.role == "会長"  # type: ignore[union-attr]
    wizard.back()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.mapping_page.combos[6].setCurrentIndex(0)  # 役職 → do not import
    wizard.next()
    rows = wizard.preview_page.model.rows()  # type: ignore[union-attr]
    assert {row.parsed.term.role for row in rows if row.parsed.term} == {"委員"}
    wizard.preview_page.table.selectRow(1)
    assert wizard.preview_page.new_person_button.isEnabled() is False  # no match: no one on file
