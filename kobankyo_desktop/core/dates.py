"""Fiscal years (年度), the Japanese era calendar (和暦) and date formatting.

Dates are stored as ISO dates; these helpers only compute and display. The clock is never read
here: callers pass ``as_of`` so every rule is testable on any day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum
from functools import lru_cache

from japanera import EraDate

WEEKDAYS_JA = "月火水木金土日"
FISCAL_YEAR_START_MONTH = 4


class YearBasis(StrEnum):
    """What "this year" means: the police fiscal year (年度, April–March) or the calendar year."""

    FISCAL = "fiscal"
    CALENDAR = "calendar"


class DateStyle(StrEnum):
    """How dates are shown: 和暦 (令和7年4月1日) or 西暦 (2025年4月1日)."""

    WAREKI = "wareki"
    SEIREKI = "seireki"


def fiscal_year_of(day: dt.date) -> int:
    """The 年度 a day belongs to, named by the calendar year in which it starts (1 April)."""
    return day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1


def fiscal_year_range(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a 年度: 1 April to 31 March of the next year."""
    return dt.date(fiscal_year, 4, 1), dt.date(fiscal_year + 1, 3, 31)


def year_of(day: dt.date, basis: YearBasis) -> int:
    """The year (年度 or calendar year, by ``basis``) that ``day`` falls in."""
    return fiscal_year_of(day) if basis is YearBasis.FISCAL else day.year


def year_range(year: int, basis: YearBasis) -> tuple[dt.date, dt.date]:
    """First and last day of ``year`` under ``basis``."""
    if basis is YearBasis.FISCAL:
        return fiscal_year_range(year)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same month and day ``years`` later; 29 February becomes 28 February if need be."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def default_term_end(term_start: dt.date, years: int = 2) -> dt.date:
    """End of a term of ``years`` years starting on ``term_start`` (委員の任期はおおむね2年, §3(5)).

    As 民法第143条 counts a period in years: it ends the day before the corresponding day, or on
    the last day of the month when that month has no corresponding day (a term starting on
    29 February ends on 28 February, not 27 February).
    """
    target_year = term_start.year + years
    if term_start.month == 2 and term_start.day == 29 and not calendar.isleap(target_year):
        return dt.date(target_year, 2, 28)
    return add_years(term_start, years) - dt.timedelta(days=1)


# Tables format the same few thousand days over and over (15,000 meetings of a prefecture), and
# japanera takes about 20 µs a day: remembered, a day costs a dictionary look-up.
@lru_cache(maxsize=16_384)
def _era_year(day: dt.date) -> tuple[str, int]:
    era_date = EraDate.from_date(day)
    return era_date.strftime("%-K"), int(era_date.strftime("%-Y"))


def _year_text(year: int) -> str:
    return "元" if year == 1 else str(year)


def wareki_year(year: int) -> str:
    """A calendar year in 和暦 as officers name it: 2019 → 令和元年 (the era at year end)."""
    era, era_year = _era_year(dt.date(year, 12, 31))
    return f"{era}{_year_text(era_year)}年"


def fiscal_year_label(fiscal_year: int, style: DateStyle = DateStyle.WAREKI) -> str:
    """``令和7年度`` or ``2025年度``; FY2019 is 令和元年度, FY1988 is 昭和63年度."""
    if style is DateStyle.SEIREKI:
        return f"{fiscal_year}年度"
    return wareki_year(fiscal_year).removesuffix("年") + "年度"


def year_label(year: int, basis: YearBasis, style: DateStyle = DateStyle.WAREKI) -> str:
    """Label for a year under ``basis``: ``令和7年度`` or ``令和7年``."""
    if basis is YearBasis.FISCAL:
        return fiscal_year_label(year, style)
    return wareki_year(year) if style is DateStyle.WAREKI else f"{year}年"


def weekday_ja(day: dt.date) -> str:
    return WEEKDAYS_JA[day.weekday()]


def format_date(day: dt.date, style: DateStyle = DateStyle.WAREKI, *, weekday: bool = True) -> str:
    """``令和7年4月1日(火)`` or ``2025年4月1日(火)``; 2019-05-01 is 令和元年5月1日."""
    if style is DateStyle.WAREKI:
        era, era_year = _era_year(day)
        text = f"{era}{_year_text(era_year)}年{day.month}月{day.day}日"
    else:
        text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}({weekday_ja(day)})" if weekday else text


def format_time(time: dt.time) -> str:
    """``午後3時30分``; noon is 午後0時 as in official documents."""
    period = "午前" if time.hour < 12 else "午後"
    hour = time.hour % 12
    return f"{period}{hour}時" + (f"{time.minute}分" if time.minute else "")


def format_time_span(start: dt.time | None, end: dt.time | None) -> str:
    """``午後3時30分から午後4時30分まで``; either end may be missing."""
    if start and end:
        return f"{format_time(start)}から{format_time(end)}まで"
    if start:
        return f"{format_time(start)}から"
    if end:
        return f"{format_time(end)}まで"
    return ""


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years of age on ``day``."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)
