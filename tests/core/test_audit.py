"""Tests for kobankyo_desktop.core.audit: every service write lands in 操作履歴, in its transaction."""

from __future__ import annotations

import datetime as dt
import getpass
from typing import Any

import pytest
from sqlalchemy import delete, event, func, insert, select, update
from sqlalchemy.orm import Session

from kobankyo_desktop.core import vocab
from kobankyo_desktop.core.audit import (
    AuditRow,
    list_audit,
    os_user,
    resolve_entity,
)
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import clear_all, fill_demo
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import AuditAction, AuditEntry, Base, Person, Record
from kobankyo_desktop.core.services.appointments import (
    AppointmentInput,
    appoint,
    end_appointment,
)
from kobankyo_desktop.core.services.councils import (
    CouncilInput,
    create_council,
    delete_council,
    update_council,
)
from kobankyo_desktop.core.services.meetings import (
    AgendaItemInput,
    MeetingInput,
    create_meeting,
    delete_meeting,
    update_meeting,
)
from kobankyo_desktop.core.services.people import (
    PersonInput,
    create_person,
    delete_person,
    update_person,
)
from kobankyo_desktop.core.services.stations import PostRow, StationRow, create_post
from kobankyo_desktop.core.settings import Settings, save_settings
from kobankyo_desktop.core.vocab import CouncilKind, MeetingKind, PostKind

DAY = dt.date(2025, 4, 1)


def _entries(db: Database, **filters: Any) -> list[AuditRow]:
    with db.reader() as s:
        return list_audit(s, **filters)


def _council(db: Database, station: StationRow, post: PostRow, name: str = "駅前交番連絡協議会"):
    with db.transaction() as s:
        return create_council(
            s,
            CouncilInput(
                station_id=station.id,
                name=name,
                kind=CouncilKind.STANDARD,
                post_ids=[post.id],
                established_on=dt.date(2020, 4, 1),
            ),
        )


def test_create_is_recorded_with_who_when_and_new_values(
    db: Database, station: StationRow, post: PostRow
) -> None:
    before = dt.datetime.now(dt.UTC)
    council = _council(db, station, post)
    after = dt.datetime.now(dt.UTC)

    (entry,) = _entries(db, entity="councils")
    assert entry.action is AuditAction.CREATE
    assert entry.record_uuid == council.uuid
    assert entry.label == "駅前交番連絡協議会"
    assert entry.os_user == getpass.getuser() == os_user()
    assert before - dt.timedelta(seconds=1) <= entry.at <= after + dt.timedelta(seconds=1)
    assert entry.changes["name"] == [None, "駅前交番連絡協議会"]
    assert entry.changes["kind"] == [None, "standard"]
    assert entry.changes["established_on"] == [None, "2020-04-01"]
    assert entry.changes["posts"] == [None, [post.id]]
    # Bookkeeping columns are not "changes".
    assert not {"id", "uuid", "created_at", "updated_at"} & entry.changes.keys()


def test_update_records_only_changed_fields_old_and_new(db: Database) -> None:
    with db.transaction() as s:
        person = create_person(s, PersonInput(name="山田 太郎", reading="やまだ たろう"))
    with db.transaction() as s:
        update_person(
            s,
            person.id,
            PersonInput(name="山田 太郎", reading="やまだ たろう", phone="090-1234-5678"),
        )
    latest = _entries(db, entity="people")[0]
    assert latest.action is AuditAction.UPDATE
    assert latest.record_uuid == person.uuid
    assert latest.changes == {"phone": ["", "090-1234-5678"]}
    assert latest.change_lines() == ["電話番号: （空） → 090-1234-5678"]


def test_saving_unchanged_values_records_nothing(db: Database) -> None:
    data = PersonInput(name="山田 太郎", reading="やまだ たろう")
    with db.transaction() as s:
        person = create_person(s, data)
    with db.transaction() as s:
        update_person(s, person.id, data)
    assert [e.action for e in _entries(db, entity="people")] == [AuditAction.CREATE]


def test_delete_records_old_values(db: Database) -> None:
    with db.transaction() as s:
        person = create_person(s, PersonInput(name="誤登録 花子", phone="03-0000-0000"))
    with db.transaction() as s:
        delete_person(s, person.id)
    latest = _entries(db, entity="people")[0]
    assert latest.action is AuditAction.DELETE
    assert latest.record_uuid == person.uuid
    assert latest.changes["name"] == ["誤登録 花子", None]
    assert latest.changes["phone"] == ["03-0000-0000", None]


