"""連絡協議会: creating, editing, abolishing and merging councils, and their 運営責任者."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from kobankyo_desktop.core.errors import ConflictError, ValidationError
from kobankyo_desktop.core.models import (
    Appointment,
    Council,
    ManagerDesignation,
    Meeting,
    Officer,
    Opinion,
    Post,
    Station,
    Visit,
)
from kobankyo_desktop.core.services.appointments import has_successor, serving_on
from kobankyo_desktop.core.services.common import (
    get_record,
    require_date,
    require_enum,
    require_order,
    require_text,
)
from kobankyo_desktop.core.services.stations import OfficerRow, list_officers
from kobankyo_desktop.core.vocab import CouncilKind, MeetingKind, MeetingStatus


@dataclass(frozen=True, slots=True)
class CouncilInput:
    station_id: int
    name: str
    kind: CouncilKind | str
    post_ids: list[int]
    established_on: dt.date | None
    purpose: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class CouncilRow:
    """One line of the councils table."""

    id: int
    uuid: str
    station_id: int
    name: str
    kind: CouncilKind
    post_ids: tuple[int, ...]
    post_names: tuple[str, ...]
    purpose: str
    established_on: dt.date
    abolished_on: dt.date | None
    merged_into_id: int | None
    manager_name: str | None
    manager_officer_id: int | None
    manager_since: dt.date | None
    serving_members: int
    last_regular_meeting: dt.date | None
    notes: str

    @property
    def abolished(self) -> bool:
        return self.abolished_on is not None


@dataclass(frozen=True, slots=True)
class DesignationRow:
    id: int
    officer_id: int
    officer_name: str
    designated_on: dt.date
    ended_on: dt.date | None


@dataclass(frozen=True, slots=True)
class CouncilDetail:
    council: CouncilRow
    staff: list[OfficerRow] = field(default_factory=list)  # 運営担当者 (§3(6))
    designations: list[DesignationRow] = field(default_factory=list)


def _validated(session: Session, data: CouncilInput) -> dict[str, object]:
    get_record(session, Station, data.station_id, "警察署")
    name = require_text(data.name, "name", "連絡協議会の名称")
    kind = require_enum(CouncilKind, data.kind, "kind", "連絡協議会の種別")
    established_on = require_date(data.established_on, "established_on", "設置日")
    post_ids = list(dict.fromkeys(data.post_ids))
    if not post_ids:
        raise ValidationError("post_ids", "所管区となる交番等を選んでください。")
    if kind in (CouncilKind.STANDARD, CouncilKind.UNIT_SPLIT) and len(post_ids) != 1:
        raise ValidationError(
            "post_ids",
            "標準・単位（分割）の連絡協議会は、交番等を一つだけ選んでください（§3(1), §4(1)）。",
        )
    if kind is CouncilKind.UNIT_MERGED and len(post_ids) < 2:
        raise ValidationError(
            "post_ids",
            "単位（統合）の連絡協議会は、統合する交番等を二つ以上選んでください（§4(1)）。",
        )
    purpose = data.purpose.strip()
    if kind is CouncilKind.OCCUPATIONAL and not purpose:
        raise ValidationError("purpose", "職種等連絡協議会は目的等を入力してください（§5(1)）。")
    posts = list(session.scalars(select(Post).where(Post.id.in_(post_ids))))
    if len(posts) != len(post_ids):
        raise ValidationError("post_ids", "選ばれた交番等の一部が見つかりません。")
    return {
        "station_id": data.station_id,
        "name": name,
        "kind": kind,
        "purpose": purpose or None,
        "established_on": established_on,
        "notes": data.notes.strip(),
        "posts": sorted(posts, key=lambda p: post_ids.index(p.id)),
    }


def create_council(session: Session, data: CouncilInput) -> CouncilRow:
    """Set up a council over one or more posts' areas (§3(1), §4(1), §5(1))."""
    council = Council(**_validated(session, data))
    session.add(council)
    session.flush()
    return council_row(session, council.id, council.established_on)


