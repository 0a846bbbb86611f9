"""The councils tab, driven through its real widgets against a real database file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.services import councils, meetings, stations
from kobankyo_desktop.core.services.councils import CouncilInput
from kobankyo_desktop.core.services.meetings import MeetingInput
from kobankyo_desktop.core.services.stations import OfficerInput, PostRow, StationRow
from kobankyo_desktop.core.vocab import CouncilKind, MeetingKind, PostKind
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.council_dialogs import (
    CouncilDialog,
    ManagerDialog,
    MergeDialog,
    OfficerDialog,
    PostDialog,
)
from kobankyo_desktop.ui.models.councils_model import CouncilTableModel
from kobankyo_desktop.ui.tabs.councils_tab import CouncilsTab

TypeText = Callable[[QWidget, str], None]
TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def context(db: Database) -> AppContext:
    return AppContext(db, today=lambda: TODAY)


@pytest.fixture
def tab(qtbot: QtBot, context: AppContext) -> CouncilsTab:
    widget = CouncilsTab(context)
    qtbot.addWidget(widget)
    context.changed.connect(lambda _entity: widget.refresh())
    widget.refresh()
    return widget


def save(dialog: CouncilDialog | ManagerDialog | OfficerDialog | PostDialog | MergeDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def check_post(dialog: CouncilDialog | MergeDialog, text: str) -> None:
    widget = dialog.posts if isinstance(dialog, CouncilDialog) else dialog.councils
    for i in range(widget.count()):
        if widget.item(i).text().startswith(text):
            widget.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"no item {text}")


def council_names(tab: CouncilsTab) -> list[str]:
    return [tab.proxy.row_at(i).name for i in range(tab.proxy.rowCount())]


def test_a_first_post_registers_the_station(
    qtbot: QtBot, type_text: TypeText, context: AppContext, db: Database
) -> None:
    dialog = PostDialog(context)
    qtbot.addWidget(dialog)
    type_text(dialog.station.lineEdit(), "さくら警察署")
    type_text(dialog.name, "駅前交番")
    save(dialog)
    with db.reader() as s:
        assert [st.name for st in stations.list_stations(s)] == ["さくら警察署"]
        assert [(p.name, p.kind) for p in stations.list_posts(s)] == [("駅前交番", PostKind.KOBAN)]


def test_create_a_council_through_the_dialog(
    qtbot: QtBot,
    type_text: TypeText,
    tab: CouncilsTab,
    context: AppContext,
    post: PostRow,
    db: Database,
) -> None:
    dialog = CouncilDialog(context, None, tab)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "駅前交番連絡協議会")
    check_post(dialog, "駅前交番")
    dialog.established_on.edit.setDate(QDate(2020, 4, 1))
    save(dialog)

    assert dialog.result() == dialog.DialogCode.Accepted
    assert council_names(tab) == ["駅前交番連絡協議会"]
    row = tab.proxy.row_at(0)
    assert (row.kind, row.post_names, row.established_on) == (
        CouncilKind.STANDARD,
        ("駅前交番",),
        dt.date(2020, 4, 1),
    )
    assert tab.model.data(tab.model.index(0, CouncilTableModel.MEMBERS)) == "0"


def test_an_empty_name_is_refused_next_to_the_field(
    qtbot: QtBot, tab: CouncilsTab, context: AppContext, post: PostRow, table_counts
) -> None:
    before = table_counts()
    dialog = CouncilDialog(context, None, tab)
    qtbot.addWidget(dialog)
    check_post(dialog, "駅前交番")
    save(dialog)
    assert dialog.error_label.isVisibleTo(dialog)
    assert "名称" in dialog.error_label.text()
    assert dialog.name.styleSheet()  # the field is marked
    assert dialog.result() != dialog.DialogCode.Accepted
    assert table_counts() == before


def test_occupational_council_needs_a_purpose(
    qtbot: QtBot,
    type_text: TypeText,
    tab: CouncilsTab,
    context: AppContext,
    post: PostRow,
    table_counts,
) -> None:
    before = table_counts()
    dialog = CouncilDialog(context, None, tab)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "港湾事業者連絡協議会")
    dialog.kind.setCurrentIndex(dialog.kind.findData(CouncilKind.OCCUPATIONAL))
    assert dialog.purpose.isEnabled()
    check_post(dialog, "駅前交番")
    save(dialog)
    assert "目的" in dialog.error_label.text()
    assert table_counts() == before
    type_text(dialog.purpose, "港湾地区の盗難防止")
    save(dialog)
    assert council_names(tab) == ["港湾事業者連絡協議会"]


def test_cancelling_an_edit_asks_and_keeps_the_record(
    qtbot: QtBot,
    type_text: TypeText,
    tab: CouncilsTab,
    context: AppContext,
    db: Database,
    station: StationRow,
    post: PostRow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.transaction() as s:
        council = councils.create_council(
            s, CouncilInput(station.id, "駅前交番連絡協議会", "standard", [post.id], TODAY)
        )
    tab.refresh()
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = CouncilDialog(context, tab.current(), tab)
    qtbot.addWidget(dialog)
    dialog.name.clear()
    type_text(dialog.name, "別の名前")
    dialog.reject()
    assert asked, "closing with changes must ask"
    with db.reader() as s:
        assert councils.council_row(s, council.id, TODAY).name == "駅前交番連絡協議会"


def test_designate_manager_and_filter(
    qtbot: QtBot,
    type_text: TypeText,
    tab: CouncilsTab,
    context: AppContext,
    db: Database,
    station: StationRow,
    post: PostRow,
) -> None:
    with db.transaction() as s:
        other = stations.create_post(s, station.id, "山手交番", PostKind.KOBAN)
        councils.create_council(
            s, CouncilInput(station.id, "駅前交番連絡協議会", "standard", [post.id], TODAY)
        )
        councils.create_council(
            s, CouncilInput(station.id, "山手交番連絡協議会", "standard", [other.id], TODAY)
        )
    tab.refresh()
    tab.select_council(tab.proxy.row_at(council_names(tab).index("駅前交番連絡協議会")).id)

    officer_dialog = OfficerDialog(context, [(post.id, "駅前交番")], None, tab)
    qtbot.addWidget(officer_dialog)
    type_text(officer_dialog.name, "田中 一郎")
    type_text(officer_dialog.position, "交番所長")
    save(officer_dialog)
    assert tab.staff_model.rowCount() == 1

    dialog = ManagerDialog(context, tab.current(), tab)
    qtbot.addWidget(dialog)
    assert dialog.officer.count() == 1
    save(dialog)
    assert tab.current().manager_name == "田中 一郎"
    assert "田中 一郎" in tab.detail_labels["manager"].text()

    type_text(tab.filter, "山手")
    assert council_names(tab) == ["山手交番連絡協議会"]
    tab.filter.clear()
    type_text(tab.filter, "田中")  # the manager column is searched too
    assert council_names(tab) == ["駅前交番連絡協議会"]


def test_merge_keeps_history_and_hides_abolished_until_asked(
    qtbot: QtBot,
    type_text: TypeText,
    tab: CouncilsTab,
    context: AppContext,
    db: Database,
    station: StationRow,
    post: PostRow,
) -> None:
    with db.transaction() as s:
        other = stations.create_post(s, station.id, "中町交番", PostKind.KOBAN)
        a = councils.create_council(
            s,
            CouncilInput(
                station.id, "駅前交番連絡協議会", "standard", [post.id], dt.date(2020, 4, 1)
            ),
        )
        councils.create_council(
            s,
            CouncilInput(
                station.id, "中町交番連絡協議会", "standard", [other.id], dt.date(2020, 4, 1)
            ),
        )
        meetings.create_meeting(
            s, MeetingInput(a.id, MeetingKind.REGULAR, dt.date(2024, 6, 1), status="held")
        )
    tab.refresh()
    dialog = MergeDialog(context, tab.model.rows(), None, tab)
    qtbot.addWidget(dialog)
    check_post(dialog, "駅前交番連絡協議会")
    check_post(dialog, "中町交番連絡協議会")
    type_text(dialog.name, "駅前・中町地区連絡協議会")
    save(dialog)

    assert council_names(tab) == ["駅前・中町地区連絡協議会"]
    tab.show_abolished.setChecked(True)
    assert sorted(council_names(tab)) == sorted(
        ["駅前・中町地区連絡協議会", "駅前交番連絡協議会", "中町交番連絡協議会"]
    )
    with db.reader() as s:
        assert len(meetings.list_meetings(s, council_id=a.id)) == 1


def test_the_table_model_is_consistent(
    qtmodeltester: ModelTester, tab: CouncilsTab, db: Database, station: StationRow, post: PostRow
) -> None:
    with db.transaction() as s:
        councils.create_council(
            s, CouncilInput(station.id, "駅前交番連絡協議会", "standard", [post.id], TODAY)
        )
        stations.create_officer(s, OfficerInput(post.id, "田中 一郎", "たなか いちろう"))
    tab.refresh()
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.staff_model)


def test_a_council_before_any_station_says_what_to_do_first(
    qtbot: QtBot, context: AppContext, table_counts: Callable[[], dict[str, int]]
) -> None:
    before = table_counts()
    dialog = CouncilDialog(context)
    qtbot.addWidget(dialog)
    save(dialog)
    assert "交番等" in dialog.error_label.text() or "post" in dialog.error_label.text()
    assert table_counts() == before
