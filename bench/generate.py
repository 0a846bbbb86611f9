"""A prefecture-sized database for benchmarks, with a fixed random seed.

At scale 1: 65 stations, 650 posts, 700 councils, 6,000 serving and 6,000 former members,
ten fiscal years of meetings (about 15,000), 60,000 opinions and requests, 20,000 visits.
Rows go in with bulk INSERTs (the services' validation is for what officers type; this data
is valid by construction), in one transaction.

    python -m bench.generate /tmp/prefecture.db [--scale 1.0] [--today 2026-11-26]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.dates import default_term_end, fiscal_year_of, fiscal_year_range
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.demo import GIVEN_FEMALE, GIVEN_MALE, SURNAMES
from kobankyo_desktop.core.models import (
    AgendaItem,
    Appointment,
    Attendance,
    Council,
    ManagerDesignation,
    Meeting,
    Officer,
    Opinion,
    Person,
    Post,
    Station,
    Visit,
    council_posts,
    new_uuid,
    utcnow,
)
from kobankyo_desktop.core.vocab import (
    AttendeeKind,
    CouncilKind,
    Department,
    Field,
    Gender,
    MeetingKind,
    MeetingStatus,
    OpinionCategory,
    OpinionStatus,
    PostKind,
)

YEARS = 10


@dataclass(frozen=True, slots=True)
class Size:
    stations: int = 65
    posts_per_station: int = 10
    councils: int = 700
    serving: int = 6_000
    former: int = 6_000
    meetings_per_council_year: float = 2.15  # about 15,000 over ten years
    opinions: int = 60_000
    visits: int = 20_000

    def scaled(self, scale: float) -> Size:
        return Size(
            max(1, round(self.stations * scale)),
            self.posts_per_station,
            max(2, round(self.councils * scale)),
            max(2, round(self.serving * scale)),
            round(self.former * scale),
            self.meetings_per_council_year,
            round(self.opinions * scale),
            round(self.visits * scale),
        )


def _stamp(row: dict[str, Any]) -> dict[str, Any]:
    now = utcnow()
    row.setdefault("uuid", new_uuid())
    row.setdefault("created_at", now)
    row.setdefault("updated_at", now)
    return row


def _bulk(session: Session, model: Any, rows: list[dict[str, Any]], chunk: int = 5_000) -> None:
    for start in range(0, len(rows), chunk):
        session.execute(insert(model), [_stamp(r) for r in rows[start : start + chunk]])


def _ids(session: Session, model: Any) -> list[int]:
    return list(session.scalars(select(model.id).order_by(model.id)))


def _names(rng: random.Random) -> Iterator[tuple[str, str, Gender]]:
    while True:
        surname, surname_reading = rng.choice(SURNAMES)
        gender = rng.choice([Gender.MALE, Gender.FEMALE])
        given, given_reading = rng.choice(GIVEN_MALE if gender is Gender.MALE else GIVEN_FEMALE)
        yield f"{surname} {given}", f"{surname_reading} {given_reading}", gender


def generate(db: Database, today: dt.date, scale: float = 1.0, seed: int = 20251) -> Size:
    """Fill an empty database; returns the size used."""
    size = Size().scaled(scale)
    rng = random.Random(seed)
    fy = fiscal_year_of(today)
    with db.transaction() as s:
        _bulk(s, Station, [{"name": f"第{i + 1}警察署（架空）"} for i in range(size.stations)])
        station_ids = _ids(s, Station)
        posts = []
        for station_id in station_ids:
            for n in range(size.posts_per_station):
                kind = PostKind.CHUZAISHO if n % 4 == 3 else PostKind.KOBAN
                posts.append({"station_id": station_id, "name": f"第{n + 1}交番等", "kind": kind})
        _bulk(s, Post, posts)
        post_rows = list(s.execute(select(Post.id, Post.station_id).order_by(Post.id)))
        _bulk(
            s,
            Officer,
            [
                {
                    "post_id": post_id,
                    "name": name,
                    "reading": reading,
                    "rank": "巡査部長",
                    "position": "交番所長" if k == 0 else "",
                }
                for post_id, _station in post_rows
                for k, (name, reading, _g) in zip(range(3), _names(rng), strict=False)
            ],
        )
        chiefs = dict(
            s.execute(
                select(Officer.post_id, Officer.id).where(Officer.position == "交番所長")
            ).all()
        )

        councils, links, council_post = [], [], []
        for c in range(size.councils):
            post_id, station_id = post_rows[c % len(post_rows)]
            kind = CouncilKind.OCCUPATIONAL if c >= len(post_rows) else CouncilKind.STANDARD
            councils.append(
                {
                    "station_id": station_id,
                    "name": f"連絡協議会{c + 1:04d}",
                    "kind": kind,
                    "purpose": "事業者と連携した防犯" if kind is CouncilKind.OCCUPATIONAL else None,
                    "established_on": dt.date(2005, 4, 1),
                    "abolished_on": dt.date(2020, 3, 31) if c % 97 == 96 else None,
                }
            )
            council_post.append(post_id)
        _bulk(s, Council, councils)
        council_ids = _ids(s, Council)
        links = [
            {"council_id": cid, "post_id": pid}
            for cid, pid in zip(council_ids, council_post, strict=True)
        ]
        s.execute(insert(council_posts), links)
        _bulk(
            s,
            ManagerDesignation,
            [
                {"council_id": cid, "officer_id": chiefs[pid], "designated_on": dt.date(2022, 4, 1)}
                for n, (cid, pid) in enumerate(zip(council_ids, council_post, strict=True))
                if n % 13 and pid in chiefs
            ],
        )

        fields = list(Field)
        people = []
        names = _names(rng)
        for n in range(size.serving + size.former):
            name, reading, gender = next(names)
            people.append(
                {
                    "name": name,
                    "reading": reading,
                    "gender": gender,
                    "field": fields[n % len(fields)],
                    "birth_date": dt.date(
                        today.year - rng.randint(30, 80), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    "address": f"架空県第{n % 50 + 1}市{n % 30 + 1}-{n % 9 + 1}",
                    "phone": "000-000-0000",
                }
            )
        _bulk(s, Person, people)
        person_ids = _ids(s, Person)

        appointments = []
        for n, person_id in enumerate(person_ids):
            council_id = council_ids[n % len(council_ids)]
            serving = n < size.serving
            start = fiscal_year_range(fy - (1 if serving else rng.randint(3, 9)))[0]
            start += dt.timedelta(days=rng.randint(0, 300))
            ended = None if serving else start + dt.timedelta(days=200)
            appointments.append(
                {
                    "council_id": council_id,
                    "person_id": person_id,
                    "role": "会長" if n < len(council_ids) else "委員",
                    "term_start": start,
                    "term_end": default_term_end(start),
                    "ended_on": ended,
                    "end_reason": "転居のため" if ended else None,
                }
            )
        _bulk(s, Appointment, appointments)
        serving_by_council: dict[int, list[int]] = {}
        for row in appointments[: size.serving]:
            serving_by_council.setdefault(row["council_id"], []).append(row["person_id"])

        meetings = []
        for year in range(fy - YEARS + 1, fy + 1):
            first, last = fiscal_year_range(year)
            # Over the whole 年度, this one's too: meetings after ``today`` are still planned,
            # so some councils have yet to hold this year's regular meeting (§6(2)).
            span = (last - first).days
            for council_id in council_ids:
                count = int(size.meetings_per_council_year) + (
                    rng.random() < size.meetings_per_council_year % 1
                )
                for k in range(count):
                    day = first + dt.timedelta(days=rng.randint(0, span))
                    extraordinary = k == 2
                    meetings.append(
                        {
                            "council_id": council_id,
                            "kind": MeetingKind.EXTRAORDINARY
                            if extraordinary
                            else MeetingKind.REGULAR,
                            "status": MeetingStatus.HELD if day <= today else MeetingStatus.PLANNED,
                            "held_on": day,
                            "start_time": dt.time(15, 0),
                            "end_time": dt.time(16, 30),
                            "place": "地区公民館",
                            "reason": "連続発生した窃盗事件への対応" if extraordinary else None,
                            "minutes": "【委員】…\n【警察】…",
                        }
                    )
        _bulk(s, Meeting, meetings)
        meeting_rows = list(s.execute(select(Meeting.id, Meeting.council_id, Meeting.held_on)))
        # Attendance and opinions belong to meetings already held.
        held_rows = [row for row in meeting_rows if row.held_on <= today]
        _bulk(
            s,
            AgendaItem,
            [
                {"meeting_id": mid, "position": p, "title": t}
                for mid, _c, _d in meeting_rows
                for p, t in enumerate(["管内の犯罪情勢", "交通安全", "意見交換"], start=1)
            ],
        )
        attendance = []
        for mid, cid, _day in held_rows:
            for person_id in serving_by_council.get(cid, [])[:6]:
                attendance.append(
                    {"meeting_id": mid, "kind": AttendeeKind.MEMBER, "person_id": person_id}
                )
            attendance.append(
                {"meeting_id": mid, "kind": AttendeeKind.OUTSIDE, "name": "自治会", "head_count": 3}
            )
        _bulk(s, Attendance, attendance)

        departments = list(Department)
        opinions = []
        for n in range(size.opinions):
            mid, cid, day = held_rows[n % len(held_rows)]
            answered = day < today - dt.timedelta(days=90) or n % 3 == 0
            responded = day + dt.timedelta(days=30) if answered else None
            opinions.append(
                {
                    "council_id": cid,
                    "meeting_id": mid,
                    "category": OpinionCategory.REQUEST,
                    "department": departments[n % len(departments)],
                    "subject": "夜間の見回り",
                    "content": "夜間のパトロールを強化してほしい。",
                    "raised_on": day,
                    "response": "重点的に警ら" if answered else "",
                    "responded_on": responded,
                    "status": OpinionStatus.CLOSED if answered else OpinionStatus.OPEN,
                    "closed_on": responded,
                }
            )
        _bulk(s, Opinion, opinions)
        _bulk(
            s,
            Visit,
            [
                {
                    "person_id": person_ids[n % len(person_ids)],
                    "officer_name": "架空 巡査",
                    "visited_on": today - dt.timedelta(days=n % 700),
                    "purpose": "会議の案内",
                }
                for n in range(size.visits)
            ],
        )
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args()
    if args.db.exists():
        parser.error(f"{args.db} exists; choose a new file")
    started = time.perf_counter()
    db = Database.open(args.db)
    size = generate(db, args.today, args.scale)
    db.close()
    print(f"{size} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
