"""Tests for importing bundles (HQ mode): idempotence, updates, and every kind of refusal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from exchange_support import Checksum
from sqlalchemy import func, select

from kobankyo_desktop.core.backup import backup_dir_for
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import ConflictError, DomainError
from kobankyo_desktop.core.models import Attendance, Meeting, Person
from kobankyo_desktop.core.services.stations import create_station
from kobankyo_desktop.exchange.bundle import BundleError, write_bundle
from kobankyo_desktop.exchange.bundle_import import import_bundles
from kobankyo_desktop.exchange.bundle_spec import FORMAT_VERSION, TABLES
from kobankyo_desktop.exchange.progress import Cancelled


def counts(db: Database) -> dict[str, int]:
    with db.reader() as s:
        return {
            t.key: int(s.scalar(select(func.count()).select_from(t.model)) or 0) for t in TABLES
        }


def export(db: Database, path: Path, **kwargs: Any) -> Path:
    with db.reader() as s:
        write_bundle(s, path, **kwargs)
    return path


def edit(path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    out = path.with_name("edited-" + path.name)
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


@pytest.fixture
def bundle(demo_db: Database, tmp_path: Path) -> Path:
    return export(demo_db, tmp_path / "bundle.json", include_contacts=True)


def test_import_creates_every_record(demo_db: Database, empty_db: Database, bundle: Path) -> None:
    summary = import_bundles(empty_db, [bundle])
    assert counts(empty_db) == counts(demo_db)
    assert summary.created == counts(demo_db)
    assert summary.stations == ["さくら警察署（架空）"]
    assert summary.backup is not None and summary.backup.exists()
    assert summary.backup.parent == backup_dir_for(empty_db.path or Path())
    assert any("新規" in line for line in summary.lines())


def test_importing_twice_changes_nothing(
    empty_db: Database, bundle: Path, checksum: Checksum
) -> None:
    import_bundles(empty_db, [bundle])
    before, fingerprint = counts(empty_db), checksum(empty_db)
    summary = import_bundles(empty_db, [bundle, bundle])
    assert counts(empty_db) == before
    assert checksum(empty_db) == fingerprint  # not even updated_at was touched
    assert sum(summary.created.values()) == sum(summary.updated.values()) == 0
    assert summary.unchanged == 2 * sum(before.values())


def test_a_newer_bundle_updates_what_changed(
    demo_db: Database, empty_db: Database, bundle: Path, tmp_path: Path
) -> None:
    import_bundles(empty_db, [bundle])
    with demo_db.transaction() as s:
        person = s.scalars(select(Person).order_by(Person.id)).first()
        assert person is not None
        person.name, person_uuid = "改名 太郎", person.uuid
        meeting = s.scalars(
            select(Meeting).where(Meeting.attendances.any()).order_by(Meeting.id)
        ).first()
        assert meeting is not None
        meeting_uuid = meeting.uuid
        dropped = meeting.attendances[0].uuid
        meeting.attendances = meeting.attendances[1:]
        meeting.place = "新しい会場"
    newer = export(demo_db, tmp_path / "newer.json", include_contacts=True)
    summary = import_bundles(empty_db, [newer])
    assert summary.updated["people"] == 1
    assert summary.updated["meetings"] == 1
    assert summary.removed["attendances"] == 1
    assert sum(summary.created.values()) == 0
    assert counts(empty_db) == counts(demo_db)
    with empty_db.reader() as s:
        assert s.scalar(select(Person.name).where(Person.uuid == person_uuid)) == "改名 太郎"
        assert s.scalar(select(Meeting.place).where(Meeting.uuid == meeting_uuid)) == "新しい会場"
        assert s.scalar(select(Attendance.id).where(Attendance.uuid == dropped)) is None


def test_an_older_copy_does_not_overwrite_a_newer_one(
    demo_db: Database, empty_db: Database, bundle: Path, tmp_path: Path
) -> None:
    with demo_db.transaction() as s:
        person = s.scalars(select(Person).order_by(Person.id)).first()
        assert person is not None
        person.name, person_uuid = "新しい 名前", person.uuid
    newer = export(demo_db, tmp_path / "newer.json")
    import_bundles(empty_db, [newer])
    summary = import_bundles(empty_db, [bundle])
    assert summary.older >= 1
    with empty_db.reader() as s:
        assert s.scalar(select(Person.name).where(Person.uuid == person_uuid)) == "新しい 名前"


def test_contacts_left_out_are_kept(
    demo_db: Database, empty_db: Database, bundle: Path, tmp_path: Path
) -> None:
    import_bundles(empty_db, [bundle])
    without = export(demo_db, tmp_path / "plain.json")
    summary = import_bundles(empty_db, [without])
    assert sum(summary.updated.values()) == 0
    with empty_db.reader() as s:
        addresses = list(s.scalars(select(Person.address)))
    assert addresses and all(a.startswith("架空県") for a in addresses)


def test_progress_is_reported_and_cancelling_rolls_back(
    empty_db: Database, bundle: Path, checksum: Checksum
) -> None:
    fingerprint = checksum(empty_db)
    with pytest.raises(Cancelled):
        import_bundles(empty_db, [bundle], progress=lambda done, total: done < total // 2)
    assert checksum(empty_db) == fingerprint
    calls: list[tuple[int, int]] = []
    import_bundles(empty_db, [bundle], progress=lambda d, t: calls.append((d, t)) is None)
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1] > 0


def _truncated(path: Path) -> Path:
    out = path.with_name("truncated.json")
    out.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    return out


def _missing_field(path: Path) -> Path:
    return edit(path, lambda d: d["meetings"][3].pop("held_on"))


def _wrong_type(path: Path) -> Path:
    return edit(path, lambda d: d["attendances"][2].__setitem__("head_count", "3"))


def _future_version(path: Path) -> Path:
    return edit(path, lambda d: d.__setitem__("format_version", FORMAT_VERSION + 1))


def _unknown_code(path: Path) -> Path:
    return edit(path, lambda d: d["councils"][0].__setitem__("kind", "mega"))


def _impossible_date(path: Path) -> Path:
    return edit(path, lambda d: d["opinions"][-1].__setitem__("raised_on", "2025-02-30"))


def _dangling_reference(path: Path) -> Path:
    ghost = "00000000-0000-4000-8000-000000000000"
    return edit(path, lambda d: d["visits"][-1].__setitem__("person_uuid", ghost))


def _duplicate_uuid(path: Path) -> Path:
    return edit(path, lambda d: d["people"].append(dict(d["people"][0])))


def _not_a_bundle(path: Path) -> Path:
    out = path.with_name("list.json")
    out.write_text("[1, 2]", encoding="utf-8")
    return out


def _unknown_field(path: Path) -> Path:
    return edit(path, lambda d: d["stations"][0].__setitem__("chief", "x"))


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_truncated, "途中で切れて"),
        (
            _missing_field,
            "$.meetings[3].held_on が正しくありません: 必須の項目「held_on」がありません",
        ),
        (_wrong_type, "$.attendances[2].head_count が正しくありません: 整数でなければなりません"),
        (_future_version, f"形式バージョン {FORMAT_VERSION + 1} は"),
        (_unknown_code, '$.councils[0].kind が正しくありません: 値 "mega" は使えません'),
        (_impossible_date, "$.opinions[46].raised_on が正しくありません"),
        (_dangling_reference, "$.visits[29].person_uuid が正しくありません: 参照先の委員"),
        (_duplicate_uuid, "$.people[50].uuid が正しくありません: 同じ UUID"),
        (_not_a_bundle, "提出用バンドルではありません"),
        (_unknown_field, "不明な項目「chief」"),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else None,
)
def test_a_bad_bundle_is_refused_and_nothing_changes(
    damage: Callable[[Path], Path],
    expected: str,
    demo_db: Database,
    empty_db: Database,
    bundle: Path,
    checksum: Checksum,
) -> None:
    import_bundles(empty_db, [bundle])  # refusals must not disturb existing records either
    good = export(demo_db, bundle.with_name("again.json"))
    before, fingerprint = counts(empty_db), checksum(empty_db)
    with pytest.raises(DomainError) as caught:
        import_bundles(empty_db, [good, damage(bundle)])
    assert expected in caught.value.message
    assert counts(empty_db) == before
    assert checksum(empty_db) == fingerprint


def test_bundle_errors_name_the_json_path(empty_db: Database, bundle: Path) -> None:
    with pytest.raises(BundleError) as caught:
        import_bundles(empty_db, [_missing_field(bundle)])
    assert caught.value.path == "$.meetings[3].held_on"
    assert "edited-bundle.json" in caught.value.message


def test_a_missing_file_is_refused(empty_db: Database, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="見つかりません"):
        import_bundles(empty_db, [tmp_path / "nowhere.json"])


def test_a_same_named_station_from_elsewhere_is_a_conflict(
    empty_db: Database, bundle: Path, checksum: Checksum
) -> None:
    with empty_db.transaction() as s:
        create_station(s, "さくら警察署（架空）")  # same name, another UUID
    fingerprint = checksum(empty_db)
    with pytest.raises(ConflictError, match="警察署の記録が"):
        import_bundles(empty_db, [bundle], backup=False)
    assert checksum(empty_db) == fingerprint


def test_import_without_a_file_database_skips_the_backup(empty_db: Database, bundle: Path) -> None:
    summary = import_bundles(Database(empty_db.engine), [bundle])
    assert summary.backup is None
    assert counts(empty_db)["people"] > 0
