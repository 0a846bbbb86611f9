"""The data model: SQLAlchemy 2 typed ORM.

Every record has an integer key for joins, a stable ``uuid`` that survives export and re-import
(HQ bundles are matched on it), and created/updated timestamps in UTC. Rules that can live in the
schema do (CHECK constraints, foreign keys, partial unique indexes); the services add the ones
that need a message. Nothing here is SQLite-specific: the same schema runs on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kobankyo_desktop.core.vocab import (
    AgeBand,
    AttendeeKind,
    CouncilKind,
    Department,
    Field,
    Gender,
    MeetingKind,
    MeetingStatus,
    OpinionCategory,
    OpinionStatus,
    PostKind,
)

# Named constraints let Alembic's batch mode (SQLite) and PostgreSQL address them alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid.uuid4())


def vocab(enum: type[StrEnum]) -> Enum:
    """A portable enumeration column: VARCHAR plus a CHECK constraint, storing the codes."""
    return Enum(
        enum,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        name=enum.__name__.lower(),
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        str: String(200),
        dt.date: Date,
        dt.time: Time,
        dt.datetime: DateTime,
    }


class Record(Base):
    """Columns every domain record has."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Setting(Base):
    """A setting that changes results (年度 basis, lead times, headings): shared by CLI and GUI."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Station(Record):
    """警察署."""

    __tablename__ = "stations"
    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)

    name: Mapped[str] = mapped_column(unique=True)
    posts: Mapped[list[Post]] = relationship(back_populates="station")


class Post(Record):
    """交番等 (§2): a 交番, 駐在所 or 地域警ら unit, whose jurisdiction is a council's area."""

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("station_id", "name"),
        CheckConstraint("name <> ''", name="name_not_empty"),
        CheckConstraint(
            "closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on",
            name="closed_after_opened",
        ),
    )

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    name: Mapped[str]
    kind: Mapped[PostKind] = mapped_column(vocab(PostKind))
    opened_on: Mapped[dt.date | None]
    closed_on: Mapped[dt.date | None]

    station: Mapped[Station] = relationship(back_populates="posts")
    officers: Mapped[list[Officer]] = relationship(back_populates="post")


council_posts = Table(
    "council_posts",
    Base.metadata,
    Column("council_id", ForeignKey("councils.id", ondelete="CASCADE"), primary_key=True),
    Column("post_id", ForeignKey("posts.id"), primary_key=True, index=True),
)


class Officer(Record):
    """A police officer of a post: 運営担当者 of the councils covering it (§3(6))."""

    __tablename__ = "officers"
    __table_args__ = (
        CheckConstraint("name <> ''", name="name_not_empty"),
        CheckConstraint(
            "left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on", name="left_after_joined"
        ),
    )

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    name: Mapped[str]
    reading: Mapped[str] = mapped_column(default="")
    rank: Mapped[str] = mapped_column(default="")  # 階級: 警部補, 巡査部長 ...
    position: Mapped[str] = mapped_column(default="")  # 役職: 交番所長 ...
    joined_on: Mapped[dt.date | None]
    left_on: Mapped[dt.date | None]  # transferred (異動) or retired

    post: Mapped[Post] = relationship(back_populates="officers")


class Council(Record):
    """連絡協議会 (§3(1), §4(1), §5(1)). Abolished councils keep their records."""

    __tablename__ = "councils"
    __table_args__ = (
        CheckConstraint("name <> ''", name="name_not_empty"),
        CheckConstraint(
            "abolished_on IS NULL OR abolished_on >= established_on", name="abolished_after_est"
        ),
        CheckConstraint(
            "kind <> 'occupational' OR (purpose IS NOT NULL AND purpose <> '')",
            name="occupational_has_purpose",
        ),
    )

    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    name: Mapped[str]
    kind: Mapped[CouncilKind] = mapped_column(vocab(CouncilKind))
    purpose: Mapped[str | None] = mapped_column(Text)  # 目的等, required for 職種等 (§5(1))
    established_on: Mapped[dt.date]
    abolished_on: Mapped[dt.date | None]
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("councils.id"))
    notes: Mapped[str] = mapped_column(Text, default="")

    station: Mapped[Station] = relationship()
    posts: Mapped[list[Post]] = relationship(secondary=council_posts, order_by="Post.id")
    merged_into: Mapped[Council | None] = relationship(remote_side="Council.id")


