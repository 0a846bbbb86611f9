"""audit trail (操作履歴)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 15:04:32.341986

One new table; existing tables are untouched, so the upgrade is a plain CREATE TABLE on every
dialect (no batch rebuild).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("os_user", sa.String(length=100), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "create",
                "update",
                "delete",
                "bulk_insert",
                "bulk_update",
                "bulk_delete",
                "restore",
                name="auditaction",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    op.create_index(op.f("ix_audit_entries_at"), "audit_entries", ["at"])
    op.create_index("ix_audit_entries_entity_at", "audit_entries", ["entity", "at"])
    op.create_index(op.f("ix_audit_entries_record_uuid"), "audit_entries", ["record_uuid"])


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_entries_record_uuid"), table_name="audit_entries")
    op.drop_index("ix_audit_entries_entity_at", table_name="audit_entries")
    op.drop_index(op.f("ix_audit_entries_at"), table_name="audit_entries")
    op.drop_table("audit_entries")