def update_council(session: Session, council_id: int, data: CouncilInput) -> CouncilRow:
    council = get_record(session, Council, council_id, "連絡協議会")
    values = _validated(session, data)
    require_order(
        values["established_on"],  # type: ignore[arg-type]
        council.abolished_on,
        "established_on",
        "設置日は廃止日より前にしてください。",
    )
    for key, value in values.items():
        setattr(council, key, value)
    session.flush()
    return council_row(session, council.id, council.established_on)


def abolish_council(session: Session, council_id: int, abolished_on: dt.date | None) -> CouncilRow:
    """Abolish a council: its records stay, its current 運営責任者 designation ends."""
    council = get_record(session, Council, council_id, "連絡協議会")
    abolished_on = require_date(abolished_on, "abolished_on", "廃止日")
    if council.abolished_on is not None:
        raise ValidationError("abolished_on", f"「{council.name}」は既に廃止されています。")
    require_order(
        council.established_on, abolished_on, "abolished_on", "廃止日は設置日より後にしてください。"
    )
    council.abolished_on = abolished_on
    for designation in _current_designations(session, council_id):
        designation.ended_on = max(abolished_on, designation.designated_on)
    session.flush()
    return council_row(session, council_id, abolished_on)


def delete_council(session: Session, council_id: int) -> None:
    """Delete a council entered by mistake. One with any history is refused: abolish it."""
    council = get_record(session, Council, council_id, "連絡協議会")
    for model, what in (
        (Meeting, "会議"),
        (Appointment, "委嘱"),
        (Opinion, "意見・要望"),
        (Visit, "訪問連絡"),
    ):
        if session.scalar(select(func.count()).where(model.council_id == council_id)):
            raise ConflictError(
                f"「{council.name}」には{what}の記録があるため削除できません。"
                "記録を残すには「廃止」にしてください。"
            )
    if session.scalar(select(func.count()).where(Council.merged_into_id == council_id)):
        raise ConflictError(f"「{council.name}」は統合の記録があるため削除できません。")
    for designation in session.scalars(
        select(ManagerDesignation).where(ManagerDesignation.council_id == council_id)
    ):
        session.delete(designation)
    session.delete(council)
    session.flush()


