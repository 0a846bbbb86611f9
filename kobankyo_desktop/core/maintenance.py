"""Health checks of the database file."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Base


@dataclass(frozen=True, slots=True)
class CheckReport:
    integrity: list[str]  # empty when PRAGMA integrity_check says "ok"
    foreign_key_violations: list[str]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return not self.integrity and not self.foreign_key_violations

    def lines(self) -> list[str]:
        out = ["整合性検査: 正常" if not self.integrity else "整合性検査: 異常があります"]
        out += [f"  {problem}" for problem in self.integrity]
        if self.foreign_key_violations:
            out.append(
                f"外部キー検査: 参照先のない記録が {len(self.foreign_key_violations)} 件あります"
            )
            out += [f"  {violation}" for violation in self.foreign_key_violations]
        else:
            out.append("外部キー検査: 正常")
        out.append("記録数: " + "、".join(f"{t} {n}" for t, n in self.counts.items()))
        out.append(
            "結果: データベースは正常です。"
            if self.healthy
            else "結果: 問題があります。バックアップから復元してください。"
        )
        return out


def check_database(db: Database) -> CheckReport:
    """Run SQLite's ``integrity_check`` and ``foreign_key_check`` and count the records.

    These pragmas are SQLite's own; on another database the checks are left to its server.
    """
    integrity: list[str] = []
    violations: list[str] = []
    with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            results = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
            integrity = [] if results == ["ok"] else results
            violations = [
                f"表 {table} の行 {rowid} → {parent}"
                for table, rowid, parent, _fkid in conn.exec_driver_sql("PRAGMA foreign_key_check")
            ]
        counts = {
            table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in Base.metadata.sorted_tables
        }
    return CheckReport(integrity, violations, counts)