class ManagerDesignation(Record):
    """運営責任者の指定 (§3(6)): the officer the station chief designates, and since when."""

    __tablename__ = "manager_designations"
    __table_args__ = (
        CheckConstraint("ended_on IS NULL OR ended_on >= designated_on", name="ended_after_start"),
        # At most one current designation per council.
        Index(
            "uq_manager_designations_current",
            "council_id",
            unique=True,
            sqlite_where=text("ended_on IS NULL"),
            postgresql_where=text("ended_on IS NULL"),
        ),
    )

    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    designated_on: Mapped[dt.date]
    ended_on: Mapped[dt.date | None]

    council: Mapped[Council] = relationship()
    officer: Mapped[Officer] = relationship()


class Person(Record):
    """A person who is or was a committee member (委員). Contact details are personal data."""

    __tablename__ = "people"
    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)

    name: Mapped[str]
    reading: Mapped[str] = mapped_column(default="", index=True)  # ふりがな, in hiragana
    gender: Mapped[Gender] = mapped_column(vocab(Gender), default=Gender.UNSPECIFIED)
    birth_date: Mapped[dt.date | None]
    age_band: Mapped[AgeBand | None] = mapped_column(vocab(AgeBand))  # when no birth date is known
    field: Mapped[Field] = mapped_column(vocab(Field), default=Field.OTHER)
    occupation: Mapped[str] = mapped_column(default="")
    organisation: Mapped[str] = mapped_column(default="")
    postal_code: Mapped[str] = mapped_column(String(16), default="")
    address: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    appointments: Mapped[list[Appointment]] = relationship(
        back_populates="person", order_by="Appointment.term_start"
    )


class Appointment(Record):
    """委嘱: one term of one person on one council (§3(3)–(5)).

    Each term is its own record; a reappointment is a new record pointing at the one it follows
    (``reappointed_from``), so history is never overwritten. Ending early (解嘱) sets
    ``ended_on`` and a reason.
    """

    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("term_end >= term_start", name="term_end_after_start"),
        CheckConstraint("ended_on IS NULL OR ended_on >= term_start", name="ended_after_start"),
        CheckConstraint(
            "ended_on IS NULL OR (end_reason IS NOT NULL AND end_reason <> '')",
            name="ended_has_reason",
        ),
        CheckConstraint("role <> ''", name="role_not_empty"),
        Index("ix_appointments_council_term", "council_id", "term_end"),
    )

    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(40), default="委員")  # 会長, 副会長, 委員 ...
    term_start: Mapped[dt.date]
    term_end: Mapped[dt.date]
    reappointed_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointments.id"), unique=True
    )
    ended_on: Mapped[dt.date | None]  # 解嘱
    end_reason: Mapped[str | None] = mapped_column(Text)
    consulted_with: Mapped[str] = mapped_column(Text, default="")  # 他部門との連携 (§3(4))
    consulted_on: Mapped[dt.date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    council: Mapped[Council] = relationship()
    person: Mapped[Person] = relationship(back_populates="appointments")
    reappointed_from: Mapped[Appointment | None] = relationship(remote_side="Appointment.id")


class Meeting(Record):
    """会議 (§6): a 定期会議 or a 臨時会議 with its reason, planned, held or cancelled."""

    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time > start_time",
            name="end_after_start",
        ),
        CheckConstraint(
            "kind <> 'extraordinary' OR (reason IS NOT NULL AND reason <> '')",
            name="extraordinary_has_reason",
        ),
        Index("ix_meetings_council_date", "council_id", "held_on"),
        Index("ix_meetings_kind_status_date", "kind", "status", "held_on"),
    )

    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"))
    kind: Mapped[MeetingKind] = mapped_column(vocab(MeetingKind))
    status: Mapped[MeetingStatus] = mapped_column(
        vocab(MeetingStatus), default=MeetingStatus.PLANNED
    )
    held_on: Mapped[dt.date]  # the date it is (or was) to be held
    start_time: Mapped[dt.time | None]
    end_time: Mapped[dt.time | None]
    place: Mapped[str] = mapped_column(default="")
    reason: Mapped[str | None] = mapped_column(Text)  # why a 臨時会議 was called (§6(3))
    minutes: Mapped[str] = mapped_column(Text, default="")  # 議事概要

    council: Mapped[Council] = relationship()
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", order_by="Attendance.id", cascade="all, delete-orphan"
    )


