"""The data step: what each document says, read without Qt."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from pdf_reading import DEMO_TODAY

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import NotFoundError, ValidationError
from kobankyo_desktop.core.services.meetings import set_meeting_status
from kobankyo_desktop.core.vocab import AttendeeKind, MeetingStatus
from kobankyo_desktop.reports import data


def test_the_data_step_does_not_import_qt() -> None:
    import subprocess

    code = (
        "import sys, kobankyo_desktop.reports.documents; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_agenda_items_in_order_and_report_on_earlier_responses(demo) -> None:
    with demo.db.reader() as s:
        agenda = data.agenda_data(s, demo.held_meeting_id)
    assert agenda.meeting.council_name == "駅前交番連絡協議会"
    assert len(agenda.items) == 3
    assert agenda.report_on_responses  # the council has answered requests from last 年度
    assert agenda.attendees is None
    assert agenda.issuer.issuer_heading == "さくら警察署長"


def test_no_report_on_responses_without_earlier_answered_requests(build_council, db) -> None:
    built = build_council()
    with db.reader() as s:
        assert not data.agenda_data(s, built.meeting_id).report_on_responses


def test_planned_meeting_lists_serving_members_as_expected_attendees(demo) -> None:
    with demo.db.reader() as s:
        agenda = data.agenda_data(s, demo.planned_meeting_id, include_attendees=True)
    assert agenda.attendees_planned
    assert agenda.attendees and all(a.group is AttendeeKind.MEMBER for a in agenda.attendees)


def test_record_groups_and_orders_attendees(demo) -> None:
    with demo.db.reader() as s:
        record = data.record_data(s, demo.held_meeting_id)
    groups = [a.group for a in record.attendees]
    assert groups == sorted(
        groups,
        key=[
            AttendeeKind.MEMBER,
            AttendeeKind.STAFF,
            AttendeeKind.DEPARTMENT,
            AttendeeKind.OUTSIDE,
        ].index,
    )
    roles = [a.role for a in record.attendees if a.group is AttendeeKind.MEMBER]
    rank = {"会長": 0, "副会長": 1}
    assert roles == sorted(roles, key=lambda role: rank.get(role, 2))
    assert record.minutes[0].startswith("【委員】")
    assert len(record.opinions) == 2
    assert record.manager_name


def test_roster_reads_contacts_only_when_asked(build_council, db: Database) -> None:
    built = build_council(members=4, names=(("会長 一郎", "ん"),))
    with db.reader() as s:
        plain = data.roster_data(s, built.council_id, DEMO_TODAY)
        full = data.roster_data(s, built.council_id, DEMO_TODAY, include_contacts=True)
    assert all(m.address is None and m.phone is None for m in plain.members)
    assert all(m.address and m.phone for m in full.members)
    assert [m.name for m in plain.members] == built.names


def test_roster_puts_officers_first_then_reading(demo) -> None:
    with demo.db.reader() as s:
        roster = data.roster_data(s, demo.council_id, DEMO_TODAY)
    roles = [m.role for m in roster.members]
    assert roles[:2] == ["会長", "副会長"]
    readings = [m.reading for m in roster.members[2:]]
    assert readings == sorted(readings)


def test_roster_as_of_a_day_before_any_term_is_empty(demo) -> None:
    with demo.db.reader() as s:
        assert data.roster_data(s, demo.council_id, dt.date(2000, 1, 1)).members == ()


def test_appointment_letters_keep_the_order_given(build_council, db: Database) -> None:
    built = build_council(members=3)
    with db.reader() as s:
        letters = data.appointment_letters(s, list(reversed(built.appointment_ids)))
        with pytest.raises(ValidationError):
            data.appointment_letters(s, [])
        with pytest.raises(NotFoundError):
            data.appointment_letters(s, [99999])
    assert [x.appointment_id for x in letters.letters] == list(reversed(built.appointment_ids))
    assert letters.letters[0].term_start == dt.date(2025, 4, 1)


def test_notices_go_to_every_serving_member(build_council, db: Database) -> None:
    built = build_council(members=4)
    with db.reader() as s:
        notice = data.notice_data(s, built.meeting_id, dt.date(2025, 5, 1))
    assert [a.name for a in notice.addressees] == built.names
    assert notice.contact == "さくら警察署"  # no 運営責任者 designated
    with db.transaction() as s:
        set_meeting_status(s, built.meeting_id, MeetingStatus.CANCELLED)
    with db.reader() as s, pytest.raises(ValidationError):
        data.notice_data(s, built.meeting_id, dt.date(2025, 5, 1))
