"""What a submission bundle holds: for each domain table, its JSON key and its fields.

One declaration drives the export, the import and the check that the shipped JSON Schema
(``bundle.schema.json``) and ``docs/bundle-format.md`` cover every field. References between
records are by UUID (``council_uuid``), never by the integer ids, which differ between
databases. The order of :data:`TABLES` is an order in which records can be inserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from kobankyo_desktop.core.models import (
    AgendaItem,
    Appointment,
    Attendance,
    Council,
    ManagerDesignation,
    Meeting,
    Officer,
    Opinion,
    Person,
    Post,
    Record,
    Station,
    Visit,
)
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

FORMAT_VERSION = 1
"""The bundle format this version writes and the newest it reads."""

FieldKind = Literal["text", "int", "date", "time", "enum", "ref"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a record: ``column`` in the table, ``key`` in the JSON."""

    column: str
    kind: FieldKind
    nullable: bool = False
    enum: type[StrEnum] | None = None
    ref: str | None = None  # the bundle key of the referenced records

    @property
    def key(self) -> str:
        """``council_id`` is written as ``council_uuid``; other columns keep their name."""
        return self.column.removesuffix("_id") + "_uuid" if self.kind == "ref" else self.column


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A domain table in the bundle; ``uuid``, ``created_at`` and ``updated_at`` are implied."""

    key: str
    model: type[Record]
    label: str  # the Japanese name, for messages
    fields: tuple[FieldSpec, ...]

    @property
    def self_refs(self) -> tuple[FieldSpec, ...]:
        """References to the same table (merged into, reappointed from): set in a second pass."""
        return tuple(f for f in self.fields if f.ref == self.key)


def _text(column: str, nullable: bool = False) -> FieldSpec:
    return FieldSpec(column, "text", nullable)


def _date(column: str, nullable: bool = False) -> FieldSpec:
    return FieldSpec(column, "date", nullable)


def _enum(column: str, enum: type[StrEnum], nullable: bool = False) -> FieldSpec:
    return FieldSpec(column, "enum", nullable, enum=enum)


def _ref(column: str, table: str, nullable: bool = False) -> FieldSpec:
    return FieldSpec(column, "ref", nullable, ref=table)


STATIONS = TableSpec("stations", Station, "警察署", (_text("name"),))
POSTS = TableSpec(
    "posts",
    Post,
    "交番等",
    (
        _ref("station_id", "stations"),
        _text("name"),
        _enum("kind", PostKind),
        _date("opened_on", True),
        _date("closed_on", True),
    ),
)
OFFICERS = TableSpec(
    "officers",
    Officer,
    "運営担当者",
    (
        _ref("post_id", "posts"),
        _text("name"),
        _text("reading"),
        _text("rank"),
        _text("position"),
        _date("joined_on", True),
        _date("left_on", True),
    ),
)
COUNCILS = TableSpec(
    "councils",
    Council,
    "連絡協議会",
    (
        _ref("station_id", "stations"),
        _text("name"),
        _enum("kind", CouncilKind),
        _text("purpose", True),
        _date("established_on"),
        _date("abolished_on", True),
        _ref("merged_into_id", "councils", True),
        _text("notes"),
    ),
)
COUNCIL_POSTS_KEY = "post_uuids"  # a council's posts (所管区), a list of post UUIDs
DESIGNATIONS = TableSpec(
    "manager_designations",
    ManagerDesignation,
    "運営責任者の指定",
    (
        _ref("council_id", "councils"),
        _ref("officer_id", "officers"),
        _date("designated_on"),
        _date("ended_on", True),
    ),
)
CONTACT_COLUMNS = ("postal_code", "address", "phone", "email")
PEOPLE = TableSpec(
    "people",
    Person,
    "委員",
    (
        _text("name"),
        _text("reading"),
        _enum("gender", Gender),
        _date("birth_date", True),
        _enum("age_band", AgeBand, True),
        _enum("field", Field),
        _text("occupation"),
        _text("organisation"),
        *(_text(column) for column in CONTACT_COLUMNS),
        _text("notes"),
    ),
)
APPOINTMENTS = TableSpec(
    "appointments",
    Appointment,
    "委嘱",
    (
        _ref("council_id", "councils"),
        _ref("person_id", "people"),
        _text("role"),
        _date("term_start"),
        _date("term_end"),
        _ref("reappointed_from_id", "appointments", True),
        _date("ended_on", True),
        _text("end_reason", True),
        _text("consulted_with"),
        _date("consulted_on", True),
        _text("notes"),
    ),
)
MEETINGS = TableSpec(
    "meetings",
    Meeting,
    "会議",
    (
        _ref("council_id", "councils"),
        _enum("kind", MeetingKind),
        _enum("status", MeetingStatus),
        _date("held_on"),
        FieldSpec("start_time", "time", True),
        FieldSpec("end_time", "time", True),
        _text("place"),
        _text("reason", True),
        _text("minutes"),
    ),
)
AGENDA_ITEMS = TableSpec(
    "agenda_items",
    AgendaItem,
    "議題",
    (
        _ref("meeting_id", "meetings"),
        FieldSpec("position", "int"),
        _text("title"),
        _text("notes"),
    ),
)
ATTENDANCES = TableSpec(
    "attendances",
    Attendance,
    "出席者",
    (
        _ref("meeting_id", "meetings"),
        _enum("kind", AttendeeKind),
        _ref("person_id", "people", True),
        _ref("officer_id", "officers", True),
        _text("name"),
        _text("body"),
        _text("role"),
        FieldSpec("head_count", "int"),
    ),
)
OPINIONS = TableSpec(
    "opinions",
    Opinion,
    "意見・要望",
    (
        _ref("council_id", "councils"),
        _ref("meeting_id", "meetings", True),
        _enum("category", OpinionCategory),
        _enum("department", Department),
        _text("subject"),
        _text("content"),
        _ref("raised_by_person_id", "people", True),
        _text("raised_by"),
        _date("raised_on"),
        _text("response"),
        _date("responded_on", True),
        _enum("status", OpinionStatus),
        _date("closed_on", True),
    ),
)
VISITS = TableSpec(
    "visits",
    Visit,
    "訪問連絡",
    (
        _ref("person_id", "people"),
        _ref("council_id", "councils", True),
        _ref("officer_id", "officers", True),
        _text("officer_name"),
        _date("visited_on"),
        _text("purpose"),
        _text("notes"),
    ),
)

TABLES: tuple[TableSpec, ...] = (
    STATIONS,
    POSTS,
    OFFICERS,
    COUNCILS,
    DESIGNATIONS,
    PEOPLE,
    APPOINTMENTS,
    MEETINGS,
    AGENDA_ITEMS,
    ATTENDANCES,
    OPINIONS,
    VISITS,
)
TABLES_BY_KEY = {t.key: t for t in TABLES}
CHILD_TABLES = {AGENDA_ITEMS.key: MEETINGS.key, ATTENDANCES.key: MEETINGS.key}
"""Records that are replaced with their parent: a newer bundle's meeting carries its whole
agenda and attendance, and those no longer in it are removed."""