def test_every_service_write_in_a_working_session_is_recorded(
    db: Database, station: StationRow, post: PostRow
) -> None:
    council = _council(db, station, post)
    with db.transaction() as s:
        person = create_person(s, PersonInput(name="鈴木 一郎", reading="すずき いちろう"))
        appointment = appoint(s, AppointmentInput(council.id, person.id, DAY, role="会長"))
    with db.transaction() as s:
        end_appointment(s, appointment.id, dt.date(2025, 9, 30), "転居のため")
    with db.transaction() as s:
        meeting = create_meeting(
            s,
            MeetingInput(
                council_id=council.id,
                kind=MeetingKind.REGULAR,
                held_on=dt.date(2025, 5, 20),
                place="公民館",
                agenda=[AgendaItemInput("開会"), AgendaItemInput("地域の情勢")],
            ),
        )
    with db.transaction() as s:
        update_meeting(
            s,
            meeting.meeting.id,
            MeetingInput(
                council_id=council.id,
                kind=MeetingKind.REGULAR,
                held_on=dt.date(2025, 5, 27),
                place="公民館",
                agenda=[AgendaItemInput("開会", id=meeting.agenda[0].id)],
            ),
        )
    with db.transaction() as s:
        delete_meeting(s, meeting.meeting.id)
    with db.transaction() as s:
        update_council(
            s,
            council.id,
            CouncilInput(
                station_id=station.id,
                name="駅前地区連絡協議会",
                kind=CouncilKind.STANDARD,
                post_ids=[post.id],
                established_on=dt.date(2020, 4, 1),
            ),
        )

    def actions(entity: str, uuid: str | None = None) -> list[AuditAction]:
        return [e.action for e in reversed(_entries(db, entity=entity, record_uuid=uuid))]

    assert actions("appointments", appointment.uuid) == [AuditAction.CREATE, AuditAction.UPDATE]
    ended = _entries(db, entity="appointments")[0]
    assert ended.changes == {
        "ended_on": [None, "2025-09-30"],
        "end_reason": [None, "転居のため"],
    }
    assert actions("meetings", meeting.meeting.uuid) == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.DELETE,
    ]
    moved = _entries(db, entity="meetings")[1]
    assert moved.changes == {"held_on": ["2025-05-20", "2025-05-27"]}
    # The agenda item dropped by the edit, and the one deleted with the meeting, are recorded.
    items = [(e.action, e.label) for e in reversed(_entries(db, entity="agenda_items"))]
    assert items == [
        (AuditAction.CREATE, "開会"),
        (AuditAction.CREATE, "地域の情勢"),
        (AuditAction.DELETE, "地域の情勢"),
        (AuditAction.DELETE, "開会"),
    ]
    renamed = _entries(db, entity="councils")[0]
    assert renamed.changes == {"name": ["駅前交番連絡協議会", "駅前地区連絡協議会"]}


def test_changing_a_councils_posts_is_recorded(
    db: Database, station: StationRow, post: PostRow
) -> None:
    with db.transaction() as s:
        other = create_post(s, station.id, "北口交番", PostKind.KOBAN)
    council = _council(db, station, post)
    with db.transaction() as s:
        update_council(
            s,
            council.id,
            CouncilInput(
                station_id=station.id,
                name=council.name,
                kind=CouncilKind.UNIT_MERGED,
                post_ids=[post.id, other.id],
                established_on=council.established_on,
            ),
        )
    changes: dict[str, Any] = {}
    lines: list[str] = []
    for entry in _entries(db, entity="councils", record_uuid=council.uuid):
        if entry.action is AuditAction.UPDATE:
            changes |= entry.changes
            lines += entry.change_lines()
    assert changes["posts"] == [[post.id], sorted([post.id, other.id])]
    assert changes["kind"] == ["standard", "unit_merged"]  # codes are stored ...
    standard, merged = vocab.label(CouncilKind.STANDARD), vocab.label(CouncilKind.UNIT_MERGED)
    assert f"種別: {standard} → {merged}" in lines  # ... and shown as the officers' terms


def test_every_record_of_the_demo_has_a_create_entry(db: Database) -> None:
    with db.transaction() as s:
        fill_demo(s, DAY)
    with db.reader() as s:
        created = {
            (e.entity, e.record_uuid)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.CREATE))
        }
        for mapper in Base.registry.mappers:
            model = mapper.class_
            if not issubclass(model, Record):
                continue
            table = mapper.local_table.name
            uuids = set(s.scalars(select(model.uuid)))
            assert {(table, u) for u in uuids} <= created, table


def test_settings_changes_are_recorded_by_key(db: Database) -> None:
    with db.transaction() as s:
        save_settings(s, Settings(term_lead_days=60))
    entry = next(e for e in _entries(db, entity="settings") if e.label == "term_lead_days")
    assert entry.action is AuditAction.CREATE
    assert entry.changes == {"key": [None, "term_lead_days"], "value": [None, "60"]}


