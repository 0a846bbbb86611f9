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
# Keyed by member *and* type: Gender.OTHER and Field.OTHER are both the string "other",
# and StrEnum members hash and compare as their strings.
_SOURCE: dict[tuple[type[StrEnum], str], str] = {
    (PostKind, PostKind.KOBAN): QT_TRANSLATE_NOOP("Labels", "Koban"),
    (PostKind, PostKind.CHUZAISHO): QT_TRANSLATE_NOOP("Labels", "Chuzaisho"),
    (PostKind, PostKind.PATROL): QT_TRANSLATE_NOOP("Labels", "Community patrol"),
    (CouncilKind, CouncilKind.STANDARD): QT_TRANSLATE_NOOP("Labels", "Standard"),
    (CouncilKind, CouncilKind.UNIT_SPLIT): QT_TRANSLATE_NOOP("Labels", "Unit (split)"),
    (CouncilKind, CouncilKind.UNIT_MERGED): QT_TRANSLATE_NOOP("Labels", "Unit (merged)"),
    (CouncilKind, CouncilKind.OCCUPATIONAL): QT_TRANSLATE_NOOP("Labels", "Occupational"),
    (Gender, Gender.MALE): QT_TRANSLATE_NOOP("Labels", "Male"),
    (Gender, Gender.FEMALE): QT_TRANSLATE_NOOP("Labels", "Female"),
    (Gender, Gender.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    (Gender, Gender.UNSPECIFIED): QT_TRANSLATE_NOOP("Labels", "Not stated"),
    (AgeBand, AgeBand.UNDER_30): QT_TRANSLATE_NOOP("Labels", "Under 30"),
    (AgeBand, AgeBand.THIRTIES): QT_TRANSLATE_NOOP("Labels", "30s"),
    (AgeBand, AgeBand.FORTIES): QT_TRANSLATE_NOOP("Labels", "40s"),
    (AgeBand, AgeBand.FIFTIES): QT_TRANSLATE_NOOP("Labels", "50s"),
    (AgeBand, AgeBand.SIXTIES): QT_TRANSLATE_NOOP("Labels", "60s"),
    (AgeBand, AgeBand.SEVENTIES_PLUS): QT_TRANSLATE_NOOP("Labels", "70 and over"),
    (Field, Field.NEIGHBOURHOOD): QT_TRANSLATE_NOOP("Labels", "Neighbourhood association"),
    (Field, Field.BUSINESS): QT_TRANSLATE_NOOP("Labels", "Business"),
    (Field, Field.MEDICAL_WELFARE): QT_TRANSLATE_NOOP("Labels", "Medical / welfare"),
    (Field, Field.MUNICIPALITY): QT_TRANSLATE_NOOP("Labels", "Municipality"),
    (Field, Field.CRIME_PREVENTION): QT_TRANSLATE_NOOP("Labels", "Crime prevention group"),
    (Field, Field.EDUCATION): QT_TRANSLATE_NOOP("Labels", "Education"),
    (Field, Field.TRAFFIC_SAFETY): QT_TRANSLATE_NOOP("Labels", "Traffic safety"),
    (Field, Field.PROBATION): QT_TRANSLATE_NOOP("Labels", "Volunteer probation officer"),
    (Field, Field.LEGAL): QT_TRANSLATE_NOOP("Labels", "Legal profession"),
    (Field, Field.OTHER): QT_TRANSLATE_NOOP("Labels", "Other field"),
    (MeetingKind, MeetingKind.REGULAR): QT_TRANSLATE_NOOP("Labels", "Regular meeting"),
    (MeetingKind, MeetingKind.EXTRAORDINARY): QT_TRANSLATE_NOOP("Labels", "Extraordinary meeting"),
    (MeetingStatus, MeetingStatus.PLANNED): QT_TRANSLATE_NOOP("Labels", "Planned"),
    (MeetingStatus, MeetingStatus.HELD): QT_TRANSLATE_NOOP("Labels", "Held"),
    (MeetingStatus, MeetingStatus.CANCELLED): QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    (AttendeeKind, AttendeeKind.MEMBER): QT_TRANSLATE_NOOP("Labels", "Member"),
    (AttendeeKind, AttendeeKind.STAFF): QT_TRANSLATE_NOOP("Labels", "Operating staff"),
    (AttendeeKind, AttendeeKind.OUTSIDE): QT_TRANSLATE_NOOP("Labels", "Resident / local body"),
    (AttendeeKind, AttendeeKind.DEPARTMENT): QT_TRANSLATE_NOOP("Labels", "Police department"),
    (OpinionCategory, OpinionCategory.OPINION): QT_TRANSLATE_NOOP("Labels", "Opinion"),
    (OpinionCategory, OpinionCategory.REQUEST): QT_TRANSLATE_NOOP("Labels", "Request"),
    (Department, Department.TRAFFIC): QT_TRANSLATE_NOOP("Labels", "Traffic"),
    (Department, Department.COMMUNITY_SAFETY): QT_TRANSLATE_NOOP("Labels", "Community safety"),
    (Department, Department.COMMUNITY): QT_TRANSLATE_NOOP("Labels", "Community policing"),
    (Department, Department.CRIMINAL): QT_TRANSLATE_NOOP("Labels", "Criminal investigation"),
    (Department, Department.SECURITY): QT_TRANSLATE_NOOP("Labels", "Security"),
    (Department, Department.GENERAL): QT_TRANSLATE_NOOP("Labels", "General affairs"),
    (Department, Department.OTHER): QT_TRANSLATE_NOOP("Labels", "Other department"),
    (OpinionStatus, OpinionStatus.OPEN): QT_TRANSLATE_NOOP("Labels", "Open"),
    (OpinionStatus, OpinionStatus.IN_PROGRESS): QT_TRANSLATE_NOOP("Labels", "In progress"),
    (OpinionStatus, OpinionStatus.CLOSED): QT_TRANSLATE_NOOP("Labels", "Closed"),
    (TermStatus, TermStatus.UPCOMING): QT_TRANSLATE_NOOP("Labels", "Upcoming"),
    (TermStatus, TermStatus.SERVING): QT_TRANSLATE_NOOP("Labels", "Serving"),
    (TermStatus, TermStatus.ENDING): QT_TRANSLATE_NOOP("Labels", "Term ending"),
    (TermStatus, TermStatus.LAPSED): QT_TRANSLATE_NOOP("Labels", "Lapsed"),
    (TermStatus, TermStatus.FORMER): QT_TRANSLATE_NOOP("Labels", "Former"),
}


def label(value: StrEnum | None) -> str:
    """The translated label of a vocabulary value ("" for None)."""
    if value is None:
        return ""
    return _t(_SOURCE[(type(value), value)])