def merge_councils(
    session: Session,
    council_ids: list[int],
    name: str,
    merged_on: dt.date | None,
    kind: CouncilKind | str = CouncilKind.UNIT_MERGED,
    *,
    extra_post_ids: list[int] | None = None,
) -> CouncilRow:
    """Merge councils when their koban merge (§4(1)).

    A new council covering all their posts takes over their serving members with their terms
    unchanged; the old councils are abolished on ``merged_on`` with a link to the new one, and
    keep their meetings and history. ``extra_post_ids`` adds posts that had no council of
    their own (a 交番 merged into a 駐在所 whose area had none).
    """
    merged_on = require_date(merged_on, "merged_on", "統合日")
    if not council_ids or len(set(council_ids)) + len(set(extra_post_ids or [])) < 2:
        raise ValidationError("council_ids", "統合する連絡協議会を二つ以上選んでください。")
    olds = [get_record(session, Council, cid, "連絡協議会") for cid in dict.fromkeys(council_ids)]
    for old in olds:
        if old.abolished_on is not None:
            raise ValidationError("council_ids", f"「{old.name}」は既に廃止されています。")
        if merged_on <= old.established_on:
            raise ValidationError("merged_on", "統合日は各連絡協議会の設置日より後にしてください。")
    post_ids = list(
        dict.fromkeys([p.id for old in olds for p in old.posts] + (extra_post_ids or []))
    )
    new = create_council(
        session,
        CouncilInput(
            station_id=olds[0].station_id,
            name=name,
            kind=kind,
            post_ids=post_ids,
            established_on=merged_on,
            notes="統合: " + "、".join(o.name for o in olds),
        ),
    )
    old_ids = [o.id for o in olds]
    copies: dict[int, Appointment] = {}
    # Everyone listed on the merge day moves: serving members, and members whose term lapsed
    # unrecorded (their reminder must follow them). A person on two of the councils moves once.
    listed = (
        select(Appointment)
        .where(
            Appointment.council_id.in_(old_ids),
            Appointment.term_start <= merged_on,
            or_(Appointment.ended_on.is_(None), Appointment.ended_on >= merged_on),
            or_(Appointment.term_end >= merged_on, ~has_successor()),
        )
        .order_by(Appointment.id)
    )
    moving = list(session.scalars(listed))
    kept = {a.person_id: a for a in sorted(moving, key=lambda a: a.term_end)}  # latest term
    for old_appointment in moving:
        if kept[old_appointment.person_id] is old_appointment:
            copy = Appointment(
                council_id=new.id,
                person_id=old_appointment.person_id,
                role=old_appointment.role,
                term_start=old_appointment.term_start,
                term_end=old_appointment.term_end,
                # A 解嘱 already recorded for a later day still happens, on the new council.
                ended_on=old_appointment.ended_on,
                end_reason=old_appointment.end_reason,
                consulted_with=old_appointment.consulted_with,
                consulted_on=old_appointment.consulted_on,
                notes=f"{old_appointment.council.name}から統合により移行",
            )
            session.add(copy)
            copies[old_appointment.id] = copy
        old_appointment.ended_on = max(merged_on - dt.timedelta(days=1), old_appointment.term_start)
        old_appointment.end_reason = f"連絡協議会の統合（{new.name}へ移行）"
    session.flush()
    # Terms that start after the merge (reappointments already made) never ran in the old
    # councils: they move whole, and a reappointment follows the moved copy of its term.
    later = select(Appointment).where(
        Appointment.council_id.in_(old_ids), Appointment.term_start > merged_on
    )
    for future in list(session.scalars(later)):
        future.council_id = new.id
        if future.reappointed_from_id in copies:
            future.reappointed_from_id = copies[future.reappointed_from_id].id
    for old in olds:
        abolish_council(session, old.id, merged_on)
        old.merged_into_id = new.id
    session.flush()
    return council_row(session, new.id, merged_on)


def designate_manager(
    session: Session,
    council_id: int,
    officer_id: int,
    designated_on: dt.date | None,
    *,
    replace: bool = False,
) -> CouncilRow:
    """Record the station chief's designation of the 運営責任者 (§3(6)).

    A council has one 運営責任者 at a time: a second designation is refused unless
    ``replace`` is given, which ends the current one the day before.
    """
    council = get_record(session, Council, council_id, "連絡協議会")
    officer = get_record(session, Officer, officer_id, "運営担当者")
    designated_on = require_date(designated_on, "designated_on", "指定日")
    if council.abolished_on is not None:
        raise ValidationError("council", f"「{council.name}」は廃止されています。")
    if officer.post_id not in {p.id for p in council.posts}:
        raise ValidationError(
            "officer",
            "運営責任者は、この連絡協議会の所管区の交番等の勤務員から指定してください（§3(6)）。",
        )
    current = _current_designations(session, council_id)
    if current:
        holder = current[0]
        if holder.officer_id == officer_id:
            raise ValidationError("officer", f"{officer.name}は既に運営責任者に指定されています。")
        if not replace:
            raise ValidationError(
                "officer",
                f"既に{holder.officer.name}が運営責任者に指定されています。"
                "交代する場合は「交代」を選んでください。",
            )
        if designated_on <= holder.designated_on:
            raise ValidationError(
                "designated_on", "交代の指定日は現在の指定日より後にしてください。"
            )
        holder.ended_on = designated_on - dt.timedelta(days=1)
        session.flush()
    session.add(
        ManagerDesignation(
            council_id=council_id, officer_id=officer_id, designated_on=designated_on
        )
    )
    session.flush()
    return council_row(session, council_id, designated_on)


