"""The HTML step: escaping, and what each document shows."""

from __future__ import annotations

import datetime as dt

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.vocab import AttendeeKind, MeetingKind, MeetingStatus
from kobankyo_desktop.reports import html
from kobankyo_desktop.reports.data import (
    AgendaData,
    Attendee,
    Issuer,
    MeetingFacts,
    RosterData,
    RosterEntry,
)

ISSUER = Issuer("さくら警察署", "さくら警察署長", DateStyle.WAREKI)
HOSTILE = "<b>太郎</b> & 'x' \"y\""


def meeting(**changes: object) -> MeetingFacts:
    values: dict[str, object] = {
        "meeting_id": 1,
        "council_id": 1,
        "council_name": "駅前交番連絡協議会",
        "kind": MeetingKind.REGULAR,
        "status": MeetingStatus.PLANNED,
        "held_on": dt.date(2025, 5, 20),
        "start_time": dt.time(15, 30),
        "end_time": dt.time(16, 30),
        "place": "市民センター",
        "reason": "",
    }
    values.update(changes)
    return MeetingFacts(**values)  # type: ignore[arg-type]


def test_every_value_is_escaped() -> None:
    agenda = AgendaData(
        ISSUER,
        meeting(place=HOSTILE, council_name=HOSTILE),
        (HOSTILE,),
        False,
        (Attendee(AttendeeKind.MEMBER, HOSTILE, "", "会長"),),
        False,
    )
    body = html.agenda_html(agenda).sheets[0].body
    assert "<b>太郎</b>" not in body
    assert "&lt;b&gt;太郎&lt;/b&gt; &amp; &#x27;x&#x27; &quot;y&quot;" in body


def test_agenda_heading_and_wareki_date() -> None:
    document = html.agenda_html(AgendaData(ISSUER, meeting(), ("防犯",), True, None, False))
    assert document.title == "令和7年度 駅前交番連絡協議会 定期会議 次第"
    body = document.sheets[0].body
    assert "令和7年5月20日(火)" in body and "午後3時30分から午後4時30分まで" in body
    assert "前回の意見・要望に対する措置結果" in body


def test_seireki_setting_is_followed() -> None:
    issuer = Issuer("", "", DateStyle.SEIREKI)
    document = html.agenda_html(AgendaData(issuer, meeting(), (), False, None, False))
    assert document.title.startswith("2025年度")
    assert "2025年5月20日(火)" in document.sheets[0].body


def test_roster_without_contacts_has_no_contact_column() -> None:
    entry = RosterEntry(
        "佐藤 太郎",
        "さとう たろう",
        "会長",
        "自治会",
        "",
        dt.date(2025, 4, 1),
        dt.date(2027, 3, 31),
    )
    roster = RosterData(ISSUER, "駅前交番連絡協議会", dt.date(2025, 6, 1), False, (entry,), "")
    body = html.roster_html(roster).sheets[0].body
    assert "住所" not in body and "取扱注意" not in body
    assert "令和7年4月1日～" in body


def test_notices_have_a_reply_slip_each() -> None:
    from kobankyo_desktop.reports.data import Addressee, NoticeData

    notice = NoticeData(
        ISSUER,
        meeting(),
        dt.date(2025, 5, 1),
        None,
        ("防犯",),
        (Addressee("佐藤 太郎", "会長"), Addressee("鈴木 花子", "委員")),
        "駅前交番 山田（運営責任者）",
    )
    document = html.notices_html(notice)
    assert [s.foot is not None for s in document.sheets] == [True, True]
    assert "鈴木 花子" in document.sheets[1].body and "鈴木 花子" in document.sheets[1].foot
