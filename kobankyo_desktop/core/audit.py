"""操作履歴 (audit trail): who changed which record, when, and from what to what.

Every create, update and delete that an audited session flushes is written to
:class:`~kobankyo_desktop.core.models.AuditEntry` by the same flush, so the trail commits or
rolls back with the change itself. The services know nothing of it: :func:`install_audit` hooks
the session factory of :class:`~kobankyo_desktop.core.db.Database`, and mapper events (global,
but a no-op outside an audited flush) collect one row per record; the flush then writes them in
a single ``executemany``, so a bulk import pays one extra statement per flush, not per record.

Statements over many rows (``session.execute(delete(...))``) are recorded as one ``bulk_*``
entry with the row count. Raw SQL (``text()``) is not seen; the application does not write that
way. Entries are never updated or deleted through the ORM.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select
from sqlalchemy.orm import (
    Mapper,
    ORMExecuteState,
    Session,
    object_session,
    sessionmaker,
)
from sqlalchemy.orm.attributes import NO_VALUE

from kobankyo_desktop.core import vocab
from kobankyo_desktop.core.audit_labels import ACTION_LABELS, ENTITY_LABELS, FIELD_LABELS
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import AuditAction, AuditEntry, Base, utcnow

AUDIT_TABLE = AuditEntry.__tablename__
# Bookkeeping, not content: every write changes them, so they would only add noise.
IGNORED_FIELDS = frozenset({"id", "uuid", "created_at", "updated_at"})
# The attribute that names a record in the history, first one present wins; records without
# a name (a meeting, a term) are known by their date.
LABEL_FIELDS = ("name", "title", "subject", "key", "content", "purpose")
DATE_LABEL_FIELDS = ("held_on", "visited_on", "term_start", "designated_on", "raised_on")
_PENDING = "kobankyo.audit.pending"


@functools.cache
def os_user() -> str:
    """The signed-in OS user (a shared station PC has one account per officer, or should)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name: a service account, a container
        return os.environ.get("USERNAME") or os.environ.get("USER") or "不明"


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value  # a StrEnum is a str: its code is stored
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    return str(value)


def _label(state_dict: dict[str, Any]) -> str:
    for key in LABEL_FIELDS:
        value = state_dict.get(key)
        if isinstance(value, str) and value:
            return value[:200]
    for key in DATE_LABEL_FIELDS:
        value = state_dict.get(key)
        if isinstance(value, dt.date):
            return value.isoformat()
    return ""


@functools.cache
def _vocab_columns() -> dict[tuple[str, str], type[StrEnum]]:
    """(table, column) → the vocabulary it stores codes of, to show codes as their terms."""
    columns: dict[tuple[str, str], type[StrEnum]] = {}
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            enum_class = getattr(column.type, "enum_class", None)
            if isinstance(enum_class, type) and issubclass(enum_class, StrEnum):
                columns[(table.name, column.name)] = enum_class
    return columns


def _term(entity: str, key: str, value: Any) -> Any:
    enum_class = _vocab_columns().get((entity, key))
    if enum_class is None or not isinstance(value, str):
        return value
    try:
        return vocab.label(enum_class(value))
    except (ValueError, KeyError):
        return value


def _entry(
    action: AuditAction,
    entity: str,
    record_uuid: str | None,
    label: str,
    changes: dict[str, list[Any]],
) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "os_user": os_user(),
        "action": action,
        "entity": entity,
        "record_uuid": record_uuid,
        "label": label,
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }


def _pending(target: Any) -> list[dict[str, Any]] | None:
    session = object_session(target)
    return None if session is None else session.info.get(_PENDING)


def _snapshot(mapper: Mapper[Any], target: Any) -> dict[str, Any]:
    """The loaded column values of ``target``, ignoring bookkeeping columns and blanks."""
    state = inspect(target)
    values: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        if attr.key in IGNORED_FIELDS:
            continue
        value = state.dict.get(attr.key, NO_VALUE)
        if value is not NO_VALUE and value not in (None, ""):
            values[attr.key] = _jsonable(value)
    for rel in _many_to_many(mapper):
        related = state.dict.get(rel.key, NO_VALUE)
        if related is not NO_VALUE and related:
            values[rel.key] = sorted(inspect(obj).identity[0] for obj in related)
    return values


