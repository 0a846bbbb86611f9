"""Display of dates and times in the GUI, by the database's date style setting."""

from __future__ import annotations

import datetime as dt

from kobankyo_desktop.core.dates import DateStyle, format_date, format_time


def date_text(day: dt.date | None, style: DateStyle, *, weekday: bool = False) -> str:
    """``令和7年4月1日`` / ``2025年4月1日`` (with ``(火)`` if ``weekday``); "" for None."""
    return format_date(day, style, weekday=weekday) if day is not None else ""


def time_text(time: dt.time | None) -> str:
    return format_time(time) if time is not None else ""