def test_rolled_back_change_leaves_no_entry(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        create_person(s, PersonInput(name="取消 次郎"))
        raise RuntimeError("cancelled")
    assert _entries(db) == []


def test_a_failed_flush_does_not_leak_entries_into_the_next(db: Database) -> None:
    with db.transaction() as s:
        person = create_person(s, PersonInput(name="重複 三郎"))
    with pytest.raises(ValidationError), db.transaction() as s:
        create_person(s, PersonInput(name="入力 四郎"))
        update_person(s, person.id, PersonInput(name="重複 三郎", email="not-an-address"))
    with db.transaction() as s:
        update_person(s, person.id, PersonInput(name="重複 五郎"))
    labels = [(e.action, e.label) for e in _entries(db, entity="people")]
    assert labels == [(AuditAction.UPDATE, "重複 五郎"), (AuditAction.CREATE, "重複 三郎")]


def test_bulk_statements_are_recorded_with_row_counts_and_keep_the_trail(db: Database) -> None:
    with db.transaction() as s:
        fill_demo(s, DAY)
    with db.reader() as s:
        people = s.scalar(select(func.count()).select_from(Person))
        kept = s.scalar(select(func.count()).select_from(AuditEntry))
    with db.transaction() as s:
        clear_all(s)
    entries = _entries(db, entity="people")
    bulk = entries[0]
    assert bulk.action is AuditAction.BULK_DELETE
    assert bulk.changes == {"rows": [None, people]}
    assert bulk.change_lines() == [f"行数: {people}"]
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) > kept  # nothing erased


def test_bulk_update_is_recorded(db: Database) -> None:
    with db.transaction() as s:
        create_person(s, PersonInput(name="一括 太郎"))
        create_person(s, PersonInput(name="一括 花子"))
    with db.transaction() as s:
        s.execute(update(Person).values(notes="確認済み"))
    latest = _entries(db)[0]
    assert (latest.action, latest.entity, latest.changes) == (
        AuditAction.BULK_UPDATE,
        "people",
        {"rows": [None, 2]},
    )


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda s: s.execute(delete(AuditEntry)), id="bulk-delete"),
        pytest.param(lambda s: s.execute(update(AuditEntry).values(os_user="x")), id="bulk-update"),
        pytest.param(lambda s: s.delete(s.scalars(select(AuditEntry)).first()), id="orm-delete"),
        pytest.param(
            lambda s: setattr(s.scalars(select(AuditEntry)).first(), "os_user", "x"),
            id="orm-update",
        ),
    ],
)
def test_the_trail_is_append_only(db: Database, tamper: Any) -> None:
    with db.transaction() as s:
        create_person(s, PersonInput(name="記録 一郎"))
    before = _entries(db)
    with pytest.raises(RuntimeError, match="追記のみ"), db.transaction() as s:
        tamper(s)
        s.flush()
    assert _entries(db) == before


def test_sessions_outside_the_database_object_are_not_audited(db: Database) -> None:
    # Migrations and tests build their own sessions; only Database's factory is audited.
    with Session(db.engine) as s, s.begin():
        create_person(s, PersonInput(name="別経路 太郎"))
    assert _entries(db) == []


def test_one_audit_insert_per_flush_whatever_the_number_of_records(db: Database) -> None:
    statements: list[tuple[str, bool]] = []

    def count(_conn: Any, _cursor: Any, statement: str, _params: Any, _ctx: Any, many: bool):
        statements.append((statement, many))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.transaction() as s:
            for i in range(200):
                s.add(Person(name=f"取込 {i}", reading="とりこみ"))
            s.flush()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    audit_inserts = [(q, many) for q, many in statements if "INSERT INTO audit_entries" in q]
    assert audit_inserts == [(audit_inserts[0][0], True)]
    assert len(_entries(db, entity="people")) == 200


def test_filters_since_entity_and_limit(db: Database) -> None:
    with db.transaction() as s:
        create_person(s, PersonInput(name="古い 記録"))
        s.flush()
        s.execute(
            insert(AuditEntry).values(
                at=dt.datetime(2020, 1, 1),
                os_user="someone",
                action=AuditAction.CREATE,
                entity="meetings",
                label="昔の会議",
            )
        )
    assert [e.label for e in _entries(db, entity="meetings")] == ["昔の会議"]
    recent = _entries(db, since=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert [e.label for e in recent] == ["古い 記録"]
    assert len(_entries(db, limit=1)) == 1


def test_resolve_entity_accepts_table_names_and_japanese_labels() -> None:
    assert resolve_entity("people") == "people"
    assert resolve_entity("委員") == "people"
    assert resolve_entity(" 会議 ") == "meetings"
    with pytest.raises(ValidationError) as caught:
        resolve_entity("宇宙船")
    assert "宇宙船" in caught.value.message


def test_delete_council_with_designations_is_recorded(
    db: Database, station: StationRow, post: PostRow
) -> None:
    council = _council(db, station, post, "誤登録の協議会")
    with db.transaction() as s:
        delete_council(s, council.id)
    latest = _entries(db, entity="councils")[0]
    assert (latest.action, latest.label) == (AuditAction.DELETE, "誤登録の協議会")
    assert latest.changes["posts"] == [[post.id], None]


def test_orm_bulk_insert_is_recorded_with_its_row_count(db: Database) -> None:
    # The benchmark generator and importers insert like this; no per-row entries.
    with db.transaction() as s:
        s.execute(insert(Person), [{"name": f"一括 {i}", "reading": "いっかつ"} for i in range(30)])
    (entry,) = _entries(db)
    assert (entry.action, entry.entity, entry.changes) == (
        AuditAction.BULK_INSERT,
        "people",
        {"rows": [None, 30]},
    )
