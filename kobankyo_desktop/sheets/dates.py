"""Dates and times as they are written in real sheets.

Accepted: Excel dates (a date cell, or its serial number), 2025/4/1, 2025-04-01, 2025.4.1,
2025年4月1日, 20250401, R7.4.1, H31.4.30, 令和7年4月1日, 令和元年5月1日, 令和七年四月一日,
全角 digits and the era ligatures ㋿ ㍻ ㍼ (folded by NFKC), a weekday in brackets
(令和7年4月1日(火)), and a term written as a span, 令和7年4月1日～令和9年3月31日 (also 〜, ~,
-, から … まで; the end may leave out the era: 令和7年4月1日～9年3月31日).

Refused, with the reason in Japanese: a day that does not exist (令和7年2月30日) and a day outside
its era. An era runs from the day it began to the day before the next one began, as japanera
records them: 平成31年4月30日 is the last day of 平成 and 平成31年5月1日 is refused (that day is
令和元年5月1日), as is 令和元年4月30日. (japanera's table starts 昭和 on 25 December 1926; the
same day written 大正15年12月25日 is therefore refused: no serving member was born on it.)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from japanera import ERA_DATA_GENERAL, Era

from kobankyo_desktop.sheets.reader import CellValue

MODERN_ERAS = ("明治", "大正", "昭和", "平成", "令和")
ERAS: dict[str, Era] = {era.kanji: era for era in ERA_DATA_GENERAL if era.kanji in MODERN_ERAS}
ERA_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
# Excel's 1900 date system; serials outside 1910–2099 are taken for plain numbers (an age).
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_RANGE = (3653, 73050)
HINT = "2025/4/1 や 令和7年4月1日 の形で入力してください。"

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}  # fmt: skip
_KANJI_RUN = re.compile(r"[〇零一二三四五六七八九十]+")
# Dashes and tildes officers type between dates, folded to "-" and "~" (after NFKC).
_DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70"}
_DASHES.update({ord("\u301c"): "~", ord("\u223c"): "~"})
_WEEKDAY = re.compile(r"\((?:[月火水木金土日](?:曜日?)?|祝)\)")
_TIME_SUFFIX = re.compile(r"^(?P<date>.+?)[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_WESTERN = re.compile(r"^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ERA = re.compile(
    r"^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\.?(\d{1,2}|元)[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$"
)
_ERA_PREFIX = re.compile(r"^(明治|大正|昭和|平成|令和|[MTSHRmtshr])")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")  # as text: 45748 (a CSV of an Excel date)
_SPAN_SEPARATOR = re.compile(r"~|から|-")
_TIME = re.compile(r"^(午前|午後)?(\d{1,2})(?::|時)(?:(\d{1,2})分?)?$")


class DateValueError(ValueError):
    """A cell that cannot be read as a date (or time); ``message`` is Japanese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_date(value: CellValue) -> dt.date | None:
    """The date in a cell; None for an empty cell. Raises :class:`DateValueError`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool | dt.time):
        raise DateValueError(f"「{value}」は日付ではありません。{HINT}")
    if isinstance(value, int | float):
        return _from_serial(float(value), str(value))
    return _parse_text(normalize(value), value.strip())


def parse_span(value: CellValue) -> tuple[dt.date | None, dt.date | None]:
    """A term written as a span: (start, end). A single date is a start with no end."""
    if not isinstance(value, str):
        return parse_date(value), None
    original = value.strip()
    text = normalize(value).removesuffix("まで").removesuffix("迄")
    if not text:
        return None, None
    end_error: DateValueError | None = None
    for separator in _SPAN_SEPARATOR.finditer(text):
        left, right = text[: separator.start()], text[separator.end() :]
        try:
            start = _parse_text(left, left)
        except DateValueError:
            continue
        if not right:
            return start, None
        try:
            return start, _parse_end(left, right)
        except DateValueError as exc:
            end_error = end_error or exc
    if end_error is not None:
        raise end_error
    return _parse_text(text, original), None


def parse_time_span(value: CellValue) -> tuple[dt.time | None, dt.time | None]:
    """A meeting's time: 15:30～16:30, 午後3時30分から午後4時30分まで, 15時, a time cell."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.time(), None
    if isinstance(value, dt.time):
        return value, None
    if isinstance(value, float) and 0 <= value < 1:  # a time typed into a General cell
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60), None
    text = normalize(str(value), strip_time=False).removesuffix("まで")
    if not text:
        return None, None
    parts = re.split(r"~|から|-", text, maxsplit=1)
    start = _parse_time(parts[0], str(value))
    end = _parse_time(parts[1], str(value)) if len(parts) == 2 and parts[1] else None
    return start, end


