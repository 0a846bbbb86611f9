"""Translated labels for the domain vocabularies (the core keeps codes and Japanese terms for
printouts; the GUI shows these, translated like every other string)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kobankyo_desktop.core.services.appointments import TermStatus
from kobankyo_desktop.core.vocab import (
    AgeBand,
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


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


# English source texts, marked for lupdate; the Japanese is in resources/translations.
_SOURCE: dict[StrEnum, str] = {
    PostKind.KOBAN: QT_TRANSLATE_NOOP("Labels", "Koban"),
    PostKind.CHUZAISHO: QT_TRANSLATE_NOOP("Labels", "Chuzaisho"),
    PostKind.PATROL: QT_TRANSLATE_NOOP("Labels", "Community patrol"),
    CouncilKind.STANDARD: QT_TRANSLATE_NOOP("Labels", "Standard"),
    CouncilKind.UNIT_SPLIT: QT_TRANSLATE_NOOP("Labels", "Unit (split)"),
    CouncilKind.UNIT_MERGED: QT_TRANSLATE_NOOP("Labels", "Unit (merged)"),
    CouncilKind.OCCUPATIONAL: QT_TRANSLATE_NOOP("Labels", "Occupational"),
    Gender.MALE: QT_TRANSLATE_NOOP("Labels", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("Labels", "Female"),
    Gender.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    Gender.UNSPECIFIED: QT_TRANSLATE_NOOP("Labels", "Not stated"),
    AgeBand.UNDER_30: QT_TRANSLATE_NOOP("Labels", "Under 30"),
    AgeBand.THIRTIES: QT_TRANSLATE_NOOP("Labels", "30s"),
    AgeBand.FORTIES: QT_TRANSLATE_NOOP("Labels", "40s"),
    AgeBand.FIFTIES: QT_TRANSLATE_NOOP("Labels", "50s"),
    AgeBand.SIXTIES: QT_TRANSLATE_NOOP("Labels", "60s"),
    AgeBand.SEVENTIES_PLUS: QT_TRANSLATE_NOOP("Labels", "70 and over"),
    Field.NEIGHBOURHOOD: QT_TRANSLATE_NOOP("Labels", "Neighbourhood association"),
    Field.BUSINESS: QT_TRANSLATE_NOOP("Labels", "Business"),
    Field.MEDICAL_WELFARE: QT_TRANSLATE_NOOP("Labels", "Medical / welfare"),
    Field.MUNICIPALITY: QT_TRANSLATE_NOOP("Labels", "Municipality"),
    Field.CRIME_PREVENTION: QT_TRANSLATE_NOOP("Labels", "Crime prevention group"),
    Field.EDUCATION: QT_TRANSLATE_NOOP("Labels", "Education"),
    Field.TRAFFIC_SAFETY: QT_TRANSLATE_NOOP("Labels", "Traffic safety"),
    Field.PROBATION: QT_TRANSLATE_NOOP("Labels", "Volunteer probation officer"),
    Field.LEGAL: QT_TRANSLATE_NOOP("Labels", "Legal profession"),
    Field.OTHER: QT_TRANSLATE_NOOP("Labels", "Other field"),
    MeetingKind.REGULAR: QT_TRANSLATE_NOOP("Labels", "Regular meeting"),
    MeetingKind.EXTRAORDINARY: QT_TRANSLATE_NOOP("Labels", "Extraordinary meeting"),
    MeetingStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Planned"),
    MeetingStatus.HELD: QT_TRANSLATE_NOOP("Labels", "Held"),
    MeetingStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    AttendeeKind.MEMBER: QT_TRANSLATE_NOOP("Labels", "Member"),
    AttendeeKind.STAFF: QT_TRANSLATE_NOOP("Labels", "Operating staff"),
    AttendeeKind.OUTSIDE: QT_TRANSLATE_NOOP("Labels", "Resident / local body"),
    AttendeeKind.DEPARTMENT: QT_TRANSLATE_NOOP("Labels", "Police department"),
    OpinionCategory.OPINION: QT_TRANSLATE_NOOP("Labels", "Opinion"),
    OpinionCategory.REQUEST: QT_TRANSLATE_NOOP("Labels", "Request"),
    Department.TRAFFIC: QT_TRANSLATE_NOOP("Labels", "Traffic"),
    Department.COMMUNITY_SAFETY: QT_TRANSLATE_NOOP("Labels", "Community safety"),
    Department.COMMUNITY: QT_TRANSLATE_NOOP("Labels", "Community policing"),
    Department.CRIMINAL: QT_TRANSLATE_NOOP("Labels", "Criminal investigation"),
    Department.SECURITY: QT_TRANSLATE_NOOP("Labels", "Security"),
    Department.GENERAL: QT_TRANSLATE_NOOP("Labels", "General affairs"),
    Department.OTHER: QT_TRANSLATE_NOOP("Labels", "Other department"),
    OpinionStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    OpinionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    OpinionStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    TermStatus.UPCOMING: QT_TRANSLATE_NOOP("Labels", "Upcoming"),
    TermStatus.SERVING: QT_TRANSLATE_NOOP("Labels", "Serving"),
    TermStatus.ENDING: QT_TRANSLATE_NOOP("Labels", "Term ending"),
    TermStatus.LAPSED: QT_TRANSLATE_NOOP("Labels", "Lapsed"),
    TermStatus.FORMER: QT_TRANSLATE_NOOP("Labels", "Former"),
}


def label(value: StrEnum | None) -> str:
    """The translated label of a vocabulary value ("" for None)."""
    if value is None:
        return ""
    return _t(_SOURCE[value])
