"""Dialogs of the councils tab: a council, its 運営責任者, its officers, abolition, merging,
and the station's posts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from kobankyo_desktop.core.errors import ValidationError
from kobankyo_desktop.core.services import councils, stations
from kobankyo_desktop.core.services.councils import CouncilInput, CouncilRow
from kobankyo_desktop.core.services.stations import OfficerInput, PostRow
from kobankyo_desktop.core.vocab import CouncilKind, PostKind
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import FormDialog
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.widgets import DateField


def _checkable_list(items: list[tuple[str, int]], checked: set[int]) -> QListWidget:
    widget = QListWidget()
    for text, value in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(140)
    return widget


def _checked(widget: QListWidget) -> list[int]:
    return [
        int(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class CouncilDialog(FormDialog):
    """Create or edit a council. The purpose (目的等) is required for 職種等 (§5(1)); a 統合
    council covers several posts (§4(1))."""

    def __init__(
        self, context: AppContext, council: CouncilRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New council") if council is None else self.tr("Edit council")
        super().__init__(context, title, parent)
        self.council = council
        style = context.settings.date_style
        self.station = QComboBox()
        for station in context.read(stations.list_stations):
            self.station.addItem(station.name, station.id)
        self.name = QLineEdit(council.name if council else "")
        self.name.setPlaceholderText(self.tr("e.g. Ekimae Koban Liaison Council"))
        self.kind = QComboBox()
        for kind in CouncilKind:
            self.kind.addItem(label(kind), kind)
        self.posts_by_id = {p.id: p for p in context.read(stations.list_posts)}
        self.posts = _checkable_list(
            [(self._post_text(p), p.id) for p in self.posts_by_id.values()],
            set(council.post_ids) if council else set(),
        )
        self.kind_hint = QLabel()
        self.kind_hint.setWordWrap(True)
        self.kind_hint.setStyleSheet("color: palette(mid);")
        self.purpose = QPlainTextEdit(council.purpose if council else "")
        self.purpose.setPlaceholderText(self.tr("Required for an occupational council (§5(1))"))
        self.purpose.setMaximumHeight(70)
        self.established_on = DateField(style)
        self.established_on.set_value(council.established_on if council else context.today())
        self.notes = QPlainTextEdit(council.notes if council else "")
        self.notes.setMaximumHeight(60)

        form = QFormLayout(self.body)
        form.addRow(self.tr("Police station"), self.station)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow("", self.kind_hint)
        form.addRow(self.tr("Posts covered"), self.posts)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Established on"), self.established_on)
        form.addRow(self.tr("Notes"), self.notes)
        self.kind.currentIndexChanged.connect(self._sync_kind)
        if council is not None:
            self.station.setCurrentIndex(self.station.findData(council.station_id))
            self.kind.setCurrentIndex(self.kind.findData(council.kind))
        self._sync_kind()
        self.watch(
            self.station, self.name, self.kind, self.purpose, self.established_on, self.notes
        )
        self.posts.itemChanged.connect(self.mark_dirty)
        for field, widget in (
            ("station", self.station),
            ("name", self.name),
            ("kind", self.kind),
            ("post_ids", self.posts),
            ("purpose", self.purpose),
            ("established_on", self.established_on),
        ):
            self.bind_field(field, widget)
        self.resize(560, self.sizeHint().height())

    def _post_text(self, post: PostRow) -> str:
        text = f"{post.name}（{label(post.kind)}）"
        return text + self.tr(" [closed]") if post.closed_on else text

    def _sync_kind(self) -> None:
        kind = CouncilKind(self.kind.currentData())
        hints = {
            CouncilKind.STANDARD: self.tr("One council for one post's area (§3(1))."),
            CouncilKind.UNIT_SPLIT: self.tr("A post's area split into several councils (§4(1))."),
            CouncilKind.UNIT_MERGED: self.tr(
                "Several posts' areas merged into one council (§4(1))."
            ),
            CouncilKind.OCCUPATIONAL: self.tr(
                "Set up around an occupation or district with a limited purpose (§5(1))."
            ),
        }
        self.kind_hint.setText(hints[kind])
        self.purpose.setEnabled(
            kind is CouncilKind.OCCUPATIONAL or bool(self.purpose.toPlainText())
        )

    def values(self) -> CouncilInput:
        if self.station.currentData() is None:
            raise ValidationError(
                "station", self.tr("Register the police station and its posts first (Add post…).")
            )
        return CouncilInput(
            station_id=int(self.station.currentData()),
            name=self.name.text(),
            kind=CouncilKind(self.kind.currentData()),
            post_ids=_checked(self.posts),
            established_on=self.established_on.value(),
            purpose=self.purpose.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> CouncilRow:
        if self.council is None:
            return self.context.try_write("council", councils.create_council, self.values())
        return self.context.try_write(
            "council", councils.update_council, self.council.id, self.values()
        )


class ManagerDialog(FormDialog):
    """Record the station chief's designation of the 運営責任者 (§3(6))."""

    def __init__(
        self, context: AppContext, council: CouncilRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, self.tr("Designate responsible manager"), parent)
        self.council = council
        today = context.today()
        self.officer = QComboBox()
        for officer in context.read(stations.list_officers, list(council.post_ids)):
            if officer.serving_on(today):
                title = " ".join(t for t in (officer.rank, officer.position) if t)
                self.officer.addItem(f"{officer.name}（{officer.post_name} {title}）", officer.id)
        self.designated_on = DateField(context.settings.date_style)
        self.designated_on.set_value(today)
        self.replace = QCheckBox(
            self.tr("Replaces %1 (their designation ends the day before)").replace(
                "%1", council.manager_name or ""
            )
        )
        self.replace.setVisible(council.manager_name is not None)
        self.replace.setChecked(council.manager_name is not None)
        form = QFormLayout(self.body)
        form.addRow(self.tr("Council"), QLabel(council.name))
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Designated on"), self.designated_on)
        form.addRow("", self.replace)
        if self.officer.count() == 0:
            form.addRow("", QLabel(self.tr("Add the officers of the posts covered first.")))
        self.watch(self.officer, self.designated_on, self.replace)
        self.bind_field("officer", self.officer)
        self.bind_field("designated_on", self.designated_on)

    def save(self) -> CouncilRow:
        if self.officer.currentData() is None:
            raise ValidationError(
                "officer", self.tr("Add the officers of the posts covered first.")
            )
        return self.context.try_write(
            "council",
            councils.designate_manager,
            self.council.id,
            int(self.officer.currentData()),
            self.designated_on.value(),
            replace=self.replace.isChecked(),
        )


