"""The row-by-row report of an import, in Japanese: what each row became, and why not."""

from __future__ import annotations

from kobankyo_desktop.core.text import normalize_reading
from kobankyo_desktop.core.vocab import label
from kobankyo_desktop.sheets.dates import era_text
from kobankyo_desktop.sheets.importer import STATUS_LABELS, ImportPlan, PlanRow, RowStatus
from kobankyo_desktop.sheets.mapping import SheetKind, Target

STATUS_WIDTH = max(len(text) for text in STATUS_LABELS.values())


def row_summary(row: PlanRow) -> str:
    """What the row holds, in a line: 山田 太郎（やまだ たろう） 令和7年4月1日～令和9年3月31日."""
    parsed = row.parsed
    texts = parsed.texts
    if parsed.meeting is not None:
        meeting = parsed.meeting
        parts = [era_text(meeting.held_on), label(meeting.kind), meeting.place]
        if meeting.attendance:
            parts.append(f"{meeting.attendance}名")
        return " ".join(part for part in parts if part)
    if parsed.person is not None and parsed.person.name and parsed.term is not None:
        person, term = parsed.person, parsed.term
        reading = normalize_reading(person.reading)
        name = f"{person.name}（{reading}）" if reading else person.name
        end = era_text(term.end) if term.end else "（2年）"
        return f"{name} {era_text(term.start)}～{end} {term.role}"
    if parsed.texts.get(Target.READING):
        return f"{texts.get(Target.NAME, '')}（{texts[Target.READING]}）"
    keys = (Target.NAME, Target.HELD_ON, Target.MEETING_KIND, Target.PLACE)
    return " ".join(texts[key] for key in keys if texts.get(key))


def match_text(row: PlanRow) -> str:
    """照合: the person the row was matched with and on what."""
    match = row.match
    if match is None:
        return ""
    if match.from_row is not None:
        return f"{match.from_row}行目の方と同じ方（{match.basis}が一致）"
    return f"登録済みの{match.name}さん（ID {match.person_id}、{match.basis}が一致）"


def row_lines(row: PlanRow) -> list[str]:
    status = STATUS_LABELS[row.status].ljust(STATUS_WIDTH, "\u3000")
    lines = [f"{row.number:>5}行目  {status}  {row_summary(row)}"]
    if row.status is RowStatus.ALREADY:
        what = "委嘱" if row.parsed.term is not None else "会議"
        lines.append(f"{'':>11}同じ{what}が既に登録されています。")
    if row.match is not None:
        lines.append(f"{'':>11}→ {match_text(row)}")
    lines += [f"{'':>11}× {problem}" for problem in row.problems]
    lines += [f"{'':>11}※ {note}" for note in row.notes]
    return lines


def summary_line(plan: ImportPlan) -> str:
    new, matched = plan.count(RowStatus.NEW), plan.count(RowStatus.MATCHED)
    if plan.kind is SheetKind.ROSTER:
        written = f"委嘱 {new + matched}件（新規の委員 {new}人・登録済みの委員 {matched}人）"
    else:
        written = f"会議 {new}件"
    verb = "取り込みました" if plan.applied else "取り込みます"
    return (
        f"全{len(plan.rows)}行: {written}を{verb}。"
        f"登録済み {plan.count(RowStatus.ALREADY)}行、"
        f"取り込めない行 {plan.count(RowStatus.INVALID)}行。"
    )


def report_lines(plan: ImportPlan) -> list[str]:
    """The whole report: a line (or a few) per row, then the totals."""
    lines = [f"連絡協議会: {plan.council_name}（ID {plan.council_id}）"]
    for row in plan.rows:
        lines += row_lines(row)
    lines.append(summary_line(plan))
    if plan.backup is not None:
        lines.append(f"取り込み前のバックアップ: {plan.backup}")
    return lines
