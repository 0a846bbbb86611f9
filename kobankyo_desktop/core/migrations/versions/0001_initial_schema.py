"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 14:56:39.915573
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "people",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("reading", sa.String(length=200), nullable=False),
        sa.Column(
            "gender",
            sa.Enum(
                "male",
                "female",
                "other",
                "unspecified",
                name="gender",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column(
            "age_band",
            sa.Enum(
                "under30",
                "30s",
                "40s",
                "50s",
                "60s",
                "70plus",
                name="ageband",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "field",
            sa.Enum(
                "neighbourhood",
                "business",
                "medical_welfare",
                "municipality",
                "crime_prevention",
                "education",
                "traffic_safety",
                "probation",
                "legal",
                "other",
                name="field",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("occupation", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_people_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("uuid", name=op.f("uq_people_uuid")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_reading"), ["reading"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "stations",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_stations_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("name", name=op.f("uq_stations_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_stations_uuid")),
    )
    op.create_table(
        "councils",
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "standard",
                "unit_split",
                "unit_merged",
                "occupational",
                name="councilkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("established_on", sa.Date(), nullable=False),
        sa.Column("abolished_on", sa.Date(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind <> 'occupational' OR (purpose IS NOT NULL AND purpose <> '')",
            name=op.f("ck_councils_occupational_has_purpose"),
        ),
        sa.CheckConstraint("name <> ''", name=op.f("ck_councils_name_not_empty")),
        sa.CheckConstraint(
            "abolished_on IS NULL OR abolished_on >= established_on",
            name=op.f("ck_councils_abolished_after_est"),
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["councils.id"], name=op.f("fk_councils_merged_into_id_councils")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_councils_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_councils")),
        sa.UniqueConstraint("uuid", name=op.f("uq_councils_uuid")),
    )
    with op.batch_alter_table("councils", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_councils_station_id"), ["station_id"], unique=False)

    op.create_table(
        "posts",
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "koban",
                "chuzaisho",
                "patrol",
                name="postkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_posts_name_not_empty")),
        sa.CheckConstraint(
            "closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on",
            name=op.f("ck_posts_closed_after_opened"),
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_posts_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
        sa.UniqueConstraint("station_id", "name", name=op.f("uq_posts_station_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_posts_uuid")),
    )
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posts_station_id"), ["station_id"], unique=False)

    op.create_table(
        "appointments",
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=False),
        sa.Column("reappointed_from_id", sa.Integer(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("consulted_with", sa.Text(), nullable=False),
        sa.Column("consulted_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "ended_on IS NULL OR (end_reason IS NOT NULL AND end_reason <> '')",
            name=op.f("ck_appointments_ended_has_reason"),
        ),
        sa.CheckConstraint("role <> ''", name=op.f("ck_appointments_role_not_empty")),
        sa.CheckConstraint(
            "ended_on IS NULL OR ended_on >= term_start",
            name=op.f("ck_appointments_ended_after_start"),
        ),
        sa.CheckConstraint(
            "term_end >= term_start", name=op.f("ck_appointments_term_end_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["council_id"], ["councils.id"], name=op.f("fk_appointments_council_id_councils")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_appointments_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["reappointed_from_id"],
            ["appointments.id"],
            name=op.f("fk_appointments_reappointed_from_id_appointments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint(
            "reappointed_from_id", name=op.f("uq_appointments_reappointed_from_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_appointments_uuid")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointments_council_id"), ["council_id"], unique=False
        )
        batch_op.create_index(
            "ix_appointments_council_term", ["council_id", "term_end"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_appointments_person_id"), ["person_id"], unique=False)

    op.create_table(
        "council_posts",
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f("fk_council_posts_council_id_councils"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_council_posts_post_id_posts")
        ),
        sa.PrimaryKeyConstraint("council_id", "post_id", name=op.f("pk_council_posts")),
    )
    with op.batch_alter_table("council_posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_council_posts_post_id"), ["post_id"], unique=False)

    op.create_table(
        "meetings",
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "regular",
                "extraordinary",
                name="meetingkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "held",
                "cancelled",
                name="meetingstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind <> 'extraordinary' OR (reason IS NOT NULL AND reason <> '')",
            name=op.f("ck_meetings_extraordinary_has_reason"),
        ),
        sa.CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time > start_time",
            name=op.f("ck_meetings_end_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["council_id"], ["councils.id"], name=op.f("fk_meetings_council_id_councils")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meetings_uuid")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index("ix_meetings_council_date", ["council_id", "held_on"], unique=False)
        batch_op.create_index(
            "ix_meetings_kind_status_date", ["kind", "status", "held_on"], unique=False
        )

    op.create_table(
        "officers",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("reading", sa.String(length=200), nullable=False),
        sa.Column("rank", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_officers_name_not_empty")),
        sa.CheckConstraint(
            "left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on",
            name=op.f("ck_officers_left_after_joined"),
        ),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_officers_post_id_posts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officers")),
        sa.UniqueConstraint("uuid", name=op.f("uq_officers_uuid")),
    )
    with op.batch_alter_table("officers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_officers_post_id"), ["post_id"], unique=False)

    op.create_table(
        "agenda_items",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("title <> ''", name=op.f("ck_agenda_items_title_not_empty")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_agenda_items_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agenda_items_uuid")),
    )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_items_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "attendances",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "member",
                "staff",
                "outside",
                "department",
                name="attendeekind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind <> 'member' OR person_id IS NOT NULL",
            name=op.f("ck_attendances_member_has_person"),
        ),
        sa.CheckConstraint(
            "kind <> 'staff' OR officer_id IS NOT NULL",
            name=op.f("ck_attendances_staff_has_officer"),
        ),
        sa.CheckConstraint(
            "kind NOT IN ('outside', 'department') OR name <> ''",
            name=op.f("ck_attendances_outsider_has_name"),
        ),
        sa.CheckConstraint("head_count >= 1", name=op.f("ck_attendances_head_count_positive")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_attendances_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_attendances_officer_id_officers")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_attendances_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendances")),
        sa.UniqueConstraint("meeting_id", "officer_id", name=op.f("uq_attendances_meeting_id")),
        sa.UniqueConstraint("meeting_id", "person_id", name=op.f("uq_attendances_meeting_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_attendances_uuid")),
    )
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendances_officer_id"), ["officer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendances_person_id"), ["person_id"], unique=False)

    op.create_table(
        "manager_designations",
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("designated_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "ended_on IS NULL OR ended_on >= designated_on",
            name=op.f("ck_manager_designations_ended_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f("fk_manager_designations_council_id_councils"),
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officers.id"],
            name=op.f("fk_manager_designations_officer_id_officers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manager_designations")),
        sa.UniqueConstraint("uuid", name=op.f("uq_manager_designations_uuid")),
    )
    with op.batch_alter_table("manager_designations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_manager_designations_council_id"), ["council_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_manager_designations_officer_id"), ["officer_id"], unique=False
        )
        batch_op.create_index(
            "uq_manager_designations_current",
            ["council_id"],
            unique=True,
            sqlite_where=sa.text("ended_on IS NULL"),
            postgresql_where=sa.text("ended_on IS NULL"),
        )

    op.create_table(
        "opinions",
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "opinion",
                "request",
                name="opinioncategory",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "department",
            sa.Enum(
                "traffic",
                "community_safety",
                "community",
                "criminal",
                "security",
                "general",
                "other",
                name="department",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("raised_by_person_id", sa.Integer(), nullable=True),
        sa.Column("raised_by", sa.String(length=200), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("responded_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in_progress",
                "closed",
                name="opinionstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("content <> ''", name=op.f("ck_opinions_content_not_empty")),
        sa.CheckConstraint(
            "status <> 'closed' OR closed_on IS NOT NULL", name=op.f("ck_opinions_closed_has_date")
        ),
        sa.CheckConstraint(
            "responded_on IS NULL OR responded_on >= raised_on",
            name=op.f("ck_opinions_responded_after_raised"),
        ),
        sa.ForeignKeyConstraint(
            ["council_id"], ["councils.id"], name=op.f("fk_opinions_council_id_councils")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_opinions_meeting_id_meetings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_person_id"],
            ["people.id"],
            name=op.f("fk_opinions_raised_by_person_id_people"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opinions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_opinions_uuid")),
    )
    with op.batch_alter_table("opinions", schema=None) as batch_op:
        batch_op.create_index("ix_opinions_council_status", ["council_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_opinions_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opinions_raised_by_person_id"), ["raised_by_person_id"], unique=False
        )

    op.create_table(
        "visits",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("officer_name", sa.String(length=200), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["council_id"], ["councils.id"], name=op.f("fk_visits_council_id_councils")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_visits_officer_id_officers")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_visits_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("uuid", name=op.f("uq_visits_uuid")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_council_id"), ["council_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_officer_id"), ["officer_id"], unique=False)
        batch_op.create_index("ix_visits_person_date", ["person_id", "visited_on"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_person_date")
        batch_op.drop_index(batch_op.f("ix_visits_officer_id"))
        batch_op.drop_index(batch_op.f("ix_visits_council_id"))

    op.drop_table("visits")
    with op.batch_alter_table("opinions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opinions_raised_by_person_id"))
        batch_op.drop_index(batch_op.f("ix_opinions_meeting_id"))
        batch_op.drop_index("ix_opinions_council_status")

    op.drop_table("opinions")
    with op.batch_alter_table("manager_designations", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_manager_designations_current",
            sqlite_where=sa.text("ended_on IS NULL"),
            postgresql_where=sa.text("ended_on IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_manager_designations_officer_id"))
        batch_op.drop_index(batch_op.f("ix_manager_designations_council_id"))

    op.drop_table("manager_designations")
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendances_person_id"))
        batch_op.drop_index(batch_op.f("ix_attendances_officer_id"))

    op.drop_table("attendances")
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_items_meeting_id"))

    op.drop_table("agenda_items")
    with op.batch_alter_table("officers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_officers_post_id"))

    op.drop_table("officers")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_kind_status_date")
        batch_op.drop_index("ix_meetings_council_date")

    op.drop_table("meetings")
    with op.batch_alter_table("council_posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_posts_post_id"))

    op.drop_table("council_posts")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_person_id"))
        batch_op.drop_index("ix_appointments_council_term")
        batch_op.drop_index(batch_op.f("ix_appointments_council_id"))

    op.drop_table("appointments")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posts_station_id"))

    op.drop_table("posts")
    with op.batch_alter_table("councils", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_councils_station_id"))

    op.drop_table("councils")
    op.drop_table("stations")
    op.drop_table("settings")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_reading"))

    op.drop_table("people")