def _many_to_many(mapper: Mapper[Any]) -> Iterable[Any]:
    # Links through an association table (a council's posts) are part of the record for the
    # user; they have no row class of their own to be audited by.
    return (rel for rel in mapper.relationships if rel.secondary is not None and not rel.viewonly)


def _after_insert(mapper: Mapper[Any], _conn: Connection, target: Any) -> None:
    _record_whole(AuditAction.CREATE, mapper, target)


def _after_delete(mapper: Mapper[Any], _conn: Connection, target: Any) -> None:
    _record_whole(AuditAction.DELETE, mapper, target)


def _record_whole(action: AuditAction, mapper: Mapper[Any], target: Any) -> None:
    """A created record's every field as new, or a deleted one's as old."""
    pending = _pending(target)
    if pending is None or mapper.class_ is AuditEntry:
        return
    created = action is AuditAction.CREATE
    values = _snapshot(mapper, target)
    pending.append(
        _entry(
            action,
            mapper.local_table.name,  # type: ignore[attr-defined]
            getattr(target, "uuid", None),
            _label(inspect(target).dict),
            {key: [None, value] if created else [value, None] for key, value in values.items()},
        )
    )


def _after_update(mapper: Mapper[Any], _conn: Connection, target: Any) -> None:
    pending = _pending(target)
    if pending is None or mapper.class_ is AuditEntry:
        return
    state = inspect(target)
    changes: dict[str, list[Any]] = {}
    for attr in mapper.column_attrs:
        if attr.key in IGNORED_FIELDS:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = _jsonable(history.deleted[0]) if history.deleted else None
        new = _jsonable(history.added[0]) if history.added else None
        if old != new:
            changes[attr.key] = [old, new]
    for rel in _many_to_many(mapper):
        history = state.attrs[rel.key].history
        if history.added or history.deleted:
            kept = [inspect(o).identity[0] for o in history.unchanged]
            old_ids = sorted(kept + [inspect(o).identity[0] for o in history.deleted])
            new_ids = sorted(kept + [inspect(o).identity[0] for o in history.added])
            if old_ids != new_ids:
                changes[rel.key] = [old_ids, new_ids]
    if changes:
        pending.append(
            _entry(
                AuditAction.UPDATE,
                mapper.local_table.name,  # type: ignore[attr-defined]
                getattr(target, "uuid", None),
                _label(state.dict),
                changes,
            )
        )


def _refuse_change(_mapper: Mapper[Any], _conn: Connection, _target: Any) -> None:
    raise RuntimeError("操作履歴は追記のみです。変更・削除はできません。")


event.listen(Base, "after_insert", _after_insert, propagate=True)
event.listen(Base, "after_update", _after_update, propagate=True)
event.listen(Base, "after_delete", _after_delete, propagate=True)
event.listen(AuditEntry, "before_update", _refuse_change)
event.listen(AuditEntry, "before_delete", _refuse_change)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    # A fresh list per flush: a flush that failed must not leave its entries behind.
    session.info[_PENDING] = []


def _after_flush(session: Session, _context: Any) -> None:
    entries = session.info.pop(_PENDING, None)
    if entries:
        session.connection().execute(insert(AuditEntry.__table__), entries)


