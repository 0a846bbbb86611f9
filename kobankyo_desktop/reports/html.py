"""The printed documents as HTML (the subset Qt's rich text understands), from plain data.

Every value from the database is escaped here (``esc``); nothing else builds markup. A document
is a title and one or more sheets; each sheet starts on a new page and may have a foot that is
set at the bottom of its last page (the reply slip of a 開催通知). Lengths (margins, padding,
rules) are in points; :mod:`.render` converts them to the pixels Qt's rich text reads.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from dataclasses import dataclass

from kobankyo_desktop.core.dates import (
    DateStyle,
    fiscal_year_label,
    format_date,
    format_time_span,
)
from kobankyo_desktop.core.vocab import AttendeeKind, OpinionStatus, label
from kobankyo_desktop.reports.data import (
    AgendaData,
    AppointmentLetter,
    AppointmentLetters,
    Attendee,
    Issuer,
    MeetingFacts,
    NoticeData,
    OpinionEntry,
    RecordData,
    RosterData,
)
from kobankyo_desktop.reports.fonts import BODY_FAMILIES, HEADING_FAMILIES

FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# Rules of ruled tables, set on each cell: Qt draws a table's own border no finer than 1pt.
RULE = "border: 0.5pt solid #000000;"


@dataclass(frozen=True, slots=True)
class Sheet:
    """What starts on a new page: ``body`` flows over as many pages as it needs; ``foot``, if
    any, is set at the bottom of the last one (on a page of its own if it does not fit)."""

    body: str
    foot: str | None = None


@dataclass(frozen=True, slots=True)
class PrintDocument:
    """A document ready to render: ``title`` names the PDF and the print job."""

    title: str
    sheets: tuple[Sheet, ...]
    page_numbers: bool = False  # "1 / 3" at the foot of sheets longer than a page


def esc(text: str) -> str:
    """``text`` escaped for HTML, line breaks kept."""
    return html.escape(text).replace("\n", "<br/>")


def _families(families: Iterable[str]) -> str:
    return ", ".join(f"'{family}'" for family in families)


STYLE = f"""
body {{ font-family: {_families(BODY_FAMILIES)}; font-size: 10.5pt; }}
p {{ margin-top: 0; margin-bottom: 0; line-height: 150%; }}
.title {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 16pt; margin-bottom: 14pt; }}
.subtitle {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 13pt; }}
.section {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 11pt; margin-top: 12pt;
  margin-bottom: 4pt; }}
