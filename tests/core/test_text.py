"""Tests for kobankyo_desktop.core.text: readings normalised, names kept exactly."""

from __future__ import annotations

import unicodedata

import pytest

from kobankyo_desktop.core.text import clean_name, normalize_reading, reading_sort_key


@pytest.mark.parametrize(
    ("reading", "normalised"),
    [
        ("ヤマダ タロウ", "やまだ たろう"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "やまだ たろう"),  # half-width kana, voiced mark combined
        ("ﾊﾟﾄﾛｰﾙ", "ぱとろーる"),  # semi-voiced mark; the long vowel mark stays
        ("ヴァイオリン", "ゔぁいおりん"),
        ("ヶ", "ゖ"),
        ("やまだ　たろう", "やまだ たろう"),  # ideographic space
        ("  さとう   はなこ  ", "さとう はなこ"),
        ("すずき", "すずき"),
        ("", ""),
    ],
)
def test_normalize_reading_gives_hiragana(reading: str, normalised: str) -> None:
    assert normalize_reading(reading) == normalised


def test_normalized_readings_sort_in_gojuon_order() -> None:
    readings = ["ワタナベ", "ｲﾄｳ", "さとう", "カトウ"]
    assert sorted(normalize_reading(r) for r in readings) == [
        "いとう",
        "かとう",
        "さとう",
        "わたなべ",
    ]


def test_clean_name_collapses_spaces_only() -> None:
    assert clean_name("　山田　　太郎　") == "山田 太郎"
    assert clean_name(" 佐藤  花子 ") == "佐藤 花子"
    assert clean_name("   ") == ""


@pytest.mark.parametrize(
    "name",
    [
        "𠮷田 一郎",  # U+20BB7, outside the BMP
        "山\ufa11 花子",  # 﨑 (U+FA11), from the CJK compatibility block
        "飯\ufa10 実",  # 塚 (U+FA10), which NFKC would turn into 塚 (U+585A)
        "髙橋 進",  # 髙 (はしごだか) is its own code point
        "ｶﾀｶﾅ 名前",  # half-width kana in a name is kept as entered
        "渡邊 ① 号",
    ],
)
def test_clean_name_keeps_exact_characters(name: str) -> None:
    cleaned = clean_name(name)
    assert cleaned == name
    assert [ord(ch) for ch in cleaned] == [ord(ch) for ch in name]


def test_compatibility_ideograph_would_be_lost_to_nfkc() -> None:
    # Guards the premise of the test above: NFKC really does change such a name.
    assert unicodedata.normalize("NFKC", "飯\ufa10") == "飯\u585a"
    assert clean_name("飯\ufa10") == "飯\ufa10"


def test_reading_sort_key_puts_missing_readings_last() -> None:
    people = [("", "無記入"), ("ｻﾄｳ", "佐藤"), ("あべ", "阿部")]
    ordered = sorted(people, key=lambda p: reading_sort_key(*p))
    assert [name for _, name in ordered] == ["阿部", "佐藤", "無記入"]
