"""The 委員 tab and its dialogs, driven through the real widgets against a real database."""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kobankyo_desktop.core.dates import DateStyle
from kobankyo_desktop.core.db import Database
from kobankyo_desktop.core.models import Appointment, Person, Visit
from kobankyo_desktop.core.services.appointments import (
    AppointmentInput,
    AppointmentRow,
    TermStatus,
    appoint,
    end_appointment,
)
from kobankyo_desktop.core.services.councils import CouncilInput, CouncilRow, create_council
from kobankyo_desktop.core.services.people import (
    MemberRow,
    PersonInput,
    PersonRow,
    create_person,
)
from kobankyo_desktop.core.services.stations import (
    OfficerInput,
    OfficerRow,
    PostRow,
    StationRow,
    create_officer,
    create_post,
)
from kobankyo_desktop.core.vocab import CouncilKind, Field, Gender, PostKind
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.appointment_dialogs import (
    AppointDialog,
    EndAppointmentDialog,
    ReappointDialog,
)
from kobankyo_desktop.ui.dialogs.person_detail_dialog import PersonDetailDialog, VisitDialog
from kobankyo_desktop.ui.dialogs.person_dialog import PersonDialog
from kobankyo_desktop.ui.models.members_model import MembersModel
from kobankyo_desktop.ui.models.table import RowFilterProxy
from kobankyo_desktop.ui.tabs.members_tab import MembersTab, member_filter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TableCounts = Callable[[], dict[str, int]]
TypeText = Callable[[QWidget, str], None]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

FIXED_DATE = dt.date(2025, 6, 2)  # a Monday in 令和7年度

# The offscreen platform warns whenever a shown dialog's size constraints change; it says
# nothing about our code, and every other Qt warning still fails the test.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


# Fixtures ------------------------------------------------------------------------------------
@pytest.fixture
def context(db: Database) -> AppContext:
    return AppContext(db, today=lambda: FIXED_DATE)


@pytest.fixture
def council(db: Database, station: StationRow, post: PostRow) -> CouncilRow:
    with db.transaction() as s:
        return create_council(
            s,
            CouncilInput(
                station.id,
                "駅前交番連絡協議会",
                CouncilKind.STANDARD,
                [post.id],
                dt.date(2020, 4, 1),
            ),
        )


@pytest.fixture
def other_council(db: Database, station: StationRow) -> CouncilRow:
    with db.transaction() as s:
        harbour = create_post(s, station.id, "港町交番", PostKind.KOBAN)
        return create_council(
            s,
            CouncilInput(
                station.id,
                "港町交番連絡協議会",
                CouncilKind.STANDARD,
                [harbour.id],
                dt.date(2020, 4, 1),
            ),
        )


@pytest.fixture
def officer(db: Database, post: PostRow) -> OfficerRow:
    with db.transaction() as s:
        return create_officer(s, OfficerInput(post.id, "佐藤 一郎", "さとう いちろう"))


@pytest.fixture
def tab(qtbot: QtBot, context: AppContext) -> MembersTab:
    page = MembersTab(context)
    qtbot.addWidget(page)
    # As the main window does: every write refreshes the tabs.
    context.changed.connect(lambda _entity: page.refresh())
    page.refresh()
    return page


