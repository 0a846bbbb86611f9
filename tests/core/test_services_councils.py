"""Tests for kobankyo_desktop.core.services.councils: councils, their posts and 運営責任者.

The stations and posts a council is built on are checked here too, where they are used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import ConflictError, DomainError, NotFoundError
from kobankyo_desktop.core.models import Appointment, Council, ManagerDesignation, Meeting
from kobankyo_desktop.core.services.appointments import (
    AppointmentInput,
    TermStatus,
    appoint,
    end_appointment,
    list_appointments,
    reappoint,
)
from kobankyo_desktop.core.services.councils import (
    CouncilInput,
    CouncilRow,
    abolish_council,
    council_detail,
    create_council,
    delete_council,
    designate_manager,
    list_councils,
    merge_councils,
    update_council,
)
from kobankyo_desktop.core.services.meetings import MeetingInput, create_meeting, list_meetings
from kobankyo_desktop.core.services.people import PersonInput, create_person, list_member_rows
from kobankyo_desktop.core.services.stations import (
    OfficerInput,
    OfficerRow,
    PostRow,
    StationRow,
    close_post,
    create_officer,
    create_post,
    create_station,
)
from kobankyo_desktop.core.vocab import CouncilKind, MeetingKind, MeetingStatus, PostKind

D = dt.date
Refused = Callable[..., DomainError]
ESTABLISHED = D(2020, 4, 1)
FIRST_TERM = D(2024, 4, 1)


def _input(
    station_id: int,
    post_ids: list[int],
    name: str = "駅前交番連絡協議会",
    kind: CouncilKind | str = CouncilKind.STANDARD,
    **values: object,
) -> CouncilInput:
    data = CouncilInput(
        station_id=station_id,
        name=name,
        kind=kind,
        post_ids=post_ids,
        established_on=ESTABLISHED,
    )
    return dataclasses.replace(data, **values)


@pytest.fixture
def other_post(db: Database, station: StationRow) -> PostRow:
    with db.transaction() as s:
        return create_post(s, station.id, "山の手駐在所", PostKind.CHUZAISHO)


@pytest.fixture
def council(db: Database, station: StationRow, post: PostRow) -> CouncilRow:
    with db.transaction() as s:
        return create_council(s, _input(station.id, [post.id]))


@pytest.fixture
def officers(db: Database, post: PostRow) -> list[OfficerRow]:
    with db.transaction() as s:
        return [
            create_officer(
                s, OfficerInput(post.id, "交番 一郎", "こうばん いちろう", position="交番所長")
            ),
            create_officer(s, OfficerInput(post.id, "交番 二郎", "こうばん じろう")),
        ]


def _add_member(s: Session, council_id: int, name: str, term_start: dt.date = FIRST_TERM) -> int:
    person = create_person(s, PersonInput(name=name))
    return appoint(s, AppointmentInput(council_id, person.id, term_start)).id


def _add_meeting(
    s: Session,
    council_id: int,
    held_on: dt.date,
    kind: MeetingKind = MeetingKind.REGULAR,
    status: MeetingStatus = MeetingStatus.HELD,
) -> int:
    reason = "連続した自転車盗の発生" if kind is MeetingKind.EXTRAORDINARY else ""
    data = MeetingInput(council_id, kind, held_on, status=status, reason=reason)
    return create_meeting(s, data).meeting.id


# --- stations and posts -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_station_needs_a_name(refused: Refused, name: str) -> None:
    error = refused(lambda s: create_station(s, name), "name")
    assert error.message == "警察署名を入力してください。"


def test_station_name_is_unique(refused: Refused, station: StationRow) -> None:
    error = refused(lambda s: create_station(s, "さくら警察署"), "name")
    assert "既に登録されています" in error.message


@pytest.mark.parametrize("name", ["", "  "])
def test_post_needs_a_name(refused: Refused, station: StationRow, name: str) -> None:
    error = refused(lambda s: create_post(s, station.id, name, PostKind.KOBAN), "name")
    assert error.message == "交番等の名称を入力してください。"


def test_post_kind_must_be_known(refused: Refused, station: StationRow) -> None:
    error = refused(lambda s: create_post(s, station.id, "駅前交番", "police_box"), "kind")
    assert "police_box" in error.message


def test_post_closed_before_opened_is_refused(
    db: Database, refused: Refused, station: StationRow
) -> None:
    with db.transaction() as s:
        opened = create_post(s, station.id, "新町交番", PostKind.KOBAN, opened_on=D(2010, 4, 1))
    refused(lambda s: close_post(s, opened.id, D(2010, 3, 31)), "closed_on")


def test_officer_needs_a_name_and_sane_dates(refused: Refused, post: PostRow) -> None:
    refused(lambda s: create_officer(s, OfficerInput(post.id, " ")), "name")
    refused(
        lambda s: create_officer(
            s, OfficerInput(post.id, "交番 一郎", joined_on=D(2025, 4, 1), left_on=D(2025, 3, 1))
        ),
        "left_on",
    )


# --- creating and editing councils --------------------------------------------------------


def test_create_standard_council(db: Database, station: StationRow, post: PostRow) -> None:
    with db.transaction() as s:
        row = create_council(s, _input(station.id, [post.id], name="  駅前交番連絡協議会 "))
    assert row.name == "駅前交番連絡協議会"
    assert row.kind is CouncilKind.STANDARD
    assert row.post_ids == (post.id,)
    assert row.post_names == ("駅前交番",)
    assert row.established_on == ESTABLISHED
    assert row.purpose == ""
    assert not row.abolished
    assert (row.serving_members, row.manager_name, row.last_regular_meeting) == (0, None, None)


def test_create_merged_council_keeps_post_order(
    db: Database, station: StationRow, post: PostRow, other_post: PostRow
) -> None:
    with db.transaction() as s:
        row = create_council(
            s,
            _input(
                station.id,
                [other_post.id, post.id, other_post.id],  # the repeat is dropped
                name="駅前・山の手地区連絡協議会",
                kind=CouncilKind.UNIT_MERGED,
            ),
        )
    assert row.post_ids == (other_post.id, post.id)
    assert row.post_names == ("山の手駐在所", "駅前交番")


def test_create_occupational_council_with_purpose(
    db: Database, station: StationRow, post: PostRow, other_post: PostRow
) -> None:
    with db.transaction() as s:
        row = create_council(
            s,
            _input(
                station.id,
                [post.id, other_post.id],
                name="駅前商店街連絡協議会",
                kind="occupational",
                purpose="商店街の防犯",
            ),
        )
    assert row.kind is CouncilKind.OCCUPATIONAL
    assert row.purpose == "商店街の防犯"


@pytest.mark.parametrize(
    ("change", "field", "message_part"),
    [
        ({"name": ""}, "name", "連絡協議会の名称を入力してください"),
        ({"name": " \u3000 "}, "name", "連絡協議会の名称を入力してください"),
        ({"kind": "neighbourhood"}, "kind", "連絡協議会の種別「neighbourhood」"),
        ({"established_on": None}, "established_on", "設置日を入力してください"),
        ({"post_ids": []}, "post_ids", "交番等を選んでください"),
        ({"post_ids": [9999]}, "post_ids", "見つかりません"),
        ({"kind": CouncilKind.OCCUPATIONAL}, "purpose", "目的等を入力してください"),
        ({"kind": CouncilKind.OCCUPATIONAL, "purpose": "  "}, "purpose", "目的等"),
        ({"kind": CouncilKind.UNIT_MERGED}, "post_ids", "二つ以上"),
    ],
)
def test_create_council_refuses_bad_input(
    refused: Refused,
    station: StationRow,
    post: PostRow,
    change: dict[str, object],
    field: str,
    message_part: str,
) -> None:
    data = dataclasses.replace(_input(station.id, [post.id]), **change)
    error = refused(lambda s: create_council(s, data), field)
    assert message_part in error.message


@pytest.mark.parametrize("kind", [CouncilKind.STANDARD, CouncilKind.UNIT_SPLIT])
def test_one_post_kinds_refuse_two_posts(
    refused: Refused, station: StationRow, post: PostRow, other_post: PostRow, kind: CouncilKind
) -> None:
    data = _input(station.id, [post.id, other_post.id], kind=kind)
    error = refused(lambda s: create_council(s, data), "post_ids")
    assert "一つだけ" in error.message


def test_create_council_for_unknown_station(refused: Refused, post: PostRow) -> None:
    error = refused(lambda s: create_council(s, _input(4242, [post.id])), error=NotFoundError)
    assert "警察署" in error.message


def test_split_councils_share_a_post(db: Database, station: StationRow, post: PostRow) -> None:
    with db.transaction() as s:
        for area in ("北", "南"):
            create_council(
                s,
                _input(station.id, [post.id], f"駅前{area}地区連絡協議会", CouncilKind.UNIT_SPLIT),
            )
    with db.reader() as s:
        rows = list_councils(s, D(2025, 4, 1))
    assert [r.post_ids for r in rows] == [(post.id,), (post.id,)]


def test_update_council(
    db: Database, station: StationRow, council: CouncilRow, post: PostRow, other_post: PostRow
) -> None:
    data = _input(station.id, [post.id, other_post.id], "駅前・山の手地区連絡協議会", "unit_merged")
    with db.transaction() as s:
        row = update_council(s, council.id, data)
    assert (row.id, row.name, row.kind) == (council.id, data.name, CouncilKind.UNIT_MERGED)
    assert row.post_ids == (post.id, other_post.id)


def test_update_council_validates_like_create(
    refused: Refused, station: StationRow, council: CouncilRow, post: PostRow
) -> None:
    refused(lambda s: update_council(s, council.id, _input(station.id, [post.id], "")), "name")


def test_update_council_cannot_move_establishment_after_abolition(
    db: Database, refused: Refused, station: StationRow, council: CouncilRow, post: PostRow
) -> None:
    with db.transaction() as s:
        abolish_council(s, council.id, D(2024, 3, 31))
    data = _input(station.id, [post.id], established_on=D(2024, 4, 1))
    refused(lambda s: update_council(s, council.id, data), "established_on")


# --- abolishing and deleting --------------------------------------------------------------


def test_abolish_before_established_is_refused(refused: Refused, council: CouncilRow) -> None:
    error = refused(lambda s: abolish_council(s, council.id, D(2020, 3, 31)), "abolished_on")
    assert error.message == "廃止日は設置日より後にしてください。"


def test_abolish_needs_a_date(refused: Refused, council: CouncilRow) -> None:
    refused(lambda s: abolish_council(s, council.id, None), "abolished_on")


def test_abolish_twice_is_refused(db: Database, refused: Refused, council: CouncilRow) -> None:
    with db.transaction() as s:
        abolish_council(s, council.id, D(2025, 3, 31))
    error = refused(lambda s: abolish_council(s, council.id, D(2025, 4, 30)), "abolished_on")
    assert "既に廃止" in error.message


def test_abolish_keeps_records_and_ends_the_manager_designation(
    db: Database, council: CouncilRow, officers: list[OfficerRow]
) -> None:
    with db.transaction() as s:
        appointment_id = _add_member(s, council.id, "山田 太郎")
        meeting_id = _add_meeting(s, council.id, D(2024, 6, 1))
        designate_manager(s, council.id, officers[0].id, D(2024, 4, 1))
        row = abolish_council(s, council.id, D(2025, 3, 31))
    assert row.abolished_on == D(2025, 3, 31)
    assert row.abolished
    assert row.manager_name is None
    with db.reader() as s:
        assert s.get(Appointment, appointment_id) is not None
        assert s.get(Meeting, meeting_id) is not None
        designation = s.scalars(select(ManagerDesignation)).one()
        assert designation.ended_on == D(2025, 3, 31)
        assert [r.id for r in list_councils(s, D(2025, 4, 1))] == [council.id]
        assert list_councils(s, D(2025, 4, 1), include_abolished=False) == []


def test_delete_council_with_meetings_is_refused(
    db: Database, refused: Refused, council: CouncilRow
) -> None:
    with db.transaction() as s:
        _add_meeting(s, council.id, D(2024, 6, 1))
    error = refused(lambda s: delete_council(s, council.id), error=ConflictError)
    assert error.message == (
        "「駅前交番連絡協議会」には会議の記録があるため削除できません。"
        "記録を残すには「廃止」にしてください。"
    )
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Council)) == 1
        assert s.scalar(select(func.count()).select_from(Meeting)) == 1


def test_delete_council_with_appointments_is_refused(
    db: Database, refused: Refused, council: CouncilRow
) -> None:
    with db.transaction() as s:
        _add_member(s, council.id, "山田 太郎")
    error = refused(lambda s: delete_council(s, council.id), error=ConflictError)
    assert "委嘱の記録" in error.message


def test_delete_empty_council(
    db: Database,
    table_counts: Callable[[], dict[str, int]],
    station: StationRow,
    council: CouncilRow,
    officers: list[OfficerRow],
) -> None:
    with db.transaction() as s:
        designate_manager(s, council.id, officers[0].id, D(2024, 4, 1))
    with db.transaction() as s:
        delete_council(s, council.id)
    counts = table_counts()
    assert counts["councils"] == 0
    assert counts["council_posts"] == 0
    assert counts["manager_designations"] == 0
    assert counts["posts"] == 1  # the post itself stays
    assert counts["officers"] == 2


def test_delete_unknown_council(refused: Refused) -> None:
    refused(lambda s: delete_council(s, 4242), error=NotFoundError)


# --- merging --------------------------------------------------------------------------------


def test_merge_councils(
    db: Database, station: StationRow, post: PostRow, other_post: PostRow
) -> None:
    merged_on = D(2025, 10, 1)
    with db.transaction() as s:
        east = create_council(s, _input(station.id, [post.id], "駅前交番連絡協議会"))
        west = create_council(s, _input(station.id, [other_post.id], "山の手駐在所連絡協議会"))
        serving_east = _add_member(s, east.id, "山田 太郎", D(2024, 4, 1))
        serving_west = _add_member(s, west.id, "佐藤 花子", D(2025, 4, 1))
        former = _add_member(s, west.id, "鈴木 一郎", D(2024, 4, 1))
        end_appointment(s, former, D(2024, 12, 31), "転居")
        meetings = [
            _add_meeting(s, east.id, D(2025, 6, 1)),
            _add_meeting(s, west.id, D(2025, 7, 1)),
        ]

    with db.transaction() as s:
        new = merge_councils(s, [east.id, west.id], "駅前・山の手地区連絡協議会", merged_on)

    assert new.kind is CouncilKind.UNIT_MERGED
    assert new.established_on == merged_on
    assert new.post_ids == (post.id, other_post.id)
    with db.reader() as s:
        moved = s.scalars(
            select(Appointment).where(Appointment.council_id == new.id).order_by(Appointment.id)
        ).all()
        originals = {a.id: a for a in s.scalars(select(Appointment))}
        assert [(a.person_id, a.term_start, a.term_end, a.role) for a in moved] == [
            (originals[i].person_id, originals[i].term_start, originals[i].term_end, "委員")
            for i in (serving_east, serving_west)
        ]
        for old_id in (serving_east, serving_west):
            assert originals[old_id].ended_on == merged_on - dt.timedelta(days=1)
            assert "統合" in (originals[old_id].end_reason or "")
        assert originals[former].end_reason == "転居"  # left before the merge: not moved

        rows = {r.id: r for r in list_councils(s, merged_on)}
        for old in (east, west):
            assert rows[old.id].abolished_on == merged_on
            assert rows[old.id].merged_into_id == new.id
            assert rows[old.id].serving_members == 0
        assert rows[new.id].serving_members == 2
        assert sorted(m.id for m in list_meetings(s)) == sorted(meetings)
        assert {m.council_id for m in list_meetings(s)} == {east.id, west.id}

    # The merge is recorded, so the old councils cannot be deleted.
    with pytest.raises(ConflictError), db.transaction() as s:
        delete_council(s, east.id)


def test_merge_moves_a_reappointment_made_ahead(
    db: Database, station: StationRow, post: PostRow, other_post: PostRow
) -> None:
    merged_on = D(2026, 6, 1)
    with db.transaction() as s:
        east = create_council(s, _input(station.id, [post.id], "駅前交番連絡協議会"))
        west = create_council(s, _input(station.id, [other_post.id], "山の手駐在所連絡協議会"))
        current = _add_member(s, east.id, "山田 太郎", D(2024, 7, 1))  # to 2026-06-30
        ahead = reappoint(s, current).id  # from 2026-07-01
        new = merge_councils(s, [east.id, west.id], "駅前・山の手地区連絡協議会", merged_on)
    with db.reader() as s:
        by_id = {a.id: a for a in s.scalars(select(Appointment))}
        copy = next(a for a in by_id.values() if a.council_id == new.id and a.id != ahead)
        assert (copy.term_start, copy.term_end) == (D(2024, 7, 1), D(2026, 6, 30))
        assert (by_id[ahead].council_id, by_id[ahead].reappointed_from_id) == (new.id, copy.id)
        assert by_id[current].ended_on == D(2026, 5, 31)
        # On the new council the member serves on the moved term until the new one starts.
        rows = list_member_rows(s, D(2026, 6, 15), 90, council_id=new.id)
        assert [(r.appointment_id, r.status) for r in rows] == [(copy.id, TermStatus.SERVING)]
        rows = list_member_rows(s, D(2026, 7, 1), 90, council_id=new.id)
        assert [(r.appointment_id, r.status) for r in rows] == [(ahead, TermStatus.SERVING)]


@pytest.mark.parametrize(
    ("ids", "merged_on", "field"),
    [
        ("one", D(2025, 10, 1), "council_ids"),
        ("both", None, "merged_on"),
        ("both", ESTABLISHED, "merged_on"),
    ],
)
def test_merge_refuses_bad_input(
    db: Database,
    refused: Refused,
    station: StationRow,
    council: CouncilRow,
    other_post: PostRow,
    ids: str,
    merged_on: dt.date | None,
    field: str,
) -> None:
    with db.transaction() as s:
        other = create_council(s, _input(station.id, [other_post.id], "山の手駐在所連絡協議会"))
    council_ids = [council.id, council.id] if ids == "one" else [council.id, other.id]
    refused(lambda s: merge_councils(s, council_ids, "統合協議会", merged_on), field)


def test_merge_refuses_an_abolished_council(
    db: Database, refused: Refused, station: StationRow, council: CouncilRow, other_post: PostRow
) -> None:
    with db.transaction() as s:
        other = create_council(s, _input(station.id, [other_post.id], "山の手駐在所連絡協議会"))
        abolish_council(s, other.id, D(2024, 3, 31))
    error = refused(
        lambda s: merge_councils(s, [council.id, other.id], "統合協議会", D(2025, 10, 1)),
        "council_ids",
    )
    assert "既に廃止" in error.message


# --- 運営責任者 ---------------------------------------------------------------------------


def test_designate_manager(db: Database, council: CouncilRow, officers: list[OfficerRow]) -> None:
    with db.transaction() as s:
        row = designate_manager(s, council.id, officers[0].id, D(2025, 4, 1))
    assert (row.manager_officer_id, row.manager_name, row.manager_since) == (
        officers[0].id,
        "交番 一郎",
        D(2025, 4, 1),
    )


def test_second_designation_without_replace_is_refused(
    db: Database, refused: Refused, council: CouncilRow, officers: list[OfficerRow]
) -> None:
    with db.transaction() as s:
        designate_manager(s, council.id, officers[0].id, D(2025, 4, 1))
    error = refused(
        lambda s: designate_manager(s, council.id, officers[1].id, D(2025, 10, 1)), "officer"
    )
    assert "既に交番 一郎が運営責任者に指定されています" in error.message
    error = refused(
        lambda s: designate_manager(s, council.id, officers[0].id, D(2025, 10, 1), replace=True),
        "officer",
    )
    assert "既に運営責任者に指定されています" in error.message


def test_replace_ends_the_previous_designation(
    db: Database, council: CouncilRow, officers: list[OfficerRow]
) -> None:
    with db.transaction() as s:
        designate_manager(s, council.id, officers[0].id, D(2025, 4, 1))
    with db.transaction() as s:
        row = designate_manager(s, council.id, officers[1].id, D(2025, 10, 1), replace=True)
    assert (row.manager_name, row.manager_since) == ("交番 二郎", D(2025, 10, 1))
    with db.reader() as s:
        history = council_detail(s, council.id, D(2025, 10, 1)).designations
    assert [(d.officer_name, d.designated_on, d.ended_on) for d in history] == [
        ("交番 一郎", D(2025, 4, 1), D(2025, 9, 30)),
        ("交番 二郎", D(2025, 10, 1), None),
    ]


def test_replace_must_be_after_the_current_designation(
    db: Database, refused: Refused, council: CouncilRow, officers: list[OfficerRow]
) -> None:
    with db.transaction() as s:
        designate_manager(s, council.id, officers[0].id, D(2025, 4, 1))
    refused(
        lambda s: designate_manager(s, council.id, officers[1].id, D(2025, 4, 1), replace=True),
        "designated_on",
    )


def test_manager_must_work_in_the_councils_area(
    db: Database, refused: Refused, council: CouncilRow, other_post: PostRow
) -> None:
    with db.transaction() as s:
        outsider = create_officer(s, OfficerInput(other_post.id, "駐在 三郎"))
    error = refused(
        lambda s: designate_manager(s, council.id, outsider.id, D(2025, 4, 1)), "officer"
    )
    assert "§3(6)" in error.message


def test_no_designation_on_an_abolished_council(
    db: Database, refused: Refused, council: CouncilRow, officers: list[OfficerRow]
) -> None:
    with db.transaction() as s:
        abolish_council(s, council.id, D(2025, 3, 31))
    refused(lambda s: designate_manager(s, council.id, officers[0].id, D(2025, 4, 1)), "council")


def test_designation_needs_a_date(
    refused: Refused, council: CouncilRow, officers: list[OfficerRow]
) -> None:
    refused(lambda s: designate_manager(s, council.id, officers[0].id, None), "designated_on")


# --- list_councils and council_detail -------------------------------------------------------


def test_list_councils_computed_columns(
    db: Database,
    station: StationRow,
    council: CouncilRow,
    other_post: PostRow,
    officers: list[OfficerRow],
) -> None:
    as_of = D(2025, 6, 30)
    with db.transaction() as s:
        other = create_council(s, _input(station.id, [other_post.id], "山の手駐在所連絡協議会"))
        _add_member(s, council.id, "山田 太郎", D(2024, 4, 1))  # serving
        _add_member(s, council.id, "佐藤 花子", D(2025, 4, 1))  # serving
        _add_member(s, council.id, "鈴木 一郎", D(2025, 7, 1))  # not yet
        _add_member(s, council.id, "高橋 次郎", D(2023, 4, 1))  # term over on 2025-03-31
        left = _add_member(s, council.id, "田中 三郎", D(2024, 4, 1))
        end_appointment(s, left, D(2025, 1, 31), "転居")
        _add_member(s, other.id, "伊藤 四郎", D(2025, 4, 1))
        _add_meeting(s, council.id, D(2024, 6, 1))
        _add_meeting(s, council.id, D(2025, 5, 20))  # the last regular meeting held
        _add_meeting(s, council.id, D(2025, 6, 10), MeetingKind.EXTRAORDINARY)
        _add_meeting(s, council.id, D(2025, 6, 20), status=MeetingStatus.CANCELLED)
        _add_meeting(s, council.id, D(2025, 6, 25), status=MeetingStatus.PLANNED)
        _add_meeting(s, council.id, D(2025, 9, 1), status=MeetingStatus.PLANNED)
        designate_manager(s, council.id, officers[0].id, D(2025, 4, 1))

    with db.reader() as s:
        rows = list_councils(s, as_of)
    by_id = {r.id: r for r in rows}
    assert by_id[council.id].serving_members == 2
    assert by_id[council.id].last_regular_meeting == D(2025, 5, 20)
    assert (by_id[council.id].manager_name, by_id[council.id].manager_since) == (
        "交番 一郎",
        D(2025, 4, 1),
    )
    assert by_id[other.id].serving_members == 1
    assert by_id[other.id].last_regular_meeting is None
    assert by_id[other.id].manager_name is None


def test_list_councils_counts_a_person_once(db: Database, council: CouncilRow) -> None:
    with db.transaction() as s:
        person = create_person(s, PersonInput(name="山田 太郎"))
        first = appoint(s, AppointmentInput(council.id, person.id, D(2024, 4, 1)))
        end_appointment(s, first.id, D(2024, 9, 30), "役職変更のため")
        appoint(s, AppointmentInput(council.id, person.id, D(2024, 10, 1), role="会長"))
    with db.reader() as s:
        assert list_councils(s, D(2024, 9, 30))[0].serving_members == 1
        assert list_councils(s, D(2024, 10, 1))[0].serving_members == 1
        assert len(list_appointments(s, person.id)) == 2


def test_council_detail_staff_are_serving_officers(
    db: Database, council: CouncilRow, post: PostRow, officers: list[OfficerRow]
) -> None:
    with db.transaction() as s:
        create_officer(
            s, OfficerInput(post.id, "異動 済男", "いどう すみお", left_on=D(2025, 3, 31))
        )
        create_officer(
            s, OfficerInput(post.id, "着任 予定", "ちゃくにん よてい", joined_on=D(2025, 10, 1))
        )
    with db.reader() as s:
        detail = council_detail(s, council.id, D(2025, 4, 1))
    assert [o.name for o in detail.staff] == ["交番 一郎", "交番 二郎"]
    assert detail.council.id == council.id
    assert detail.designations == []


def test_merge_keeps_a_recorded_resignation_moves_lapsed_members_and_each_person_once(
    db: Database, station: StationRow, post: PostRow, other_post: PostRow
) -> None:
    merged_on = D(2025, 10, 1)
    with db.transaction() as s:
        east = create_council(s, _input(station.id, [post.id], "駅前交番連絡協議会"))
        west = create_council(s, _input(station.id, [other_post.id], "山の手駐在所連絡協議会"))
        leaving = _add_member(s, east.id, "山田 太郎", D(2024, 4, 1))
        end_appointment(s, leaving, D(2025, 12, 31), "転居のため")
        lapsed = _add_member(s, east.id, "佐藤 花子", D(2023, 4, 1))  # ended 2025-03-31
        both = create_person(s, PersonInput(name="鈴木 一郎"))
        appoint(s, AppointmentInput(east.id, both.id, D(2024, 4, 1)))
        appoint(s, AppointmentInput(west.id, both.id, D(2025, 4, 1)))
    with db.transaction() as s:
        new = merge_councils(s, [east.id, west.id], "駅前・山の手地区連絡協議会", merged_on)
    with db.reader() as s:
        moved = {
            a.person_id: a
            for a in s.scalars(select(Appointment).where(Appointment.council_id == new.id))
        }
        originals = {a.id: a for a in s.scalars(select(Appointment))}
        leaver = moved[originals[leaving].person_id]
        assert (leaver.ended_on, leaver.end_reason) == (D(2025, 12, 31), "転居のため")
        assert originals[lapsed].person_id in moved, "a lapsed member's reminder follows them"
        assert (
            s.scalar(
                select(func.count()).where(
                    Appointment.council_id == new.id, Appointment.person_id == both.id
                )
            )
            == 1
        )
        assert moved[both.id].term_start == D(2025, 4, 1)  # the latest of the two terms
