"""Tests for exporting the submission bundle: schema, documentation, round trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import inspect

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.services.stations import create_station
from kobankyo_desktop.core.settings import Settings, save_settings
from kobankyo_desktop.exchange.bundle import (
    BundleError,
    bundle_schema,
    exporting_station,
    write_bundle,
)
from kobankyo_desktop.exchange.bundle_import import import_bundles
from kobankyo_desktop.exchange.bundle_spec import (
    CONTACT_COLUMNS,
    COUNCIL_POSTS_KEY,
    FORMAT_VERSION,
    TABLES,
)
from kobankyo_desktop.exchange.progress import Cancelled

DOCS = Path(__file__).parents[2] / "docs" / "bundle-format.md"
NOW = dt.datetime(2026, 1, 15, 3, 0, tzinfo=dt.UTC)


def export(db: Database, path: Path, **kwargs: Any) -> dict[str, Any]:
    with db.reader() as s:
        write_bundle(s, path, now=NOW, **kwargs)
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_every_export_validates_against_the_shipped_schema(
    demo_db: Database, tmp_path: Path
) -> None:
    Draft202012Validator.check_schema(bundle_schema())
    for contacts in (False, True):
        data = export(demo_db, tmp_path / f"b{contacts}.json", include_contacts=contacts)
        Draft202012Validator(bundle_schema()).validate(data)
        assert data["format_version"] == FORMAT_VERSION
        assert data["exported_at"] == "2026-01-15T03:00:00.000000Z"
        assert data["station"]["name"] == "さくら警察署（架空）"
        assert all(data[t.key] for t in TABLES), "the sample has records of every kind"


def test_the_spec_covers_every_column_of_every_domain_table() -> None:
    for spec in TABLES:
        columns = {c.name for c in inspect(spec.model).columns}
        declared = {f.column for f in spec.fields} | {"id", "uuid", "created_at", "updated_at"}
        assert columns == declared, spec.key


def test_schema_and_docs_name_every_field() -> None:
    schema = bundle_schema()
    docs = DOCS.read_text(encoding="utf-8")
    for key in schema["properties"]:
        assert f"`{key}`" in docs, key
    for spec in TABLES:
        record = schema["properties"][spec.key]["items"]
        keys = ["uuid", *(f.key for f in spec.fields), "created_at", "updated_at"]
        if spec.key == "councils":
            keys.insert(-2, COUNCIL_POSTS_KEY)
        assert list(record["properties"]) == keys, spec.key
        assert record["required"] == keys
        assert f"## `{spec.key}`" in docs, spec.key
        for key in keys:
            assert f"`{key}`" in docs, (spec.key, key)


def test_records_refer_to_each_other_by_uuid(demo_db: Database, tmp_path: Path) -> None:
    data = export(demo_db, tmp_path / "b.json")
    uuids = {t.key: {r["uuid"] for r in data[t.key]} for t in TABLES}
    for spec in TABLES:
        for record in data[spec.key]:
            assert not any(key.endswith("_id") for key in record)
            for f in spec.fields:
                if f.ref and record[f.key] is not None:
                    assert record[f.key] in uuids[f.ref], (spec.key, f.key)
    for council in data["councils"]:
        assert set(council[COUNCIL_POSTS_KEY]) <= uuids["posts"]


def test_contact_details_only_when_asked(demo_db: Database, tmp_path: Path) -> None:
    without = export(demo_db, tmp_path / "a.json")
    assert without["contacts_included"] is False
    assert all(p[c] == "" for p in without["people"] for c in CONTACT_COLUMNS)
    with_contacts = export(demo_db, tmp_path / "b.json", include_contacts=True)
    assert with_contacts["contacts_included"] is True
    assert all(p["address"].startswith("架空県") for p in with_contacts["people"])


def test_round_trip_gives_the_same_bundle(
    demo_db: Database, empty_db: Database, tmp_path: Path
) -> None:
    first = export(demo_db, tmp_path / "first.json", include_contacts=True)
    import_bundles(empty_db, [tmp_path / "first.json"])
    second = export(empty_db, tmp_path / "second.json", include_contacts=True)
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first


def test_cancelling_an_export_writes_no_file(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        export(demo_db, tmp_path / "b.json", progress=lambda done, total: done == 0)
    assert not list(tmp_path.glob("b.json*"))


def test_the_exporting_station_must_be_known(db: Database) -> None:
    with db.transaction() as s, pytest.raises(BundleError, match="登録されていない"):
        exporting_station(s)
    with db.transaction() as s:
        first = create_station(s, "さくら警察署")
        create_station(s, "もみじ警察署")
    with db.transaction() as s, pytest.raises(BundleError, match="複数"):
        exporting_station(s)
    with db.transaction() as s:
        assert exporting_station(s, first.uuid).name == "さくら警察署"
        assert exporting_station(s, "もみじ警察署").name == "もみじ警察署"
        save_settings(s, Settings(station_name="さくら警察署"))
    with db.reader() as s:
        assert exporting_station(s).uuid == first.uuid
        with pytest.raises(BundleError, match="見つかりません"):
            exporting_station(s, "かえで警察署")
