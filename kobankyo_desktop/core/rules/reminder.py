"""What a reminder (通知) is: rule ids and titles, severity, subject, fixing action, and
:class:`Reminder` itself, with its sort order and JSON form (``docs/reminders.md``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any

from kobankyo_desktop.core.text import reading_sort_key

NO_REGULAR_MEETING = "no_regular_meeting"
TERM_ENDING = "term_ending"
TERM_LAPSED = "term_lapsed"
NO_MANAGER = "no_manager"
OPINION_UNANSWERED = "opinion_unanswered"
ROSTER_NOT_BROAD = "roster_not_broad"

RULE_TITLES = {
    NO_REGULAR_MEETING: "定期会議が未開催",
    TERM_ENDING: "任期満了が近い委員",
    TERM_LAPSED: "任期が切れたままの委員",
    NO_MANAGER: "運営責任者が未指定",
    OPINION_UNANSWERED: "意見・要望が未対応",
    ROSTER_NOT_BROAD: "委員の構成に偏り",
}


class Severity(IntEnum):
    """How urgent a reminder is, ordered: CRITICAL > WARNING > INFO > ADVICE."""

    ADVICE = 0  # 助言: never a block (§3(3))
    INFO = 1  # お知らせ
    WARNING = 2  # 注意
    CRITICAL = 3  # 至急

    @property
    def code(self) -> str:
        """The stable code used in JSON: ``critical``, ``warning``, ``info``, ``advice``."""
        return self.name.lower()

    @property
    def label(self) -> str:
        return ("助言", "お知らせ", "注意", "至急")[self]


class SubjectKind(StrEnum):
    """What a reminder is about: the council itself, a member (委員) or an opinion."""

    COUNCIL = "council"
    PERSON = "person"
    OPINION = "opinion"


class Action(StrEnum):
    """What fixes a reminder; the UI opens the matching editor with the reminder's target ids."""

    PLAN_MEETING = "plan_meeting"  # council_id, and meeting_id when one is planned
    REAPPOINT_OR_END = "reappoint_or_end"  # appointment_id
    DESIGNATE_MANAGER = "designate_manager"  # council_id
    OPEN_OPINION = "open_opinion"  # opinion_id
    REVIEW_ROSTER = "review_roster"  # council_id


@dataclass(frozen=True, slots=True)
class Reminder:
    """One thing to attend to. ``message`` is Japanese and cites the 要綱 section."""

    rule: str
    severity: Severity
    council_id: int
    council_name: str
    subject_kind: SubjectKind
    subject_id: int
    subject_label: str
    message: str
    due: dt.date | None
    action: Action
    appointment_id: int | None = None
    opinion_id: int | None = None
    meeting_id: int | None = None
    subject_reading: str = ""  # ふりがな of a person, for sorting only

    @property
    def title(self) -> str:
        return RULE_TITLES[self.rule]

    def sort_key(self) -> tuple[Any, ...]:
        """Most urgent first, then earliest due (undated last), then council name; people of
        one council by reading (ふりがな)."""
        due = self.due or dt.date.max
        subject = reading_sort_key(self.subject_reading, self.subject_label)
        return (-self.severity, due, self.council_name, self.rule, subject)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types; field names as documented in docs/reminders.md."""
        return {
            "rule": self.rule,
            "title": self.title,
            "severity": self.severity.code,
            "council_id": self.council_id,
            "council_name": self.council_name,
            "subject_kind": self.subject_kind.value,
            "subject_id": self.subject_id,
            "subject_label": self.subject_label,
            "message": self.message,
            "due": self.due.isoformat() if self.due else None,
            "action": self.action.value,
            "appointment_id": self.appointment_id,
            "opinion_id": self.opinion_id,
            "meeting_id": self.meeting_id,
        }