def _current_designations(session: Session, council_id: int) -> list[ManagerDesignation]:
    return list(
        session.scalars(
            select(ManagerDesignation).where(
                ManagerDesignation.council_id == council_id, ManagerDesignation.ended_on.is_(None)
            )
        )
    )


def list_councils(
    session: Session,
    as_of: dt.date,
    *,
    include_abolished: bool = True,
    council_ids: list[int] | None = None,
) -> list[CouncilRow]:
    """The councils with their computed columns, in four queries whatever their number."""
    query = select(Council).options(selectinload(Council.posts)).order_by(Council.name)
    if not include_abolished:
        query = query.where(Council.abolished_on.is_(None))
    if council_ids is not None:
        query = query.where(Council.id.in_(council_ids))
    councils = list(session.scalars(query))
    serving: dict[int, int] = dict(
        session.execute(
            select(Appointment.council_id, func.count(func.distinct(Appointment.person_id)))
            .where(serving_on(as_of))
            .group_by(Appointment.council_id)
        ).all()
    )
    last_regular: dict[int, dt.date] = dict(
        session.execute(
            select(Meeting.council_id, func.max(Meeting.held_on))
            .where(
                Meeting.kind == MeetingKind.REGULAR,
                Meeting.status == MeetingStatus.HELD,
                Meeting.held_on <= as_of,
            )
            .group_by(Meeting.council_id)
        ).all()
    )
    managers = {
        council_id: (officer_id, name, since)
        for council_id, officer_id, name, since in session.execute(
            select(
                ManagerDesignation.council_id,
                Officer.id,
                Officer.name,
                ManagerDesignation.designated_on,
            )
            .join(Officer)
            .where(ManagerDesignation.ended_on.is_(None))
        )
    }
    return [
        _row(c, serving.get(c.id, 0), last_regular.get(c.id), managers.get(c.id)) for c in councils
    ]


def council_row(session: Session, council_id: int, as_of: dt.date) -> CouncilRow:
    """One council's row, its counts as of ``as_of`` (the services pass the date of the
    change they made, so no result depends on the clock)."""
    rows = list_councils(session, as_of, council_ids=[council_id])
    if not rows:
        get_record(session, Council, council_id, "連絡協議会")
    return rows[0]


def council_detail(session: Session, council_id: int, as_of: dt.date) -> CouncilDetail:
    """A council with its operating staff (officers of its posts) and manager history."""
    row = council_row(session, council_id, as_of)
    staff = [o for o in list_officers(session, list(row.post_ids)) if o.serving_on(as_of)]
    designations = [
        DesignationRow(d.id, d.officer_id, d.officer.name, d.designated_on, d.ended_on)
        for d in session.scalars(
            select(ManagerDesignation)
            .where(ManagerDesignation.council_id == council_id)
            .order_by(ManagerDesignation.designated_on)
        )
    ]
    return CouncilDetail(row, staff, designations)


def _row(
    c: Council,
    serving: int,
    last_regular: dt.date | None,
    manager: tuple[int, str, dt.date] | None,
) -> CouncilRow:
    return CouncilRow(
        id=c.id,
        uuid=c.uuid,
        station_id=c.station_id,
        name=c.name,
        kind=c.kind,
        post_ids=tuple(p.id for p in c.posts),
        post_names=tuple(p.name for p in c.posts),
        purpose=c.purpose or "",
        established_on=c.established_on,
        abolished_on=c.abolished_on,
        merged_into_id=c.merged_into_id,
        manager_officer_id=manager[0] if manager else None,
        manager_name=manager[1] if manager else None,
        manager_since=manager[2] if manager else None,
        serving_members=serving,
        last_regular_meeting=last_regular,
        notes=c.notes,
    )
