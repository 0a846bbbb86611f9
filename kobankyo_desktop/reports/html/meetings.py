"""The meeting documents as HTML (要綱§6, §7): 会議次第 with its attendee list, 会議録 with the
opinions and responses, and 開催通知 with a reply slip (出欠回答書) for each member."""

from __future__ import annotations

from collections.abc import Iterable

from kobankyo_desktop.core.dates import DateStyle, fiscal_year_label, format_time_span
from kobankyo_desktop.core.vocab import AttendeeKind, OpinionStatus, label
from kobankyo_desktop.reports.data.meetings import (
    AgendaData,
    Attendee,
    MeetingFacts,
    NoticeData,
    OpinionEntry,
    RecordData,
)
from kobankyo_desktop.reports.html.common import (
    RULE,
    PrintDocument,
    Sheet,
    date_text,
    esc,
    facts_table,
    full_width,
    grid,
    issuer_line,
    page,
)


def _when(meeting: MeetingFacts, style: DateStyle) -> str:
    """令和7年5月20日(火) 午後3時30分から午後4時30分まで."""
    span = format_time_span(meeting.start_time, meeting.end_time)
    return f"{date_text(meeting.held_on, style)} {span}".strip()


def _when_lines(meeting: MeetingFacts, style: DateStyle) -> str:
    """The date, and the time span on a line of its own (markup)."""
    span = format_time_span(meeting.start_time, meeting.end_time)
    date = esc(date_text(meeting.held_on, style))
    return f"{date}<br/>{esc(span)}" if span else date


def _meeting_name(meeting: MeetingFacts) -> str:
    return f"{meeting.council_name} {label(meeting.kind)}"


def _attendee_name(attendee: Attendee) -> str:
    """Who attended, as printed: 佐藤 太郎; 駅前交番 警部補 佐藤 健一; 生活安全課;
    さくら町自治会連合会 3名."""
    match attendee.group:
        case AttendeeKind.MEMBER | AttendeeKind.DEPARTMENT:
            return attendee.name
        case AttendeeKind.STAFF:
            return f"{attendee.affiliation} {attendee.name}".strip()
        case _:
            body = attendee.affiliation or attendee.name
            if attendee.affiliation and attendee.name and attendee.name not in attendee.affiliation:
                body = f"{attendee.affiliation}（{attendee.name}）"
            return f"{body} {attendee.head_count}名"


def _attendee_text(attendee: Attendee) -> str:
    """An attendee with their role: 佐藤 太郎（会長）, 生活安全課 課長."""
    name = _attendee_name(attendee)
    if not attendee.role or (attendee.group is AttendeeKind.MEMBER and attendee.role == "委員"):
        return name
    if attendee.group is AttendeeKind.DEPARTMENT:
        return f"{name} {attendee.role}"
    return f"{name}（{attendee.role}）"


def _attendee_groups(attendees: Iterable[Attendee]) -> list[tuple[str, list[Attendee]]]:
    """委員 / 警察 (operating staff and departments, §6(5), §8(2)) / 関係機関等 (§6(4))."""
    groups: dict[str, list[Attendee]] = {"委員": [], "警察": [], "関係機関等": []}
    for attendee in attendees:
        if attendee.group is AttendeeKind.MEMBER:
            groups["委員"].append(attendee)
        elif attendee.group in (AttendeeKind.STAFF, AttendeeKind.DEPARTMENT):
            groups["警察"].append(attendee)
        else:
            groups["関係機関等"].append(attendee)
    return [(name, members) for name, members in groups.items() if members]


def _attendee_rows(attendees: Iterable[Attendee]) -> list[tuple[str, str]]:
    """One line per group, the names run on: for the 会議録."""
    rows = []
    for group, members in _attendee_groups(attendees):
        count = sum(a.head_count for a in members)
        rows.append((f"{group}（{count}名）", "、".join(esc(_attendee_text(a)) for a in members)))
    return rows


def _attendee_grid(attendees: Iterable[Attendee]) -> str:
    """One row per attendee: for the list attached to a 会議次第."""
    rows = []
    for group, members in _attendee_groups(attendees):
        for i, attendee in enumerate(members):
            role = "" if attendee.role == "委員" else attendee.role
            rows.append([esc(group) if i == 0 else "", esc(_attendee_name(attendee)), esc(role)])
    return grid([("区分", 16), ("氏名・所属", 58), ("役職", 26)], rows)