def normalize(text: str, *, strip_time: bool = True) -> str:
    """NFKC (全角 → 半角, ㋿ → 令和), one kind of dash and tilde, kanji numerals as digits,
    weekdays and spaces removed; with ``strip_time``, a time after a date too."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).strip()
    time_match = _TIME_SUFFIX.match(text) if strip_time else None
    if time_match:  # 2025-04-01 00:00:00, as other programs export dates
        text = time_match.group("date")
    text = _WEEKDAY.sub("", text)
    text = _KANJI_RUN.sub(lambda m: str(_kanji_number(m.group())), text)
    return "".join(text.split()).removesuffix("生")


def era_text(day: dt.date) -> str:
    """``令和7年4月1日``: how the report names a date (the era at that day)."""
    for name in reversed(MODERN_ERAS):
        era = ERAS[name]
        if day >= era.since:
            year = day.year - era.since.year + 1
            return f"{name}{'元' if year == 1 else year}年{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def _kanji_number(run: str) -> int:
    """二〇二五 → 2025, 三十一 → 31, 十二 → 12."""
    if "十" in run:
        tens, _, ones = run.partition("十")
        return (_KANJI_DIGITS[tens[-1]] if tens else 1) * 10 + (
            _KANJI_DIGITS[ones[0]] if ones else 0
        )
    return int("".join(str(_KANJI_DIGITS[c]) for c in run))


def _parse_text(text: str, original: str) -> dt.date:
    if match := _ERA.match(text):
        era, year, month, day = match.groups()
        era = ERA_LETTERS.get(era.upper(), era)
        return _era_date(era, 1 if year == "元" else int(year), int(month), int(day), original)
    if match := _WESTERN.match(text) or _COMPACT.match(text):
        year, month, day = (int(part) for part in match.groups())
        return _make_date(year, month, day, original)
    if _SERIAL.match(text):
        return _from_serial(float(text), original)
    raise DateValueError(f"「{original}」は日付として読めません。{HINT}")


def _parse_end(left: str, right: str) -> dt.date:
    """The end of a span; an end without an era takes the start's (令和7年4月1日～9年3月31日)."""
    try:
        return _parse_text(right, right)
    except DateValueError:
        era = _ERA_PREFIX.match(left)
        if era is None or _ERA_PREFIX.match(right):
            raise
        return _parse_text(era.group() + right, right)


def _make_date(year: int, month: int, day: int, original: str, year_text: str = "") -> dt.date:
    if not 1 <= month <= 12:
        raise DateValueError(f"「{original}」の月が正しくありません（1～12月）。")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateValueError(
            f"「{original}」は存在しない日付です（{year_text or year}年{month}月は{last}日まで）。"
        )
    return dt.date(year, month, day)


def _era_date(name: str, year: int, month: int, day: int, original: str) -> dt.date:
    era = ERAS[name]
    if year < 1:
        raise DateValueError(f"「{original}」の年が正しくありません（{name}は元年から）。")
    year_text = f"{name}{'元' if year == 1 else year}"
    result = _make_date(era.since.year + year - 1, month, day, original, year_text)
    if result < era.since or (era.until is not None and result >= era.until):
        raise DateValueError(f"「{original}」は{name}の期間外です（{name}は{_era_span(name)}）。")
    return result


def _era_span(name: str) -> str:
    """平成元年1月8日から平成31年4月30日まで / 令和元年5月1日から."""
    era = ERAS[name]
    text = f"{name}元年{era.since.month}月{era.since.day}日から"
    if era.until is None:
        return text
    last = era.until - dt.timedelta(days=1)
    return text + f"{name}{last.year - era.since.year + 1}年{last.month}月{last.day}日まで"


def _from_serial(serial: float, original: str) -> dt.date:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise DateValueError(f"「{original}」は日付として読めません。{HINT}")
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _parse_time(text: str, original: str) -> dt.time:
    match = _TIME.match(text)
    if match is None:
        raise DateValueError(
            f"「{original}」は時刻として読めません。15:30 の形で入力してください。"
        )
    period, hour_text, minute_text = match.groups()
    hour, minute = int(hour_text), int(minute_text or 0)
    if period == "午後" and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        raise DateValueError(f"「{original}」は時刻として正しくありません。")
    return dt.time(hour, minute)
