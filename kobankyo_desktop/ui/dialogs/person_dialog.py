"""Create or edit a person (委員 or candidate): particulars and contact details (§3(3))."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.dates import age_on
from kobankyo_desktop.core.services.people import (
    PersonInput,
    PersonRow,
    create_person,
    update_person,
)
from kobankyo_desktop.core.vocab import AgeBand, Field, Gender, age_band_for
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import FormDialog
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.widgets import DateField


def fill_enum_combo(combo: QComboBox, values: Iterable[StrEnum]) -> None:
    """Items labelled in the UI language, carrying the stored code as their data."""
    for value in values:
        combo.addItem(label(value), value)


def select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


class PersonDialog(FormDialog):
    """The form behind 新規 and 編集 of a person; ``result_value`` is the saved PersonRow."""

    def __init__(
        self, context: AppContext, person: PersonRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "", parent)
        self.person = person
        self.setWindowTitle(
            self.tr("New person")
            if person is None
            else self.tr("Edit %1").replace("%1", person.name)
        )
        style = context.settings.date_style

        self.name_edit = QLineEdit()
        self.reading_edit = QLineEdit()
        self.reading_edit.setPlaceholderText(self.tr("In hiragana or katakana"))
        self.gender_combo = QComboBox()
        fill_enum_combo(self.gender_combo, Gender)
        self.birth_date = DateField(style, optional=True, optional_text=self.tr("Known"))
        self.birth_date.edit.setMinimumDate(QDate(1900, 1, 1))
        self.birth_date.edit.setDate(QDate(1960, 1, 1))
        self.age_band_combo = QComboBox()
        self.age_band_combo.addItem(self.tr("Unknown"), None)
        fill_enum_combo(self.age_band_combo, AgeBand)
        self.field_combo = QComboBox()
        fill_enum_combo(self.field_combo, Field)
        self.occupation_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.postal_code_edit = QLineEdit()
        self.postal_code_edit.setMaximumWidth(120)
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(70)

        particulars = QGroupBox(self.tr("Particulars"))
        form = QFormLayout(particulars)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Reading (furigana)"), self.reading_edit)
        form.addRow(self.tr("Gender"), self.gender_combo)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        form.addRow(self.tr("Age band"), self.age_band_combo)
        form.addRow(self.tr("Field"), self.field_combo)
        form.addRow(self.tr("Occupation"), self.occupation_edit)
        form.addRow(self.tr("Organisation"), self.organisation_edit)
        contact = QGroupBox(self.tr("Contact details"))
        contact_form = QFormLayout(contact)
        contact_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        contact_form.addRow(self.tr("Postal code"), self.postal_code_edit)
        contact_form.addRow(self.tr("Address"), self.address_edit)
        contact_form.addRow(self.tr("Phone"), self.phone_edit)
        contact_form.addRow(self.tr("Email"), self.email_edit)
        contact_form.addRow(self.tr("Notes"), self.notes_edit)
        columns = QHBoxLayout()
        columns.addWidget(particulars, 3)
        columns.addWidget(contact, 2)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)

        for field, widget in (
            ("name", self.name_edit),
            ("reading", self.reading_edit),
            ("gender", self.gender_combo),
            ("birth_date", self.birth_date),
            ("age_band", self.age_band_combo),
            ("field", self.field_combo),
            ("email", self.email_edit),
        ):
            self.bind_field(field, widget)
        self.birth_date.changed.connect(self._sync_age_band)
        self._load(person)
        self.watch(
            self.name_edit,
            self.reading_edit,
            self.gender_combo,
            self.birth_date,
            self.age_band_combo,
            self.field_combo,
            self.occupation_edit,
            self.organisation_edit,
            self.postal_code_edit,
            self.address_edit,
            self.phone_edit,
            self.email_edit,
            self.notes_edit,
        )
        self.name_edit.setFocus()
        self.resize(900, self.sizeHint().height())

    def _load(self, person: PersonRow | None) -> None:
        if person is None:
            select_data(self.gender_combo, Gender.UNSPECIFIED)
            select_data(self.field_combo, Field.OTHER)
            self.birth_date.set_value(None)
            return
        self.name_edit.setText(person.name)
        self.reading_edit.setText(person.reading)
        select_data(self.gender_combo, person.gender)
        select_data(self.age_band_combo, person.age_band)
        self.birth_date.set_value(person.birth_date)
        select_data(self.field_combo, person.field)
        self.occupation_edit.setText(person.occupation)
        self.organisation_edit.setText(person.organisation)
        self.postal_code_edit.setText(person.postal_code)
        self.address_edit.setText(person.address)
        self.phone_edit.setText(person.phone)
        self.email_edit.setText(person.email)
        self.notes_edit.setPlainText(person.notes)

    def _sync_age_band(self) -> None:
        """With a birth date the band is worked out from it (and kept current), so the
        recorded band is only asked for when the date is not known."""
        birth_date = self.birth_date.value()
        self.age_band_combo.setEnabled(birth_date is None)
        if birth_date is not None:
            select_data(self.age_band_combo, age_band_for(age_on(birth_date, self.context.today())))

    def person_input(self) -> PersonInput:
        birth_date = self.birth_date.value()
        return PersonInput(
            name=self.name_edit.text(),
            reading=self.reading_edit.text(),
            gender=self.gender_combo.currentData(),
            birth_date=birth_date,
            age_band=None if birth_date is not None else self.age_band_combo.currentData(),
            field=self.field_combo.currentData(),
            occupation=self.occupation_edit.text(),
            organisation=self.organisation_edit.text(),
            postal_code=self.postal_code_edit.text(),
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> PersonRow:
        data = self.person_input()
        if self.person is None:
            return self.context.try_write("person", create_person, data)
        return self.context.try_write("person", update_person, self.person.id, data)
