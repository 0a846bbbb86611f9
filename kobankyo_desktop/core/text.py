"""Text normalisation for names and readings (ふりがな)."""

from __future__ import annotations

import unicodedata

_KATAKANA_START, _KATAKANA_END = ord("ァ"), ord("ヶ")
_KANA_OFFSET = ord("ァ") - ord("ぁ")


def normalize_reading(reading: str) -> str:
    """A reading in hiragana: NFKC (half-width kana → full-width), katakana → hiragana,
    spaces collapsed. Stored this way, readings sort in 五十音 order by plain comparison."""
    text = unicodedata.normalize("NFKC", reading)
    converted = "".join(
        chr(ord(ch) - _KANA_OFFSET) if _KATAKANA_START <= ord(ch) <= _KATAKANA_END else ch
        for ch in text
    )
    return " ".join(converted.split())


def clean_name(name: str) -> str:
    """A name with surrounding and doubled spaces removed; the characters themselves are kept
    exactly (異体字 and characters outside the BMP are never normalised away)."""
    return " ".join(name.replace("\u3000", " ").split())


def reading_sort_key(reading: str, name: str = "") -> tuple[str, str]:
    """Sort by reading, then by name, so people without a reading still sort stably."""
    return (normalize_reading(reading) or "\uffff", name)
