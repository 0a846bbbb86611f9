"""Tests for kobankyo_desktop.core.services.meetings: 定期会議 and 臨時会議, agenda, attendance."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from kobankyo_desktop.core.dates import YearBasis
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import DomainError, NotFoundError, ValidationError
from kobankyo_desktop.core.models import AgendaItem, Attendance, Opinion
from kobankyo_desktop.core.services.councils import (
    CouncilInput,
    CouncilRow,
    abolish_council,
    create_council,
)
from kobankyo_desktop.core.services.meetings import (
    AgendaItemInput,
    AttendeeInput,
    MeetingInput,
    create_meeting,
    delete_meeting,
    list_meetings,
    meeting_detail,
    save_meeting_with_opinions,
    set_meeting_status,
    update_meeting,
)
from kobankyo_desktop.core.services.opinions import OpinionInput, create_opinion, list_opinions
from kobankyo_desktop.core.services.people import PersonInput, PersonRow, create_person
from kobankyo_desktop.core.services.stations import (
    OfficerInput,
    OfficerRow,
    PostRow,
    StationRow,
    create_officer,
)
from kobankyo_desktop.core.vocab import (
    AttendeeKind,
    CouncilKind,
    MeetingKind,
    MeetingStatus,
    OpinionCategory,
    OpinionStatus,
)

D = dt.date
T = dt.time
Refused = Callable[..., DomainError]
HELD_ON = D(2025, 5, 20)


@pytest.fixture
def council(db: Database, station: StationRow, post: PostRow) -> CouncilRow:
    with db.transaction() as s:
        return create_council(
            s,
            CouncilInput(
                station.id, "駅前交番連絡協議会", CouncilKind.STANDARD, [post.id], D(2020, 4, 1)
            ),
        )


@pytest.fixture
def member(db: Database) -> PersonRow:
    with db.transaction() as s:
        return create_person(s, PersonInput(name="山田 太郎", reading="やまだ たろう"))


@pytest.fixture
def officer(db: Database, post: PostRow) -> OfficerRow:
    with db.transaction() as s:
        return create_officer(s, OfficerInput(post.id, "交番 一郎", "こうばん いちろう"))


def _regular(council_id: int, **values: object) -> MeetingInput:
    return dataclasses.replace(MeetingInput(council_id, MeetingKind.REGULAR, HELD_ON), **values)


def test_create_meeting_with_agenda_and_attendees(
    db: Database, council: CouncilRow, member: PersonRow, officer: OfficerRow
) -> None:
    data = _regular(
        council.id,
        status=MeetingStatus.HELD,
        start_time=T(15, 30),
        end_time=T(16, 30),
        place=" 駅前町会館 ",
        minutes="【委員】夜間の街灯が暗い。\n【警察】関係機関に伝える。",
        agenda=[
            AgendaItemInput("開会"),
            AgendaItemInput(" 管内の犯罪発生状況 ", notes="資料1"),
            AgendaItemInput("意見交換"),
        ],
        attendees=[
            AttendeeInput(AttendeeKind.MEMBER, person_id=member.id, role="会長"),
            AttendeeInput(AttendeeKind.STAFF, officer_id=officer.id, role="交番所長"),
            AttendeeInput(AttendeeKind.OUTSIDE, name="駅前町会", body="駅前町会", head_count=12),
            AttendeeInput(AttendeeKind.DEPARTMENT, name="生活安全課", role="課長"),
        ],
    )
    with db.transaction() as s:
        detail = create_meeting(s, data)
    row = detail.meeting
    assert (row.council_name, row.kind, row.status, row.held_on) == (
        council.name,
        MeetingKind.REGULAR,
        MeetingStatus.HELD,
        HELD_ON,
    )
    assert (row.start_time, row.end_time, row.place, row.reason) == (
        T(15, 30),
        T(16, 30),
        "駅前町会館",
        "",
    )
    assert row.attendance == 15
    assert detail.minutes.startswith("【委員】")
    assert [(a.position, a.title, a.notes) for a in detail.agenda] == [
        (1, "開会", ""),
        (2, "管内の犯罪発生状況", "資料1"),
        (3, "意見交換", ""),
    ]
    assert [(a.kind, a.name, a.role, a.head_count) for a in detail.attendees] == [
        (AttendeeKind.MEMBER, "山田 太郎", "会長", 1),
        (AttendeeKind.STAFF, "交番 一郎", "交番所長", 1),
        (AttendeeKind.OUTSIDE, "駅前町会", "", 12),
        (AttendeeKind.DEPARTMENT, "生活安全課", "課長", 1),
    ]


def test_extraordinary_meeting_with_reason(db: Database, council: CouncilRow) -> None:
    data = MeetingInput(council.id, "extraordinary", D(2025, 7, 3), reason=" 自転車盗の連続発生 ")
    with db.transaction() as s:
        row = create_meeting(s, data).meeting
    assert (row.kind, row.reason) == (MeetingKind.EXTRAORDINARY, "自転車盗の連続発生")


def test_duplicate_member_attendee_is_recorded_once(
    db: Database, council: CouncilRow, member: PersonRow
) -> None:
    attendee = AttendeeInput(AttendeeKind.MEMBER, person_id=member.id)
    with db.transaction() as s:
        detail = create_meeting(s, _regular(council.id, attendees=[attendee, attendee]))
    assert len(detail.attendees) == 1
    assert detail.meeting.attendance == 1


@pytest.mark.parametrize(
    ("change", "field", "message_part"),
    [
        ({"start_time": T(16, 30), "end_time": T(15, 30)}, "end_time", "終了時刻は開始時刻より後"),
        ({"start_time": T(15, 30), "end_time": T(15, 30)}, "end_time", "終了時刻"),
        ({"kind": MeetingKind.EXTRAORDINARY}, "reason", "臨時会議は開催の理由を入力"),
        ({"kind": MeetingKind.EXTRAORDINARY, "reason": "　"}, "reason", "§6(3)"),
        ({"kind": "special"}, "kind", "会議の種別「special」"),
        ({"status": "done"}, "status", "会議の状態"),
        ({"held_on": None}, "held_on", "開催日を入力"),
        ({"held_on": D(2020, 3, 31)}, "held_on", "設置日より後"),
        ({"agenda": [AgendaItemInput("開会"), AgendaItemInput(" ")]}, "agenda", "議題2の件名"),
        ({"attendees": [AttendeeInput(AttendeeKind.MEMBER)]}, "attendees", "委員を選んで"),
        ({"attendees": [AttendeeInput(AttendeeKind.STAFF)]}, "attendees", "運営担当者を選んで"),
        ({"attendees": [AttendeeInput(AttendeeKind.OUTSIDE)]}, "attendees", "名称を入力"),
        (
            {"attendees": [AttendeeInput(AttendeeKind.OUTSIDE, name="町会", head_count=0)]},
            "attendees",
            "人数は1以上",
        ),
        ({"attendees": [AttendeeInput("guest", name="町会")]}, "attendees", "出席者の区分"),
    ],
)
def test_create_meeting_refuses_bad_input(
    refused: Refused,
    council: CouncilRow,
    change: dict[str, object],
    field: str,
    message_part: str,
) -> None:
    data = _regular(council.id, **change)
    error = refused(lambda s: create_meeting(s, data), field)
    assert message_part in error.message


def test_meeting_after_abolition_is_refused(
    db: Database, refused: Refused, council: CouncilRow
) -> None:
    with db.transaction() as s:
        abolish_council(s, council.id, D(2025, 3, 31))
    error = refused(lambda s: create_meeting(s, _regular(council.id)), "held_on")
    assert "廃止されています" in error.message


def test_meeting_refuses_unknown_records(refused: Refused, council: CouncilRow) -> None:
    refused(lambda s: create_meeting(s, _regular(4242)), error=NotFoundError)
    member = AttendeeInput(AttendeeKind.MEMBER, person_id=4242)
    refused(
        lambda s: create_meeting(s, _regular(council.id, attendees=[member])), error=NotFoundError
    )


def test_update_meeting_keeps_agenda_item_identity_and_order(
    db: Database, council: CouncilRow
) -> None:
    titles = ["開会", "犯罪発生状況", "交通事故発生状況", "閉会"]
    with db.transaction() as s:
        created = create_meeting(
            s, _regular(council.id, agenda=[AgendaItemInput(t) for t in titles])
        )
    with db.reader() as s:
        uuids = dict(s.execute(select(AgendaItem.id, AgendaItem.uuid)).all())
    ids = {item.title: item.id for item in created.agenda}

    new_agenda = [
        AgendaItemInput("開会", id=ids["開会"]),
        AgendaItemInput("交通事故発生状況（修正）", notes="資料2", id=ids["交通事故発生状況"]),
        AgendaItemInput("前回要望の措置結果"),
        AgendaItemInput("犯罪発生状況", id=ids["犯罪発生状況"]),
    ]  # 閉会 removed
    with db.transaction() as s:
        updated = update_meeting(s, created.meeting.id, _regular(council.id, agenda=new_agenda))

    assert [(a.position, a.title) for a in updated.agenda] == [
        (1, "開会"),
        (2, "交通事故発生状況（修正）"),
        (3, "前回要望の措置結果"),
        (4, "犯罪発生状況"),
    ]
    kept = [updated.agenda[i].id for i in (0, 1, 3)]
    assert kept == [ids["開会"], ids["交通事故発生状況"], ids["犯罪発生状況"]]
    assert updated.agenda[2].id not in ids.values()
    with db.reader() as s:
        stored = s.scalars(select(AgendaItem).order_by(AgendaItem.position)).all()
        assert [i.title for i in stored] == [a.title for a in updated.agenda]
        assert all(uuids[i.id] == i.uuid for i in stored if i.id in uuids)
        assert ids["閉会"] not in {i.id for i in stored}
        # Read back fresh, the order is the same.
        assert [a.title for a in meeting_detail(s, created.meeting.id).agenda] == [
            a.title for a in updated.agenda
        ]


def test_update_meeting_keeps_attendance_identity(
    db: Database, council: CouncilRow, member: PersonRow, officer: OfficerRow
) -> None:
    with db.transaction() as s:
        created = create_meeting(
            s,
            _regular(
                council.id,
                attendees=[
                    AttendeeInput(AttendeeKind.MEMBER, person_id=member.id),
                    AttendeeInput(AttendeeKind.STAFF, officer_id=officer.id),
                    AttendeeInput(AttendeeKind.OUTSIDE, name="駅前町会", head_count=5),
                ],
            ),
        )
    before = {a.name: a.id for a in created.attendees}
    with db.transaction() as s:
        updated = update_meeting(
            s,
            created.meeting.id,
            _regular(
                council.id,
                attendees=[
                    AttendeeInput(AttendeeKind.MEMBER, person_id=member.id, role="会長"),
                    AttendeeInput(AttendeeKind.OUTSIDE, name="駅前町会", head_count=8),
                ],
            ),
        )
    assert [(a.id, a.role, a.head_count) for a in updated.attendees] == [
        (before["山田 太郎"], "会長", 1),
        (before["駅前町会"], "", 8),
    ]
    assert updated.meeting.attendance == 9
    with db.reader() as s:
        assert len(s.scalars(select(Attendance)).all()) == 2


def test_update_meeting_validates(db: Database, refused: Refused, council: CouncilRow) -> None:
    with db.transaction() as s:
        meeting_id = create_meeting(
            s, _regular(council.id, agenda=[AgendaItemInput("開会")])
        ).meeting.id
    refused(
        lambda s: update_meeting(
            s, meeting_id, _regular(council.id, start_time=T(15), end_time=T(14))
        ),
        "end_time",
    )
    refused(
        lambda s: update_meeting(s, meeting_id, _regular(council.id, kind="extraordinary")),
        "reason",
    )


def _opinion(
    council_id: int, meeting_id: int | None, status: OpinionStatus, category: OpinionCategory
) -> OpinionInput:
    closed = status is OpinionStatus.CLOSED
    return OpinionInput(
        council_id,
        "通学路にカーブミラーを設置してほしい",
        HELD_ON,
        category=category,
        meeting_id=meeting_id,
        status=status,
        response="道路管理者に伝えた" if closed else "",
        responded_on=D(2025, 6, 1) if closed else None,
    )


def test_list_meetings_counts_attendance_and_open_requests(
    db: Database, council: CouncilRow, member: PersonRow, officer: OfficerRow
) -> None:
    with db.transaction() as s:
        first = create_meeting(
            s,
            _regular(
                council.id,
                status=MeetingStatus.HELD,
                attendees=[
                    AttendeeInput(AttendeeKind.MEMBER, person_id=member.id),
                    AttendeeInput(AttendeeKind.STAFF, officer_id=officer.id),
                    AttendeeInput(AttendeeKind.OUTSIDE, name="地域住民", head_count=20),
                ],
            ),
        ).meeting.id
        second = create_meeting(s, _regular(council.id, held_on=D(2025, 11, 10))).meeting.id
        create_opinion(s, _opinion(council.id, first, OpinionStatus.OPEN, OpinionCategory.REQUEST))
        create_opinion(
            s, _opinion(council.id, first, OpinionStatus.IN_PROGRESS, OpinionCategory.REQUEST)
        )
        create_opinion(
            s, _opinion(council.id, first, OpinionStatus.CLOSED, OpinionCategory.REQUEST)
        )
        create_opinion(s, _opinion(council.id, None, OpinionStatus.OPEN, OpinionCategory.REQUEST))

    with db.reader() as s:
        rows = list_meetings(s, council_id=council.id)
    assert [(r.id, r.attendance, r.open_requests) for r in rows] == [
        (second, 0, 0),  # newest first
        (first, 22, 2),
    ]


def test_list_meetings_by_year_and_basis(db: Database, council: CouncilRow) -> None:
    days = [D(2025, 3, 31), D(2025, 4, 1), D(2025, 12, 31), D(2026, 1, 1), D(2026, 3, 31)]
    with db.transaction() as s:
        ids = {day: create_meeting(s, _regular(council.id, held_on=day)).meeting.id for day in days}

    def held(year: int, basis: YearBasis = YearBasis.FISCAL) -> list[dt.date]:
        with db.reader() as s:
            return sorted(r.held_on for r in list_meetings(s, year=year, basis=basis))

    assert held(2024) == [D(2025, 3, 31)]
    assert held(2025) == [D(2025, 4, 1), D(2025, 12, 31), D(2026, 1, 1), D(2026, 3, 31)]
    assert held(2025, YearBasis.CALENDAR) == [D(2025, 3, 31), D(2025, 4, 1), D(2025, 12, 31)]
    assert held(2026, YearBasis.CALENDAR) == [D(2026, 1, 1), D(2026, 3, 31)]
    with db.reader() as s:
        only = list_meetings(s, meeting_ids=[ids[D(2025, 4, 1)]])
    assert [r.held_on for r in only] == [D(2025, 4, 1)]


def test_set_meeting_status(db: Database, refused: Refused, council: CouncilRow) -> None:
    with db.transaction() as s:
        meeting_id = create_meeting(s, _regular(council.id)).meeting.id
    with db.transaction() as s:
        row = set_meeting_status(s, meeting_id, "held")
    assert row.status is MeetingStatus.HELD
    with db.transaction() as s:
        assert set_meeting_status(s, meeting_id, MeetingStatus.CANCELLED).status is (
            MeetingStatus.CANCELLED
        )
    refused(lambda s: set_meeting_status(s, meeting_id, "postponed"), "status")


def test_delete_meeting_keeps_its_opinions(
    db: Database,
    table_counts: Callable[[], dict[str, int]],
    council: CouncilRow,
    member: PersonRow,
) -> None:
    with db.transaction() as s:
        meeting_id = create_meeting(
            s,
            _regular(
                council.id,
                agenda=[AgendaItemInput("開会")],
                attendees=[AttendeeInput(AttendeeKind.MEMBER, person_id=member.id)],
            ),
        ).meeting.id
        opinion_id = create_opinion(
            s, _opinion(council.id, meeting_id, OpinionStatus.OPEN, OpinionCategory.OPINION)
        ).id
    with db.transaction() as s:
        delete_meeting(s, meeting_id)
    counts = table_counts()
    assert (counts["meetings"], counts["agenda_items"], counts["attendances"]) == (0, 0, 0)
    with db.reader() as s:
        opinion = s.get_one(Opinion, opinion_id)
        assert (opinion.council_id, opinion.meeting_id) == (council.id, None)


def test_meeting_detail_of_unknown_meeting(db: Database) -> None:
    with pytest.raises(NotFoundError), db.reader() as s:
        meeting_detail(s, 4242)


def test_meeting_and_its_opinions_are_saved_together(
    db: Database, council: CouncilRow, table_counts: Callable[[], dict[str, int]]
) -> None:
    request = OpinionInput(0, "夜間の見回りを増やしてほしい。", None)
    with db.transaction() as s:
        saved = save_meeting_with_opinions(s, None, _regular(council.id), [(None, request)], [])
    with db.reader() as s:
        [stored] = list_opinions(s, meeting_id=saved.meeting.id)
    assert (stored.council_id, stored.raised_on) == (council.id, HELD_ON)

    # The meeting moves: the opinion raised on its old date follows it.
    later = HELD_ON + dt.timedelta(days=7)
    moved = dataclasses.replace(request, raised_on=HELD_ON)
    with db.transaction() as s:
        save_meeting_with_opinions(
            s,
            saved.meeting.id,
            _regular(council.id, held_on=later),
            [(stored.id, moved)],
            [],
            previous_date=HELD_ON,
        )
    with db.reader() as s:
        assert [o.raised_on for o in list_opinions(s, meeting_id=saved.meeting.id)] == [later]

    # A refused opinion leaves the new meeting unsaved, and names its position.
    before = table_counts()
    empty = OpinionInput(0, "", None)
    with pytest.raises(ValidationError) as refused, db.transaction() as s:
        save_meeting_with_opinions(
            s, None, _regular(council.id), [(None, request), (None, empty)], []
        )
    assert refused.value.field == "opinion:2"
    assert table_counts() == before
