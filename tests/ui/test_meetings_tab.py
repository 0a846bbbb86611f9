"""The meetings tab and the meeting editor, driven through their real widgets against a real
database file: plan a meeting, reorder its agenda, record attendance and requests, reopen,
cancel an edit, filter the table, and refuse bad input without writing anything."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.services import meetings, opinions
from kobankyo_desktop.core.services.appointments import AppointmentInput, appoint
from kobankyo_desktop.core.services.councils import CouncilInput, CouncilRow, create_council
from kobankyo_desktop.core.services.meetings import AgendaItemInput, MeetingInput
from kobankyo_desktop.core.services.opinions import OpinionInput
from kobankyo_desktop.core.services.people import PersonInput, create_person
from kobankyo_desktop.core.services.stations import (
    OfficerInput,
    PostRow,
    StationRow,
    create_officer,
    create_post,
)
from kobankyo_desktop.core.vocab import (
    AttendeeKind,
    CouncilKind,
    Department,
    MeetingKind,
    MeetingStatus,
    OpinionStatus,
    PostKind,
)
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import FormDialog
from kobankyo_desktop.ui.dialogs.meeting_editor import MeetingEditor
from kobankyo_desktop.ui.dialogs.opinion_dialog import OpinionDialog
from kobankyo_desktop.ui.models.agenda_model import AgendaDraft, AgendaListModel
from kobankyo_desktop.ui.models.attendance_model import (
    AttendeeCheckModel,
    AttendeeChoice,
    OtherAttendee,
    OtherAttendeesModel,
)
from kobankyo_desktop.ui.models.meetings_model import (
    MeetingsTableModel,
    OpinionDraft,
    OpinionDraftsModel,
)
from kobankyo_desktop.ui.tabs.meetings_tab import MeetingsTab

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The offscreen platform warns whenever a shown dialog's size constraints change; it says
# nothing about our code, and every other Qt warning still fails the test.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

TypeText = Callable[[QWidget, str], None]
TableCounts = Callable[[], dict[str, int]]
FIXED_DATE = dt.date(2025, 6, 2)  # a Monday in 令和7年度
MEETING_DAY = dt.date(2025, 7, 15)


@dataclasses.dataclass(frozen=True)
class Setup:
    council: CouncilRow
    other_council: CouncilRow
    members: dict[str, int]  # name → person id
    officer_id: int


@pytest.fixture
def context(db: Database) -> AppContext:
    return AppContext(db, today=lambda: FIXED_DATE)


@pytest.fixture
def setup(db: Database, station: StationRow, post: PostRow) -> Setup:
    """Two councils; the first with three serving members (one of them 会長) and an officer."""
    with db.transaction() as s:
        other_post = create_post(s, station.id, "山手交番", PostKind.KOBAN)
        council = create_council(
            s,
            CouncilInput(
                station.id,
                "駅前交番連絡協議会",
                CouncilKind.STANDARD,
                [post.id],
                dt.date(2020, 4, 1),
            ),
        )
        other = create_council(
            s,
            CouncilInput(
                station.id,
                "山手交番連絡協議会",
                CouncilKind.STANDARD,
                [other_post.id],
                dt.date(2020, 4, 1),
            ),
        )
        members: dict[str, int] = {}
        for name, reading, role in [
            ("青木 一郎", "あおき いちろう", "会長"),
            ("井上 花子", "いのうえ はなこ", "委員"),
            ("上田 次郎", "うえだ じろう", "委員"),
        ]:
            person = create_person(s, PersonInput(name, reading))
            appoint(s, AppointmentInput(council.id, person.id, dt.date(2024, 4, 1), role=role))
            members[name] = person.id
        officer = create_officer(
            s, OfficerInput(post.id, "田中 誠", "たなか まこと", "警部補", "交番所長")
        )
    return Setup(council, other, members, officer.id)


@pytest.fixture
def tab(qtbot: QtBot, context: AppContext, setup: Setup) -> MeetingsTab:
    widget = MeetingsTab(context)
    qtbot.addWidget(widget)
    context.changed.connect(lambda _entity: widget.refresh())  # as the main window does
    widget.refresh()
    return widget


def save(dialog: FormDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def new_editor(qtbot: QtBot, context: AppContext, council_id: int) -> MeetingEditor:
    editor = MeetingEditor(context, council_id=council_id)
    qtbot.addWidget(editor)
    editor.date_field.set_value(MEETING_DAY)
    return editor


def titles(editor: MeetingEditor) -> list[str]:
    return [item.title for item in editor.agenda.items()]


def add_agenda(qtbot: QtBot, editor: MeetingEditor, *items: str) -> None:
    for title in items:
        qtbot.keyClicks(editor.agenda.title_edit, title)
        qtbot.keyClick(editor.agenda.title_edit, Qt.Key.Key_Return)


def add_request(
    qtbot: QtBot,
    type_text: TypeText,
    editor: MeetingEditor,
    content: str,
    department: Department,
    raised_by: int | None = None,
    raised_by_text: str = "",
) -> None:
    editor.opinions.add_opinion()
    dialog = editor.opinions.opinion_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    type_text(dialog.content_edit, content)
    dialog.department_combo.set_value(department)
    if raised_by is not None:
        dialog.raised_by_combo.setCurrentIndex(dialog.raised_by_combo.findData(raised_by))
    else:
        type_text(dialog.raised_by_edit, raised_by_text)
    save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_label.text()


def plan_full_meeting(
    qtbot: QtBot, type_text: TypeText, context: AppContext, setup: Setup
) -> MeetingEditor:
    """Through the editor: three agenda items, reordered; two members and the officer
    ticked; a neighbourhood association of three and a police department; two requests."""
    editor = new_editor(qtbot, context, setup.council.id)
    editor.status_combo.set_value(MeetingStatus.HELD)
    editor.start_field.set_value(dt.time(15, 30))
    editor.end_field.set_value(dt.time(16, 30))
    type_text(editor.place_edit, "駅前地区センター")

    add_agenda(qtbot, editor, "Crime report", "Traffic safety", "Other business")
    assert titles(editor) == ["Crime report", "Traffic safety", "Other business"]
    editor.agenda.select(2)
    editor.agenda.up_button.click()  # Other business → 2nd
    assert titles(editor) == ["Crime report", "Other business", "Traffic safety"]
    editor.agenda.select(0)
    editor.agenda.down_button.click()  # Crime report → 2nd
    assert titles(editor) == ["Other business", "Crime report", "Traffic safety"]
    model = editor.agenda.model  # a drag to the top, as the list view's drop hands it over
    dragged = model.mimeData([model.index(2)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert titles(editor) == ["Traffic safety", "Other business", "Crime report"]
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # and back to the end
    assert titles(editor) == ["Other business", "Crime report", "Traffic safety"]

    attendance = editor.attendance
    assert [c.name for c in attendance.members_model.choices()] == [
        "青木 一郎",
        "井上 花子",
        "上田 次郎",
    ]
    attendance.members_model.setData(
        attendance.members_model.index(0, AttendeeCheckModel.NAME),
        Qt.CheckState.Checked.value,  # what the view sends when the box is clicked
        Qt.ItemDataRole.CheckStateRole,
    )
    attendance.members_model.set_checked(setup.members["上田 次郎"], True)
    attendance.staff_model.set_checked(setup.officer_id, True)
    type_text(attendance.name_edit, "駅前町内会")
    type_text(attendance.body_edit, "駅前町内会連合会")
    attendance.count_spin.setValue(3)
    attendance.add_other_button.click()
    attendance.kind_combo.set_value(AttendeeKind.DEPARTMENT)
    type_text(attendance.name_edit, "交通課")
    type_text(attendance.role_edit, "課長")
    qtbot.keyClick(attendance.role_edit, Qt.Key.Key_Return)  # Enter adds the row, not saves
    assert attendance.total() == 2 + 1 + 3 + 1
    assert editor.result() != editor.DialogCode.Accepted

    type_text(editor.minutes.edit, "【委員】駅前の駐輪が多い。\n【警察】撤去を働きかける。")
    add_request(
        qtbot,
        type_text,
        editor,
        "通学路にガードレールを設置してほしい。",
        Department.TRAFFIC,
        raised_by=setup.members["青木 一郎"],
    )
    add_request(
        qtbot,
        type_text,
        editor,
        "公園の照明が暗い。",
        Department.COMMUNITY_SAFETY,
        raised_by_text="地域住民",
    )
    assert editor.opinions.model.rowCount() == 2
    return editor


# The editor ----------------------------------------------------------------------------------
def test_plan_a_meeting_and_read_back_what_is_stored(
    qtbot: QtBot, type_text: TypeText, context: AppContext, db: Database, setup: Setup
) -> None:
    editor = plan_full_meeting(qtbot, type_text, context, setup)
    save(editor)
    assert editor.result() == editor.DialogCode.Accepted, editor.error_label.text()
    meeting_id = editor.result_value.meeting.id

    with db.reader() as s:
        detail = meetings.meeting_detail(s, meeting_id)
        stored = opinions.list_opinions(s, meeting_id=meeting_id)
    row = detail.meeting
    assert (row.council_id, row.kind, row.status, row.held_on) == (
        setup.council.id,
        MeetingKind.REGULAR,
        MeetingStatus.HELD,
        MEETING_DAY,
    )
    assert (row.start_time, row.end_time, row.place) == (
        dt.time(15, 30),
        dt.time(16, 30),
        "駅前地区センター",
    )
    assert [a.title for a in detail.agenda] == ["Other business", "Crime report", "Traffic safety"]
    assert [a.position for a in detail.agenda] == [1, 2, 3]
    members = {(a.name, a.role) for a in detail.attendees if a.kind is AttendeeKind.MEMBER}
    assert members == {("青木 一郎", "会長"), ("上田 次郎", "委員")}
    staff = [(a.name, a.role) for a in detail.attendees if a.kind is AttendeeKind.STAFF]
    assert staff == [("田中 誠", "交番所長")]
    others = {
        (a.kind, a.name, a.body, a.role, a.head_count)
        for a in detail.attendees
        if a.kind in (AttendeeKind.OUTSIDE, AttendeeKind.DEPARTMENT)
    }
    assert others == {
        (AttendeeKind.OUTSIDE, "駅前町内会", "駅前町内会連合会", "", 3),
        (AttendeeKind.DEPARTMENT, "交通課", "", "課長", 1),
    }
    assert row.attendance == 7
    assert row.open_requests == 2
    assert detail.minutes.startswith("【委員】駅前の駐輪が多い。")
    assert [(o.content, o.department, o.raised_by, o.raised_on) for o in stored] == [
        ("通学路にガードレールを設置してほしい。", Department.TRAFFIC, "青木 一郎", MEETING_DAY),
        ("公園の照明が暗い。", Department.COMMUNITY_SAFETY, "地域住民", MEETING_DAY),
    ]
    assert stored[0].raised_by_person_id == setup.members["青木 一郎"]

    # Reopened, the editor shows what was stored.
    again = MeetingEditor(context, meeting_id)
    qtbot.addWidget(again)
    assert titles(again) == ["Other business", "Crime report", "Traffic safety"]
    assert again.attendance.members_model.checked_ids() == {
        setup.members["青木 一郎"],
        setup.members["上田 次郎"],
    }
    assert again.attendance.staff_model.checked_ids() == {setup.officer_id}
    assert {o.name for o in again.attendance.others_model.attendees()} == {"駅前町内会", "交通課"}
    assert [d.content for d in again.opinions.drafts()] == [o.content for o in stored]
    assert again.place_edit.text() == "駅前地区センター"
    assert not again.dirty


def test_record_the_response_to_a_request_and_reorder_on_reopening(
    qtbot: QtBot, type_text: TypeText, context: AppContext, db: Database, setup: Setup
) -> None:
    editor = plan_full_meeting(qtbot, type_text, context, setup)
    save(editor)
    meeting_id = editor.result_value.meeting.id
    with db.reader() as s:
        before = {a.title: a.id for a in meetings.meeting_detail(s, meeting_id).agenda}

    again = MeetingEditor(context, meeting_id)
    qtbot.addWidget(again)
    again.agenda.select(2)
    again.agenda.up_button.click()
    again.show_section(MeetingEditor.OPINIONS)
    again.opinions.select(0)
    again.opinions.edit_current()
    dialog = again.opinions.opinion_dialog
    assert isinstance(dialog, OpinionDialog)
    qtbot.addWidget(dialog)
    type_text(dialog.response_edit, "道路管理者に要望を伝え、設置が決まった。")
    dialog.responded_on_field.set_value(dt.date(2025, 8, 1))
    dialog.status_combo.set_value(OpinionStatus.CLOSED)
    save(dialog)
    # The second request is withdrawn.
    again.opinions.select(1)
    again.opinions.remove_button.click()
    assert again.dirty
    save(again)
    assert again.result() == again.DialogCode.Accepted, again.error_label.text()

    with db.reader() as s:
        detail = meetings.meeting_detail(s, meeting_id)
        stored = opinions.list_opinions(s, meeting_id=meeting_id)
    assert [a.title for a in detail.agenda] == ["Other business", "Traffic safety", "Crime report"]
    # Reordered items keep their identity (and UUID) rather than being re-created.
    assert {a.title: a.id for a in detail.agenda} == before
    assert len(stored) == 1
    assert (stored[0].status, stored[0].responded_on, stored[0].closed_on) == (
        OpinionStatus.CLOSED,
        dt.date(2025, 8, 1),
        dt.date(2025, 8, 1),
    )
    assert detail.meeting.open_requests == 0


def test_cancelling_an_edit_asks_and_keeps_the_record(
    qtbot: QtBot,
    type_text: TypeText,
    context: AppContext,
    db: Database,
    setup: Setup,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = plan_full_meeting(qtbot, type_text, context, setup)
    save(editor)
    meeting_id = editor.result_value.meeting.id
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", answer)
    again = MeetingEditor(context, meeting_id)
    qtbot.addWidget(again)
    again.show()
    again.place_edit.clear()
    type_text(again.place_edit, "Elsewhere")
    again.agenda.select(0)
    again.agenda.remove_button.click()
    assert again.dirty

    again.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(asked) == 1
    assert again.isVisible(), "answering Cancel keeps the editor open"
    again.reject()
    assert len(asked) == 2
    assert not again.isVisible()
    assert again.result() == again.DialogCode.Rejected
    with db.reader() as s:
        detail = meetings.meeting_detail(s, meeting_id)
    assert detail.meeting.place == "駅前地区センター"
    assert len(detail.agenda) == 3


def test_closing_an_untouched_editor_does_not_ask(
    qtbot: QtBot, context: AppContext, setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("nothing was changed: closing must not ask")

    monkeypatch.setattr(QMessageBox, "question", fail)
    editor = MeetingEditor(context, council_id=setup.council.id)
    qtbot.addWidget(editor)
    assert not editor.dirty
    editor.reject()
    assert editor.result() == editor.DialogCode.Rejected


def test_end_before_start_is_refused_and_nothing_is_written(
    qtbot: QtBot, context: AppContext, setup: Setup, table_counts: TableCounts
) -> None:
    before = table_counts()
    editor = new_editor(qtbot, context, setup.council.id)
    add_agenda(qtbot, editor, "Crime report")
    editor.start_field.set_value(dt.time(16, 0))
    editor.end_field.set_value(dt.time(15, 0))
    save(editor)
    assert editor.result() != editor.DialogCode.Accepted
    assert not editor.error_label.isHidden()
    assert "終了時刻" in editor.error_label.text()
    assert editor.end_field.styleSheet()  # the field is marked
    assert editor.tabs.currentIndex() == MeetingEditor.BASIC
    assert table_counts() == before

    editor.end_field.edit.setTime(QTime(17, 0))
    save(editor)
    assert editor.result() == editor.DialogCode.Accepted


def test_extraordinary_meeting_needs_a_reason(
    qtbot: QtBot,
    type_text: TypeText,
    context: AppContext,
    setup: Setup,
    table_counts: TableCounts,
) -> None:
    before = table_counts()
    editor = new_editor(qtbot, context, setup.council.id)
    assert not editor.reason_edit.isEnabled()
    type_text(editor.reason_edit, "ignored for a regular meeting")
    editor.kind_combo.set_value(MeetingKind.EXTRAORDINARY)
    assert editor.reason_edit.isEnabled()
    editor.reason_edit.clear()
    editor.show_section(MeetingEditor.AGENDA)
    save(editor)
    assert not editor.error_label.isHidden()
    assert "§6(3)" in editor.error_label.text()
    assert editor.tabs.currentIndex() == MeetingEditor.BASIC  # brought to the field
    assert table_counts() == before

    type_text(editor.reason_edit, "管内で自転車盗が連続して発生したため")
    save(editor)
    assert editor.result() == editor.DialogCode.Accepted
    assert editor.result_value.meeting.reason == "管内で自転車盗が連続して発生したため"


def test_a_refused_opinion_leaves_the_meeting_unsaved(
    qtbot: QtBot,
    type_text: TypeText,
    context: AppContext,
    setup: Setup,
    table_counts: TableCounts,
) -> None:
    """Meeting and opinions are one transaction: moving the meeting after a response date
    refuses the opinion, and the new meeting is not written either."""
    before = table_counts()
    editor = new_editor(qtbot, context, setup.council.id)
    editor.opinions.add_opinion()
    dialog = editor.opinions.opinion_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    type_text(dialog.content_edit, "街灯を増やしてほしい。")
    type_text(dialog.response_edit, "市に伝えた。")
    dialog.responded_on_field.set_value(dt.date(2025, 7, 20))
    save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted

    editor.date_field.set_value(dt.date(2025, 8, 1))  # now after the response
    save(editor)
    assert editor.result() != editor.DialogCode.Accepted
    assert editor.error_label.text().startswith("Opinion or request 1: ")
    assert editor.tabs.currentIndex() == MeetingEditor.OPINIONS
    assert table_counts() == before


def test_the_opinion_dialog_refuses_an_empty_content(
    qtbot: QtBot, context: AppContext, setup: Setup
) -> None:
    editor = new_editor(qtbot, context, setup.council.id)
    editor.opinions.add_opinion()
    dialog = editor.opinions.opinion_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    save(dialog)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "内容" in dialog.error_label.text()
    assert editor.opinions.model.rowCount() == 0


def test_changing_the_date_keeps_ticks_and_flags_who_no_longer_serves(
    qtbot: QtBot, context: AppContext, db: Database, setup: Setup
) -> None:
    with db.transaction() as s:
        newcomer = create_person(s, PersonInput("江藤 三郎", "えとう さぶろう"))
        appoint(s, AppointmentInput(setup.council.id, newcomer.id, dt.date(2026, 4, 1)))
    editor = new_editor(qtbot, context, setup.council.id)
    editor.attendance.members_model.set_checked(setup.members["井上 花子"], True)
    # 2026-05-01: the first members' terms (2024-04-01 + 2 years) have ended.
    editor.date_field.set_value(dt.date(2026, 5, 1))
    choices = {c.name: c for c in editor.attendance.members_model.choices()}
    assert choices["江藤 三郎"].listed
    assert not choices["井上 花子"].listed
    assert editor.attendance.members_model.checked_ids() == {setup.members["井上 花子"]}


# The tab -------------------------------------------------------------------------------------
def _meeting(
    council_id: int,
    day: dt.date,
    *,
    kind: MeetingKind = MeetingKind.REGULAR,
    status: MeetingStatus = MeetingStatus.HELD,
    place: str = "駅前地区センター",
    reason: str = "",
) -> MeetingInput:
    return MeetingInput(
        council_id,
        kind,
        day,
        status,
        place=place,
        reason=reason,
        agenda=[AgendaItemInput("Crime report")],
    )


@pytest.fixture
def some_meetings(db: Database, setup: Setup) -> dict[str, int]:
    """Five meetings over two councils and two 年度 (R6: to 2025-03-31, R7: from 2025-04-01)."""
    first, second = setup.council.id, setup.other_council.id
    with db.transaction() as s:
        ids = {
            "r6_first": meetings.create_meeting(s, _meeting(first, dt.date(2024, 10, 1))),
            "r6_first_march": meetings.create_meeting(
                s, _meeting(first, dt.date(2025, 3, 20), place="Civic hall")
            ),
            "r7_first": meetings.create_meeting(s, _meeting(first, dt.date(2025, 5, 10))),
            "r7_second_extra": meetings.create_meeting(
                s,
                _meeting(
                    second,
                    dt.date(2025, 4, 20),
                    kind=MeetingKind.EXTRAORDINARY,
                    reason="Bicycle thefts",
                ),
            ),
            "r7_second_planned": meetings.create_meeting(
                s,
                _meeting(
                    second, dt.date(2025, 9, 1), status=MeetingStatus.PLANNED, place="Civic hall"
                ),
            ),
        }
        opinions.create_opinion(
            s,
            OpinionInput(
                first, "Open request", dt.date(2025, 5, 10), meeting_id=ids["r7_first"].meeting.id
            ),
        )
    return {key: detail.meeting.id for key, detail in ids.items()}


def test_the_table_filters_by_council_year_and_text(
    tab: MeetingsTab, setup: Setup, some_meetings: dict[str, int]
) -> None:
    tab.refresh()
    assert tab.model.rowCount() == 5
    # This 年度 (令和7年度) is chosen at first.
    assert tab.year_filter() == 2025
    assert tab.proxy.rowCount() == 3
    assert tab.count_label.text() == "3 of 5 meetings"

    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2024))
    assert tab.proxy.rowCount() == 2  # 2024-10-01 and 2025-03-20 belong to 令和6年度
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(None))
    assert tab.proxy.rowCount() == 5

    tab.show_council(setup.other_council.id)
    assert tab.proxy.rowCount() == 2
    tab.search_edit.setText("bicycle")  # the reason of the 臨時会議 is searched
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.row_at(0).id == some_meetings["r7_second_extra"]

    tab.search_edit.setText("civic")
    tab.council_combo.setCurrentIndex(tab.council_combo.findData(None))
    assert tab.proxy.rowCount() == 2
    tab.search_edit.clear()
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    assert [tab.proxy.row_at(r).held_on for r in range(tab.proxy.rowCount())] == [
        dt.date(2025, 9, 1),
        dt.date(2025, 5, 10),
        dt.date(2025, 4, 20),
    ]  # newest first

    # Filters and the selection survive a refresh.
    tab.show_council(setup.council.id)
    tab.select_meeting(some_meetings["r7_first"])
    tab.refresh()
    assert tab.council_filter() == setup.council.id
    assert tab.year_filter() == 2025
    current = tab.current_meeting()
    assert current is not None and current.id == some_meetings["r7_first"]
    assert current.open_requests == 1


def test_the_table_shows_dates_in_wareki_and_colours_by_status(
    tab: MeetingsTab, some_meetings: dict[str, int]
) -> None:
    tab.refresh()
    rows = {row.id: n for n, row in enumerate(tab.model.rows())}
    planned = tab.model.index(rows[some_meetings["r7_second_planned"]], MeetingsTableModel.DATE)
    assert tab.model.data(planned) == "令和7年9月1日(月)"
    assert tab.model.data(planned, Qt.ItemDataRole.ForegroundRole) is not None
    held = tab.model.index(rows[some_meetings["r7_first"]], MeetingsTableModel.DATE)
    assert tab.model.data(held, Qt.ItemDataRole.ForegroundRole) is None


def test_new_edit_and_delete_from_the_tab(
    qtbot: QtBot,
    tab: MeetingsTab,
    setup: Setup,
    db: Database,
    some_meetings: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab.refresh()
    tab.show_council(setup.other_council.id)
    tab.new_item()
    editor = tab.editor
    assert isinstance(editor, MeetingEditor)
    qtbot.addWidget(editor)
    assert editor.council_id() == setup.other_council.id
    assert editor.meeting_id is None
    editor.date_field.set_value(dt.date(2026, 5, 8))  # next 年度, outside the year filter
    save(editor)
    assert editor.result() == editor.DialogCode.Accepted
    # The filters move so that the meeting just saved shows, selected.
    assert tab.year_filter() == 2026
    current = tab.current_meeting()
    assert current is not None and current.held_on == dt.date(2026, 5, 8)

    tab.edit_current()
    assert isinstance(tab.editor, MeetingEditor)
    qtbot.addWidget(tab.editor)
    assert tab.editor.meeting_id == current.id
    tab.editor.reject()

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    tab.delete_current()
    assert tab.model.rowCount() == 6
    tab.delete_current()
    assert tab.model.rowCount() == 5
    with db.reader() as s:
        assert current.id not in {m.id for m in meetings.list_meetings(s)}


def test_plan_meeting_and_open_opinion_for_the_other_tabs(
    qtbot: QtBot,
    tab: MeetingsTab,
    context: AppContext,
    db: Database,
    setup: Setup,
    some_meetings: dict[str, int],
) -> None:
    tab.plan_meeting(setup.council.id)
    editor = tab.editor
    assert isinstance(editor, MeetingEditor)
    qtbot.addWidget(editor)
    assert editor.council_id() == setup.council.id
    assert editor.kind_combo.value() is MeetingKind.REGULAR
    assert editor.status_combo.value() is MeetingStatus.PLANNED
    assert tab.council_filter() == setup.council.id
    editor.reject()

    with db.transaction() as s:
        raised = opinions.list_opinions(s, meeting_id=some_meetings["r7_first"])[0]
        loose = opinions.create_opinion(
            s, OpinionInput(setup.council.id, "Raised on a visit", dt.date(2025, 5, 20))
        )
    tab.open_opinion(raised.id)
    editor = tab.editor
    assert isinstance(editor, MeetingEditor)
    qtbot.addWidget(editor)
    assert editor.meeting_id == some_meetings["r7_first"]
    assert editor.tabs.currentIndex() == MeetingEditor.OPINIONS
    assert editor.opinions.current_row() == 0
    editor.reject()

    tab.open_opinion(loose.id)
    dialog = tab.editor
    assert isinstance(dialog, OpinionDialog)
    qtbot.addWidget(dialog)
    assert dialog.raised_on_field.value() == dt.date(2025, 5, 20)
    dialog.status_combo.set_value(OpinionStatus.IN_PROGRESS)
    save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.reader() as s:
        assert opinions.get_opinion(s, loose.id).status is OpinionStatus.IN_PROGRESS


# The models ----------------------------------------------------------------------------------
def test_agenda_moves_by_move_rows_and_by_drop(qtmodeltester: ModelTester) -> None:
    model = AgendaListModel()
    model.set_items([AgendaDraft("A"), AgendaDraft("B"), AgendaDraft("C"), AgendaDraft("D")])
    qtmodeltester.check(model)

    def order() -> str:
        return "".join(item.title for item in model.items())

    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # A before D
    assert order() == "BCAD"
    assert not model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 2)  # onto itself
    assert model.data(model.index(0)) == "B"

    mime = model.mimeData([model.index(3)])  # drag D to the top
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert order() == "DBCA"
    mime = model.mimeData([model.index(0), model.index(1)])  # D and B to the end, in order
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert order() == "CADB"
    assert not model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())

    assert model.setData(model.index(0), "  C renamed ")
    assert not model.setData(model.index(0), "   ")
    assert model.move_down(3) == 3 and model.move_up(0) == 0
    assert model.removeRows(1, 2)
    assert order() == "C renamedB"
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDropEnabled
    qtmodeltester.check(model)


def test_attendance_models(qtmodeltester: ModelTester) -> None:
    ticks = AttendeeCheckModel("Role", "Reading")
    ticks.set_choices(
        [AttendeeChoice(1, "青木 一郎", "会長"), AttendeeChoice(2, "井上 花子", "委員")], {2}
    )
    qtmodeltester.check(ticks)
    ticks.set_all(True)
    assert ticks.checked_ids() == {1, 2}
    assert not ticks.setData(ticks.index(0, AttendeeCheckModel.ROLE), 0, Qt.ItemDataRole.EditRole)

    others = OtherAttendeesModel()
    others.set_attendees([OtherAttendee(AttendeeKind.OUTSIDE, "町内会", "連合会", "", 2)])
    qtmodeltester.check(others)
    count = others.index(0, OtherAttendeesModel.HEAD_COUNT)
    assert others.data(count, Qt.ItemDataRole.EditRole) == 2
    assert not others.setData(count, 0)
    assert others.setData(count, 5)
    assert not others.setData(others.index(0, OtherAttendeesModel.NAME), " ")
    assert others.head_count() == 5
    qtmodeltester.check(others)


def test_table_models(
    qtmodeltester: ModelTester, context: AppContext, some_meetings: dict[str, int]
) -> None:
    table = MeetingsTableModel(context.settings.date_style)
    table.set_rows(context.read(meetings.list_meetings))
    qtmodeltester.check(table)
    drafts = OpinionDraftsModel(context.settings.date_style)
    drafts.set_rows(
        [
            OpinionDraft.from_row(row)
            for row in context.read(opinions.list_opinions, meeting_id=some_meetings["r7_first"])
        ]
    )
    qtmodeltester.check(drafts)


def test_text_typed_but_not_added_is_saved_and_counts_as_an_edit(
    qtbot: QtBot, context: AppContext, setup: Setup, db: Database, type_text: TypeText
) -> None:
    editor = new_editor(qtbot, context, setup.council.id)
    editor.mark_clean()
    type_text(editor.agenda.title_edit, "防犯カメラの設置について")  # no Enter
    assert editor.dirty, "closing now must ask"
    type_text(editor.attendance.name_edit, "さくら町自治会")  # no 追加 either
    save(editor)
    with db.reader() as s:
        stored = meetings.meeting_detail(s, editor.result_value.meeting.id)
    assert [item.title for item in stored.agenda] == ["防犯カメラの設置について"]
    assert [a.name for a in stored.attendees] == ["さくら町自治会"]


def test_changing_the_council_clears_the_ticks(
    qtbot: QtBot, context: AppContext, setup: Setup
) -> None:
    editor = new_editor(qtbot, context, setup.council.id)
    editor.attendance.tick_all_button.click()
    assert editor.attendance.members_model.checked()
    editor.council_combo.setCurrentIndex(editor.council_combo.findData(setup.other_council.id))
    assert editor.attendance.members_model.checked() == []
