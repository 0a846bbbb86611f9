"""The submission bundle (提出用バンドル): one JSON file with every record a station keeps,
so headquarters can rebuild them in its own database (docs/bundle-format.md).

Export streams table by table, one record per line, so a prefecture-sized database never sits
in memory as one document. Reading checks the format version first (a newer bundle is refused
by name), then validates against the shipped JSON Schema; every refusal is a
:class:`BundleError` in Japanese naming the file and the JSON path of the bad field.
Importing lives in :mod:`kobankyo_desktop.exchange.bundle_import`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kobankyo_desktop import __version__
from kobankyo_desktop.core.errors import DomainError
from kobankyo_desktop.core.models import Post, Station, council_posts
from kobankyo_desktop.core.settings import load_settings
from kobankyo_desktop.exchange.bundle_spec import (
    CONTACT_COLUMNS,
    COUNCIL_POSTS_KEY,
    COUNCILS,
    FORMAT_VERSION,
    PEOPLE,
    TABLES,
    TableSpec,
)
from kobankyo_desktop.exchange.progress import Progress, Ticker

SCHEMA_FILE = "bundle.schema.json"
HEADER_KEYS = ("format_version", "exported_at", "app_version", "station", "contacts_included")
TYPE_NAMES = {
    "string": "文字列",
    "integer": "整数",
    "number": "数値",
    "boolean": "真偽値（true/false）",
    "array": "配列",
    "object": "オブジェクト",
    "null": "null",
}


class BundleError(DomainError):
    """A bundle that cannot be read or does not validate; ``path`` is the JSON path, if any."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True, slots=True)
class BundleSummary:
    """What an export wrote: the file, the exporting station and the records per table."""

    path: Path
    station_name: str
    counts: dict[str, int]

    def lines(self) -> list[str]:
        labels = {t.key: t.label for t in TABLES}
        counts = "、".join(f"{labels[k]} {n}件" for k, n in self.counts.items() if n)
        return [f"提出用バンドルを作成しました: {self.path}", f"  {self.station_name}: {counts}"]


# ---------------------------------------------------------------- export


def utc_text(value: dt.datetime) -> str:
    """A stored (naive UTC) timestamp as ISO 8601 with ``Z``, always with microseconds."""
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def exporting_station(session: Session, station_uuid: str | None = None) -> Station:
    """The station the bundle is sent by: the one asked for, else the one named in the
    settings, else the only one. A database with several and no choice is refused."""
    stations = list(session.scalars(select(Station).order_by(Station.name)))
    if station_uuid is not None:
        for station in stations:
            if station_uuid in (station.uuid, station.name):
                return station
        raise BundleError(f"警察署「{station_uuid}」が見つかりません。")
    if not stations:
        raise BundleError("警察署が登録されていないため、提出用バンドルを作成できません。")
    named = load_settings(session).station_name
    for station in stations:
        if station.name == named:
            return station
    if len(stations) == 1:
        return stations[0]
    names = "、".join(s.name for s in stations)
    raise BundleError(
        f"警察署が複数登録されています（{names}）。送信する警察署を指定してください。"
    )