class Modals:
    """Acts on the next modal dialog once its event loop runs, so code that calls exec()
    can be driven as a user would. A failing handler closes its dialog and is re-raised."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.handled = 0

    def next(self, handler: Callable[[QWidget], None]) -> None:
        def run(attempt: int = 0) -> None:
            widget = QApplication.activeModalWidget()
            if widget is None:
                if attempt < 100:
                    QTimer.singleShot(10, lambda: run(attempt + 1))
                else:
                    self.errors.append(AssertionError("no modal dialog appeared"))
                return
            try:
                handler(widget)
                self.handled += 1
            except BaseException as exc:
                self.errors.append(exc)
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.done(QDialog.DialogCode.Rejected)

        QTimer.singleShot(0, run)

    def check(self, expected: int) -> None:
        if self.errors:
            raise self.errors[0]
        assert self.handled == expected


@pytest.fixture
def modals() -> Iterator[Modals]:
    driver = Modals()
    yield driver
    if driver.errors:
        raise driver.errors[0]


def add_person(db: Database, name: str, reading: str, **extra: object) -> PersonRow:
    with db.transaction() as s:
        return create_person(s, PersonInput(name=name, reading=reading, **extra))  # type: ignore[arg-type]


def add_appointment(
    db: Database, council_id: int, person_id: int, start: dt.date, **extra: object
) -> AppointmentRow:
    with db.transaction() as s:
        return appoint(s, AppointmentInput(council_id, person_id, start, **extra))  # type: ignore[arg-type]


def click_save(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def set_date(field: object, day: dt.date) -> None:
    field.edit.setDate(QDate(day.year, day.month, day.day))


def table_rows(tab: MembersTab) -> list[MemberRow]:
    return [tab.proxy.row_at(n) for n in range(tab.proxy.rowCount())]


# The person dialog ---------------------------------------------------------------------------
def test_create_person_by_typing(
    qtbot: QtBot, context: AppContext, db: Database, type_text: TypeText
) -> None:
    dialog = PersonDialog(context)
    qtbot.addWidget(dialog)
    type_text(dialog.name_edit, "山田 花子")
    type_text(dialog.reading_edit, "ヤマダ ハナコ")
    dialog.gender_combo.setCurrentIndex(dialog.gender_combo.findData(Gender.FEMALE))
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData(Field.NEIGHBOURHOOD))
    type_text(dialog.organisation_edit, "さくら町自治会")
    qtbot.keyClicks(dialog.phone_edit, "000-111-2222")
    dialog.birth_date.enabled_box.click()  # type: ignore[union-attr]
    set_date(dialog.birth_date, dt.date(1960, 5, 1))
    assert not dialog.age_band_combo.isEnabled()  # worked out from the birth date
    assert dialog.dirty

    click_save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.reader() as s:
        person = s.scalars(select(Person)).one()
        assert person.name == "山田 花子"
        assert person.reading == "やまだ はなこ"  # katakana input is stored in hiragana
        assert person.gender is Gender.FEMALE
        assert person.field is Field.NEIGHBOURHOOD
        assert person.birth_date == dt.date(1960, 5, 1)
        assert person.age_band is None
        assert person.phone == "000-111-2222"
    assert dialog.result_value.id == person.id


def test_empty_name_is_refused_next_to_the_field(
    qtbot: QtBot, context: AppContext, table_counts: TableCounts, type_text: TypeText
) -> None:
    before = table_counts()
    dialog = PersonDialog(context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "   ")  # blanks only
    type_text(dialog.reading_edit, "やまだ")

    click_save(dialog)

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error_label.isHidden()
    assert JAPANESE.search(dialog.error_label.text())
    assert dialog.name_edit.styleSheet()  # the offending field is marked
    assert table_counts() == before


def test_cancelling_a_dirty_edit_asks_and_saves_nothing(
    qtbot: QtBot,
    context: AppContext,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    type_text: TypeText,
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def question(_parent: QWidget, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = PersonDialog(context, person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.dirty  # loading the record is not an edit
    type_text(dialog.name_edit, "次郎")

    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert asked and dialog.isVisible()  # "Cancel" in the question keeps the edit open

    answer = QMessageBox.StandardButton.Discard
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(asked) == 2
    assert dialog.result() == QDialog.DialogCode.Rejected
    with db.reader() as s:
        assert s.scalars(select(Person.name)).one() == "山田 太郎"


# Appointing ----------------------------------------------------------------------------------
def test_term_end_follows_start_until_edited(
    qtbot: QtBot, context: AppContext, db: Database, council: CouncilRow
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    dialog = AppointDialog(context, person.id, person.name, council.id)
    qtbot.addWidget(dialog)
    assert dialog.term_start.value() == FIXED_DATE
    assert dialog.term_end.value() == dt.date(2027, 6, 1)

    set_date(dialog.term_start, dt.date(2025, 4, 1))
    assert dialog.term_end.value() == dt.date(2027, 3, 31)  # 2 years − 1 day (§3(5))

    set_date(dialog.term_end, dt.date(2026, 3, 31))  # the user shortens the term
    set_date(dialog.term_start, dt.date(2025, 5, 1))
    assert dialog.term_end.value() == dt.date(2026, 3, 31)


def test_appoint_records_role_and_consultation(
    qtbot: QtBot, context: AppContext, db: Database, council: CouncilRow, type_text: TypeText
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    dialog = AppointDialog(context, person.id, person.name, council.id)
    qtbot.addWidget(dialog)
    dialog.role_combo.setCurrentText("")
    type_text(dialog.role_combo.lineEdit(), "会長")
    set_date(dialog.term_start, dt.date(2025, 4, 1))
    type_text(dialog.consulted_with_edit, "生活安全課")
    dialog.consulted_on.enabled_box.click()  # type: ignore[union-attr]
    set_date(dialog.consulted_on, dt.date(2025, 3, 10))

    click_save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.reader() as s:
        appointment = s.scalars(select(Appointment)).one()
        assert (appointment.council_id, appointment.person_id) == (council.id, person.id)
        assert appointment.role == "会長"
        assert (appointment.term_start, appointment.term_end) == (
            dt.date(2025, 4, 1),
            dt.date(2027, 3, 31),
        )
        assert appointment.consulted_with == "生活安全課"
        assert appointment.consulted_on == dt.date(2025, 3, 10)


def test_term_end_before_start_is_refused(
    qtbot: QtBot,
    context: AppContext,
    db: Database,
    council: CouncilRow,
    table_counts: TableCounts,
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    before = table_counts()
    dialog = AppointDialog(context, person.id, person.name, council.id)
    qtbot.addWidget(dialog)
    set_date(dialog.term_end, dt.date(2025, 1, 1))

    click_save(dialog)

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error_label.isHidden()
    assert JAPANESE.search(dialog.error_label.text())
    assert dialog.term_end.styleSheet()
    assert table_counts() == before


def test_abolished_councils_are_not_offered(
    qtbot: QtBot, context: AppContext, db: Database, council: CouncilRow, other_council: CouncilRow
) -> None:
    from kobankyo_desktop.core.services.councils import abolish_council

    with db.transaction() as s:
        abolish_council(s, other_council.id, dt.date(2025, 3, 31))
    person = add_person(db, "山田 太郎", "やまだ たろう")
    dialog = AppointDialog(context, person.id, person.name)
    qtbot.addWidget(dialog)
    offered = [dialog.council_combo.itemData(n) for n in range(dialog.council_combo.count())]
    assert offered == [council.id]


def test_new_person_then_appoint_from_the_tab(
    tab: MembersTab, db: Database, council: CouncilRow, modals: Modals, type_text: TypeText
) -> None:
    def fill_person(dialog: QWidget) -> None:
        assert isinstance(dialog, PersonDialog)
        type_text(dialog.name_edit, "鈴木 一郎")
        type_text(dialog.reading_edit, "すずき いちろう")
        modals.next(answer_yes)
        click_save(dialog)

    def answer_yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        modals.next(fill_appointment)
        box.button(QMessageBox.StandardButton.Yes).click()

    def fill_appointment(dialog: QWidget) -> None:
        assert isinstance(dialog, AppointDialog)
        dialog.council_combo.setCurrentIndex(dialog.council_combo.findData(council.id))
        click_save(dialog)

    statuses: list[str] = []
    tab.status_message.connect(statuses.append)
    modals.next(fill_person)
    tab.new_item()

    modals.check(3)
    rows = table_rows(tab)
    assert [(r.name, r.council_name, r.status) for r in rows] == [
        ("鈴木 一郎", "駅前交番連絡協議会", TermStatus.SERVING)
    ]
    assert tab.current_row() == rows[0]  # the new line is selected
    assert len(statuses) == 2
    with db.reader() as s:
        assert s.scalars(select(Appointment.term_start)).one() == FIXED_DATE


# Reappointing and ending ---------------------------------------------------------------------
def test_reappoint_from_the_table(
    tab: MembersTab, qtbot: QtBot, db: Database, council: CouncilRow, modals: Modals
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    first = add_appointment(db, council.id, person.id, dt.date(2023, 7, 1), role="副会長")
    tab.refresh()
    assert tab.select(person.id, first.id)
    assert tab.current_row() is not None
    assert tab.current_row().status is TermStatus.ENDING  # type: ignore[union-attr]
    assert tab.reappoint_button.isEnabled()

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, ReappointDialog)
        # The new term is shown before anything is saved (from the day after the old end).
        assert "令和7年7月1日" in dialog.term_label.text()
        assert "令和9年6月30日" in dialog.term_label.text()
        assert dialog.role_combo.currentText() == "副会長"
        click_save(dialog)

    modals.next(confirm)
    tab.reappoint_button.click()

    modals.check(1)
    with db.reader() as s:
        terms = s.execute(
            select(
                Appointment.term_start, Appointment.term_end, Appointment.reappointed_from_id
            ).order_by(Appointment.term_start)
        ).all()
    assert [tuple(t) for t in terms] == [
        (dt.date(2023, 7, 1), dt.date(2025, 6, 30), None),
        (dt.date(2025, 7, 1), dt.date(2027, 6, 30), first.id),
    ]
    # Until the new term starts the line shows the current one, marked as reappointed.
    row = tab.current_row()
    assert row is not None and row.reappointed and row.appointment_id == first.id
    assert row.status is TermStatus.SERVING
    assert not tab.reappoint_button.isEnabled()
    assert tab.model.status_text(row) == tab.model.tr("Serving (reappointed)")


def test_open_appointment_ends_a_lapsed_term(
    tab: MembersTab, qtbot: QtBot, db: Database, council: CouncilRow, modals: Modals
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    lapsed = add_appointment(db, council.id, person.id, dt.date(2023, 5, 1))
    tab.refresh()
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("none"))  # hides the line

    def choose_end(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert "33" in box.text()  # the term ended 33 days ago
        modals.next(close_as_term_over)
        button = box.findChild(QPushButton, "end")
        assert button is not None
        button.click()

    def close_as_term_over(dialog: QWidget) -> None:
        assert isinstance(dialog, EndAppointmentDialog)
        assert dialog.ended_on.value() == dt.date(2025, 4, 30)  # the last day of the term
        assert dialog.reason_combo.currentText() == "任期満了"
        click_save(dialog)

    modals.next(choose_end)
    tab.open_appointment(lapsed.id)

    modals.check(2)
    assert tab.status_combo.currentData() == "all"  # filters cleared to show the line
    with db.reader() as s:
        appointment = s.get(Appointment, lapsed.id)
        assert appointment is not None
        assert (appointment.ended_on, appointment.end_reason) == (dt.date(2025, 4, 30), "任期満了")
    assert [r.status for r in table_rows(tab)] == [TermStatus.FORMER]


def test_end_early_requires_a_reason(
    qtbot: QtBot,
    context: AppContext,
    db: Database,
    council: CouncilRow,
    table_counts: TableCounts,
    type_text: TypeText,
) -> None:
    from kobankyo_desktop.ui.dialogs.appointment_dialogs import AppointmentRef

    person = add_person(db, "山田 太郎", "やまだ たろう")
    row = add_appointment(db, council.id, person.id, dt.date(2025, 4, 1))
    before = table_counts()
    dialog = EndAppointmentDialog(context, AppointmentRef.from_history(row, person.name))
    qtbot.addWidget(dialog)
    assert dialog.reason_combo.currentText() == ""

    click_save(dialog)
    assert not dialog.error_label.isHidden()
    assert table_counts() == before

    type_text(dialog.reason_combo.lineEdit(), "転居")
    click_save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.reader() as s:
        appointment = s.get(Appointment, row.id)
        assert appointment is not None
        assert (appointment.ended_on, appointment.end_reason) == (FIXED_DATE, "転居")


# The detail view and visits ------------------------------------------------------------------
def test_detail_view_records_a_visit(
    qtbot: QtBot,
    context: AppContext,
    db: Database,
    council: CouncilRow,
    officer: OfficerRow,
    modals: Modals,
    type_text: TypeText,
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう", phone="000-111-2222")
    add_appointment(db, council.id, person.id, dt.date(2025, 4, 1))
    detail = PersonDetailDialog(context, person.id)
    qtbot.addWidget(detail)
    assert detail.values["phone"].text() == "000-111-2222"  # contact details only here
    assert detail.history_proxy.rowCount() == 1
    assert detail.visit_proxy.rowCount() == 0

    def fill_visit(dialog: QWidget) -> None:
        assert isinstance(dialog, VisitDialog)
        # The operating officers of the posts of the person's councils are offered (§3(6)).
        assert dialog.officer_combo.count() == 1
        dialog.officer_combo.setCurrentIndex(0)
        type_text(dialog.purpose_edit, "会議の開催案内")
        type_text(dialog.notes_edit, "不在のため資料を投函")
        click_save(dialog)

    modals.next(fill_visit)
    detail.visit_button.click()

    modals.check(1)
    assert detail.visit_proxy.rowCount() == 1
    shown = detail.visit_proxy.row_at(0)
    assert (shown.officer_name, shown.purpose) == ("佐藤 一郎", "会議の開催案内")
    with db.reader() as s:
        visit = s.scalars(select(Visit)).one()
        assert (visit.person_id, visit.officer_id, visit.council_id) == (
            person.id,
            officer.id,
            council.id,
        )
        assert visit.visited_on == FIXED_DATE
        assert visit.notes == "不在のため資料を投函"


def test_visit_by_an_officer_not_listed(
    qtbot: QtBot,
    context: AppContext,
    db: Database,
    table_counts: TableCounts,
    type_text: TypeText,
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    dialog = VisitDialog(context, person.id, person.name, [])
    qtbot.addWidget(dialog)
    type_text(dialog.purpose_edit, "防犯情報の提供")
    before = table_counts()

    click_save(dialog)  # no officer: refused next to the field
    assert not dialog.error_label.isHidden()
    assert dialog.officer_combo.styleSheet()
    assert table_counts() == before

    type_text(dialog.officer_combo.lineEdit(), "生活安全課 高橋")
    click_save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.reader() as s:
        visit = s.scalars(select(Visit)).one()
        assert (visit.officer_id, visit.officer_name) == (None, "生活安全課 高橋")


def test_detail_view_reappoints_and_edits(
    qtbot: QtBot,
    context: AppContext,
    db: Database,
    council: CouncilRow,
    modals: Modals,
    type_text: TypeText,
) -> None:
    person = add_person(db, "山田 太郎", "やまだ たろう")
    add_appointment(db, council.id, person.id, dt.date(2023, 7, 1))
    detail = PersonDetailDialog(context, person.id)
    qtbot.addWidget(detail)
    assert detail.reappoint_button.isEnabled()

    modals.next(lambda dialog: click_save(dialog))  # type: ignore[arg-type]
    detail.reappoint_button.click()
    modals.check(1)
    assert detail.history_proxy.rowCount() == 2
    selected = detail.selected_appointment()
    assert selected is not None and selected.term_start == dt.date(2025, 7, 1)

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.name_edit.clear()
        type_text(dialog.name_edit, "山田 太朗")
        click_save(dialog)

    modals.next(rename)
    detail.edit_button.click()
    modals.check(2)
    assert detail.values["name"].text() == "山田 太朗"


# The table and its filters -------------------------------------------------------------------
@pytest.fixture
def roster(db: Database, council: CouncilRow, other_council: CouncilRow) -> dict[str, PersonRow]:
    """One person in each situation, on two councils, as of FIXED_DATE (2025-06-02)."""
    people = {
        "serving": add_person(
            db, "青木 一郎", "あおき いちろう", organisation="さくら町自治会", phone="000-111-2222"
        ),
        "ending": add_person(db, "井上 二郎", "いのうえ じろう"),
        "lapsed": add_person(db, "上田 三郎", "うえだ さぶろう"),
        "former": add_person(db, "江藤 四郎", "えとう しろう"),
        "harbour": add_person(db, "岡田 五郎", "おかだ ごろう"),
        "none": add_person(db, "加藤 六郎", "かとう ろくろう"),
    }
    add_appointment(db, council.id, people["serving"].id, dt.date(2025, 4, 1))
    add_appointment(db, council.id, people["ending"].id, dt.date(2023, 8, 1))
    add_appointment(db, council.id, people["lapsed"].id, dt.date(2023, 5, 1))
    former = add_appointment(db, council.id, people["former"].id, dt.date(2024, 4, 1))
    with db.transaction() as s:
        end_appointment(s, former.id, dt.date(2025, 3, 31), "転居")
    add_appointment(db, other_council.id, people["harbour"].id, dt.date(2025, 4, 1))
    return people


def test_the_table_shows_each_situation(tab: MembersTab, roster: dict[str, PersonRow]) -> None:
    tab.refresh()
    by_name = {r.name: r for r in table_rows(tab)}
    assert by_name["青木 一郎"].status is TermStatus.SERVING
    assert by_name["井上 二郎"].status is TermStatus.ENDING
    assert by_name["上田 三郎"].status is TermStatus.LAPSED
    assert by_name["江藤 四郎"].status is TermStatus.FORMER
    assert by_name["加藤 六郎"].status is None
    assert tab.count_label.text() == tab.tr("%1 of %2 shown").replace("%1", "6").replace("%2", "6")
    # Names sort by their reading (五十音), days left numerically.
    assert [r.name for r in table_rows(tab)][:3] == ["青木 一郎", "井上 二郎", "上田 三郎"]
    tab.view.sortByColumn(10, Qt.SortOrder.AscendingOrder)
    days = [r.days_left for r in table_rows(tab) if r.days_left is not None]
    assert days == sorted(days)
    # No contact detail ever reaches the table.
    model = tab.model
    shown = {
        model.data(model.index(row, column))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }
    assert "000-111-2222" not in shown


def test_filters(tab: MembersTab, roster: dict[str, PersonRow], council: CouncilRow) -> None:
    tab.refresh()

    def names() -> set[str]:
        return {r.name for r in table_rows(tab)}

    def choose_status(key: str) -> None:
        tab.status_combo.setCurrentIndex(tab.status_combo.findData(key))

    tab.search_edit.setText("イノウエ")  # katakana finds the hiragana reading
    assert names() == {"井上 二郎"}
    tab.search_edit.setText("自治会")  # organisation
    assert names() == {"青木 一郎"}
    tab.search_edit.setText("港町")  # council name
    assert names() == {"岡田 五郎"}
    tab.search_edit.clear()

    tab.council_combo.setCurrentIndex(tab.council_combo.findData(council.id))
    assert tab.proxy.rowCount() == 4
    choose_status("serving")
    assert names() == {"青木 一郎", "井上 二郎"}
    choose_status("ending")
    assert names() == {"井上 二郎"}
    choose_status("lapsed")
    assert names() == {"上田 三郎"}
    choose_status("former")
    assert names() == {"江藤 四郎"}
    choose_status("none")
    assert tab.proxy.rowCount() == 0
    tab.council_combo.setCurrentIndex(0)
    assert names() == {"加藤 六郎"}
    choose_status("serving")
    assert names() == {"青木 一郎", "井上 二郎", "岡田 五郎"}


def test_show_council_and_selection_survive_refresh(
    tab: MembersTab, roster: dict[str, PersonRow], other_council: CouncilRow
) -> None:
    tab.refresh()
    tab.search_edit.setText("あおき")
    tab.show_council(other_council.id)
    assert tab.search_edit.text() == ""
    assert [r.name for r in table_rows(tab)] == ["岡田 五郎"]

    tab.council_combo.setCurrentIndex(0)
    assert tab.select(roster["lapsed"].id, None)
    tab.refresh()
    selected = tab.current_row()
    assert selected is not None and selected.name == "上田 三郎"


def test_delete_refused_for_a_member_and_allowed_for_a_mistake(
    tab: MembersTab, roster: dict[str, PersonRow], db: Database, modals: Modals
) -> None:
    tab.refresh()
    messages: list[str] = []

    def answer_yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    def read_refusal(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    def answer_yes_then_read_refusal(box: QWidget) -> None:
        modals.next(read_refusal)
        answer_yes(box)

    tab.select(roster["serving"].id, None)
    modals.next(answer_yes_then_read_refusal)
    tab.delete_current()
    modals.check(2)
    assert messages and "委嘱" in messages[0]

    tab.select(roster["none"].id, None)
    modals.next(answer_yes)
    tab.delete_current()
    modals.check(3)
    with db.reader() as s:
        assert s.get(Person, roster["none"].id) is None
        assert s.get(Person, roster["serving"].id) is not None
    assert "加藤 六郎" not in {r.name for r in table_rows(tab)}


def test_edit_current_opens_the_detail_view(
    tab: MembersTab, roster: dict[str, PersonRow], modals: Modals
) -> None:
    tab.refresh()
    tab.select(roster["harbour"].id, None)
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, PersonDetailDialog)
        seen.append(dialog.values["name"].text())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()

    modals.next(look)
    tab.edit_current()
    modals.check(1)
    assert seen == ["岡田 五郎"]


# Models --------------------------------------------------------------------------------------
def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester,
    qtbot: QtBot,
    tab: MembersTab,
    roster: dict[str, PersonRow],
    context: AppContext,
) -> None:
    tab.refresh()
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    detail = PersonDetailDialog(context, roster["former"].id)
    qtbot.addWidget(detail)
    qtmodeltester.check(detail.history_model)
    qtmodeltester.check(detail.visit_model)


def synthetic_rows(count: int) -> list[MemberRow]:
    readings = ["あおき", "いのうえ", "うえだ", "えとう", "おかだ", "かとう", "きむら", "やまだ"]
    return [
        MemberRow(
            person_id=n,
            name=f"委員{n}",
            reading=f"{readings[n % len(readings)]} {n}",
            gender=Gender.MALE,
            age_band=None,
            field=Field.OTHER,
            occupation="",
            organisation=f"団体{n % 97}",
            appointment_id=n,
            council_id=n % 600,
            council_name=f"第{n % 600}連絡協議会",
            role="委員",
            term_start=dt.date(2024, 4, 1),
            term_end=dt.date(2026, 3, 31),
            ended_on=None,
            status=TermStatus.SERVING,
            days_left=n % 700,
        )
        for n in range(count)
    ]


def test_filtering_six_thousand_rows_stays_fast() -> None:
    """Typing narrows the sorted table with one O(1) check per line; the timings are printed
    (run with -s) for the performance note."""
    model = MembersModel(DateStyle.WAREKI)
    proxy = RowFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(synthetic_rows(6000))
    proxy.sort(0)  # by reading, as the tab shows it

    started = time.perf_counter()
    for text in ("や", "やま", "やまだ"):  # keystrokes
        proxy.set_text(text)
    assert proxy.rowCount() == 750  # every eighth line is a やまだ
    proxy.set_text("ヤマダ 4327")  # katakana finds the reading
    per_keystroke = (time.perf_counter() - started) / 4
    assert proxy.rowCount() == 1 and proxy.row_at(0).name == "委員4327"

    started = time.perf_counter()
    proxy.set_text("")
    proxy.set_predicate(member_filter(7, frozenset({TermStatus.SERVING})))
    council_pass = time.perf_counter() - started
    assert proxy.rowCount() == 10

    started = time.perf_counter()
    proxy.set_predicate(None)  # back to all 6,000 lines, sorted again
    widest = time.perf_counter() - started
    assert proxy.rowCount() == 6000
    print(
        f"\n6,000 lines: {per_keystroke * 1000:.0f} ms a keystroke, "
        f"{council_pass * 1000:.0f} ms for a council, {widest * 1000:.0f} ms to show all"
    )
    assert per_keystroke < 0.2
    assert widest < 2.0