class OfficerDialog(FormDialog):
    """An officer of one of the council's posts: an operating staff member (§3(6))."""

    def __init__(
        self,
        context: AppContext,
        posts: list[tuple[int, str]],
        officer: stations.OfficerRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New officer") if officer is None else self.tr("Edit officer")
        super().__init__(context, title, parent)
        self.officer = officer
        style = context.settings.date_style
        self.post = QComboBox()
        for post_id, name in posts:
            self.post.addItem(name, post_id)
        self.name = QLineEdit(officer.name if officer else "")
        self.reading = QLineEdit(officer.reading if officer else "")
        self.rank = QComboBox()
        self.rank.setEditable(True)
        self.rank.addItems(["", "警部", "警部補", "巡査部長", "巡査長", "巡査"])
        self.rank.setCurrentText(officer.rank if officer else "")
        self.position = QLineEdit(officer.position if officer else "")
        self.position.setPlaceholderText(self.tr("e.g. Koban chief"))
        self.joined_on = DateField(style, optional=True, optional_text=self.tr("Known"))
        self.left_on = DateField(style, optional=True, optional_text=self.tr("Transferred"))
        if officer is not None:
            self.post.setCurrentIndex(self.post.findData(officer.post_id))
            self.joined_on.set_value(officer.joined_on)
            self.left_on.set_value(officer.left_on)
        form = QFormLayout(self.body)
        form.addRow(self.tr("Post"), self.post)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Reading"), self.reading)
        form.addRow(self.tr("Rank"), self.rank)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Joined on"), self.joined_on)
        form.addRow(self.tr("Left on"), self.left_on)
        self.watch(
            self.post,
            self.name,
            self.reading,
            self.rank,
            self.position,
            self.joined_on,
            self.left_on,
        )
        self.bind_field("name", self.name)
        self.bind_field("left_on", self.left_on)

    def save(self) -> stations.OfficerRow:
        data = OfficerInput(
            post_id=int(self.post.currentData() or 0),
            name=self.name.text(),
            reading=self.reading.text(),
            rank=self.rank.currentText(),
            position=self.position.text(),
            joined_on=self.joined_on.value(),
            left_on=self.left_on.value(),
        )
        if self.officer is None:
            return self.context.try_write("officer", stations.create_officer, data)
        return self.context.try_write("officer", stations.update_officer, self.officer.id, data)


class AbolishDialog(FormDialog):
    """Abolish a council: its records stay (a closing koban, a reorganised area)."""

    def __init__(
        self, context: AppContext, council: CouncilRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, self.tr("Abolish council"), parent)
        self.council = council
        self.abolished_on = DateField(context.settings.date_style)
        self.abolished_on.set_value(context.today())
        form = QFormLayout(self.body)
        note = QLabel(
            self.tr("%1 will be abolished. Its members, meetings and history are kept.").replace(
                "%1", council.name
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Abolished on"), self.abolished_on)
        self.watch(self.abolished_on)
        self.bind_field("abolished_on", self.abolished_on)

    def save(self) -> CouncilRow:
        return self.context.try_write(
            "council", councils.abolish_council, self.council.id, self.abolished_on.value()
        )


class MergeDialog(FormDialog):
    """Merge councils when their koban merge (§4(1)): a new council over their posts takes
    over the serving members, terms unchanged; the old ones are abolished and linked to it."""

    def __init__(
        self,
        context: AppContext,
        active: list[CouncilRow],
        preselected: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Merge councils"), parent)
        self.councils = _checkable_list(
            [(c.name, c.id) for c in active], {preselected} if preselected else set()
        )
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in (CouncilKind.UNIT_MERGED, CouncilKind.STANDARD):
            self.kind.addItem(label(kind), kind)
        self.merged_on = DateField(context.settings.date_style)
        self.merged_on.set_value(context.today())
        note = QLabel(
            self.tr(
                "The serving members move to the new council with their terms unchanged. The"
                " merged councils are abolished on the merge date; their meetings and history"
                " are kept."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self.body)
        form.addRow(self.tr("Councils to merge"), self.councils)
        form.addRow(self.tr("New council name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Merged on"), self.merged_on)
        form.addRow(note)
        self.watch(self.name, self.kind, self.merged_on)
        self.councils.itemChanged.connect(self.mark_dirty)
        self.bind_field("council_ids", self.councils)
        self.bind_field("name", self.name)
        self.bind_field("merged_on", self.merged_on)

    def save(self) -> CouncilRow:
        return self.context.try_write(
            "council",
            councils.merge_councils,
            _checked(self.councils),
            self.name.text(),
            self.merged_on.value(),
            CouncilKind(self.kind.currentData()),
        )


class PostDialog(FormDialog):
    """Register the station (first time) and a post (交番等, §2)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New post"), parent)
        existing = context.read(stations.list_stations)
        self.station = QComboBox()
        self.station.setEditable(not existing)
        for station in existing:
            self.station.addItem(station.name, station.id)
        if not existing:
            self.station.lineEdit().setPlaceholderText(self.tr("Police station name"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Ekimae Koban"))
        self.kind = QComboBox()
        for kind in PostKind:
            self.kind.addItem(label(kind), kind)
        form = QFormLayout(self.body)
        form.addRow(self.tr("Police station"), self.station)
        form.addRow(self.tr("Post name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        self.watch(self.station, self.name, self.kind)
        self.bind_field("name", self.name)

    def save(self) -> PostRow:
        return self.context.try_write(
            "post",
            stations.create_post_at,
            self.station.currentText(),
            self.name.text(),
            PostKind(self.kind.currentData()),
        )
