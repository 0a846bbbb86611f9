"""The reminders rules (§3(3)–(6), §6(2)–(3), §7): every rule on both sides of its boundaries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from kobankyo_desktop.core.dates import YearBasis, format_date
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.rules import (
    NO_MANAGER,
    NO_REGULAR_MEETING,
    OPINION_UNANSWERED,
    ROSTER_NOT_BROAD,
    TERM_ENDING,
    TERM_LAPSED,
    Action,
    Reminder,
    Severity,
    SubjectKind,
    evaluate,
)
from kobankyo_desktop.core.services import appointments, councils, meetings, opinions, people
from kobankyo_desktop.core.services.stations import (
    OfficerInput,
    StationRow,
    create_officer,
    create_post,
    update_officer,
)
from kobankyo_desktop.core.settings import Settings, save_settings
from kobankyo_desktop.core.vocab import (
    CouncilKind,
    Gender,
    MeetingKind,
    MeetingStatus,
    OpinionStatus,
    PostKind,
)

AS_OF = dt.date(2025, 6, 1)  # 令和7年度
FY_END = dt.date(2026, 3, 31)
LONG_AGO = dt.date(2020, 4, 1)


def day(offset: int) -> dt.date:
    return AS_OF + dt.timedelta(days=offset)


def make_council(
    s: Session,
    station_id: int,
    name: str,
    *,
    kind: CouncilKind = CouncilKind.STANDARD,
    established_on: dt.date = LONG_AGO,
) -> int:
    post = create_post(s, station_id, f"{name}交番", PostKind.KOBAN)
    purpose = "商店街の防犯" if kind is CouncilKind.OCCUPATIONAL else ""
    data = councils.CouncilInput(station_id, name, kind, [post.id], established_on, purpose)
    return councils.create_council(s, data).id


def make_member(
    s: Session,
    council_id: int,
    name: str,
    *,
    gender: Gender = Gender.UNSPECIFIED,
    birth_date: dt.date | None = None,
    reading: str = "",
    term: tuple[dt.date, dt.date] = (dt.date(2024, 4, 1), dt.date(2026, 3, 31)),
) -> int:
    """A person appointed to the council; returns the appointment id."""
    data = people.PersonInput(name, reading, gender=gender, birth_date=birth_date)
    person = people.create_person(s, data)
    term_data = appointments.AppointmentInput(council_id, person.id, term[0], term[1])
    return appointments.appoint(s, term_data).id


def make_meeting(
    s: Session,
    council_id: int,
    held_on: dt.date,
    status: MeetingStatus = MeetingStatus.HELD,
    kind: MeetingKind = MeetingKind.REGULAR,
) -> int:
    reason = "連続ひったくりの発生" if kind is MeetingKind.EXTRAORDINARY else ""
    data = meetings.MeetingInput(council_id, kind, held_on, status, reason=reason)
    return meetings.create_meeting(s, data).meeting.id


def designate(s: Session, council_id: int, name: str = "交番 太郎") -> int:
    post_id = councils.council_row(s, council_id, dt.date(2025, 4, 1)).post_ids[0]
    officer = create_officer(s, OfficerInput(post_id, name, position="交番所長"))
    councils.designate_manager(s, council_id, officer.id, LONG_AGO)
    return officer.id


def run(db: Database, as_of: dt.date = AS_OF, settings: Settings | None = None) -> list[Reminder]:
    with db.reader() as s:
        return evaluate(s, as_of, settings)


def of_rule(reminders: list[Reminder], *rules: str) -> list[Reminder]:
    return [r for r in reminders if r.rule in rules]


@pytest.fixture
def council(db: Database, station: StationRow) -> int:
    """A standard council established long ago, with a 運営責任者 and no meetings."""
    with db.transaction() as s:
        council_id = make_council(s, station.id, "駅前地区連絡協議会")
        designate(s, council_id)
        return council_id


# --- no_regular_meeting (§6(2), §6(3)) -----------------------------------------------------


@pytest.mark.parametrize(
    ("held_on", "flagged"),
    [(dt.date(2025, 3, 31), True), (dt.date(2025, 4, 1), False)],
    ids=["31-march-previous-year", "1-april-this-year"],
)
def test_regular_meeting_counts_only_in_its_fiscal_year(
    db: Database, council: int, held_on: dt.date, flagged: bool
) -> None:
    with db.transaction() as s:
        make_meeting(s, council, held_on)
    found = of_rule(run(db), NO_REGULAR_MEETING)
    assert bool(found) is flagged
    if flagged:
        (reminder,) = found
        assert reminder.due == FY_END
        assert reminder.council_id == council
        assert reminder.action is Action.PLAN_MEETING
        assert reminder.subject_kind is SubjectKind.COUNCIL
        assert "令和7年度の定期会議" in reminder.message
        assert "§6(2)" in reminder.message
        assert "開催予定も登録されていません" in reminder.message
        assert reminder.meeting_id is None


def test_meeting_held_on_the_day_itself_counts(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_meeting(s, council, AS_OF)
    assert not of_rule(run(db), NO_REGULAR_MEETING)


def test_planned_meeting_is_named_but_still_flagged(db: Database, council: int) -> None:
    planned_on = dt.date(2025, 11, 20)
    with db.transaction() as s:
        meeting_id = make_meeting(s, council, planned_on, MeetingStatus.PLANNED)
    (reminder,) = of_rule(run(db), NO_REGULAR_MEETING)
    assert f"{format_date(planned_on)}に予定されています" in reminder.message
    assert reminder.meeting_id == meeting_id


def test_planned_date_passed_without_being_held(db: Database, council: int) -> None:
    with db.transaction() as s:
        meeting_id = make_meeting(s, council, day(-20), MeetingStatus.PLANNED)
    (reminder,) = of_rule(run(db), NO_REGULAR_MEETING)
    assert "過ぎましたが、開催済みの記録がありません" in reminder.message
    assert reminder.meeting_id == meeting_id


def test_upcoming_plan_is_preferred_over_a_missed_one(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_meeting(s, council, day(-20), MeetingStatus.PLANNED)
        upcoming = make_meeting(s, council, day(30), MeetingStatus.PLANNED)
    (reminder,) = of_rule(run(db), NO_REGULAR_MEETING)
    assert reminder.meeting_id == upcoming


def test_planned_meeting_of_next_year_is_not_this_years_plan(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_meeting(s, council, dt.date(2026, 4, 10), MeetingStatus.PLANNED)
    (reminder,) = of_rule(run(db), NO_REGULAR_MEETING)
    assert reminder.meeting_id is None


def test_cancelled_meeting_is_neither_held_nor_planned(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_meeting(s, council, day(-10), MeetingStatus.CANCELLED)
        make_meeting(s, council, day(10), MeetingStatus.CANCELLED)
    (reminder,) = of_rule(run(db), NO_REGULAR_MEETING)
    assert reminder.meeting_id is None
    assert "開催予定も登録されていません" in reminder.message


def test_extraordinary_meeting_never_counts(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_meeting(s, council, day(-10), kind=MeetingKind.EXTRAORDINARY)
    (reminder,) = of_rule(run(db), NO_REGULAR_MEETING)
    assert "臨時会議は定期会議に数えません（要綱§6(3)）" in reminder.message


def test_meeting_recorded_as_held_later_does_not_count_before_its_date(
    db: Database, council: int
) -> None:
    with db.transaction() as s:
        make_meeting(s, council, dt.date(2025, 10, 1))
    assert of_rule(run(db, dt.date(2025, 9, 30)), NO_REGULAR_MEETING)
    assert not of_rule(run(db, dt.date(2025, 10, 1)), NO_REGULAR_MEETING)


@pytest.mark.parametrize(
    ("as_of", "severity"),
    [
        (dt.date(2025, 4, 1), Severity.INFO),
        (dt.date(2025, 12, 31), Severity.INFO),
        (dt.date(2026, 1, 1), Severity.WARNING),
        (dt.date(2026, 2, 28), Severity.WARNING),
        (dt.date(2026, 3, 1), Severity.CRITICAL),
        (dt.date(2026, 3, 31), Severity.CRITICAL),
    ],
)
def test_missing_meeting_gets_louder_as_the_year_ends(
    db: Database, council: int, as_of: dt.date, severity: Severity
) -> None:
    (reminder,) = of_rule(run(db, as_of), NO_REGULAR_MEETING)
    assert reminder.severity is severity
    assert reminder.due == FY_END


@pytest.mark.parametrize(
    ("abolished_on", "flagged"), [(AS_OF, False), (day(-1), False), (day(1), True)]
)
def test_abolished_council_is_not_flagged(
    db: Database, council: int, abolished_on: dt.date, flagged: bool
) -> None:
    with db.transaction() as s:
        make_member(s, council, "任期 切子", term=(LONG_AGO, day(-5)))
        councils.abolish_council(s, council, abolished_on)
    reminders = run(db)
    assert bool(of_rule(reminders, NO_REGULAR_MEETING)) is flagged
    assert bool(of_rule(reminders, TERM_LAPSED)) is flagged  # records count until abolition


def test_calendar_year_setting(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_meeting(s, council, dt.date(2025, 2, 1))
        save_settings(s, Settings(year_basis=YearBasis.CALENDAR))
    december = dt.date(2025, 12, 10)
    assert not of_rule(run(db, december), NO_REGULAR_MEETING)
    assert of_rule(run(db, december, Settings()), NO_REGULAR_MEETING)  # 年度: none since April
    (reminder,) = of_rule(run(db, dt.date(2026, 12, 1)), NO_REGULAR_MEETING)
    assert reminder.due == dt.date(2026, 12, 31)
    assert reminder.severity is Severity.CRITICAL
    assert "令和8年の定期会議" in reminder.message


def test_council_established_mid_year_is_expected_to_meet(
    db: Database, station: StationRow
) -> None:
    with db.transaction() as s:
        council_id = make_council(s, station.id, "新設", established_on=dt.date(2025, 10, 1))
    (reminder,) = of_rule(run(db, dt.date(2025, 11, 1)), NO_REGULAR_MEETING)
    assert (reminder.council_id, reminder.due) == (council_id, FY_END)


def test_council_established_after_as_of_is_not_flagged(db: Database, station: StationRow) -> None:
    with db.transaction() as s:
        make_council(s, station.id, "新設", established_on=dt.date(2025, 12, 1))
    assert run(db, dt.date(2025, 11, 30)) == []


# --- term_ending / term_lapsed (§3(5)) -----------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "rule", "severity"),
    [
        (91, None, None),
        (90, TERM_ENDING, Severity.INFO),
        (31, TERM_ENDING, Severity.INFO),
        (30, TERM_ENDING, Severity.WARNING),
        (0, TERM_ENDING, Severity.WARNING),
        (-1, TERM_LAPSED, Severity.CRITICAL),
        (-400, TERM_LAPSED, Severity.CRITICAL),
    ],
)
def test_term_ending_and_lapsed_boundaries(
    db: Database, council: int, days_left: int, rule: str | None, severity: Severity | None
) -> None:
    with db.transaction() as s:
        appointment_id = make_member(s, council, "任期 満子", term=(LONG_AGO, day(days_left)))
    found = of_rule(run(db), TERM_ENDING, TERM_LAPSED)
    if rule is None:
        assert found == []
        return
    (reminder,) = found
    assert (reminder.rule, reminder.severity) == (rule, severity)
    assert reminder.due == day(days_left)
    assert reminder.appointment_id == appointment_id
    assert reminder.action is Action.REAPPOINT_OR_END
    assert (reminder.subject_kind, reminder.subject_label) == (SubjectKind.PERSON, "任期 満子")
    assert "§3(5)" in reminder.message


def test_members_of_one_batch_sort_by_reading(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_member(s, council, "和田 一", reading="わだ はじめ", term=(LONG_AGO, day(10)))
        make_member(s, council, "青木 二郎", reading="あおき じろう", term=(LONG_AGO, day(10)))
    found = of_rule(run(db), TERM_ENDING)
    assert [r.subject_label for r in found] == ["青木 二郎", "和田 一"]


def test_term_lead_days_setting(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_member(s, council, "任期 満子", term=(LONG_AGO, day(31)))
    assert of_rule(run(db), TERM_ENDING)
    assert not of_rule(run(db, settings=Settings(term_lead_days=30)), TERM_ENDING)


@pytest.mark.parametrize("days_left", [10, -10])
def test_reappointed_member_is_not_flagged(db: Database, council: int, days_left: int) -> None:
    with db.transaction() as s:
        appointment_id = make_member(s, council, "再任 太郎", term=(LONG_AGO, day(days_left)))
        appointments.reappoint(s, appointment_id)
    assert not of_rule(run(db), TERM_ENDING, TERM_LAPSED)


def test_early_dismissal_is_not_flagged(db: Database, council: int) -> None:
    with db.transaction() as s:
        ending = make_member(s, council, "解嘱 一郎", term=(LONG_AGO, day(10)))
        lapsed = make_member(s, council, "解嘱 二郎", term=(LONG_AGO, day(-10)))
        appointments.end_appointment(s, ending, day(-5), "転居のため")
        appointments.end_appointment(s, lapsed, day(-20), "本人の申し出")
    assert not of_rule(run(db), TERM_ENDING, TERM_LAPSED)


def test_appointment_starting_later_is_not_flagged(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_member(s, council, "新任 花子", term=(day(1), day(60)))
    assert not of_rule(run(db), TERM_ENDING, TERM_LAPSED)


# --- no_manager (§3(6)) ----------------------------------------------------------------------


def test_council_without_manager(db: Database, station: StationRow) -> None:
    with db.transaction() as s:
        council_id = make_council(s, station.id, "未指定")
    (reminder,) = of_rule(run(db), NO_MANAGER)
    assert reminder.council_id == council_id
    assert reminder.severity is Severity.WARNING
    assert reminder.action is Action.DESIGNATE_MANAGER
    assert reminder.due is None
    assert "§3(6)" in reminder.message


def test_designated_manager_is_enough(db: Database, council: int) -> None:
    assert not of_rule(run(db), NO_MANAGER)


def test_manager_who_has_left_the_post(db: Database, council: int) -> None:
    with db.reader() as s:
        officer = councils.council_detail(s, council, AS_OF).staff[0]
    with db.transaction() as s:
        data = OfficerInput(officer.post_id, officer.name, position="交番所長", left_on=day(-1))
        update_officer(s, officer.id, data)
    (reminder,) = of_rule(run(db), NO_MANAGER)
    assert f"{officer.name}さんは{format_date(day(-1))}に転出" in reminder.message
    assert not of_rule(run(db, day(-1)), NO_MANAGER)


def test_manager_replaced_keeps_council_covered(db: Database, council: int) -> None:
    with db.transaction() as s:
        post_id = councils.council_row(s, council, dt.date(2025, 4, 1)).post_ids[0]
        successor = create_officer(s, OfficerInput(post_id, "後任 次郎"))
        councils.designate_manager(s, council, successor.id, day(1), replace=True)
    assert not of_rule(run(db), NO_MANAGER)
    assert not of_rule(run(db, day(1)), NO_MANAGER)


# --- opinion_unanswered (§7) -----------------------------------------------------------------


@pytest.mark.parametrize(("age", "flagged"), [(60, False), (61, True)])
def test_opinion_unanswered_boundary(db: Database, council: int, age: int, flagged: bool) -> None:
    with db.transaction() as s:
        opinion = opinions.create_opinion(
            s, opinions.OpinionInput(council, "通学路に街灯を増やしてほしい", day(-age))
        )
    found = of_rule(run(db), OPINION_UNANSWERED)
    assert bool(found) is flagged
    if flagged:
        (reminder,) = found
        assert reminder.due == day(-1)
        assert reminder.opinion_id == reminder.subject_id == opinion.id
        assert reminder.action is Action.OPEN_OPINION
        assert reminder.subject_label == "通学路に街灯を増やしてほしい"
        assert "§7" in reminder.message


def test_opinion_with_response_or_closed_is_not_flagged(db: Database, council: int) -> None:
    with db.transaction() as s:
        for status in (OpinionStatus.IN_PROGRESS, OpinionStatus.CLOSED):
            data = opinions.OpinionInput(
                council, "駐輪場の放置自転車", day(-100), response="巡回を強化", status=status
            )
            opinions.create_opinion(s, data)
        opinions.create_opinion(
            s, opinions.OpinionInput(council, "信号の設置", day(-100), subject="信号")
        )
    (reminder,) = of_rule(run(db), OPINION_UNANSWERED)
    assert reminder.subject_label == "信号"
    assert not of_rule(run(db, settings=Settings(opinion_response_days=100)), OPINION_UNANSWERED)


# --- roster_not_broad (§3(3), §5(2)) ----------------------------------------------------------


def test_one_sided_roster_of_standard_council(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_member(s, council, "男性 一", gender=Gender.MALE, birth_date=dt.date(1960, 1, 1))
        make_member(s, council, "男性 二", gender=Gender.MALE, birth_date=dt.date(1980, 1, 1))
    (reminder,) = of_rule(run(db), ROSTER_NOT_BROAD)
    assert reminder.severity is Severity.ADVICE
    assert reminder.action is Action.REVIEW_ROSTER
    assert "全員が男性" in reminder.message
    assert "年代" not in reminder.message
    with db.transaction() as s:
        make_member(s, council, "女性 三", gender=Gender.FEMALE)
    assert not of_rule(run(db), ROSTER_NOT_BROAD)


def test_one_age_band_roster(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_member(s, council, "一", gender=Gender.MALE, birth_date=dt.date(1960, 1, 1))
        make_member(s, council, "二", gender=Gender.FEMALE, birth_date=dt.date(1965, 6, 1))
    (reminder,) = of_rule(run(db), ROSTER_NOT_BROAD)  # 二 turns 60 on AS_OF
    assert "全員が60代" in reminder.message
    assert not of_rule(run(db, day(-1)), ROSTER_NOT_BROAD)


def test_occupational_council_roster_fits_its_purpose(db: Database, station: StationRow) -> None:
    with db.transaction() as s:
        council_id = make_council(s, station.id, "商店街", kind=CouncilKind.OCCUPATIONAL)
        make_member(s, council_id, "店主 一", gender=Gender.MALE, birth_date=dt.date(1960, 1, 1))
        make_member(s, council_id, "店主 二", gender=Gender.MALE, birth_date=dt.date(1961, 1, 1))
    assert not of_rule(run(db), ROSTER_NOT_BROAD)


def test_unrecorded_gender_is_left_out(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_member(s, council, "一", gender=Gender.MALE)
        make_member(s, council, "二", gender=Gender.MALE)
        make_member(s, council, "三")
    (reminder,) = of_rule(run(db), ROSTER_NOT_BROAD)
    assert "在任の委員3名は、性別の分かる2名の全員が男性です" in reminder.message


def test_single_member_or_former_members_are_not_judged(db: Database, council: int) -> None:
    with db.transaction() as s:
        make_member(s, council, "一", gender=Gender.MALE)
        former = make_member(s, council, "二", gender=Gender.MALE)
        appointments.end_appointment(s, former, day(-1), "辞任")
    assert not of_rule(run(db), ROSTER_NOT_BROAD)


# --- the whole list -------------------------------------------------------------------------


def test_order_json_and_empty_database(db: Database, station: StationRow) -> None:
    assert run(db) == []
    with db.transaction() as s:
        a = make_council(s, station.id, "あ地区")
        b = make_council(s, station.id, "い地区")
        designate(s, a)
        designate(s, b)
        make_member(s, a, "満了", term=(LONG_AGO, day(5)))
        make_member(s, b, "切れ", term=(LONG_AGO, day(-5)))
        make_member(s, b, "男一", gender=Gender.MALE)
        make_member(s, b, "男二", gender=Gender.MALE)
        opinions.create_opinion(s, opinions.OpinionInput(a, "要望", day(-70)))
    reminders = run(db)
    assert [(r.rule, r.council_name) for r in reminders] == [
        (TERM_LAPSED, "い地区"),  # critical
        (OPINION_UNANSWERED, "あ地区"),  # warning, due 10 days ago
        (TERM_ENDING, "あ地区"),  # warning, due in 5 days
        (NO_REGULAR_MEETING, "あ地区"),  # info, due at year end, by council name
        (NO_REGULAR_MEETING, "い地区"),
        (ROSTER_NOT_BROAD, "い地区"),  # advice
    ]
    assert Severity.CRITICAL > Severity.WARNING > Severity.INFO > Severity.ADVICE
    data = json.loads(json.dumps([r.to_json() for r in reminders], ensure_ascii=False))
    assert data[0] == {
        "rule": "term_lapsed",
        "title": "任期が切れたままの委員",
        "severity": "critical",
        "council_id": b,
        "council_name": "い地区",
        "subject_kind": "person",
        "subject_id": data[0]["subject_id"],
        "subject_label": "切れ",
        "message": reminders[0].message,
        "due": "2025-05-27",
        "action": "reappoint_or_end",
        "appointment_id": reminders[0].appointment_id,
        "opinion_id": None,
        "meeting_id": None,
    }


@contextmanager
def counting_statements(db: Database) -> Iterator[list[str]]:
    """The SQL statements run, leaving out the BEGIN that opens each transaction."""
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement != "BEGIN":
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def add_busy_councils(db: Database, station_id: int, first: int, count: int) -> None:
    """Councils with something for every rule: members, meetings, opinions, a manager."""
    with db.transaction() as s:
        for n in range(first, first + count):
            council_id = make_council(s, station_id, f"地区{n:03}")
            if n % 3:
                designate(s, council_id, f"所長{n}")
                make_meeting(s, council_id, day(-30))
            make_meeting(s, council_id, day(30), MeetingStatus.PLANNED)
            make_meeting(s, council_id, day(-10), kind=MeetingKind.EXTRAORDINARY)
            make_member(s, council_id, f"甲{n}", gender=Gender.MALE, term=(LONG_AGO, day(20)))
            make_member(s, council_id, f"乙{n}", gender=Gender.MALE, term=(LONG_AGO, day(-20)))
            make_member(s, council_id, f"丙{n}", gender=Gender.MALE)
            opinions.create_opinion(s, opinions.OpinionInput(council_id, "要望", day(-90)))


def test_query_count_does_not_grow_with_councils(db: Database, station: StationRow) -> None:
    add_busy_councils(db, station.id, 0, 3)
    with counting_statements(db) as few:
        small = run(db)
    add_busy_councils(db, station.id, 3, 27)
    with counting_statements(db) as many:
        large = run(db)
    assert len(large) == 10 * len(small)
    assert len(few) == len(many) <= 6


def test_a_merged_council_is_covered_by_its_predecessors_meeting(
    db: Database, station: StationRow
) -> None:
    with db.transaction() as s:
        east = make_council(s, station.id, "東地区連絡協議会")
        west = make_council(s, station.id, "西地区連絡協議会")
        make_meeting(s, east, day(-40))  # this 年度's regular meeting, before the merger
        merged = councils.merge_councils(s, [east, west], "東西地区連絡協議会", day(-10)).id
        designate(s, merged)
    assert not of_rule(run(db), NO_REGULAR_MEETING)