def agenda_html(data: AgendaData) -> PrintDocument:
    """会議次第 (§6): heading, date and time, place, and the numbered order of business: 開会,
    あいさつ, the meeting's items, the report on earlier requests (措置結果, §7), 閉会."""
    style = data.issuer.date_style
    meeting = data.meeting
    title = f"{fiscal_year_label(meeting.fiscal_year, style)} {_meeting_name(meeting)} 次第"
    parts = [
        f"<p class='title' align='center'>{esc(title)}</p>",
        "<table width='100%' cellspacing='0' cellpadding='0'><tr><td width='42%'></td><td>"
        + facts_table([("日時", _when_lines(meeting, style)), ("場所", esc(meeting.place))], 18)
        + "</td></tr></table>",
    ]
    entries: list[tuple[str, list[str]]] = [("開会", []), ("あいさつ", [])]
    if data.items:
        entries.append(("議事", list(data.items)))
    if data.report_on_responses:
        entries.append(("前回の意見・要望に対する措置結果", []))
    entries.append(("閉会", []))
    for n, (heading, subitems) in enumerate(entries, start=1):
        top = 30 if n == 1 else 16
        parts.append(
            f"<p style='font-size: 12pt; margin-top: {top}pt;'>{full_width(n)}　{esc(heading)}</p>"
        )
        parts.extend(
            "<p style='font-size: 12pt; margin-top: 6pt; margin-left: 24pt;'>"
            f"({i})　{esc(item)}</p>"
            for i, item in enumerate(subitems, start=1)
        )
    if data.attendees is not None:
        heading = "出席予定者" if data.attendees_planned else "出席者"
        parts.append(f"<p class='section' style='margin-top: 36pt;'>{heading}</p>")
        parts.append(_attendee_grid(data.attendees))
    return PrintDocument(title, (Sheet(page("".join(parts))),), page_numbers=True)


def _opinion_row(n: int, opinion: OpinionEntry, style: DateStyle) -> list[str]:
    content = opinion.content
    if opinion.subject and not content.startswith(opinion.subject):
        content = f"【{opinion.subject}】{content}"
    if opinion.response:
        response = esc(opinion.response)
        if opinion.responded_on is not None:
            responded = date_text(opinion.responded_on, style, weekday=False)
            response += f"<br/><span class='small'>（{esc(responded)}）</span>"
        if opinion.status is not OpinionStatus.CLOSED:
            response += f"<br/><span class='small'>［{esc(label(opinion.status))}］</span>"
    else:
        response = esc(f"（{label(opinion.status)}）")
    return [
        str(n),
        esc(label(opinion.category)),
        esc(content),
        esc(opinion.raised_by),
        esc(label(opinion.department)),
        response,
    ]


def _minutes_html(lines: Iterable[str]) -> str:
    """議事概要 line by line, as written (【委員】 and 【警察】 marks kept)."""
    return "".join(
        f"<p style='margin-left: 10pt;'>{esc(line) if line.strip() else '&nbsp;'}</p>"
        for line in lines
    )


def record_html(data: RecordData) -> PrintDocument:
    """会議録 (§6, §7): particulars, attendance, 議事概要 and the opinions with responses."""
    style = data.issuer.date_style
    meeting = data.meeting
    title = f"{_meeting_name(meeting)} 会議録"
    facts = [("日時", esc(_when(meeting, style))), ("場所", esc(meeting.place))]
    if meeting.reason:
        facts.append(("開催理由", esc(meeting.reason)))
    if data.manager_name:
        facts.append(("進行", esc(f"{data.manager_name}（運営責任者）")))
    parts = [f"<p class='title' align='center'>{esc(title)}</p>", facts_table(facts, 18)]
    parts.append("<p class='section'>出席者</p>")
    if data.attendees:
        parts.append(facts_table(_attendee_rows(data.attendees), 22))
    else:
        parts.append("<p>（記録なし）</p>")
    if data.items:
        parts.append("<p class='section'>議題</p>")
        parts.extend(
            f"<p style='margin-left: 10pt;'>({i})　{esc(item)}</p>"
            for i, item in enumerate(data.items, start=1)
        )
    parts.append("<p class='section'>議事概要</p>")
    parts.append(_minutes_html(data.minutes) if data.minutes else "<p>（記録なし）</p>")
    parts.append("<p class='section'>意見・要望と措置・対応状況</p>")
    if data.opinions:
        headers = [
            ("番号", 6),
            ("区分", 7),
            ("内容", 33),
            ("提出者", 13),
            ("担当", 9),
            ("措置・対応状況", 32),
        ]
        rows = [_opinion_row(n, o, style) for n, o in enumerate(data.opinions, start=1)]
        parts.append(grid(headers, rows))
    else:
        parts.append("<p>（なし）</p>")
    return PrintDocument(title, (Sheet(page("".join(parts))),), page_numbers=True)


