"""Dates as written in real sheets (kobankyo_desktop.sheets.dates), era boundaries included."""

from __future__ import annotations

import datetime as dt

import pytest

from kobankyo_desktop.sheets.dates import (
    DateValueError,
    era_text,
    parse_date,
    parse_span,
    parse_time_span,
)

D = dt.date


@pytest.mark.parametrize(
    "written",
    [
        "2025/4/1",
        "2025/04/01",
        "2025-04-01",
        "2025.4.1",
        "2025年4月1日",
        "20250401",
        "R7.4.1",
        "r7.4.1",
        "R07.04.01",
        "令和7年4月1日",
        "令和7年4月1日(火)",
        "令和７年４月１日（火曜日）",
        "２０２５／４／１",
        "Ｒ７．４．１",
        "令和 7年 4月 1日",
        "㋿7年4月1日",
        "令和七年四月一日",
        "2025-04-01 00:00:00",
        "45748",
        45748,
        45748.0,
        dt.datetime(2025, 4, 1),
        dt.date(2025, 4, 1),
    ],
)
def test_the_ways_officers_write_1_april_2025(written: object) -> None:
    assert parse_date(written) == D(2025, 4, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("H31.4.30", D(2019, 4, 30)),  # the last day of 平成
        ("平成31年4月30日", D(2019, 4, 30)),
        ("令和元年5月1日", D(2019, 5, 1)),  # the first day of 令和
        ("R1.5.1", D(2019, 5, 1)),
        ("令和1年5月1日", D(2019, 5, 1)),
        ("平成元年1月8日", D(1989, 1, 8)),
        ("昭和64年1月7日", D(1989, 1, 7)),
        ("S30.5.1", D(1955, 5, 1)),
        ("昭和30年5月1日生", D(1955, 5, 1)),
        ("㍼30年5月1日", D(1955, 5, 1)),
        ("令和8年2月28日", D(2026, 2, 28)),
        ("令和6年2月29日", D(2024, 2, 29)),  # leap year
        ("平成三十一年四月三十日", D(2019, 4, 30)),
    ],
)
def test_era_dates(written: str, expected: dt.date) -> None:
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("令和7年2月30日", "「令和7年2月30日」は存在しない日付です（令和7年2月は28日まで）。"),
        ("R7.2.29", "存在しない日付"),
        ("2025/2/29", "（2025年2月は28日まで）"),
        ("2025/13/1", "月が正しくありません"),
        ("平成31年5月1日", "「平成31年5月1日」は平成の期間外です（平成は平成元年1月8日から平成31年4月30日まで）。"),
        ("平成32年1月1日", "平成の期間外"),
        ("H31.5.1", "平成の期間外"),
        ("令和元年4月30日", "令和の期間外です（令和は令和元年5月1日から）"),
        ("昭和64年1月8日", "昭和の期間外"),
        ("平成0年1月1日", "年が正しくありません"),
        ("らいねん", "日付として読めません。2025/4/1 や 令和7年4月1日 の形で"),
        (65, "日付として読めません"),  # an age in a date column, not 1900-03-05
        (dt.time(10, 0), "日付ではありません"),
    ],
)  # fmt: skip
def test_impossible_and_out_of_era_dates_are_refused_with_a_reason(
    written: object, reason: str
) -> None:
    with pytest.raises(DateValueError) as caught:
        parse_date(written)  # type: ignore[arg-type]
    assert reason in caught.value.message


@pytest.mark.parametrize("blank", [None, "", "  ", "\u3000"])
def test_an_empty_cell_is_no_date(blank: str | None) -> None:
    assert parse_date(blank) is None
    assert parse_span(blank) == (None, None)


@pytest.mark.parametrize(
    "written",
    [
        "令和7年4月1日～令和9年3月31日",
        "令和7年4月1日〜令和9年3月31日",
        "令和7年4月1日~令和9年3月31日",
        "令和7年4月1日 - 令和9年3月31日",
        "令和7年4月1日ー令和9年3月31日",
        "令和7年4月1日から令和9年3月31日まで",
        "令和7年4月1日～9年3月31日",
        "R7.4.1-R9.3.31",
        "2025/4/1～2027/3/31",
        "2025-04-01-2027-03-31",
        "２０２５／４／１～２０２７／３／３１",
    ],
)
def test_a_term_written_as_a_span_fills_start_and_end(written: str) -> None:
    assert parse_span(written) == (D(2025, 4, 1), D(2027, 3, 31))


def test_a_span_with_a_single_date_or_an_open_end_is_a_start() -> None:
    assert parse_span("令和7年4月1日") == (D(2025, 4, 1), None)
    assert parse_span("令和7年4月1日～") == (D(2025, 4, 1), None)
    assert parse_span(dt.datetime(2025, 4, 1)) == (D(2025, 4, 1), None)


def test_a_span_names_its_bad_end() -> None:
    with pytest.raises(DateValueError, match="「令和9年2月30日」は存在しない日付です"):
        parse_span("令和7年4月1日～令和9年2月30日")
    with pytest.raises(DateValueError, match="平成の期間外"):
        parse_span("平成31年4月1日～平成33年3月31日")
    with pytest.raises(DateValueError, match="日付として読めません"):
        parse_span("2年間")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("15:30～16:30", (dt.time(15, 30), dt.time(16, 30))),
        ("15:30 〜 16:30", (dt.time(15, 30), dt.time(16, 30))),
        ("午後3時30分から午後4時30分まで", (dt.time(15, 30), dt.time(16, 30))),
        ("午前10時～正午", None),
        ("１４時", (dt.time(14, 0), None)),
        (dt.time(9, 45), (dt.time(9, 45), None)),
        (0.625, (dt.time(15, 0), None)),
        (None, (None, None)),
    ],
)
def test_meeting_times(written: object, expected: tuple[dt.time | None, ...] | None) -> None:
    if expected is None:
        with pytest.raises(DateValueError, match="時刻として読めません"):
            parse_time_span(written)  # type: ignore[arg-type]
    else:
        assert parse_time_span(written) == expected  # type: ignore[arg-type]


def test_report_dates_are_in_the_era_of_the_day() -> None:
    assert era_text(D(2019, 4, 30)) == "平成31年4月30日"
    assert era_text(D(2019, 5, 1)) == "令和元年5月1日"
    assert era_text(D(2025, 4, 1)) == "令和7年4月1日"