.small {{ font-size: 8.5pt; }}
.ruby {{ font-size: 7.5pt; }}
.name {{ font-size: 11pt; }}
.note {{ font-size: 9pt; }}
.mark {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 10pt; }}
table.grid {{ border-collapse: collapse; }}
table.grid th {{ font-family: {_families(HEADING_FAMILIES)}; font-size: 9.5pt;
  font-weight: normal; background-color: #e8e8e8; }}
table.grid td {{ font-size: 9.5pt; vertical-align: top; }}
table.facts td {{ font-size: 10.5pt; vertical-align: top; }}
"""


def _page(body: str) -> str:
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"


def _date(day: dt.date, style: DateStyle, *, weekday: bool = True) -> str:
    return format_date(day, style, weekday=weekday)


def _when(meeting: MeetingFacts, style: DateStyle) -> str:
    """令和7年5月20日(火) 午後3時30分から午後4時30分まで."""
    span = format_time_span(meeting.start_time, meeting.end_time)
    return f"{_date(meeting.held_on, style)} {span}".strip()


def _when_lines(meeting: MeetingFacts, style: DateStyle) -> str:
    """The date, and the time span on a line of its own (markup)."""
    span = format_time_span(meeting.start_time, meeting.end_time)
    date = esc(_date(meeting.held_on, style))
    return f"{date}<br/>{esc(span)}" if span else date


def _meeting_name(meeting: MeetingFacts) -> str:
    return f"{meeting.council_name} {label(meeting.kind)}"


def _number(n: int) -> str:
    return str(n).translate(FULL_WIDTH_DIGITS)


def _facts_table(rows: list[tuple[str, str]], label_width: int = 16) -> str:
    """Label / value lines: ``label`` plain text, ``value`` markup."""
    cells = "".join(
        f"<tr><td width='{label_width}%'>{esc(name)}</td><td>{value}</td></tr>"
        for name, value in rows
    )
    return f"<table class='facts' width='100%' cellspacing='0' cellpadding='2'>{cells}</table>"


def _grid(headers: list[tuple[str, int]], rows: list[list[str]]) -> str:
    """A ruled table whose header row repeats on every page it runs over.

    ``headers``: (label, width %); ``rows``: cells as markup.
    """
    head = "".join(
        f"<th width='{width}%' style='{RULE}'>{esc(name)}</th>" for name, width in headers
    )
    body = "".join(
        "<tr>" + "".join(f"<td style='{RULE}'>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        "<table class='grid' width='100%' cellspacing='0' cellpadding='3'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


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
    return _grid([("区分", 16), ("氏名・所属", 58), ("役職", 26)], rows)


def agenda_html(data: AgendaData) -> PrintDocument:
    """会議次第 (§6): heading, date and time, place, and the numbered order of business: 開会,
    あいさつ, the meeting's items, the report on earlier requests (措置結果, §7), 閉会."""
    style = data.issuer.date_style
    meeting = data.meeting
    title = f"{fiscal_year_label(meeting.fiscal_year, style)} {_meeting_name(meeting)} 次第"
    parts = [
        f"<p class='title' align='center'>{esc(title)}</p>",
        "<table width='100%' cellspacing='0' cellpadding='0'><tr><td width='42%'></td><td>"
        + _facts_table([("日時", _when_lines(meeting, style)), ("場所", esc(meeting.place))], 18)
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
            f"<p style='font-size: 12pt; margin-top: {top}pt;'>{_number(n)}　{esc(heading)}</p>"
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
    return PrintDocument(title, (Sheet(_page("".join(parts))),), page_numbers=True)


def _opinion_row(n: int, opinion: OpinionEntry, style: DateStyle) -> list[str]:
    content = opinion.content
    if opinion.subject and not content.startswith(opinion.subject):
        content = f"【{opinion.subject}】{content}"
    if opinion.response:
        response = esc(opinion.response)
        if opinion.responded_on is not None:
            responded = _date(opinion.responded_on, style, weekday=False)
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
    parts = [f"<p class='title' align='center'>{esc(title)}</p>", _facts_table(facts, 18)]
    parts.append("<p class='section'>出席者</p>")
    if data.attendees:
        parts.append(_facts_table(_attendee_rows(data.attendees), 22))
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
        parts.append(_grid(headers, rows))
    else:
        parts.append("<p>（なし）</p>")
    return PrintDocument(title, (Sheet(_page("".join(parts))),), page_numbers=True)


def roster_html(data: RosterData) -> PrintDocument:
    """委員名簿 (§3(2)–(5)); contact details only when the data carries them."""
    style = data.issuer.date_style
    title = f"{data.council_name} 委員名簿"
    parts = []
    if data.include_contacts:
        parts.append("<p class='mark' align='right'>取扱注意（個人情報を含む）</p>")
    parts.append(f"<p class='title' align='center'>{esc(title)}</p>")
    info = [f"{_date(data.as_of, style, weekday=False)}現在"]
    if data.manager_name:
        info.append(f"運営責任者　{data.manager_name}")
    if data.issuer.station_name:
        info.append(data.issuer.station_name)
    parts.extend(f"<p align='right' class='note'>{esc(line)}</p>" for line in info)
    contacts = data.include_contacts
    headers = [
        ("番号", 6),
        ("役職", 9),
        ("氏名", 19 if contacts else 23),
        ("分野・所属", 19 if contacts else 32),
        ("任期", 19 if contacts else 30),
    ]
    if contacts:
        headers.append(("住所・電話番号", 28))
    rows = []
    for n, member in enumerate(data.members, start=1):
        name = f"<span class='ruby'>{esc(member.reading)}</span><br/><span class='name'>{esc(member.name)}</span>"
        field = esc(member.field_label)
        if member.organisation:
            field += f"<br/><span class='small'>{esc(member.organisation)}</span>"
        term = (
            f"{esc(_date(member.term_start, style, weekday=False))}～<br/>"
            f"{esc(_date(member.term_end, style, weekday=False))}"
        )
        row = [str(n), esc(member.role), name, field, term]
        if contacts:
            postal = f"〒{member.postal_code}<br/>" if member.postal_code else ""
            row.append(f"{postal}{esc(member.address or '')}<br/>{esc(member.phone or '')}")
        rows.append(row)
    parts.append("<p style='margin-top: 8pt;'>&nbsp;</p>")
    if rows:
        parts.append(_grid(headers, rows))
    else:
        parts.append("<p>（在任の委員はいません）</p>")
    parts.append(f"<p class='note' style='margin-top: 6pt;'>計 {len(rows)}名</p>")
    return PrintDocument(title, (Sheet(_page("".join(parts))),), page_numbers=True)


def _issuer_line(issuer: Issuer) -> str:
    return esc(issuer.issuer_heading or issuer.station_name)


def appointment_letter_html(letter: AppointmentLetter) -> str:
    """委嘱状 (§3(3)–(5)), one page: addressee, the appointment, term, date and issuer."""
    style = letter.issuer.date_style
    start = _date(letter.term_start, style, weekday=False)
    end = _date(letter.term_end, style, weekday=False)
    return _page(
        "<p align='center' style='font-size: 32pt; margin-top: 60pt;'>委嘱状</p>"
        "<p style='font-size: 20pt; margin-top: 80pt; margin-left: 12pt;'>"
        f"{esc(letter.person_name)}　様</p>"
        "<p style='font-size: 16pt; line-height: 200%; margin-top: 64pt; margin-left: 12pt; "
        f"margin-right: 12pt; text-indent: 16pt;'>あなたを{esc(letter.council_name)}の"
        "委員に委嘱します。</p>"
        f"<p style='font-size: 14pt; margin-top: 36pt; margin-left: 28pt;'>任期　{esc(start)}"
        f"から{esc(end)}まで</p>"
        f"<p style='font-size: 14pt; margin-top: 110pt; margin-left: 28pt;'>{esc(start)}</p>"
        "<p align='right' style='font-size: 18pt; margin-top: 70pt; margin-right: 40pt;'>"
        f"{_issuer_line(letter.issuer)}</p>"
    )


def appointments_html(data: AppointmentLetters) -> PrintDocument:
    """委嘱状 for a batch of appointments, one sheet each."""
    title = "委嘱状" if len(data.letters) != 1 else f"委嘱状（{data.letters[0].person_name}）"
    return PrintDocument(title, tuple(Sheet(appointment_letter_html(x)) for x in data.letters))


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
    numbered = [(f"{_number(n)}　{k}", v) for n, (k, v) in enumerate(facts, start=1)]
    return _page(
        f"<p align='right'>{esc(_date(data.issued_on, style, weekday=False))}</p>"
        f"<p style='margin-top: 12pt;'>{esc(meeting.council_name)}委員</p>"
        f"<p style='font-size: 13pt; margin-left: 24pt;'>{esc(name)}　様</p>"
        f"<p align='right' style='margin-top: 12pt;'>{_issuer_line(data.issuer)}</p>"
        "<p align='right' class='note'>（公印省略）</p>"
        "<p class='subtitle' align='center' style='margin-top: 24pt; margin-bottom: 18pt;'>"
        f"{esc(meeting_name)}の開催について（通知）</p>"
        "<p style='text-indent: 10pt;'>日頃から地域の安全・安心のために御理解と御協力を"
        "いただき、厚くお礼申し上げます。</p>"
        f"<p style='text-indent: 10pt;'>このたび、下記のとおり{esc(meeting_name)}を開催します"
        "ので、御多忙のところ恐縮ですが、御出席くださいますようお願いいたします。</p>"
        "<p align='center' style='margin-top: 12pt; margin-bottom: 8pt;'>記</p>"
        + _facts_table(numbered, 18)
        + "<p align='right' style='margin-top: 8pt;'>以上</p>"
    )


def _reply_slip(data: NoticeData, name: str) -> str:
    """出欠回答書: cut off and returned; the renderer draws the cut line above it."""
    style = data.issuer.date_style
    meeting = data.meeting
    held = _date(meeting.held_on, style)
    request = ""
    if data.reply_by is not None or data.contact:
        deadline = f"{_date(data.reply_by, style)}までに" if data.reply_by is not None else ""
        to = f"{data.contact}あて" if data.contact else ""
        request = f"<p class='note' align='right' style='margin-top: 10pt;'>{esc(deadline + to)}御回答ください。</p>"
    return _page(
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