def _on_execute(state: ORMExecuteState) -> Any:
    """Record a bulk INSERT / UPDATE / DELETE statement as one entry with its row count."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name is None:
        return None
    if name == AUDIT_TABLE:
        if state.is_insert:
            return None
        raise RuntimeError("操作履歴は追記のみです。変更・削除はできません。")
    result = state.invoke_statement()
    action = (
        AuditAction.BULK_INSERT
        if state.is_insert
        else AuditAction.BULK_UPDATE
        if state.is_update
        else AuditAction.BULK_DELETE
    )
    # An ORM bulk INSERT reports no row count; its parameter list is the count.
    params = state.parameters
    rows = len(params) if isinstance(params, list) else getattr(result, "rowcount", -1)
    changes = {"rows": [None, rows]} if rows is not None and rows >= 0 else {}
    state.session.connection().execute(
        insert(AuditEntry.__table__), [_entry(action, name, None, "", changes)]
    )
    return result


def install_audit(factory: sessionmaker[Session]) -> None:
    """Audit every session that ``factory`` makes (idempotent)."""
    for name, listener in (
        ("before_flush", _before_flush),
        ("after_flush", _after_flush),
        ("do_orm_execute", _on_execute),
    ):
        if not event.contains(factory, name, listener):
            event.listen(factory, name, listener)


def record_restore(conn: sqlite3.Connection, source_name: str) -> None:
    """Note a restore in the restored database itself, on a raw SQLite connection inside the
    caller's transaction; a backup from before the audit trail existed has no table for it."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (AUDIT_TABLE,)
    ).fetchone()
    if not has_table:
        return
    # SQLAlchemy's SQLite DateTime format, so the ORM reads it back like any other entry.
    at = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.execute(
        f"INSERT INTO {AUDIT_TABLE} (at, os_user, action, entity, record_uuid, label, changes)"
        " VALUES (?, ?, ?, 'database', NULL, ?, ?)",
        (
            at,
            os_user(),
            AuditAction.RESTORE.value,
            source_name,
            json.dumps({"source": [None, source_name]}, ensure_ascii=False),
        ),
    )


# Entries whose "changes" are facts about the statement, not a field's old and new value.
_ONE_SIDED = frozenset(
    {AuditAction.BULK_INSERT, AuditAction.BULK_UPDATE, AuditAction.BULK_DELETE, AuditAction.RESTORE}
)


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One line of the 操作履歴, for the CLI and the GUI."""

    id: int
    at: dt.datetime  # aware, UTC
    os_user: str
    action: AuditAction
    entity: str
    record_uuid: str | None
    label: str
    changes: dict[str, list[Any]]

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, str(self.action))

    @property
    def local_time(self) -> dt.datetime:
        """``at`` in the PC's time zone, as officers read it."""
        return self.at.astimezone()

    def change_lines(self) -> list[str]:
        """``項目: 旧 → 新`` for each changed field; a bulk statement gives its row count."""
        if self.action in _ONE_SIDED:
            return [
                f"{FIELD_LABELS.get(key, key)}: {_shown(new)}"
                for key, (_old, new) in self.changes.items()
            ]
        return [
            f"{FIELD_LABELS.get(key, key)}: "
            f"{_shown(_term(self.entity, key, old))} → {_shown(_term(self.entity, key, new))}"
            for key, (old, new) in self.changes.items()
        ]

    def summary(self) -> str:
        return "、".join(self.change_lines())


def _shown(value: Any) -> str:
    if value is None:
        return "（なし）"
    if value == "":
        return "（空）"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def resolve_entity(text: str) -> str:
    """A table name from a table name or its Japanese label (``委員`` or ``people``)."""
    wanted = text.strip()
    for table, label in ENTITY_LABELS.items():
        if wanted in (table, label):
            return table
    raise ValidationError(
        "entity",
        f"対象「{text}」は操作履歴の対象にありません。"
        f"指定できるもの: {'、'.join(ENTITY_LABELS.values())}",
    )


def list_audit(
    session: Session,
    *,
    entity: str | None = None,
    since: dt.datetime | None = None,
    record_uuid: str | None = None,
    limit: int | None = None,
) -> list[AuditRow]:
    """The 操作履歴, newest first. ``since`` is an aware datetime (or naive UTC)."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if since is not None:
        if since.tzinfo is not None:
            since = since.astimezone(dt.UTC).replace(tzinfo=None)
        query = query.where(AuditEntry.at >= since)
    if record_uuid is not None:
        query = query.where(AuditEntry.record_uuid == record_uuid)
    if limit is not None:
        query = query.limit(limit)
    return [
        AuditRow(
            id=e.id,
            at=e.at.replace(tzinfo=dt.UTC),
            os_user=e.os_user,
            action=e.action,
            entity=e.entity,
            record_uuid=e.record_uuid,
            label=e.label,
            changes=json.loads(e.changes or "{}"),
        )
        for e in session.scalars(query)
    ]
