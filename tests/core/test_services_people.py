"""Tests for kobankyo_desktop.core.services.people: 委員 and the members list.

The members list is built from appointments (委嘱), so appointing, reappointing and ending
terms (services.appointments) are checked here as the list sees them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import ConflictError, DomainError, NotFoundError
from kobankyo_desktop.core.models import Person
from kobankyo_desktop.core.services.appointments import (
    AppointmentInput,
    AppointmentRow,
    TermStatus,
    appoint,
    end_appointment,
    list_appointments,
    reappoint,
    serving_appointments,
    update_appointment,
)
from kobankyo_desktop.core.services.councils import (
    CouncilInput,
    CouncilRow,
    abolish_council,
    create_council,
)
from kobankyo_desktop.core.services.people import (
    MemberRow,
    PersonInput,
    PersonRow,
    create_person,
    current_age_band,
    delete_person,
    find_people,
    list_member_rows,
    person_detail,
    update_person,
)
from kobankyo_desktop.core.services.stations import PostRow, StationRow, create_post
from kobankyo_desktop.core.vocab import AgeBand, CouncilKind, Field, Gender, PostKind

D = dt.date
Refused = Callable[..., DomainError]
LEAD_DAYS = 90


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
def person(db: Database) -> PersonRow:
    with db.transaction() as s:
        return create_person(s, PersonInput(name="山田 太郎", reading="ヤマダ タロウ"))


def _appoint(
    s: Session,
    council_id: int,
    person_id: int,
    term_start: dt.date,
    term_end: dt.date | None = None,
    role: str = "委員",
) -> AppointmentRow:
    return appoint(s, AppointmentInput(council_id, person_id, term_start, term_end, role=role))


# --- people --------------------------------------------------------------------------------


def test_create_person_normalises_reading_and_trims(db: Database) -> None:
    with db.transaction() as s:
        row = create_person(
            s,
            PersonInput(
                name="　佐藤　花子　",
                reading="ｻﾄｳ ﾊﾅｺ",
                gender="female",
                field=Field.NEIGHBOURHOOD,
                organisation=" 駅前町会 ",
                email=" hanako@example.jp ",
            ),
        )
    assert row.name == "佐藤 花子"
    assert row.reading == "さとう はなこ"
    assert row.gender is Gender.FEMALE
    assert row.field is Field.NEIGHBOURHOOD
    assert row.organisation == "駅前町会"
    assert row.email == "hanako@example.jp"


@pytest.mark.parametrize("name", ["𠮷田 一郎", "山\ufa11 花子", "飯\ufa10 実", "髙橋 進"])
def test_names_are_stored_exactly(db: Database, name: str) -> None:
    with db.transaction() as s:
        person_id = create_person(s, PersonInput(name=name)).id
    with db.reader() as s:
        stored = s.scalars(select(Person.name).where(Person.id == person_id)).one()
    assert stored == name
    assert [hex(ord(c)) for c in stored] == [hex(ord(c)) for c in name]


@pytest.mark.parametrize(
    ("data", "field", "message_part"),
    [
        (PersonInput(name=""), "name", "氏名を入力してください"),
        (PersonInput(name=" \u3000 "), "name", "氏名を入力してください"),
        (PersonInput(name="山田", email="yamada.example.jp"), "email", "メールアドレス"),
        (PersonInput(name="山田", birth_date=D(1899, 12, 31)), "birth_date", "生年月日"),
        (PersonInput(name="山田", gender="m"), "gender", "性別「m」"),
        (PersonInput(name="山田", field="police"), "field", "分野"),
        (PersonInput(name="山田", age_band="20s"), "age_band", "年代"),
    ],
)
def test_create_person_refuses_bad_input(
    refused: Refused, data: PersonInput, field: str, message_part: str
) -> None:
    error = refused(lambda s: create_person(s, data), field)
    assert message_part in error.message


def test_update_person(db: Database, refused: Refused, person: PersonRow) -> None:
    with db.transaction() as s:
        row = update_person(s, person.id, PersonInput(name="山田 太朗", reading="やまだ たろう"))
    assert (row.id, row.uuid, row.name) == (person.id, person.uuid, "山田 太朗")
    refused(lambda s: update_person(s, person.id, PersonInput(name="")), "name")
    refused(lambda s: update_person(s, 4242, PersonInput(name="誰か")), error=NotFoundError)


def test_delete_person(db: Database, person: PersonRow) -> None:
    with db.transaction() as s:
        delete_person(s, person.id)
    with db.reader() as s:
        assert s.get(Person, person.id) is None


def test_delete_person_with_an_appointment_is_refused(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        _appoint(s, council.id, person.id, D(2025, 4, 1))
    error = refused(lambda s: delete_person(s, person.id), error=ConflictError)
    assert error.message == "山田 太郎さんには委嘱の記録があるため削除できません。"


def test_find_people_by_name_or_reading(db: Database, person: PersonRow) -> None:
    with db.transaction() as s:
        create_person(s, PersonInput(name="佐藤 花子", reading="さとう はなこ"))
    with db.reader() as s:
        assert [p.name for p in find_people(s, "山田")] == ["山田 太郎"]
        assert [p.name for p in find_people(s, "ﾔﾏﾀﾞ")] == ["山田 太郎"]
        assert [p.name for p in find_people(s, "ハナコ")] == ["佐藤 花子"]
        assert [p.name for p in find_people(s, "")] == ["佐藤 花子", "山田 太郎"]  # by reading


def test_current_age_band() -> None:
    as_of = D(2025, 4, 1)
    assert current_age_band(D(1960, 4, 2), None, as_of) is AgeBand.SIXTIES
    assert current_age_band(D(1955, 4, 1), AgeBand.FORTIES, as_of) is AgeBand.SEVENTIES_PLUS
    assert current_age_band(None, AgeBand.FORTIES, as_of) is AgeBand.FORTIES
    assert current_age_band(None, None, as_of) is None


# --- appointing (委嘱) ----------------------------------------------------------------------


def test_appoint_with_default_two_year_term(
    db: Database, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        row = _appoint(s, council.id, person.id, D(2025, 4, 1))
    assert (row.term_start, row.term_end) == (D(2025, 4, 1), D(2027, 3, 31))
    assert (row.role, row.council_name, row.reappointed_from_id) == ("委員", council.name, None)
    assert not row.has_successor


def test_appoint_on_29_february(db: Database, council: CouncilRow, person: PersonRow) -> None:
    with db.transaction() as s:
        row = _appoint(s, council.id, person.id, D(2028, 2, 29))
    assert row.term_end == D(2030, 2, 28)
    with db.transaction() as s:
        following = reappoint(s, row.id)
    assert (following.term_start, following.term_end) == (D(2030, 3, 1), D(2032, 2, 29))


def test_appoint_with_explicit_term_end(
    db: Database, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        row = _appoint(s, council.id, person.id, D(2025, 4, 1), D(2026, 3, 31), role=" 会長 ")
    assert (row.term_end, row.role) == (D(2026, 3, 31), "会長")


@pytest.mark.parametrize(
    ("term_start", "term_end", "role", "field"),
    [
        (D(2025, 4, 1), D(2025, 3, 31), "委員", "term_end"),
        (None, None, "委員", "term_start"),
        (D(2025, 4, 1), None, "  ", "role"),
    ],
)
def test_appoint_refuses_bad_terms(
    refused: Refused,
    council: CouncilRow,
    person: PersonRow,
    term_start: dt.date | None,
    term_end: dt.date | None,
    role: str,
    field: str,
) -> None:
    data = AppointmentInput(council.id, person.id, term_start, term_end, role=role)
    error = refused(lambda s: appoint(s, data), field)
    if field == "term_end":
        assert error.message == "任期の満了日は開始日より後にしてください。"


def test_appoint_refuses_overlapping_terms(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        _appoint(s, council.id, person.id, D(2025, 4, 1))
    error = refused(lambda s: _appoint(s, council.id, person.id, D(2026, 4, 1)), "term_start")
    assert "既にこの連絡協議会の委員として委嘱されています" in error.message


def test_appoint_after_an_early_end_is_allowed(
    db: Database, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2025, 4, 1))
        end_appointment(s, first.id, D(2025, 9, 30), "一身上の都合")
        second = _appoint(s, council.id, person.id, D(2025, 10, 1), role="会長")
    assert second.term_end == D(2027, 9, 30)


def test_appoint_refuses_an_abolished_council(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        abolish_council(s, council.id, D(2025, 3, 31))
    refused(lambda s: _appoint(s, council.id, person.id, D(2025, 4, 1)), "council")


def test_appoint_unknown_person(refused: Refused, council: CouncilRow) -> None:
    refused(lambda s: _appoint(s, council.id, 4242, D(2025, 4, 1)), error=NotFoundError)


def test_update_appointment_checks_the_term(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        row = _appoint(s, council.id, person.id, D(2025, 4, 1))
    data = AppointmentInput(council.id, person.id, D(2025, 4, 1), D(2024, 4, 1))
    refused(lambda s: update_appointment(s, row.id, data), "term_end")
    with db.transaction() as s:
        changed = update_appointment(
            s, row.id, AppointmentInput(council.id, person.id, D(2025, 5, 1), role="副会長")
        )
    assert (changed.term_start, changed.term_end, changed.role) == (
        D(2025, 5, 1),
        D(2027, 4, 30),
        "副会長",
    )


# --- reappointing (再任) and ending (解嘱) ---------------------------------------------------


def test_reappoint_links_a_new_term_from_the_next_day(
    db: Database, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2025, 4, 1), role="会長")
        second = reappoint(s, first.id, consulted_with="生活安全課", consulted_on=D(2027, 2, 1))
    assert second.reappointed_from_id == first.id
    assert (second.term_start, second.term_end) == (D(2027, 4, 1), D(2029, 3, 31))
    assert second.role == "会長"  # kept unless changed
    assert second.consulted_with == "生活安全課"
    with db.reader() as s:
        history = list_appointments(s, person.id)
    assert [(a.id, a.has_successor) for a in history] == [(first.id, True), (second.id, False)]
    # The first record is untouched: history is never overwritten.
    assert (history[0].term_start, history[0].term_end, history[0].ended_on) == (
        D(2025, 4, 1),
        D(2027, 3, 31),
        None,
    )


def test_reappoint_twice_is_refused(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2025, 4, 1))
        reappoint(s, first.id)
    error = refused(lambda s: reappoint(s, first.id), "appointment")
    assert error.message == "この委嘱は既に再任されています。"


def test_reappoint_an_ended_appointment_is_refused(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2025, 4, 1))
        end_appointment(s, first.id, D(2026, 3, 31), "転居")
    refused(lambda s: reappoint(s, first.id), "appointment")


def test_reappoint_with_a_bad_term_end_is_refused(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2025, 4, 1))
    refused(lambda s: reappoint(s, first.id, term_end=D(2027, 3, 31)), "term_end")


def test_end_appointment(db: Database, council: CouncilRow, person: PersonRow) -> None:
    with db.transaction() as s:
        row = _appoint(s, council.id, person.id, D(2025, 4, 1))
    with db.transaction() as s:
        ended = end_appointment(s, row.id, D(2025, 12, 31), " 転居のため ")
    assert (ended.ended_on, ended.end_reason) == (D(2025, 12, 31), "転居のため")
    # The last day of the term is still within it.
    with db.transaction() as s:
        other = create_person(s, PersonInput(name="佐藤 花子"))
        last = _appoint(s, council.id, other.id, D(2025, 4, 1))
        assert end_appointment(s, last.id, D(2027, 3, 31), "辞任").ended_on == D(2027, 3, 31)


@pytest.mark.parametrize(
    ("ended_on", "reason", "field"),
    [
        (D(2025, 12, 31), "", "end_reason"),
        (D(2025, 12, 31), " \u3000", "end_reason"),
        (None, "転居", "ended_on"),
        (D(2025, 3, 31), "転居", "ended_on"),
        (D(2027, 4, 1), "転居", "ended_on"),
    ],
)
def test_end_appointment_refuses_bad_input(
    db: Database,
    refused: Refused,
    council: CouncilRow,
    person: PersonRow,
    ended_on: dt.date | None,
    reason: str,
    field: str,
) -> None:
    with db.transaction() as s:
        row = _appoint(s, council.id, person.id, D(2025, 4, 1))
    error = refused(lambda s: end_appointment(s, row.id, ended_on, reason), field)
    if field == "end_reason":
        assert error.message == "解嘱の理由を入力してください。"
    elif ended_on is not None:
        assert error.message == "解嘱日は任期の開始日から満了日までの間にしてください。"


def test_end_appointment_twice_is_refused(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        row = _appoint(s, council.id, person.id, D(2025, 4, 1))
        end_appointment(s, row.id, D(2025, 12, 31), "転居")
    refused(lambda s: end_appointment(s, row.id, D(2026, 1, 31), "辞任"), "ended_on")


def test_serving_appointments_sorted_by_reading(db: Database, council: CouncilRow) -> None:
    with db.transaction() as s:
        for name, reading in [
            ("渡辺 一", "ワタナベ ハジメ"),
            ("阿部 二", "あべ じ"),
            ("加藤 三", "ｶﾄｳ ｿﾞｳ"),
        ]:
            p = create_person(s, PersonInput(name=name, reading=reading))
            _appoint(s, council.id, p.id, D(2025, 4, 1))
    with db.reader() as s:
        rows = serving_appointments(s, council.id, D(2025, 4, 1))
    assert [name for _, name, _ in rows] == ["阿部 二", "加藤 三", "渡辺 一"]
    with db.reader() as s:
        assert serving_appointments(s, council.id, D(2025, 3, 31)) == []


# --- the members list ----------------------------------------------------------------------

AS_OF = D(2026, 6, 1)


def _rows_by_name(db: Database, council_id: int | None = None) -> dict[str, list[MemberRow]]:
    with db.reader() as s:
        rows = list_member_rows(s, AS_OF, LEAD_DAYS, council_id=council_id)
    by_name: dict[str, list[MemberRow]] = {}
    for row in rows:
        by_name.setdefault(row.name, []).append(row)
    return by_name


def _member(s: Session, name: str) -> int:
    return create_person(s, PersonInput(name=name)).id


def test_member_statuses(db: Database, council: CouncilRow) -> None:
    with db.transaction() as s:
        _appoint(s, council.id, _member(s, "在任 一"), D(2025, 4, 1))  # to 2027-03-31
        _appoint(s, council.id, _member(s, "満了間近 二"), D(2024, 8, 16))  # to 2026-08-15
        _appoint(s, council.id, _member(s, "期間外 三"), D(2024, 9, 1))  # to 2026-08-31
        _appoint(s, council.id, _member(s, "任期切れ 四"), D(2024, 4, 1))  # to 2026-03-31
        left = _appoint(s, council.id, _member(s, "解嘱 五"), D(2025, 4, 1))
        end_appointment(s, left.id, D(2026, 1, 31), "転居")
        _appoint(s, council.id, _member(s, "予定 六"), D(2026, 7, 1))
        _member(s, "未委嘱 七")
        ends_today = _appoint(s, council.id, _member(s, "本日解嘱 八"), D(2025, 4, 1))
        end_appointment(s, ends_today.id, AS_OF, "辞任")

    rows = _rows_by_name(db)
    assert {name: [r.status for r in rs] for name, rs in rows.items()} == {
        "在任 一": [TermStatus.SERVING],
        "満了間近 二": [TermStatus.ENDING],
        "期間外 三": [TermStatus.SERVING],  # 91 days left, one more than the lead time
        "任期切れ 四": [TermStatus.LAPSED],
        "解嘱 五": [TermStatus.FORMER],
        "予定 六": [TermStatus.UPCOMING],
        "未委嘱 七": [None],
        "本日解嘱 八": [TermStatus.SERVING],  # still in office on the day it ends
    }
    assert rows["満了間近 二"][0].days_left == 75
    assert rows["期間外 三"][0].days_left == 91
    assert rows["任期切れ 四"][0].days_left == -62
    assert rows["解嘱 五"][0].days_left is None
    assert rows["解嘱 五"][0].ended_on == D(2026, 1, 31)
    unappointed = rows["未委嘱 七"][0]
    assert (unappointed.appointment_id, unappointed.council_id, unappointed.council_name) == (
        None,
        None,
        "",
    )
    serving = rows["在任 一"][0]
    assert (serving.council_id, serving.council_name, serving.role) == (
        council.id,
        council.name,
        "委員",
    )


def test_member_list_shows_the_latest_term_of_a_reappointed_member(
    db: Database, council: CouncilRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, _member(s, "再任 一"), D(2024, 6, 1))  # to 2026-05-31
        second = reappoint(s, first.id)
    rows = _rows_by_name(db)["再任 一"]
    assert [(r.appointment_id, r.status) for r in rows] == [(second.id, TermStatus.SERVING)]


def test_member_reappointed_in_advance_is_serving_not_upcoming(
    db: Database, council: CouncilRow
) -> None:
    # Reappointments are often made weeks before the term ends: until the new term starts the
    # member is serving on the current one, and is not flagged as ending (a successor exists).
    with db.transaction() as s:
        first = _appoint(s, council.id, _member(s, "再任 二"), D(2024, 7, 1))  # to 2026-06-30
        second = reappoint(s, first.id)
    rows = _rows_by_name(db)["再任 二"]
    assert [(r.appointment_id, r.status) for r in rows] == [(first.id, TermStatus.SERVING)]
    with db.reader() as s:
        later = list_member_rows(s, D(2026, 7, 1), LEAD_DAYS)
    assert [(r.appointment_id, r.status) for r in later if r.name == "再任 二"] == [
        (second.id, TermStatus.SERVING)
    ]


def test_member_who_left_before_the_reappointment_started_shows_the_new_term(
    db: Database, council: CouncilRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, _member(s, "再任 三"), D(2024, 7, 1))  # to 2026-06-30
        second = reappoint(s, first.id)
        end_appointment(s, first.id, D(2026, 5, 15), "入院のため")
    rows = _rows_by_name(db)["再任 三"]
    assert [(r.appointment_id, r.status) for r in rows] == [(second.id, TermStatus.UPCOMING)]


def test_member_list_of_one_council(db: Database, station: StationRow, council: CouncilRow) -> None:
    with db.transaction() as s:
        other_post = create_post(s, station.id, "山の手駐在所", PostKind.CHUZAISHO)
        other = create_council(
            s,
            CouncilInput(
                station.id, "山の手駐在所連絡協議会", "standard", [other_post.id], D(2020, 4, 1)
            ),
        )
        both = _member(s, "兼任 一")
        _appoint(s, council.id, both, D(2025, 4, 1))
        _appoint(s, other.id, both, D(2025, 4, 1), role="会長")
        _appoint(s, other.id, _member(s, "山の手 二"), D(2025, 4, 1))
        _member(s, "未委嘱 三")

    everyone = _rows_by_name(db)
    assert sorted(r.council_name for r in everyone["兼任 一"]) == sorted([council.name, other.name])
    assert set(everyone) == {"兼任 一", "山の手 二", "未委嘱 三"}
    only_one = _rows_by_name(db, council.id)
    assert {name: [(r.council_id, r.role) for r in rs] for name, rs in only_one.items()} == {
        "兼任 一": [(council.id, "委員")]
    }


def test_member_row_age_band_from_birth_date(db: Database) -> None:
    with db.transaction() as s:
        create_person(s, PersonInput(name="年齢 一", birth_date=D(1966, 6, 2)))
        create_person(s, PersonInput(name="年代 二", age_band=AgeBand.THIRTIES))
    rows = {r.name: r for rs in _rows_by_name(db).values() for r in rs}
    assert rows["年齢 一"].age_band is AgeBand.FIFTIES  # 59 on 2026-06-01, 60 the day after
    assert rows["年代 二"].age_band is AgeBand.THIRTIES


def test_person_detail(db: Database, council: CouncilRow, person: PersonRow) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2023, 4, 1))
        reappoint(s, first.id)
    with db.reader() as s:
        detail = person_detail(s, person.id)
    assert detail.person == person
    assert [a.term_start for a in detail.appointments] == [D(2023, 4, 1), D(2025, 4, 1)]
    assert detail.visits == []


def test_a_new_term_from_the_day_after_is_a_reappointment(
    db: Database, council: CouncilRow, person: PersonRow
) -> None:
    """The batch 委嘱 every two years (or an imported roster) enters the next term with
    appoint(): it continues the earlier term (§3(5)), which is then not lapsed."""
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2023, 4, 1))
        second = _appoint(s, council.id, person.id, D(2025, 4, 1))
    assert second.reappointed_from_id == first.id
    with db.reader() as s:
        statuses = [r.status for r in list_member_rows(s, D(2025, 6, 1), LEAD_DAYS)]
    assert statuses == [TermStatus.SERVING]


def test_reappointing_over_an_existing_term_is_refused(
    db: Database, refused: Refused, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2023, 4, 1))
        # Entered by hand a day late, so not linked as the first term's reappointment.
        _appoint(s, council.id, person.id, D(2025, 4, 2))
    refused(lambda s: reappoint(s, first.id), "term_start")


def test_correcting_a_term_ended_early_is_not_an_overlap(
    db: Database, council: CouncilRow, person: PersonRow
) -> None:
    with db.transaction() as s:
        first = _appoint(s, council.id, person.id, D(2023, 4, 1))
        end_appointment(s, first.id, D(2024, 3, 31), "会長就任のため")
        _appoint(s, council.id, person.id, D(2024, 4, 1), role="会長")
        corrected = update_appointment(
            s,
            first.id,
            AppointmentInput(council.id, person.id, D(2023, 4, 1), consulted_with="生活安全課"),
        )
    assert corrected.consulted_with == "生活安全課"
