"""Tests for kobankyo_desktop.core.settings: stored in the database, validated on save."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from kobankyo_desktop.core.dates import DateStyle, YearBasis
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.models import Setting
from kobankyo_desktop.core.settings import Settings, load_settings, save_settings


def test_defaults_when_nothing_stored(db: Database) -> None:
    with db.reader() as s:
        settings = load_settings(s)
    assert settings == Settings()
    assert settings.year_basis is YearBasis.FISCAL
    assert settings.date_style is DateStyle.WAREKI
    assert settings.term_lead_days == 90
    assert settings.opinion_response_days == 60
    assert settings.station_name == ""
    assert settings.issuer_heading == ""


def test_save_and_load_round_trip(db: Database) -> None:
    chosen = Settings(
        year_basis=YearBasis.CALENDAR,
        date_style=DateStyle.SEIREKI,
        term_lead_days=120,
        opinion_response_days=30,
        station_name="さくら警察署",
        issuer_heading="さくら警察署長",
    )
    with db.transaction() as s:
        save_settings(s, chosen)
    with db.reader() as s:
        loaded = load_settings(s)
    assert loaded == chosen
    assert loaded.year_basis is YearBasis.CALENDAR
    assert isinstance(loaded.term_lead_days, int)


def test_save_twice_overwrites(db: Database) -> None:
    with db.transaction() as s:
        save_settings(s, Settings(term_lead_days=30))
    with db.transaction() as s:
        save_settings(s, Settings(term_lead_days=45, station_name="もみじ警察署"))
    with db.reader() as s:
        loaded = load_settings(s)
    assert loaded.term_lead_days == 45
    assert loaded.station_name == "もみじ警察署"


def test_partly_stored_settings_fall_back_to_defaults(db: Database) -> None:
    with db.transaction() as s:
        s.add(Setting(key="term_lead_days", value="60"))
    with db.reader() as s:
        assert load_settings(s) == dataclasses.replace(Settings(), term_lead_days=60)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"term_lead_days": 0}, "term_lead_days"),
        ({"term_lead_days": -5}, "term_lead_days"),
        ({"term_lead_days": 731}, "term_lead_days"),
        ({"opinion_response_days": 0}, "opinion_response_days"),
        ({"opinion_response_days": 1000}, "opinion_response_days"),
    ],
)
def test_invalid_days_are_refused_and_nothing_stored(
    db: Database,
    table_counts: Callable[[], dict[str, int]],
    change: dict[str, int],
    field: str,
) -> None:
    before = table_counts()
    with pytest.raises(ValidationError) as caught, db.transaction() as s:
        save_settings(s, dataclasses.replace(Settings(), **change))
    assert caught.value.field == field
    assert "日で指定してください" in caught.value.message
    assert table_counts() == before
    with db.reader() as s:
        assert load_settings(s) == Settings()


def test_limits_are_inclusive(db: Database) -> None:
    with db.transaction() as s:
        save_settings(s, Settings(term_lead_days=1, opinion_response_days=730))
    with db.reader() as s:
        loaded = load_settings(s)
    assert (loaded.term_lead_days, loaded.opinion_response_days) == (1, 730)
