"""Police stations (警察署), their posts (交番等, §2) and the officers working there (§3(6))."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Officer, Post, Station
from kobankyo_desktop.core.services.common import (
    get_record,
    require_enum,
    require_order,
    require_text,
)
from kobankyo_desktop.core.text import normalize_reading
from kobankyo_desktop.core.vocab import PostKind


@dataclass(frozen=True, slots=True)
class StationRow:
    id: int
    uuid: str
    name: str


@dataclass(frozen=True, slots=True)
class PostRow:
    id: int
    uuid: str
    station_id: int
    name: str
    kind: PostKind
    closed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class OfficerInput:
    post_id: int
    name: str
    reading: str = ""
    rank: str = ""
    position: str = ""
    joined_on: dt.date | None = None
    left_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class OfficerRow:
    id: int
    uuid: str
    post_id: int
    post_name: str
    name: str
    reading: str
    rank: str
    position: str
    joined_on: dt.date | None
    left_on: dt.date | None

    def serving_on(self, day: dt.date) -> bool:
        started = self.joined_on is None or self.joined_on <= day
        return started and (self.left_on is None or self.left_on >= day)


def create_station(session: Session, name: str) -> StationRow:
    name = require_text(name, "name", "警察署名")
    if session.scalar(select(Station.id).where(Station.name == name)) is not None:
        raise ValidationError("name", f"警察署「{name}」は既に登録されています。")
    station = Station(name=name)
    session.add(station)
    session.flush()
    return StationRow(station.id, station.uuid, station.name)


def ensure_station(session: Session, name: str) -> StationRow:
    """The station of this name, registered if it is not yet."""
    name = require_text(name, "station", "警察署名")
    station = session.scalar(select(Station).where(Station.name == name))
    if station is None:
        return create_station(session, name)
    return StationRow(station.id, station.uuid, station.name)


def list_stations(session: Session) -> list[StationRow]:
    stations = session.scalars(select(Station).order_by(Station.name))
    return [StationRow(s.id, s.uuid, s.name) for s in stations]


def create_post(
    session: Session,
    station_id: int,
    name: str,
    kind: PostKind | str,
    opened_on: dt.date | None = None,
) -> PostRow:
    """Register a 交番, 駐在所 or 地域警ら unit of a station (§2)."""
    get_record(session, Station, station_id, "警察署")
    name = require_text(name, "name", "交番等の名称")
    kind = require_enum(PostKind, kind, "kind", "交番等の種別")
    duplicate = select(Post.id).where(Post.station_id == station_id, Post.name == name)
    if session.scalar(duplicate) is not None:
        raise ValidationError("name", f"「{name}」は既に登録されています。")
    post = Post(station_id=station_id, name=name, kind=kind, opened_on=opened_on)
    session.add(post)
    session.flush()
    return _post_row(post)


def create_post_at(session: Session, station_name: str, name: str, kind: PostKind | str) -> PostRow:
    """Register a post of the station named ``station_name``, registering the station itself
    on first use (a new database's first post)."""
    station = ensure_station(session, station_name)
    return create_post(session, station.id, name, kind)


def close_post(session: Session, post_id: int, closed_on: dt.date) -> PostRow:
    """Record that a post was closed (統廃合); its councils and history remain."""
    post = get_record(session, Post, post_id, "交番等")
    require_order(post.opened_on, closed_on, "closed_on", "廃止日は設置日より後にしてください。")
    post.closed_on = closed_on
    session.flush()
    return _post_row(post)


def list_posts(session: Session, *, include_closed: bool = True) -> list[PostRow]:
    query = select(Post).order_by(Post.station_id, Post.id)
    if not include_closed:
        query = query.where(Post.closed_on.is_(None))
    return [_post_row(p) for p in session.scalars(query)]


def _post_row(post: Post) -> PostRow:
    return PostRow(post.id, post.uuid, post.station_id, post.name, post.kind, post.closed_on)


def _validated_officer(session: Session, data: OfficerInput) -> dict[str, object]:
    get_record(session, Post, data.post_id, "交番等")
    require_order(data.joined_on, data.left_on, "left_on", "転出日は着任日より後にしてください。")
    return {
        "post_id": data.post_id,
        "name": require_text(data.name, "name", "氏名"),
        "reading": normalize_reading(data.reading),
        "rank": data.rank.strip(),
        "position": data.position.strip(),
        "joined_on": data.joined_on,
        "left_on": data.left_on,
    }


def create_officer(session: Session, data: OfficerInput) -> OfficerRow:
    """Register an officer of a post; they are 運営担当者 of its councils (§3(6))."""
    officer = Officer(**_validated_officer(session, data))
    session.add(officer)
    session.flush()
    return officer_row(officer)


def update_officer(session: Session, officer_id: int, data: OfficerInput) -> OfficerRow:
    officer = get_record(session, Officer, officer_id, "運営担当者")
    for key, value in _validated_officer(session, data).items():
        setattr(officer, key, value)
    session.flush()
    return officer_row(officer)


def list_officers(session: Session, post_ids: list[int] | None = None) -> list[OfficerRow]:
    """Officers, of the given posts if any, sorted by post then reading."""
    query = select(Officer).join(Officer.post).order_by(Officer.post_id, Officer.reading)
    if post_ids is not None:
        query = query.where(Officer.post_id.in_(post_ids))
    return [officer_row(o) for o in session.scalars(query)]


def officer_row(officer: Officer) -> OfficerRow:
    return OfficerRow(
        officer.id,
        officer.uuid,
        officer.post_id,
        officer.post.name,
        officer.name,
        officer.reading,
        officer.rank,
        officer.position,
        officer.joined_on,
        officer.left_on,
    )
