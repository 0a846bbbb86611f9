"""Fixtures for the printed documents: the demo database, a council built to order, and a
reader that returns a PDF's pages as text exactly as stored (no Unicode normalisation)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from pdf_reading import DEMO_TODAY
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import fill_demo
from kobankyo_desktop.core.models import Council, Meeting
from kobankyo_desktop.core.services import councils, meetings, people
from kobankyo_desktop.core.services.appointments import AppointmentInput, appoint
from kobankyo_desktop.core.services.meetings import AgendaItemInput, AttendeeInput, MeetingInput
from kobankyo_desktop.core.services.stations import PostRow, StationRow
from kobankyo_desktop.core.settings import Settings, save_settings
from kobankyo_desktop.core.vocab import AttendeeKind, CouncilKind, Field, MeetingKind, MeetingStatus


@dataclass(frozen=True)
class Demo:
    db: Database
    council_id: int  # 駅前交番連絡協議会
    held_meeting_id: int  # its regular meeting held this 年度
    planned_meeting_id: int  # 山手北地区's planned meeting, no attendance recorded yet


@pytest.fixture
def demo(db: Database) -> Demo:
    with db.transaction() as s:
        fill_demo(s, DEMO_TODAY)
    with db.reader() as s:
        ekimae = s.scalar(select(Council.id).where(Council.name == "駅前交番連絡協議会"))
        held = s.scalar(
            select(Meeting.id)
            .where(
                Meeting.council_id == ekimae,
                Meeting.kind == MeetingKind.REGULAR,
                Meeting.status == MeetingStatus.HELD,
            )
            .order_by(Meeting.held_on.desc())
        )
        planned = s.scalar(select(Meeting.id).where(Meeting.status == MeetingStatus.PLANNED))
    assert ekimae and held and planned
    return Demo(db, ekimae, held, planned)


@dataclass(frozen=True)
class Built:
    council_id: int
    meeting_id: int
    appointment_ids: list[int]
    names: list[str]  # in the order the roster prints them (by reading)


BuildCouncil = Callable[..., Built]


@pytest.fixture
def build_council(db: Database, station: StationRow, post: PostRow) -> BuildCouncil:
    """A council with ``members`` people (the given ``names`` first) and one planned meeting
    with ``items`` agenda items, on 2025-05-20 15:30–16:30."""

    def build(members: int = 3, items: int = 3, names: tuple[tuple[str, str], ...] = ()) -> Built:
        with db.transaction() as s:
            save_settings(s, Settings(station_name="さくら警察署", issuer_heading="さくら警察署長"))
            council = councils.create_council(
                s,
                councils.CouncilInput(
                    station.id,
                    "駅前交番連絡協議会",
                    CouncilKind.STANDARD,
                    [post.id],
                    dt.date(2008, 4, 1),
                ),
            )
            given = list(names) + [
                (f"委員{n:03d} 太郎", f"いいん{n:03d} たろう") for n in range(members - len(names))
            ]
            ids = []
            for name, reading in given:
                person = people.create_person(
                    s,
                    people.PersonInput(
                        name,
                        reading,
                        field=Field.NEIGHBOURHOOD,
                        postal_code="000-0000",
                        address=f"架空県さくら市本町{len(ids) + 1}-1",
                        phone=f"000-111-{len(ids):04d}",
                    ),
                )
                ids.append(
                    appoint(s, AppointmentInput(council.id, person.id, dt.date(2025, 4, 1))).id
                )
            meeting = meetings.create_meeting(
                s,
                MeetingInput(
                    council_id=council.id,
                    kind=MeetingKind.REGULAR,
                    held_on=dt.date(2025, 5, 20),
                    start_time=dt.time(15, 30),
                    end_time=dt.time(16, 30),
                    place="さくら市民センター 第1会議室",
                    agenda=[
                        AgendaItemInput(f"議題その{n:03d}について") for n in range(1, items + 1)
                    ],
                    attendees=[
                        AttendeeInput(
                            AttendeeKind.OUTSIDE, name="自治会", body="本町自治会", head_count=2
                        )
                    ],
                ),
            )
        ordered = [name for name, _reading in sorted(given, key=lambda g: g[1])]
        return Built(council.id, meeting.meeting.id, ids, ordered)

    return build


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    """Qt for rendering: the suite's QApplication (pytest-qt), offscreen under CI."""
    return qapp