def write_bundle(
    session: Session,
    path: Path,
    *,
    include_contacts: bool = False,
    station_uuid: str | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> BundleSummary:
    """Write every domain record to ``path`` as a bundle (atomically; cancelling leaves none).

    Contact details (住所・電話番号・メール) are written only when ``include_contacts``;
    otherwise they are empty and the bundle says so, and an import leaves them untouched.
    """
    station = exporting_station(session, station_uuid)
    counts = {
        spec.key: int(session.scalar(select(func.count()).select_from(spec.model)) or 0)
        for spec in TABLES
    }
    ticker = Ticker(progress, sum(counts.values()))
    ticker.start()
    header = {
        "format_version": FORMAT_VERSION,
        "exported_at": utc_text(now or dt.datetime.now(dt.UTC)),
        "app_version": __version__,
        "station": {"uuid": station.uuid, "name": station.name},
        "contacts_included": include_contacts,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            out.write("{\n")
            for key in HEADER_KEYS:
                out.write(f"{_dumps(key)}: {_dumps(header[key])},\n")
            _write_tables(session, out, include_contacts, ticker)
            out.write("}\n")
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    ticker.finish()
    return BundleSummary(path, station.name, counts)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _write_tables(session: Session, out: IO[str], include_contacts: bool, ticker: Ticker) -> None:
    uuids: dict[str, dict[int, str]] = {}
    referenced = {f.ref for spec in TABLES for f in spec.fields if f.ref}
    for number, spec in enumerate(TABLES):
        table = spec.model.__table__
        if spec.key in referenced:
            uuids[spec.key] = dict(session.execute(select(table.c.id, table.c.uuid)).all())
        posts = _council_post_uuids(session) if spec is COUNCILS else None
        blank = set(CONTACT_COLUMNS) if spec is PEOPLE and not include_contacts else set()
        out.write(f"{_dumps(spec.key)}: [")
        rows = session.execute(
            select(table).order_by(table.c.id).execution_options(yield_per=2000)
        ).mappings()
        separator = "\n"
        for row in rows:
            extra = {COUNCIL_POSTS_KEY: posts.get(row["id"], [])} if posts is not None else {}
            out.write(separator + _dumps(_record(spec, row, uuids, blank, extra)))
            separator = ",\n"
            ticker.advance()
        out.write("]" if separator == "\n" else "\n]")
        out.write(",\n" if number < len(TABLES) - 1 else "\n")


def _council_post_uuids(session: Session) -> dict[int, list[str]]:
    posts: dict[int, list[str]] = defaultdict(list)
    for council_id, post_uuid in session.execute(
        select(council_posts.c.council_id, Post.uuid)
        .join(Post, Post.id == council_posts.c.post_id)
        .order_by(council_posts.c.council_id, Post.id)
    ):
        posts[council_id].append(post_uuid)
    return posts


def _record(
    spec: TableSpec,
    row: Any,
    uuids: dict[str, dict[int, str]],
    blank: set[str],
    extra: dict[str, object],
) -> dict[str, object]:
    record: dict[str, object] = {"uuid": row["uuid"]}
    for f in spec.fields:
        value = row[f.column]
        if f.column in blank:
            value = ""
        elif value is None:
            pass
        elif f.kind == "ref":
            value = uuids[f.ref or ""][value]
        elif f.kind in ("date", "time"):
            value = value.isoformat()
        elif f.kind == "enum":
            value = str(value)  # a StrEnum member's text is its stored code
        record[f.key] = value
    record.update(extra)
    record["created_at"] = utc_text(row["created_at"])
    record["updated_at"] = utc_text(row["updated_at"])
    return record


# ---------------------------------------------------------------- reading


@cache
def bundle_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) shipped beside this module."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def read_bundle(path: Path) -> dict[str, Any]:
    """Load and validate a bundle; refuse it with a :class:`BundleError` naming the problem."""
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BundleError(f"ファイル「{path}」が見つかりません。") from None
    except OSError as exc:
        raise BundleError(f"ファイル「{path}」を読み込めません: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # cut in the middle of a character
            raise BundleError(
                f"「{name}」は途中で切れています（JSON として読み込めません）。"
                "送信元に再作成を依頼してください。"
            ) from None
        raise BundleError(
            f"「{name}」は UTF-8 のテキストではありません。提出用バンドル（JSON）を選んでください。"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"「{name}」は JSON として読み込めません（{exc.lineno}行{exc.colno}列付近）。"
            "ファイルが途中で切れているか、壊れています。送信元に再作成を依頼してください。"
        ) from None
    validate_bundle(data, name)
    return data  # type: ignore[no-any-return]


def validate_bundle(data: object, name: str = "バンドル") -> None:
    """Refuse a newer format version by number, then anything the schema does not allow."""
    if not isinstance(data, dict):
        raise BundleError(
            f"「{name}」は提出用バンドルではありません（JSON の最上位が{_type_of(data)}です）。"
        )
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise BundleError(
            f"「{name}」の形式バージョン {version} は、このアプリケーションが読める版"
            f"（{FORMAT_VERSION}）より新しいため読み込めません。アプリケーションを更新してください。",
            "$.format_version",
        )
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    error = best_match(Draft202012Validator(bundle_schema()).iter_errors(data))
    if error is not None:
        path, problem = _describe(error)
        raise BundleError(f"「{name}」の {path} が正しくありません: {problem}", path)


def _type_of(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer"}
    return TYPE_NAMES.get(names.get(type(value), "null" if value is None else "number"), "?")


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _describe(error: Any) -> tuple[str, str]:
    """A JSON path and a Japanese description for a jsonschema error."""
    path = error.json_path
    value, rule = error.instance, error.validator_value
    match error.validator:
        case "required":
            missing = next(k for k in rule if k not in value)
            return f"{path}.{missing}", f"必須の項目「{missing}」がありません。"
        case "additionalProperties":
            extra = sorted(set(value) - set(error.schema.get("properties", {})))
            return path, f"不明な項目「{'」「'.join(extra)}」があります。"
        case "type":
            expected = "または".join(
                TYPE_NAMES[t] for t in ([rule] if isinstance(rule, str) else rule)
            )
            return path, f"{expected}でなければなりません（値: {_short(value)}）。"
        case "enum" | "const":
            allowed = "、".join(_short(v) for v in ([rule] if error.validator == "const" else rule))
            return path, f"値 {_short(value)} は使えません（使える値: {allowed}）。"
        case "pattern" | "format":
            return (
                path,
                f"値 {_short(value)} の形式が違います（日付は YYYY-MM-DD、UUID は 8-4-4-4-12 桁）。",
            )
        case "minLength":
            return path, "空にできません。"
        case "minItems":
            return path, f"{rule}件以上必要です。"
        case "uniqueItems":
            return path, "同じ値が重複しています。"
        case "minimum" | "maximum":
            return path, f"値 {_short(value)} は範囲外です。"
    return path, str(error.message)
