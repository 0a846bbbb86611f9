"""Settings that change results, kept in the database so the CLI and the GUI always agree.

Window geometry and other per-user presentation state belong to QSettings in the UI instead.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.dates import DateStyle, YearBasis
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Setting


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings of one database.

    ``term_lead_days``: how long before a term ends it is flagged (§3(5)).
    ``opinion_response_days``: how long an opinion may wait for a response (§7).
    """

    year_basis: YearBasis = YearBasis.FISCAL
    date_style: DateStyle = DateStyle.WAREKI
    term_lead_days: int = 90
    opinion_response_days: int = 60
    station_name: str = ""
    issuer_heading: str = ""  # e.g. ○○警察署長, printed on 委嘱状 and notices


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def load_settings(session: Session) -> Settings:
    """The stored settings, defaults for any not stored."""
    stored = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    values: dict[str, object] = {}
    for name, field in _FIELDS.items():
        if name in stored:
            values[name] = _parse(field.type, stored[name])
    return Settings(**values)  # type: ignore[arg-type]


def _parse(type_name: object, raw: str) -> object:
    match type_name:
        case "int":
            return int(raw)
        case "YearBasis":
            return YearBasis(raw)
        case "DateStyle":
            return DateStyle(raw)
        case _:
            return raw


def save_settings(session: Session, settings: Settings) -> None:
    """Validate and store every setting."""
    if not 1 <= settings.term_lead_days <= 730:
        raise ValidationError("term_lead_days", "任期満了の通知日数は1～730日で指定してください。")
    if not 1 <= settings.opinion_response_days <= 730:
        raise ValidationError(
            "opinion_response_days", "意見・要望の対応期限は1～730日で指定してください。"
        )
    for name in _FIELDS:
        value = getattr(settings, name)
        row = session.get(Setting, name)
        if row is None:
            session.add(Setting(key=name, value=str(value)))
        else:
            row.value = str(value)
