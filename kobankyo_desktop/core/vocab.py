"""Domain vocabularies: stored codes and the Japanese terms officers use for them.

Codes are what the database and exports hold (stable, ASCII); the labels are the terms of the
要綱 and of practice, used by the CLI, printouts and exports. The GUI translates its own labels.
"""

from __future__ import annotations

from enum import StrEnum


class PostKind(StrEnum):
    """交番等 (§2): a 交番, a 駐在所 or a police station's 地域警ら unit."""

    KOBAN = "koban"
    CHUZAISHO = "chuzaisho"
    PATROL = "patrol"


class CouncilKind(StrEnum):
    """The kind of 連絡協議会: 標準 (§3(1)), 単位 split or merged (§4(1)), 職種等 (§5(1))."""

    STANDARD = "standard"
    UNIT_SPLIT = "unit_split"
    UNIT_MERGED = "unit_merged"
    OCCUPATIONAL = "occupational"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNSPECIFIED = "unspecified"


class AgeBand(StrEnum):
    """Age bands as headquarters counts members."""

    UNDER_30 = "under30"
    THIRTIES = "30s"
    FORTIES = "40s"
    FIFTIES = "50s"
    SIXTIES = "60s"
    SEVENTIES_PLUS = "70plus"


class Field(StrEnum):
    """The field (分野) a committee member is counted under for headquarters."""

    NEIGHBOURHOOD = "neighbourhood"
    BUSINESS = "business"
    MEDICAL_WELFARE = "medical_welfare"
    MUNICIPALITY = "municipality"
    CRIME_PREVENTION = "crime_prevention"
    EDUCATION = "education"
    TRAFFIC_SAFETY = "traffic_safety"
    PROBATION = "probation"
    LEGAL = "legal"
    OTHER = "other"


class MeetingKind(StrEnum):
    """定期会議 (at least once a year, §6(2)) or 臨時会議 (when needed, §6(3))."""

    REGULAR = "regular"
    EXTRAORDINARY = "extraordinary"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendeeKind(StrEnum):
    """Who took part (§6(4), §6(5), §8(2)): a member, an operating officer, an outsider, a department."""

    MEMBER = "member"
    STAFF = "staff"
    OUTSIDE = "outside"
    DEPARTMENT = "department"


class OpinionCategory(StrEnum):
    OPINION = "opinion"
    REQUEST = "request"


class Department(StrEnum):
    """The police department that answers an opinion or request."""

    TRAFFIC = "traffic"
    COMMUNITY_SAFETY = "community_safety"
    COMMUNITY = "community"
    CRIMINAL = "criminal"
    SECURITY = "security"
    GENERAL = "general"
    OTHER = "other"


class OpinionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


# Keyed by member *and* type: Gender.OTHER and Field.OTHER are both the string "other",
# and StrEnum members hash and compare as their strings.
LABELS: dict[tuple[type[StrEnum], str], str] = {
    (PostKind, PostKind.KOBAN): "交番",
    (PostKind, PostKind.CHUZAISHO): "駐在所",
    (PostKind, PostKind.PATROL): "地域警ら",
    (CouncilKind, CouncilKind.STANDARD): "標準",
    (CouncilKind, CouncilKind.UNIT_SPLIT): "単位（分割）",
    (CouncilKind, CouncilKind.UNIT_MERGED): "単位（統合）",
    (CouncilKind, CouncilKind.OCCUPATIONAL): "職種等",
    (Gender, Gender.MALE): "男性",
    (Gender, Gender.FEMALE): "女性",
    (Gender, Gender.OTHER): "その他",
    (Gender, Gender.UNSPECIFIED): "未回答",
    (AgeBand, AgeBand.UNDER_30): "30歳未満",
    (AgeBand, AgeBand.THIRTIES): "30代",
    (AgeBand, AgeBand.FORTIES): "40代",
    (AgeBand, AgeBand.FIFTIES): "50代",
    (AgeBand, AgeBand.SIXTIES): "60代",
    (AgeBand, AgeBand.SEVENTIES_PLUS): "70歳以上",
    (Field, Field.NEIGHBOURHOOD): "自治会",
    (Field, Field.BUSINESS): "事業者",
    (Field, Field.MEDICAL_WELFARE): "医療・福祉",
    (Field, Field.MUNICIPALITY): "自治体",
    (Field, Field.CRIME_PREVENTION): "防犯団体",
    (Field, Field.EDUCATION): "教育",
    (Field, Field.TRAFFIC_SAFETY): "交通安全",
    (Field, Field.PROBATION): "保護司",
    (Field, Field.LEGAL): "法曹",
    (Field, Field.OTHER): "その他",
    (MeetingKind, MeetingKind.REGULAR): "定期会議",
    (MeetingKind, MeetingKind.EXTRAORDINARY): "臨時会議",
    (MeetingStatus, MeetingStatus.PLANNED): "予定",
    (MeetingStatus, MeetingStatus.HELD): "開催済",
    (MeetingStatus, MeetingStatus.CANCELLED): "中止",
    (AttendeeKind, AttendeeKind.MEMBER): "委員",
    (AttendeeKind, AttendeeKind.STAFF): "運営担当者",
    (AttendeeKind, AttendeeKind.OUTSIDE): "地域住民・関係機関",
    (AttendeeKind, AttendeeKind.DEPARTMENT): "関係部門",
    (OpinionCategory, OpinionCategory.OPINION): "意見",
    (OpinionCategory, OpinionCategory.REQUEST): "要望",
    (Department, Department.TRAFFIC): "交通",
    (Department, Department.COMMUNITY_SAFETY): "生活安全",
    (Department, Department.COMMUNITY): "地域",
    (Department, Department.CRIMINAL): "刑事",
    (Department, Department.SECURITY): "警備",
    (Department, Department.GENERAL): "総務・警務",
    (Department, Department.OTHER): "その他",
    (OpinionStatus, OpinionStatus.OPEN): "未対応",
    (OpinionStatus, OpinionStatus.IN_PROGRESS): "対応中",
    (OpinionStatus, OpinionStatus.CLOSED): "完了",
}


def label(value: StrEnum) -> str:
    """The Japanese term for a vocabulary value."""
    return LABELS[(type(value), value)]


def age_band_for(age: int) -> AgeBand:
    """The band an age in completed years falls in."""
    if age < 30:
        return AgeBand.UNDER_30
    if age >= 70:
        return AgeBand.SEVENTIES_PLUS
    return AgeBand(f"{age // 10 * 10}s")
