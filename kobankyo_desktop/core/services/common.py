"""Helpers shared by the services."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TypeVar

from sqlalchemy.orm import Session

from kobankyo_desktop.core.errors import NotFoundError, ValidationError
from kobankyo_desktop.core.models import Record

R = TypeVar("R", bound=Record)
E = TypeVar("E", bound=StrEnum)


def require_text(value: str | None, field: str, label: str) -> str:
    """``value`` stripped; empty is refused with「<label>を入力してください。」."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, f"{label}を入力してください。")
    return text


def require_date(value: dt.date | None, field: str, label: str) -> dt.date:
    if value is None:
        raise ValidationError(field, f"{label}を入力してください。")
    return value


def require_enum(enum: type[E], value: str | E, field: str, label: str) -> E:
    """``value`` as a member of ``enum``; an unknown code is refused, naming the field."""
    try:
        return enum(value)
    except ValueError:
        raise ValidationError(field, f"{label}「{value}」は選択肢にありません。") from None


def require_order(first: dt.date | None, second: dt.date | None, field: str, message: str) -> None:
    """Refuse ``second`` earlier than ``first`` when both are given."""
    if first is not None and second is not None and second < first:
        raise ValidationError(field, message)


def get_record(session: Session, model: type[R], record_id: int, label: str) -> R:
    """The record with this id, or a :class:`NotFoundError` naming what was looked for."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(
            f"{label}（ID {record_id}）が見つかりません。削除された可能性があります。"
        )
    return record
