"""Vocabulary labels: every code has its Japanese term, and equal codes of different
vocabularies (Gender.OTHER, Field.OTHER and Department.OTHER are all "other") stay apart."""

from __future__ import annotations

from enum import StrEnum

import pytest

from kobankyo_desktop.core import vocab
from kobankyo_desktop.core.vocab import AgeBand, Department, Field, Gender, age_band_for, label

VOCABULARIES = [
    value
    for value in vars(vocab).values()
    if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
]


@pytest.mark.parametrize("enum", VOCABULARIES, ids=lambda e: e.__name__)
def test_every_code_has_a_label(enum: type[StrEnum]) -> None:
    for member in enum:
        assert label(member)


def test_same_code_in_different_vocabularies() -> None:
    assert label(Gender.OTHER) == "その他"
    assert label(Field.OTHER) == "その他"
    assert label(Department.OTHER) == "その他"
    assert label(Gender.MALE) == "男性"
    assert label(Field.LEGAL) == "法曹"


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (29, AgeBand.UNDER_30),
        (30, AgeBand.THIRTIES),
        (69, AgeBand.SIXTIES),
        (70, AgeBand.SEVENTIES_PLUS),
    ],
)
def test_age_bands(age: int, band: AgeBand) -> None:
    assert age_band_for(age) is band
