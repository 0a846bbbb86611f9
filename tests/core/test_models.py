"""Tests for kobankyo_desktop.core.models: the rules the schema itself enforces.

These go around the services on purpose: they prove the database refuses bad rows even when
a future caller forgets to validate (foreign keys on, CHECK constraints, partial unique index).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import (
    Appointment,
    Attendance,
    Council,
    ManagerDesignation,
    Meeting,
    Officer,
    Opinion,
    Person,
    Post,
    Station,
)
from kobankyo_desktop.core.services.stations import PostRow, StationRow
from kobankyo_desktop.core.vocab import (
    AttendeeKind,
    CouncilKind,
    Department,
    MeetingKind,
    OpinionCategory,
    OpinionStatus,
    PostKind,
)

D = dt.date


@pytest.fixture
def council_id(db: Database, station: StationRow, post: PostRow) -> int:
    with db.transaction() as s:
        council = Council(
            station_id=station.id,
            name="駅前交番連絡協議会",
            kind=CouncilKind.STANDARD,
            established_on=D(2020, 4, 1),
        )
        council.posts = [s.get_one(Post, post.id)]
        s.add(council)
        s.flush()
        return council.id


@pytest.fixture
def person_id(db: Database) -> int:
    with db.transaction() as s:
        person = Person(name="山田 太郎", reading="やまだ たろう")
        s.add(person)
        s.flush()
        return person.id


def _refused(
    db: Database, table_counts: Callable[[], dict[str, int]], make: Callable[[], object]
) -> None:
    """Adding the record ``make`` builds fails with IntegrityError and leaves no row behind."""
    before = table_counts()
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(make())
        s.flush()
    assert table_counts() == before


def test_records_get_uuid_and_timestamps(db: Database) -> None:
    with db.transaction() as s:
        station = Station(name="さくら警察署")
        s.add(station)
        s.flush()
        assert len(station.uuid) == 36
        assert station.created_at is not None
        assert station.updated_at is not None
        other = Station(name="もみじ警察署")
        s.add(other)
        s.flush()
        assert other.uuid != station.uuid


def test_foreign_keys_are_enforced(
    db: Database, table_counts: Callable[[], dict[str, int]], person_id: int
) -> None:
    with db.reader() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    _refused(
        db,
        table_counts,
        lambda: Appointment(
            council_id=9999, person_id=person_id, term_start=D(2025, 4, 1), term_end=D(2027, 3, 31)
        ),
    )


def test_post_needs_an_existing_station(
    db: Database, table_counts: Callable[[], dict[str, int]]
) -> None:
    _refused(db, table_counts, lambda: Post(station_id=4242, name="駅前交番", kind=PostKind.KOBAN))


def test_term_end_before_start_is_refused(
    db: Database, table_counts: Callable[[], dict[str, int]], council_id: int, person_id: int
) -> None:
    _refused(
        db,
        table_counts,
        lambda: Appointment(
            council_id=council_id,
            person_id=person_id,
            term_start=D(2025, 4, 1),
            term_end=D(2025, 3, 31),
        ),
    )


def test_ended_appointment_needs_a_reason(
    db: Database, table_counts: Callable[[], dict[str, int]], council_id: int, person_id: int
) -> None:
    _refused(
        db,
        table_counts,
        lambda: Appointment(
            council_id=council_id,
            person_id=person_id,
            term_start=D(2025, 4, 1),
            term_end=D(2027, 3, 31),
            ended_on=D(2026, 1, 1),
        ),
    )


def test_appointment_ended_before_start_is_refused(
    db: Database, table_counts: Callable[[], dict[str, int]], council_id: int, person_id: int
) -> None:
    _refused(
        db,
        table_counts,
        lambda: Appointment(
            council_id=council_id,
            person_id=person_id,
            term_start=D(2025, 4, 1),
            term_end=D(2027, 3, 31),
            ended_on=D(2025, 3, 1),
            end_reason="転居",
        ),
    )


@pytest.mark.parametrize("model", [Station, Person])
def test_empty_names_are_refused(
    db: Database, table_counts: Callable[[], dict[str, int]], model: type[Station | Person]
) -> None:
    _refused(db, table_counts, lambda: model(name=""))


def test_empty_post_name_is_refused(
    db: Database, table_counts: Callable[[], dict[str, int]], station: StationRow
) -> None:
    _refused(db, table_counts, lambda: Post(station_id=station.id, name="", kind=PostKind.KOBAN))


def test_officer_left_before_joined_is_refused(
    db: Database, table_counts: Callable[[], dict[str, int]], post: PostRow
) -> None:
    _refused(
        db,
        table_counts,
        lambda: Officer(
            post_id=post.id, name="交番 一郎", joined_on=D(2025, 4, 1), left_on=D(2025, 3, 1)
        ),
    )


def test_council_rules_in_the_schema(
    db: Database, table_counts: Callable[[], dict[str, int]], station: StationRow
) -> None:
    def council(**values: object) -> Council:
        defaults: dict[str, object] = {
            "station_id": station.id,
            "name": "協議会",
            "kind": CouncilKind.STANDARD,
            "established_on": D(2020, 4, 1),
        }
        return Council(**(defaults | values))

    _refused(db, table_counts, lambda: council(name=""))
    _refused(db, table_counts, lambda: council(abolished_on=D(2020, 3, 31)))
    _refused(db, table_counts, lambda: council(kind=CouncilKind.OCCUPATIONAL))
    _refused(db, table_counts, lambda: council(kind=CouncilKind.OCCUPATIONAL, purpose=""))


def test_meeting_rules_in_the_schema(
    db: Database, table_counts: Callable[[], dict[str, int]], council_id: int
) -> None:
    def meeting(**values: object) -> Meeting:
        defaults: dict[str, object] = {
            "council_id": council_id,
            "kind": MeetingKind.REGULAR,
            "held_on": D(2025, 5, 20),
        }
        return Meeting(**(defaults | values))

    _refused(
        db, table_counts, lambda: meeting(start_time=dt.time(15, 30), end_time=dt.time(15, 30))
    )
    _refused(db, table_counts, lambda: meeting(kind=MeetingKind.EXTRAORDINARY))
    _refused(db, table_counts, lambda: meeting(kind=MeetingKind.EXTRAORDINARY, reason=""))


def test_attendance_rules_in_the_schema(
    db: Database, table_counts: Callable[[], dict[str, int]], council_id: int
) -> None:
    with db.transaction() as s:
        meeting = Meeting(council_id=council_id, kind=MeetingKind.REGULAR, held_on=D(2025, 5, 20))
        s.add(meeting)
        s.flush()
        meeting_id = meeting.id

    _refused(db, table_counts, lambda: Attendance(meeting_id=meeting_id, kind=AttendeeKind.MEMBER))
    _refused(db, table_counts, lambda: Attendance(meeting_id=meeting_id, kind=AttendeeKind.STAFF))
    _refused(db, table_counts, lambda: Attendance(meeting_id=meeting_id, kind=AttendeeKind.OUTSIDE))
    _refused(
        db,
        table_counts,
        lambda: Attendance(
            meeting_id=meeting_id, kind=AttendeeKind.OUTSIDE, name="自治会", head_count=0
        ),
    )


def test_closed_opinion_needs_a_date(
    db: Database, table_counts: Callable[[], dict[str, int]], council_id: int
) -> None:
    _refused(
        db,
        table_counts,
        lambda: Opinion(
            council_id=council_id,
            category=OpinionCategory.REQUEST,
            department=Department.TRAFFIC,
            content="カーブミラーの設置",
            raised_on=D(2025, 5, 20),
            status=OpinionStatus.CLOSED,
        ),
    )


def test_one_current_manager_designation_per_council(
    db: Database,
    table_counts: Callable[[], dict[str, int]],
    council_id: int,
    post: PostRow,
) -> None:
    with db.transaction() as s:
        first = Officer(post_id=post.id, name="交番 一郎")
        second = Officer(post_id=post.id, name="交番 二郎")
        s.add_all([first, second])
        s.flush()
        s.add(
            ManagerDesignation(
                council_id=council_id, officer_id=first.id, designated_on=D(2025, 4, 1)
            )
        )
        first_id, second_id = first.id, second.id

    _refused(
        db,
        table_counts,
        lambda: ManagerDesignation(
            council_id=council_id, officer_id=second_id, designated_on=D(2025, 5, 1)
        ),
    )
    # Ended designations are history and do not count against the current one.
    with db.transaction() as s:
        s.add(
            ManagerDesignation(
                council_id=council_id,
                officer_id=second_id,
                designated_on=D(2024, 4, 1),
                ended_on=D(2025, 3, 31),
            )
        )
    with db.reader() as s:
        holders = s.scalars(
            select(ManagerDesignation.officer_id).where(ManagerDesignation.ended_on.is_(None))
        ).all()
    assert holders == [first_id]


def test_unknown_vocabulary_code_is_refused(db: Database, station: StationRow) -> None:
    # Through the ORM the enum type rejects the code before SQL is sent ...
    with pytest.raises(StatementError), db.transaction() as s:
        s.add(
            Council(
                station_id=station.id, name="協議会", kind="bogus", established_on=D(2020, 4, 1)
            )
        )
        s.flush()
    # ... and in raw SQL the CHECK constraint does.
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.execute(
            text(
                "INSERT INTO councils (uuid, station_id, name, kind, established_on, notes,"
                " created_at, updated_at) VALUES ('x', :station, '協議会', 'bogus', '2020-04-01',"
                " '', '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
            ),
            {"station": station.id},
        )


def test_deleting_a_council_cascades_its_post_links_only(
    db: Database, council_id: int, post: PostRow
) -> None:
    with db.transaction() as s:
        s.delete(s.get_one(Council, council_id))
    with db.reader() as s:
        assert s.execute(text("SELECT count(*) FROM council_posts")).scalar_one() == 0
        assert s.get(Post, post.id) is not None