class AgendaItem(Record):
    """An item of a meeting's agenda (次第), in order."""

    __tablename__ = "agenda_items"
    __table_args__ = (CheckConstraint("title <> ''", name="title_not_empty"),)

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(400))
    notes: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class Attendance(Record):
    """One attendee of a meeting: a member, an officer, an outside body or a department (§6(4),
    §6(5), §8(2)). Outside bodies may be recorded as a head count."""

    __tablename__ = "attendances"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        UniqueConstraint("meeting_id", "officer_id"),
        CheckConstraint("kind <> 'member' OR person_id IS NOT NULL", name="member_has_person"),
        CheckConstraint("kind <> 'staff' OR officer_id IS NOT NULL", name="staff_has_officer"),
        CheckConstraint(
            "kind NOT IN ('outside', 'department') OR name <> ''", name="outsider_has_name"
        ),
        CheckConstraint("head_count >= 1", name="head_count_positive"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    kind: Mapped[AttendeeKind] = mapped_column(vocab(AttendeeKind))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"), index=True)
    name: Mapped[str] = mapped_column(default="")  # outsider's name, or the department
    body: Mapped[str] = mapped_column(default="")  # 地域の機関・団体
    role: Mapped[str] = mapped_column(default="")  # 会長, 課長 ... as printed in the record
    head_count: Mapped[int] = mapped_column(default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person | None] = relationship()
    officer: Mapped[Officer | None] = relationship()


class Opinion(Record):
    """意見・要望 (§7): heard, examined and answered; tracked until closed."""

    __tablename__ = "opinions"
    __table_args__ = (
        CheckConstraint("content <> ''", name="content_not_empty"),
        CheckConstraint(
            "responded_on IS NULL OR responded_on >= raised_on", name="responded_after_raised"
        ),
        CheckConstraint("status <> 'closed' OR closed_on IS NOT NULL", name="closed_has_date"),
        Index("ix_opinions_council_status", "council_id", "status"),
    )

    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    category: Mapped[OpinionCategory] = mapped_column(vocab(OpinionCategory))
    department: Mapped[Department] = mapped_column(vocab(Department))
    subject: Mapped[str] = mapped_column(default="")  # 件名
    content: Mapped[str] = mapped_column(Text)
    raised_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    raised_by: Mapped[str] = mapped_column(default="")  # when not a member: 住民, 団体名 ...
    raised_on: Mapped[dt.date]
    response: Mapped[str] = mapped_column(Text, default="")  # 措置・対応状況
    responded_on: Mapped[dt.date | None]
    status: Mapped[OpinionStatus] = mapped_column(vocab(OpinionStatus), default=OpinionStatus.OPEN)
    closed_on: Mapped[dt.date | None]

    council: Mapped[Council] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    raised_by_person: Mapped[Person | None] = relationship()


class Visit(Record):
    """訪問連絡 (§3(7)): an operating officer's visit to a member or participant."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_person_date", "person_id", "visited_on"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    council_id: Mapped[int | None] = mapped_column(ForeignKey("councils.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"), index=True)
    officer_name: Mapped[str] = mapped_column(default="")  # when the officer is not on file
    visited_on: Mapped[dt.date]
    purpose: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()
    officer: Mapped[Officer | None] = relationship()


class AuditAction(StrEnum):
    """What an audit entry records: one record written, or a statement over many rows."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    BULK_INSERT = "bulk_insert"
    BULK_UPDATE = "bulk_update"
    BULK_DELETE = "bulk_delete"
    RESTORE = "restore"


class AuditEntry(Base):
    """操作履歴: one change to the records, written in the same transaction as the change.

    Append only (see :mod:`kobankyo_desktop.core.audit`), and not a :class:`Record`: it is never
    exported, merged or edited, so it needs no UUID of its own. ``changes`` is JSON,
    ``{"field": [old, new]}``; ``at`` is UTC.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity_at", "entity", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    os_user: Mapped[str] = mapped_column(String(100))
    action: Mapped[AuditAction] = mapped_column(vocab(AuditAction))
    entity: Mapped[str] = mapped_column(String(64))  # the table name
    record_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    label: Mapped[str] = mapped_column(default="")  # the record's name, title or key
    changes: Mapped[str] = mapped_column(Text, default="{}")