def _notice_body(data: NoticeData, name: str) -> str:
    style = data.issuer.date_style
    meeting = data.meeting
    meeting_name = _meeting_name(meeting)
    facts = [("日時", esc(_when(meeting, style))), ("場所", esc(meeting.place))]
    if data.items:
        facts.append(
            ("議題", "<br/>".join(f"({i})　{esc(t)}" for i, t in enumerate(data.items, 1)))
        )
    if meeting.reason:
        facts.append(("開催理由", esc(meeting.reason)))
    if data.contact:
        facts.append(("連絡先", esc(data.contact)))
    numbered = [(f"{full_width(n)}　{k}", v) for n, (k, v) in enumerate(facts, start=1)]
    return page(
        f"<p align='right'>{esc(date_text(data.issued_on, style, weekday=False))}</p>"
        f"<p style='margin-top: 12pt;'>{esc(meeting.council_name)}委員</p>"
        f"<p style='font-size: 13pt; margin-left: 24pt;'>{esc(name)}　様</p>"
        f"<p align='right' style='margin-top: 12pt;'>{issuer_line(data.issuer)}</p>"
        "<p align='right' class='note'>（公印省略）</p>"
        "<p class='subtitle' align='center' style='margin-top: 24pt; margin-bottom: 18pt;'>"
        f"{esc(meeting_name)}の開催について（通知）</p>"
        "<p style='text-indent: 10pt;'>日頃から地域の安全・安心のために御理解と御協力を"
        "いただき、厚くお礼申し上げます。</p>"
        f"<p style='text-indent: 10pt;'>このたび、下記のとおり{esc(meeting_name)}を開催します"
        "ので、御多忙のところ恐縮ですが、御出席くださいますようお願いいたします。</p>"
        "<p align='center' style='margin-top: 12pt; margin-bottom: 8pt;'>記</p>"
        + facts_table(numbered, 18)
        + "<p align='right' style='margin-top: 8pt;'>以上</p>"
    )


def _reply_slip(data: NoticeData, name: str) -> str:
    """出欠回答書: cut off and returned; the renderer draws the cut line above it."""
    style = data.issuer.date_style
    meeting = data.meeting
    held = date_text(meeting.held_on, style)
    request = ""
    if data.reply_by is not None or data.contact:
        deadline = f"{date_text(data.reply_by, style)}までに" if data.reply_by is not None else ""
        to = f"{data.contact}あて" if data.contact else ""
        request = f"<p class='note' align='right' style='margin-top: 10pt;'>{esc(deadline + to)}御回答ください。</p>"
    return page(
        "<p class='subtitle' align='center'>出欠回答書</p>"
        f"<p style='margin-top: 10pt;'>{esc(_meeting_name(meeting))}（{esc(held)}開催）に</p>"
        "<p align='center' style='font-size: 13pt; margin-top: 10pt;'>"
        "出席します　　・　　欠席します</p>"
        "<p align='center' class='note'>（いずれかを○で囲んでください）</p>"
        "<table width='100%' cellspacing='0' cellpadding='5' style='margin-top: 10pt; "
        "border-collapse: collapse;'>"
        f"<tr><td width='18%' style='{RULE}'>氏名</td><td style='{RULE}'>{esc(name)}</td></tr>"
        f"<tr><td style='{RULE}'>御意見等</td><td style='{RULE}'><br/><br/></td></tr></table>"
        + request
    )


def notices_html(data: NoticeData) -> PrintDocument:
    """開催通知 (§6) to each invited member, one sheet each with a reply slip at the foot."""
    title = f"{_meeting_name(data.meeting)} 開催通知"
    sheets = tuple(
        Sheet(_notice_body(data, a.name), _reply_slip(data, a.name)) for a in data.addressees
    )
    return PrintDocument(title, sheets)
