"""A realistic, clearly fictional sample database (``kobankyo demo``).

Everything is laid out relative to ``today`` so that, in any year, some councils lack this
年度's regular meeting, some terms are about to expire or have lapsed, a council has no
運営責任者, a request waits too long for a response and a roster is one-sided: every reminder
shows. It goes through the services, so the sample also obeys every validation rule.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kobankyo_desktop.core.dates import add_years, fiscal_year_of, fiscal_year_range
from kobankyo_desktop.core.models import AuditEntry, Base, Person, Station
from kobankyo_desktop.core.services import appointments as appt
from kobankyo_desktop.core.services import councils, meetings, opinions, people, stations, visits
from kobankyo_desktop.core.services.meetings import AgendaItemInput, AttendeeInput, MeetingInput
from kobankyo_desktop.core.settings import Settings, save_settings
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

STATION = "さくら警察署（架空）"
SURNAMES = [
    ("佐藤", "さとう"),
    ("鈴木", "すずき"),
    ("高橋", "たかはし"),
    ("田中", "たなか"),
    ("伊藤", "いとう"),
    ("渡辺", "わたなべ"),
    ("山本", "やまもと"),
    ("中村", "なかむら"),
    ("小林", "こばやし"),
    ("加藤", "かとう"),
    ("吉田", "よしだ"),
    ("山田", "やまだ"),
    ("佐々木", "ささき"),
    ("松本", "まつもと"),
    ("井上", "いのうえ"),
    ("木村", "きむら"),
    ("林", "はやし"),
    ("斎藤", "さいとう"),
    ("清水", "しみず"),
    ("山﨑", "やまざき"),
    ("森", "もり"),
    ("池田", "いけだ"),
    ("橋本", "はしもと"),
    ("阿部", "あべ"),
    ("石川", "いしかわ"),
    ("髙田", "たかだ"),
    ("前田", "まえだ"),
    ("藤田", "ふじた"),
]
GIVEN_MALE = [
    ("太郎", "たろう"),
    ("健一", "けんいち"),
    ("誠", "まこと"),
    ("浩二", "こうじ"),
    ("大輔", "だいすけ"),
    ("修", "おさむ"),
    ("隆", "たかし"),
    ("翔太", "しょうた"),
]
GIVEN_FEMALE = [
    ("花子", "はなこ"),
    ("恵子", "けいこ"),
    ("由美", "ゆみ"),
    ("直美", "なおみ"),
    ("陽子", "ようこ"),
    ("美咲", "みさき"),
    ("京子", "きょうこ"),
    ("愛", "あい"),
]
OCCUPATIONS = {
    Field.NEIGHBOURHOOD: ("自治会長", "さくら町自治会"),
    Field.BUSINESS: ("商店主", "駅前商店会"),
    Field.MEDICAL_WELFARE: ("民生委員", "さくら市民生委員児童委員協議会"),
    Field.MUNICIPALITY: ("市職員", "さくら市危機管理課"),
    Field.CRIME_PREVENTION: ("防犯協会役員", "さくら地区防犯協会"),
    Field.EDUCATION: ("小学校長", "さくら第一小学校"),
    Field.TRAFFIC_SAFETY: ("交通安全協会役員", "さくら交通安全協会"),
    Field.PROBATION: ("保護司", "さくら保護区保護司会"),
    Field.LEGAL: ("弁護士", "さくら法律事務所"),
    Field.OTHER: ("会社員", ""),
}
AGENDA = [
    "管内の犯罪発生状況について",
    "交通事故防止について",
    "特殊詐欺被害防止の取組について",
    "地域の安全に関する意見交換",
]
REQUESTS = [
    (Department.TRAFFIC, "通学路の横断歩道が消えかかっているので塗り直してほしい。"),
    (Department.COMMUNITY, "夜間のパトロールを強化してほしい。"),
    (Department.COMMUNITY_SAFETY, "高齢者を狙った詐欺の電話が増えているので注意喚起してほしい。"),
    (Department.TRAFFIC, "駅前の違法駐車を取り締まってほしい。"),
    (Department.CRIMINAL, "空き巣が続いているので情報提供してほしい。"),
    (Department.COMMUNITY_SAFETY, "公園に不審者が出るとの声がある。"),
]


@dataclass(frozen=True, slots=True)
class DemoSummary:
    councils: int
    people: int
    meetings: int
    opinions: int
    visits: int


def has_records(session: Session) -> bool:
    """Whether any domain record (a station, a person …) is there: the sample never mixes
    into real data, nor overwrites its settings, unless asked to replace it."""
    return any(
        session.scalar(select(func.count()).select_from(model)) for model in (Station, Person)
    )


def clear_all(session: Session) -> None:
    """Remove every record (children first); the schema, its version and the 操作履歴 stay
    (the clearing itself is recorded there)."""
    for table in reversed(Base.metadata.sorted_tables):
        if table is not AuditEntry.__table__:
            session.execute(delete(table))


def fill_demo(session: Session, today: dt.date, seed: int = 7) -> DemoSummary:
    """Fill an empty database with the sample, relative to ``today``."""
    return _DemoBuilder(session, today, random.Random(seed)).build()


class _DemoBuilder:
    def __init__(self, session: Session, today: dt.date, rng: random.Random) -> None:
        self.s = session
        self.today = today
        self.rng = rng
        self.fy = fiscal_year_of(today)
        self.fy_start, self.fy_end = fiscal_year_range(self.fy)
        self.name_index = 0
        self.meeting_count = self.opinion_count = self.visit_count = 0

    def build(self) -> DemoSummary:
        save_settings(self.s, Settings(station_name=STATION, issuer_heading="さくら警察署長"))
        station = stations.create_station(self.s, STATION)
        posts = {
            name: stations.create_post(self.s, station.id, name, kind, dt.date(1990, 4, 1))
            for name, kind in [
                ("駅前交番", PostKind.KOBAN),
                ("港町交番", PostKind.KOBAN),
                ("山手交番", PostKind.KOBAN),
                ("緑ヶ丘駐在所", PostKind.CHUZAISHO),
                ("中町交番", PostKind.KOBAN),
            ]
        }
        chiefs = self._officers(posts)
        three_years_ago = fiscal_year_range(self.fy - 3)[0]
        merge_day = fiscal_year_range(self.fy - 1)[0]

        def council(name: str, kind: CouncilKind, post_names: list[str], purpose: str = "") -> int:
            return councils.create_council(
                self.s,
                councils.CouncilInput(
                    station.id,
                    name,
                    kind,
                    [posts[p].id for p in post_names],
                    dt.date(2008, 4, 1),
                    purpose,
                ),
            ).id

        ekimae = council("駅前交番連絡協議会", CouncilKind.STANDARD, ["駅前交番"])
        north = council("山手北地区連絡協議会", CouncilKind.UNIT_SPLIT, ["山手交番"])
        south = council("山手南地区連絡協議会", CouncilKind.UNIT_SPLIT, ["山手交番"])
        port = council(
            "港湾事業者連絡協議会",
            CouncilKind.OCCUPATIONAL,
            ["港町交番"],
            "港湾地区の事業者と連携し、夜間の盗難・不法投棄を防止する。",
        )
        nakamachi = council("中町交番連絡協議会", CouncilKind.STANDARD, ["中町交番"])

        for cid, post in [
            (ekimae, "駅前交番"),
            (north, "山手交番"),
            (port, "港町交番"),
            (nakamachi, "中町交番"),
        ]:
            councils.designate_manager(self.s, cid, chiefs[post], dt.date(2020, 4, 1))
        # 山手南 is left without a 運営責任者 (§3(6)).

        # Batches of two-year terms, reappointed as they come round; the latest batch of
        # 駅前 ends within the lead time, one 山手北 member's term has lapsed.
        soon = self.today + dt.timedelta(days=45)
        self._roster(ekimae, 10, batch_end=soon, history_from=three_years_ago, former=1)
        self._roster(
            north,
            8,
            batch_end=self._later(300),
            history_from=three_years_ago,
            lapsed=1,
            genders=[Gender.MALE],
        )
        self._roster(south, 9, batch_end=self._later(500), history_from=three_years_ago)
        self._roster(
            port,
            7,
            batch_end=self._later(200),
            history_from=three_years_ago,
            fields=[Field.BUSINESS],
        )
        self._roster(
            nakamachi, 9, batch_end=self._later(400), history_from=three_years_ago, former=2
        )
        self._meetings(nakamachi, years=3, this_year=None, until=merge_day)
        # 中町交番 was merged into 緑ヶ丘駐在所: its council became the 統合 council.
        merged = councils.merge_councils(
            self.s,
            [nakamachi],
            "緑ヶ丘・中町地区連絡協議会",
            merge_day,
            extra_post_ids=[posts["緑ヶ丘駐在所"].id],
        ).id
        self._roster(merged, 4, batch_end=self._later(250), history_from=merge_day)
        councils.designate_manager(self.s, merged, chiefs["緑ヶ丘駐在所"], merge_day)

        self._meetings(ekimae, years=3, this_year="held")
        self._meetings(north, years=3, this_year="planned")
        self._meetings(south, years=3, this_year=None)
        self._meetings(port, years=3, this_year="extraordinary")
        self._meetings(merged, years=2, this_year="held", since=merge_day)
        for field in (Field.EDUCATION, Field.MEDICAL_WELFARE, Field.BUSINESS):
            self._person(Gender.FEMALE, field)  # candidates not yet appointed
        self._visits()
        return DemoSummary(
            len(councils.list_councils(self.s, self.today)),
            int(self.s.scalar(select(func.count()).select_from(Person)) or 0),
            self.meeting_count,
            self.opinion_count,
            self.visit_count,
        )

    def _later(self, days: int) -> dt.date:
        return self.today + dt.timedelta(days=days)

    def _officers(self, posts: dict[str, stations.PostRow]) -> dict[str, int]:
        chiefs: dict[str, int] = {}
        ranks = [("警部補", "交番所長"), ("巡査部長", ""), ("巡査長", ""), ("巡査", "")]
        for post_name, post in posts.items():
            for i, (rank, position) in enumerate(ranks[: 3 if post.kind is PostKind.KOBAN else 1]):
                surname, surname_reading = self.rng.choice(SURNAMES)
                given, given_reading = self.rng.choice(GIVEN_MALE)
                position = "駐在所長" if post.kind is PostKind.CHUZAISHO else position
                officer = stations.create_officer(
                    self.s,
                    stations.OfficerInput(
                        post.id,
                        f"{surname} {given}",
                        f"{surname_reading} {given_reading}",
                        rank,
                        position,
                        dt.date(2018, 4, 1),
                    ),
                )
                if i == 0:
                    chiefs[post_name] = officer.id
        return chiefs

    def _person(self, gender: Gender, field: Field) -> int:
        surname, surname_reading = SURNAMES[self.name_index % len(SURNAMES)]
        given_list = GIVEN_MALE if gender is Gender.MALE else GIVEN_FEMALE
        given, given_reading = given_list[(self.name_index * 5 // len(SURNAMES)) % len(given_list)]
        self.name_index += 1
        occupation, organisation = OCCUPATIONS[field]
        birth = dt.date(
            self.today.year - self.rng.randint(32, 78),
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
        )
        return people.create_person(
            self.s,
            people.PersonInput(
                name=f"{surname} {given}",
                reading=f"{surname_reading} {given_reading}",
                gender=gender,
                birth_date=birth,
                field=field,
                occupation=occupation,
                organisation=organisation,
                postal_code="000-0000",
                address=f"架空県さくら市{self.rng.choice(['本町', '港町', '山手', '緑ヶ丘'])}"
                f"{self.rng.randint(1, 9)}-{self.rng.randint(1, 30)}",
                phone=f"000-{self.rng.randint(100, 999)}-{self.rng.randint(1000, 9999)}",
            ),
        ).id

    def _roster(
        self,
        council_id: int,
        size: int,
        *,
        batch_end: dt.date,
        history_from: dt.date,
        lapsed: int = 0,
        former: int = 0,
        genders: list[Gender] | None = None,
        fields: list[Field] | None = None,
    ) -> None:
        """``size`` members on two-year terms ending on ``batch_end``, each reappointed from
        earlier terms back to ``history_from``; ``lapsed`` of them were not reappointed in time
        and ``former`` left early (解嘱)."""
        gender_cycle = genders or [Gender.MALE, Gender.FEMALE]
        field_cycle = fields or list(Field)
        for i in range(size):
            gender = gender_cycle[i % len(gender_cycle)]
            field = field_cycle[i % len(field_cycle)]
            person_id = self._person(gender, field)
            term_end = batch_end
            if i < lapsed:
                term_end = self.today - dt.timedelta(days=20)
            terms: list[tuple[dt.date, dt.date]] = []
            while term_end >= history_from:
                start = _term_start_for(term_end)
                terms.append((start, term_end))
                term_end = start - dt.timedelta(days=1)
            terms.reverse()
            role = "会長" if i == 0 else ("副会長" if i == 1 else "委員")
            row = appt.appoint(
                self.s,
                appt.AppointmentInput(
                    council_id,
                    person_id,
                    terms[0][0],
                    terms[0][1],
                    role,
                    "生活安全課・交通課と協議",
                    terms[0][0] - dt.timedelta(days=30),
                ),
            )
            for _start, end in terms[1:]:
                row = appt.reappoint(self.s, row.id, term_end=end)
            if i >= size - former:
                ended = min(self.today, row.term_end) - dt.timedelta(days=60)
                appt.end_appointment(self.s, row.id, max(ended, row.term_start), "転居のため")

    def _meetings(
        self,
        council_id: int,
        *,
        years: int,
        this_year: str | None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> None:
        for back in range(years - 1, 0, -1):
            fy_start = fiscal_year_range(self.fy - back)[0]
            for month_offset, kind in [(2, MeetingKind.REGULAR), (8, MeetingKind.REGULAR)]:
                day = _add_months(fy_start, month_offset) + dt.timedelta(
                    days=self.rng.randint(0, 20)
                )
                if (since and day < since) or (until and day >= until):
                    continue
                self._meeting(council_id, day, kind, MeetingStatus.HELD, requests=2)
        if this_year == "held":
            day = self.fy_start + (self.today - self.fy_start) // 2
            self._meeting(council_id, day, MeetingKind.REGULAR, MeetingStatus.HELD, 2)
            if self.today - dt.timedelta(days=70) >= self.fy_start:
                self._meeting(
                    council_id,
                    self.today - dt.timedelta(days=70),
                    MeetingKind.EXTRAORDINARY,
                    MeetingStatus.HELD,
                    1,
                    reason="管内で自転車盗が連続して発生し、住民に不安が広がっているため",
                )
        elif this_year == "planned":
            day = min(self.today + dt.timedelta(days=30), self.fy_end)
            self._meeting(council_id, day, MeetingKind.REGULAR, MeetingStatus.PLANNED, 0)
        elif this_year == "extraordinary":
            day = self.fy_start + (self.today - self.fy_start) // 3
            self._meeting(
                council_id,
                day,
                MeetingKind.EXTRAORDINARY,
                MeetingStatus.HELD,
                1,
                reason="港湾倉庫で盗難が連続して発生したため",
            )

    def _meeting(
        self,
        council_id: int,
        day: dt.date,
        kind: MeetingKind,
        status: MeetingStatus,
        requests: int,
        reason: str = "",
    ) -> None:
        members = [a for a, _n, _r in appt.serving_appointments(self.s, council_id, day)]
        attendees = [
            AttendeeInput(AttendeeKind.MEMBER, person_id=m.person_id, role=m.role)
            for m in members
            if status is MeetingStatus.HELD and self.rng.random() < 0.85
        ]
        if status is MeetingStatus.HELD:
            attendees += [
                AttendeeInput(
                    AttendeeKind.OUTSIDE,
                    name="自治会連合会",
                    body="さくら町自治会連合会",
                    head_count=self.rng.randint(1, 4),
                ),
                AttendeeInput(AttendeeKind.DEPARTMENT, name="生活安全課", role="課長"),
            ]
        detail = meetings.create_meeting(
            self.s,
            MeetingInput(
                council_id=council_id,
                kind=kind,
                held_on=day,
                status=status,
                start_time=dt.time(15, 30),
                end_time=dt.time(16, 30),
                place="さくら市民センター 第1会議室",
                reason=reason,
                minutes=(
                    "【委員】通学路で車の速度が出ている。\n【警察】取締りと広報を強化する。\n"
                    "【委員】特殊詐欺の電話が増えている。\n【警察】高齢者宅への訪問で注意を呼びかける。"
                    if status is MeetingStatus.HELD
                    else ""
                ),
                agenda=[AgendaItemInput(t) for t in self.rng.sample(AGENDA, 3)],
                attendees=attendees,
            ),
        )
        self.meeting_count += 1
        for n in range(requests):
            department, content = self.rng.choice(REQUESTS)
            raiser = self.rng.choice(members).person_id if members else None
            answered = (self.today - day).days > 120 or (n == 0 and (self.today - day).days > 30)
            opinions.create_opinion(
                self.s,
                opinions.OpinionInput(
                    council_id=council_id,
                    meeting_id=detail.meeting.id,
                    content=content,
                    raised_on=day,
                    category=OpinionCategory.REQUEST,
                    department=department,
                    subject=content[:12],
                    raised_by_person_id=raiser,
                    response="関係部門と協議の上、対応した。" if answered else "",
                    responded_on=day + dt.timedelta(days=30) if answered else None,
                    status=OpinionStatus.CLOSED if answered else OpinionStatus.OPEN,
                ),
            )
            self.opinion_count += 1

    def _visits(self) -> None:
        person_ids = list(self.s.scalars(select(Person.id).order_by(Person.id)))
        officers = stations.list_officers(self.s)
        for n in range(30):
            person_id = person_ids[(n * 7) % len(person_ids)]
            visits.record_visit(
                self.s,
                visits.VisitInput(
                    person_id=person_id,
                    visited_on=self.today - dt.timedelta(days=self.rng.randint(1, 700)),
                    officer_id=self.rng.choice(officers).id,
                    purpose=self.rng.choice(
                        ["会議の開催案内", "意見・要望への回答", "防犯情報の提供", "委嘱状の交付"]
                    ),
                ),
            )
            self.visit_count += 1


def _term_start_for(term_end: dt.date) -> dt.date:
    """The start of a two-year term that ends on ``term_end``."""
    return add_years(term_end + dt.timedelta(days=1), -2)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)
