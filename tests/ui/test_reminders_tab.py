"""The reminders tab over the demo database: it lists what the rules find and leads to fixes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kobankyo_desktop.core import rules
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.services import meetings
from kobankyo_desktop.core.services.meetings import MeetingInput
from kobankyo_desktop.core.vocab import MeetingKind, MeetingStatus
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.tabs.reminders_tab import RemindersTab

TODAY = dt.date(2025, 11, 20)


@pytest.fixture
def demo_context(db: Database) -> AppContext:
    with db.transaction() as s:
        fill_demo(s, TODAY)
    return AppContext(db, today=lambda: TODAY)


@pytest.fixture
def tab(qtbot: QtBot, demo_context: AppContext) -> RemindersTab:
    widget = RemindersTab(demo_context)
    qtbot.addWidget(widget)
    demo_context.changed.connect(lambda _entity: widget.refresh())
    widget.refresh()
    return widget


def shown(tab: RemindersTab) -> list[rules.Reminder]:
    return [tab.proxy.row_at(i) for i in range(tab.proxy.rowCount())]


def test_every_kind_of_reminder_shows_on_the_demo(tab: RemindersTab) -> None:
    assert {r.rule for r in shown(tab)} == {
        rules.NO_REGULAR_MEETING,
        rules.TERM_ENDING,
        rules.TERM_LAPSED,
        rules.NO_MANAGER,
        rules.OPINION_UNANSWERED,
        rules.ROSTER_NOT_BROAD,
    }
    severities = [r.severity for r in shown(tab)]
    assert severities == sorted(severities, reverse=True), "most urgent first"


def test_the_badge_count_and_summary(qtbot: QtBot, demo_context: AppContext) -> None:
    widget = RemindersTab(demo_context)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.count_changed) as signal:
        widget.refresh()
    assert signal.args == [widget.model.rowCount()]
    assert widget.summary.text()


def test_recording_the_regular_meeting_removes_its_reminder(
    tab: RemindersTab, demo_context: AppContext
) -> None:
    missing = [r for r in shown(tab) if r.rule == rules.NO_REGULAR_MEETING]
    assert missing
    target = missing[0]
    demo_context.write(
        None,
        "meeting",
        meetings.create_meeting,
        MeetingInput(target.council_id, MeetingKind.REGULAR, TODAY, status=MeetingStatus.HELD),
    )
    still = [
        r
        for r in shown(tab)
        if r.rule == rules.NO_REGULAR_MEETING and r.council_id == target.council_id
    ]
    assert still == []


def test_fix_routes_to_the_right_editor(qtbot: QtBot, tab: RemindersTab) -> None:
    for row, reminder in enumerate(shown(tab)):
        if reminder.rule == rules.NO_MANAGER:
            tab.table.selectRow(row)
            break
    with qtbot.waitSignal(tab.designate_manager_requested) as signal:
        tab.fix_button.click()
    assert signal.args == [reminder.council_id]


def test_filter(tab: RemindersTab, type_text: Callable[[QWidget, str], None]) -> None:
    total = tab.proxy.rowCount()
    type_text(tab.filter, "山手南")
    assert 0 < tab.proxy.rowCount() < total
    assert all(r.council_name == "山手南地区連絡協議会" for r in shown(tab))


def test_the_model_is_consistent(qtmodeltester: ModelTester, tab: RemindersTab) -> None:
    qtmodeltester.check(tab.model)


def test_a_planned_meeting_is_opened_rather_than_planned_again(
    qtbot: QtBot, tab: RemindersTab
) -> None:
    for row, reminder in enumerate(shown(tab)):
        if reminder.rule == rules.NO_REGULAR_MEETING and reminder.meeting_id is not None:
            tab.table.selectRow(row)
            break
    else:
        raise AssertionError("the demo plans a regular meeting for one council")
    with qtbot.waitSignal(tab.meeting_requested) as signal:
        tab.fix_button.click()
    assert signal.args == [reminder.meeting_id]
