"""Text normalisation for names and readings (ふりがな)."""

from __future__ import annotations

import unicodedata

# Katakana ァ..ヶ to hiragana ぁ..ゖ: one translate() call, fast enough to index 15,000 rows.
_TO_HIRAGANA = {code: code - (ord("ァ") - ord("ぁ")) for code in range(ord("ァ"), ord("ヶ") + 1)}


def normalize_reading(reading: str) -> str:
    """A reading in hiragana: NFKC (half-width kana → full-width), katakana → hiragana,
    spaces collapsed. Stored this way, readings sort in 五十音 order by plain comparison."""
    text = unicodedata.normalize("NFKC", reading).translate(_TO_HIRAGANA)
    return " ".join(text.split())


def clean_name(name: str) -> str:
    """A name with surrounding and doubled spaces removed; the characters themselves are kept
    exactly (異体字 and characters outside the BMP are never normalised away)."""
    return " ".join(name.replace("\u3000", " ").split())


def reading_sort_key(reading: str, name: str = "") -> tuple[str, str]:
    """Sort by reading, then by name, so people without a reading still sort stably."""
    return (normalize_reading(reading) or "\uffff", name)
