"""Alembic environment: always run from :mod:`kobankyo_desktop.core.db` with a live connection."""

from __future__ import annotations

from alembic import context

from kobankyo_desktop.core.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
