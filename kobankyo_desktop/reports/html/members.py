"""The member documents as HTML (要綱§3(2)–(5)): the 委員名簿, with contact details only when
the data carries them, and 委嘱状, one page per appointment."""

from __future__ import annotations

from kobankyo_desktop.reports.data.members import AppointmentLetter, AppointmentLetters, RosterData
from kobankyo_desktop.reports.html.common import (
    PrintDocument,
    Sheet,
    date_text,
    esc,
    grid,
    issuer_line,
    page,
)


def roster_html(data: RosterData) -> PrintDocument:
    """委員名簿 (§3(2)–(5)); contact details only when the data carries them."""
    style = data.issuer.date_style
    title = f"{data.council_name} 委員名簿"
    parts = []
    if data.include_contacts:
        parts.append("<p class='mark' align='right'>取扱注意（個人情報を含む）</p>")
    parts.append(f"<p class='title' align='center'>{esc(title)}</p>")
    info = [f"{date_text(data.as_of, style, weekday=False)}現在"]
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
            f"{esc(date_text(member.term_start, style, weekday=False))}～<br/>"
            f"{esc(date_text(member.term_end, style, weekday=False))}"
        )
        row = [str(n), esc(member.role), name, field, term]
        if contacts:
            postal = f"〒{member.postal_code}<br/>" if member.postal_code else ""
            row.append(f"{postal}{esc(member.address or '')}<br/>{esc(member.phone or '')}")
        rows.append(row)
    parts.append("<p style='margin-top: 8pt;'>&nbsp;</p>")
    if rows:
        parts.append(grid(headers, rows))
    else:
        parts.append("<p>（在任の委員はいません）</p>")
    parts.append(f"<p class='note' style='margin-top: 6pt;'>計 {len(rows)}名</p>")
    return PrintDocument(title, (Sheet(page("".join(parts))),), page_numbers=True)


def appointment_letter_html(letter: AppointmentLetter) -> str:
    """委嘱状 (§3(3)–(5)), one page: addressee, the appointment, term, date and issuer."""
    style = letter.issuer.date_style
    start = date_text(letter.term_start, style, weekday=False)
    end = date_text(letter.term_end, style, weekday=False)
    return page(
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
        f"{issuer_line(letter.issuer)}</p>"
    )


def appointments_html(data: AppointmentLetters) -> PrintDocument:
    """委嘱状 for a batch of appointments, one sheet each."""
    title = "委嘱状" if len(data.letters) != 1 else f"委嘱状（{data.letters[0].person_name}）"
    return PrintDocument(title, tuple(Sheet(appointment_letter_html(x)) for x in data.letters))
