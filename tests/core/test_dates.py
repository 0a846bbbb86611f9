"""Tests for kobankyo_desktop.core.dates: 年度, 和暦 and formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from kobankyo_desktop.core.dates import (
    DateStyle,
    YearBasis,
    add_years,
    age_on,
    default_term_end,
    fiscal_year_label,
    fiscal_year_of,
    fiscal_year_range,
    format_date,
    format_time,
    format_time_span,
    wareki_year,
    weekday_ja,
    year_label,
    year_of,
    year_range,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        (D(2025, 3, 31), 2024),
        (D(2025, 4, 1), 2025),
        (D(2025, 12, 31), 2025),
        (D(2026, 1, 1), 2025),
        (D(2026, 3, 31), 2025),
        (D(2026, 4, 1), 2026),
    ],
)
def test_fiscal_year_of_turns_on_1_april(day: dt.date, fiscal_year: int) -> None:
    assert fiscal_year_of(day) == fiscal_year


def test_fiscal_year_range_is_1_april_to_31_march() -> None:
    assert fiscal_year_range(2025) == (D(2025, 4, 1), D(2026, 3, 31))
    # The range over a leap year still ends on 31 March.
    assert fiscal_year_range(2027) == (D(2027, 4, 1), D(2028, 3, 31))


def test_year_of_by_basis() -> None:
    assert year_of(D(2025, 3, 31), YearBasis.FISCAL) == 2024
    assert year_of(D(2025, 3, 31), YearBasis.CALENDAR) == 2025
    assert year_of(D(2025, 4, 1), YearBasis.FISCAL) == 2025
    assert year_of(D(2025, 4, 1), YearBasis.CALENDAR) == 2025


def test_year_range_by_basis() -> None:
    assert year_range(2025, YearBasis.FISCAL) == (D(2025, 4, 1), D(2026, 3, 31))
    assert year_range(2025, YearBasis.CALENDAR) == (D(2025, 1, 1), D(2025, 12, 31))


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (D(2019, 4, 30), "平成31年4月30日(火)"),
        (D(2019, 5, 1), "令和元年5月1日(水)"),
        (D(1989, 1, 7), "昭和64年1月7日(土)"),
        (D(1989, 1, 8), "平成元年1月8日(日)"),
        (D(2020, 1, 1), "令和2年1月1日(水)"),
        (D(2025, 4, 1), "令和7年4月1日(火)"),
        (D(2025, 5, 20), "令和7年5月20日(火)"),
    ],
)
def test_format_date_wareki_at_era_boundaries(day: dt.date, text: str) -> None:
    assert format_date(day) == text


def test_format_date_seireki_and_without_weekday() -> None:
    assert format_date(D(2019, 5, 1), DateStyle.SEIREKI) == "2019年5月1日(水)"
    assert format_date(D(2019, 5, 1), weekday=False) == "令和元年5月1日"
    assert format_date(D(2025, 4, 1), DateStyle.SEIREKI, weekday=False) == "2025年4月1日"


def test_weekday_ja() -> None:
    assert [weekday_ja(D(2025, 3, 31) + dt.timedelta(days=n)) for n in range(7)] == list(
        "月火水木金土日"
    )


@pytest.mark.parametrize(
    ("fiscal_year", "label"),
    [
        (2019, "令和元年度"),
        (2018, "平成30年度"),
        (1988, "昭和63年度"),
        (1989, "平成元年度"),
        (2025, "令和7年度"),
    ],
)
def test_fiscal_year_label_wareki(fiscal_year: int, label: str) -> None:
    assert fiscal_year_label(fiscal_year) == label


def test_fiscal_year_label_seireki() -> None:
    assert fiscal_year_label(2025, DateStyle.SEIREKI) == "2025年度"
    assert fiscal_year_label(2019, DateStyle.SEIREKI) == "2019年度"


def test_wareki_year_names_the_era_at_year_end() -> None:
    assert wareki_year(2019) == "令和元年"
    assert wareki_year(1989) == "平成元年"
    assert wareki_year(2025) == "令和7年"


def test_year_label_by_basis_and_style() -> None:
    assert year_label(2025, YearBasis.FISCAL) == "令和7年度"
    assert year_label(2025, YearBasis.CALENDAR) == "令和7年"
    assert year_label(2025, YearBasis.FISCAL, DateStyle.SEIREKI) == "2025年度"
    assert year_label(2025, YearBasis.CALENDAR, DateStyle.SEIREKI) == "2025年"


@pytest.mark.parametrize(
    ("time", "text"),
    [
        (dt.time(15, 30), "午後3時30分"),
        (dt.time(12, 0), "午後0時"),
        (dt.time(12, 15), "午後0時15分"),
        (dt.time(0, 0), "午前0時"),
        (dt.time(9, 5), "午前9時5分"),
        (dt.time(11, 59), "午前11時59分"),
        (dt.time(23, 0), "午後11時"),
    ],
)
def test_format_time(time: dt.time, text: str) -> None:
    assert format_time(time) == text


def test_format_time_span() -> None:
    start, end = dt.time(15, 30), dt.time(16, 30)
    assert format_time_span(start, end) == "午後3時30分から午後4時30分まで"
    assert format_time_span(dt.time(10, 0), dt.time(12, 0)) == "午前10時から午後0時まで"
    assert format_time_span(start, None) == "午後3時30分から"
    assert format_time_span(None, end) == "午後4時30分まで"
    assert format_time_span(None, None) == ""


@pytest.mark.parametrize(
    ("term_start", "term_end"),
    [
        (D(2025, 4, 1), D(2027, 3, 31)),
        (D(2028, 2, 29), D(2030, 2, 28)),  # no 29 February in 2030: the month's last day
        (D(2024, 2, 29), D(2026, 2, 28)),
        (D(2026, 3, 1), D(2028, 2, 29)),  # the day before 1 March in a leap year
        (D(2025, 1, 1), D(2026, 12, 31)),
    ],
)
def test_default_term_end_two_years(term_start: dt.date, term_end: dt.date) -> None:
    assert default_term_end(term_start) == term_end


def test_default_term_end_from_29_february_into_a_leap_year() -> None:
    assert default_term_end(D(2024, 2, 29), years=4) == D(2028, 2, 28)


def test_add_years_keeps_29_february_where_it_can() -> None:
    assert add_years(D(2028, 2, 29), 2) == D(2030, 2, 28)
    assert add_years(D(2028, 2, 29), 4) == D(2032, 2, 29)
    assert add_years(D(2025, 4, 1), 2) == D(2027, 4, 1)


def test_age_on_counts_completed_years() -> None:
    born = D(1960, 4, 2)
    assert age_on(born, D(2025, 4, 1)) == 64
    assert age_on(born, D(2025, 4, 2)) == 65
    assert age_on(D(2000, 2, 29), D(2025, 2, 28)) == 24
    assert age_on(D(2000, 2, 29), D(2025, 3, 1)) == 25
