"""Importing submission bundles at headquarters (HQ mode): records matched by UUID.

Every bundle is read and validated before anything is written; then the database is backed up
and all bundles go in through ONE transaction, so a refusal or a cancel leaves it untouched.
A record already present with the same content is left alone (its ``updated_at`` too), so
importing a bundle twice changes nothing; a newer copy of a record updates it; an older copy
never overwrites a newer one. A meeting's agenda and attendance, and a council's posts, are
replaced as a whole by the bundle's. Records deleted at the station are not deleted here: the
bundle cannot tell a deletion from a record that another station sent.

The work is done with bulk statements (a few per table), not one query per record.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kobankyo_desktop.core.backup import timestamped_backup
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.errors import ConflictError
from kobankyo_desktop.core.models import council_posts
from kobankyo_desktop.exchange.bundle import BundleError, read_bundle
from kobankyo_desktop.exchange.bundle_spec import (
    CHILD_TABLES,
    CONTACT_COLUMNS,
    COUNCIL_POSTS_KEY,
    COUNCILS,
    PEOPLE,
    TABLES,
    TABLES_BY_KEY,
    FieldSpec,
    TableSpec,
)
from kobankyo_desktop.exchange.progress import Progress, Ticker

CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit
T = TypeVar("T")


@dataclass(slots=True)
class ImportSummary:
    """What an import did, per table key; ``older``: records kept because ours is newer."""

    files: list[Path]
    stations: list[str] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    older: int = 0
    backup: Path | None = None

    def lines(self) -> list[str]:
        labels = {t.key: t.label for t in TABLES}

        def per_table(counts: Counter[str]) -> str:
            return "、".join(f"{labels[k]} {n}件" for k, n in counts.items() if n) or "なし"

        lines = [f"取り込みました: {'、'.join(self.stations)}（{len(self.files)}ファイル）"]
        lines.append(f"  新規: {per_table(self.created)}")
        lines.append(f"  更新: {per_table(self.updated)}")
        if sum(self.removed.values()):
            lines.append(f"  削除（会議の議題・出席者の差し替え）: {per_table(self.removed)}")
        lines.append(f"  変更なし: {self.unchanged}件")
        if self.older:
            lines.append(f"  こちらの記録の方が新しいため更新しなかった記録: {self.older}件")
        if self.backup is not None:
            lines.append(f"  取り込み前のバックアップ: {self.backup}")
        return lines


def import_bundles(
    db: Database,
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    backup: bool = True,
) -> ImportSummary:
    """Validate every bundle in ``paths``, back the database up, and import them all in one
    transaction. Any refusal raises a :class:`DomainError` and leaves the database as it was."""
    bundles = [(Path(path), read_bundle(Path(path))) for path in paths]
    summary = ImportSummary([path for path, _data in bundles])
    if backup and db.path is not None:
        summary.backup = timestamped_backup(db.path, "before-import")
    total = sum(len(data[t.key]) for _path, data in bundles for t in TABLES)
    ticker = Ticker(progress, total)
    ticker.start()
    with db.transaction() as session:
        for path, data in bundles:
            _Importer(session, data, path.name, ticker, summary).run()
            if data["station"]["name"] not in summary.stations:
                summary.stations.append(data["station"]["name"])
    ticker.finish()
    return summary


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _parse_datetime(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


PARSERS = {"date": dt.date.fromisoformat, "time": dt.time.fromisoformat}


class _Importer:
    """One bundle into an open transaction; ``ids`` maps each table's UUIDs to our ids."""

    def __init__(
        self,
        session: Session,
        data: dict[str, Any],
        name: str,
        ticker: Ticker,
        summary: ImportSummary,
    ) -> None:
        self.session = session
        self.data = data
        self.name = name
        self.ticker = ticker
        self.summary = summary
        self.contacts = bool(data["contacts_included"])
        self.ids: dict[str, dict[str, int]] = {t.key: {} for t in TABLES}
        self.skipped: dict[str, set[str]] = {t.key: set() for t in TABLES}  # older copies

    def run(self) -> None:
        for spec in TABLES:
            try:
                self._import_table(spec)
            except IntegrityError as exc:
                raise ConflictError(
                    f"「{self.name}」を取り込めません: {spec.label}の記録が、このデータベースの"
                    f"記録と重複しているか整合しません（{exc.orig}）。データベースは変更していません。"
                ) from None

    # ------------------------------------------------------------ per table

    def _import_table(self, spec: TableSpec) -> None:
        records: list[dict[str, Any]] = self.data[spec.key]
        table: Table = spec.model.__table__  # type: ignore[assignment]
        self._check_unique_uuids(spec, records)
        existing = self._existing(table, [r["uuid"] for r in records])
        self._resolve_outside_refs(spec, records)
        if spec.key in CHILD_TABLES:
            self._remove_stale_children(spec, table, records)
        self_refs = {f.column for f in spec.self_refs}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for index, record in enumerate(records):
            values = self._values(spec, record, index)
            old = existing.get(record["uuid"])
            if old is None:
                inserts.append({**values, **dict.fromkeys(self_refs)})
            elif values["updated_at"] < old["updated_at"]:
                self.skipped[spec.key].add(record["uuid"])
                self.summary.older += 1
            else:
                if any(old[column] != value for column, value in values.items()):
                    updates.append({"b_id": old["id"], **values})
            self.ticker.advance()
        if updates:
            self.session.execute(update(table).where(table.c.id == bindparam("b_id")), updates)
        if inserts:
            self.session.execute(insert(table), inserts)
        self.ids[spec.key].update({u: row["id"] for u, row in existing.items()})
        self.ids[spec.key].update(self._existing_ids(table, [v["uuid"] for v in inserts]))
        changed = {u["uuid"] for u in updates}
        changed |= self._set_self_refs(spec, table, records, existing)
        if spec is COUNCILS:
            changed |= self._sync_council_posts(records, existing)
        self.summary.created[spec.key] += len(inserts)
        self.summary.updated[spec.key] += len(changed)
        self.summary.unchanged += len(existing) - len(changed) - len(self.skipped[spec.key])

    def _values(self, spec: TableSpec, record: dict[str, Any], index: int) -> dict[str, Any]:
        """The record as column values: references resolved, dates parsed."""
        values: dict[str, Any] = {"uuid": record["uuid"]}
        for f in spec.fields:
            if spec is PEOPLE and f.column in CONTACT_COLUMNS and not self.contacts:
                continue  # not sent: keep ours (an insert gets the column default, "")
            if f.ref == spec.key:
                continue  # set by _set_self_refs once the whole table is in
            value = record[f.key]
            if value is None:
                pass
            elif f.kind == "ref":
                value = self._ref_id(f, value, f"$.{spec.key}[{index}].{f.key}")
            elif f.kind in PARSERS:
                value = self._parse(PARSERS[f.kind], value, f"$.{spec.key}[{index}].{f.key}")
            elif f.kind == "enum" and f.enum is not None:
                value = f.enum(value)
            values[f.column] = value
        for stamp in ("created_at", "updated_at"):
            values[stamp] = self._parse(
                _parse_datetime, record[stamp], f"$.{spec.key}[{index}].{stamp}"
            )
        return values

    def _parse(self, parser: Any, text: str, path: str) -> Any:
        try:
            return parser(text)
        except ValueError:
            raise BundleError(
                f'「{self.name}」の {path} が正しくありません: 値 "{text}" は日付・時刻として読めません。',
                path,
            ) from None

    def _ref_id(self, f: FieldSpec, ref_uuid: str, path: str) -> int:
        found = self.ids[f.ref or ""].get(ref_uuid)
        if found is None:
            label = TABLES_BY_KEY[f.ref or ""].label
            raise BundleError(
                f"「{self.name}」の {path} が正しくありません: 参照先の{label}（{ref_uuid}）が"
                "バンドルにもデータベースにもありません。",
                path,
            )
        return found

    def _check_unique_uuids(self, spec: TableSpec, records: list[dict[str, Any]]) -> None:
        seen: set[str] = set()
        for index, record in enumerate(records):
            if record["uuid"] in seen:
                path = f"$.{spec.key}[{index}].uuid"
                raise BundleError(
                    f"「{self.name}」の {path} が正しくありません: 同じ UUID の{spec.label}が"
                    "二度記録されています。",
                    path,
                )
            seen.add(record["uuid"])

    def _existing(self, table: Table, uuids: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for chunk in _chunks(uuids):
            for row in self.session.execute(
                select(table).where(table.c.uuid.in_(chunk))
            ).mappings():
                found[row["uuid"]] = row
        return found

    def _existing_ids(self, table: Table, uuids: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(uuids):
            found.update(
                self.session.execute(
                    select(table.c.uuid, table.c.id).where(table.c.uuid.in_(chunk))
                ).all()
            )
        return found

    def _resolve_outside_refs(self, spec: TableSpec, records: list[dict[str, Any]]) -> None:
        """Look up, in bulk, referenced records that are not in the bundle but may be ours."""
        for f in spec.fields:
            if f.kind != "ref" or f.ref == spec.key:
                continue
            known = self.ids[f.ref or ""]
            wanted = sorted({r[f.key] for r in records if r[f.key] is not None} - known.keys())
            if wanted:
                target: Table = TABLES_BY_KEY[f.ref or ""].model.__table__  # type: ignore[assignment]
                known.update(self._existing_ids(target, wanted))

    def _set_self_refs(
        self, spec: TableSpec, table: Table, records: list[dict[str, Any]], existing: dict[str, Any]
    ) -> set[str]:
        """Second pass for references within the table (merged into, reappointed from)."""
        changed: set[str] = set()
        ids = self.ids[spec.key]
        for f in spec.self_refs:
            updates = []
            for index, record in enumerate(records):
                if record["uuid"] in self.skipped[spec.key]:
                    continue
                target = record[f.key]
                wanted = None if target is None else ids.get(target)
                if target is not None and wanted is None:
                    wanted = self._ref_id(f, target, f"$.{spec.key}[{index}].{f.key}")
                old = existing.get(record["uuid"])
                if (old[f.column] if old is not None else None) != wanted:
                    # Keep the bundle's timestamp: the column's onupdate would stamp "now".
                    stamp = self._parse(
                        _parse_datetime, record["updated_at"], f"$.{spec.key}[{index}].updated_at"
                    )
                    updates.append(
                        {"b_id": ids[record["uuid"]], f.column: wanted, "updated_at": stamp}
                    )
                    if old is not None:
                        changed.add(record["uuid"])
            if updates:
                self.session.execute(update(table).where(table.c.id == bindparam("b_id")), updates)
        return changed

    def _sync_council_posts(
        self, records: list[dict[str, Any]], existing: dict[str, Any]
    ) -> set[str]:
        """Make each council's posts (所管区) those of the bundle; return councils changed."""
        councils = {
            self.ids[COUNCILS.key][r["uuid"]]: (index, r)
            for index, r in enumerate(records)
            if r["uuid"] not in self.skipped[COUNCILS.key]
        }
        current: dict[int, set[int]] = {cid: set() for cid in councils}
        for chunk in _chunks(list(councils)):
            for council_id, post_id in self.session.execute(
                select(council_posts.c.council_id, council_posts.c.post_id).where(
                    council_posts.c.council_id.in_(chunk)
                )
            ):
                current[council_id].add(post_id)
        adds: list[dict[str, int]] = []
        removes: list[dict[str, int]] = []
        changed: set[str] = set()
        for council_id, (index, record) in councils.items():
            wanted = {
                self._ref_id(
                    FieldSpec("post_id", "ref", ref="posts"),
                    post_uuid,
                    f"$.councils[{index}].{COUNCIL_POSTS_KEY}[{n}]",
                )
                for n, post_uuid in enumerate(record[COUNCIL_POSTS_KEY])
            }
            adds += [{"council_id": council_id, "post_id": p} for p in wanted - current[council_id]]
            removes += [{"c": council_id, "p": p} for p in current[council_id] - wanted]
            if wanted != current[council_id] and record["uuid"] in existing:
                changed.add(record["uuid"])
        if removes:
            self.session.execute(
                delete(council_posts).where(
                    council_posts.c.council_id == bindparam("c"),
                    council_posts.c.post_id == bindparam("p"),
                ),
                removes,
            )
        if adds:
            self.session.execute(insert(council_posts), adds)
        return changed

    def _remove_stale_children(
        self, spec: TableSpec, table: Table, records: Iterable[dict[str, Any]]
    ) -> None:
        """Remove agenda items or attendances of the bundle's meetings that it no longer has."""
        parent_key = CHILD_TABLES[spec.key]
        parents = [
            self.ids[parent_key][r["uuid"]]
            for r in self.data[parent_key]
            if r["uuid"] not in self.skipped[parent_key]
        ]
        keep = {r["uuid"] for r in records}
        parent_column = table.c[next(f.column for f in spec.fields if f.ref == parent_key)]
        stale: list[int] = []
        for chunk in _chunks(parents):
            stale += [
                row_id
                for row_id, row_uuid in self.session.execute(
                    select(table.c.id, table.c.uuid).where(parent_column.in_(chunk))
                )
                if row_uuid not in keep
            ]
        for chunk in _chunks(stale):
            self.session.execute(delete(table).where(table.c.id.in_(chunk)))
        self.summary.removed[spec.key] += len(stale)
