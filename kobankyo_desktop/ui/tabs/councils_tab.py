"""協議会タブ: the councils, their posts, 運営責任者 and operating staff."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.services import councils
from kobankyo_desktop.core.services.councils import CouncilDetail, CouncilRow
from kobankyo_desktop.core.services.stations import OfficerRow
from kobankyo_desktop.reports import documents
from kobankyo_desktop.reports.html import PrintDocument
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.base import run_dialog
from kobankyo_desktop.ui.dialogs.council_dialogs import (
    AbolishDialog,
    CouncilDialog,
    ManagerDialog,
    MergeDialog,
    OfficerDialog,
    PostDialog,
)
from kobankyo_desktop.ui.formatting import date_text
from kobankyo_desktop.ui.labels import label
from kobankyo_desktop.ui.models.councils_model import CouncilTableModel
from kobankyo_desktop.ui.models.table import Column, RowFilterProxy, RowTableModel
from kobankyo_desktop.ui.printing import DocumentPrinter, add_document_menu, confirm_personal_data
from kobankyo_desktop.ui.tabs.base import TabPage, configure_table, fit_columns


class OfficerTableModel(RowTableModel[OfficerRow]):
    """運営担当者: the officers of the posts a council covers (§3(6))."""

    def build_columns(self) -> list[Column[OfficerRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name, sort_key=lambda r: (r.reading, r.name)),
            Column(self.tr("Post"), lambda r: r.post_name),
            Column(self.tr("Rank"), lambda r: r.rank),
            Column(self.tr("Position"), lambda r: r.position),
        ]


class CouncilsTab(TabPage):
    show_members_requested = Signal(int)
    show_meetings_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = CouncilTableModel(context.settings.date_style)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        configure_table(self.table, self.proxy)
        self.table.sortByColumn(CouncilTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _index: self.edit_current())

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name, post or manager (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.show_abolished = QCheckBox(self.tr("Show abolished"))
        self.show_abolished.toggled.connect(self._apply_predicate)
        self._apply_predicate()

        buttons = QHBoxLayout()
        buttons.addWidget(self.filter, 1)
        buttons.addWidget(self.show_abolished)
        for text, slot in (
            (self.tr("New council…"), self.new_item),
            (self.tr("Edit…"), self.edit_current),
            (self.tr("Abolish…"), self.abolish_current),
            (self.tr("Merge…"), self.merge_current),
            (self.tr("Add post…"), self.add_post),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addWidget(self._build_print_button())

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())

    def _build_print_button(self) -> QToolButton:
        """印刷: the roster (with or without contact details) and the 委嘱状 of the members
        serving, for the selected council."""
        self.printer = DocumentPrinter(self)
        self.printer.saved.connect(
            lambda path: self.status_message.emit(self.tr("Saved %1").replace("%1", path))
        )
        menu = QMenu(self)
        add_document_menu(menu, self.printer, self.tr("Roster"), lambda: self._roster(False))
        add_document_menu(
            menu, self.printer, self.tr("Roster with contact details"), lambda: self._roster(True)
        )
        add_document_menu(
            menu,
            self.printer,
            self.tr("Letters of appointment (serving members)"),
            self._letters,
        )
        button = QToolButton()
        button.setText(self.tr("Print"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(menu)
        return button

    def _roster(self, include_contacts: bool) -> PrintDocument | None:
        council = self.current()
        if council is None or (include_contacts and not confirm_personal_data(self)):
            return None
        return self.context.read(
            documents.roster, council.id, self.context.today(), include_contacts=include_contacts
        )

    def _letters(self) -> PrintDocument | None:
        council = self.current()
        if council is None:
            return None
        return self.context.read(documents.council_appointments, council.id, self.context.today())

    def _build_detail(self) -> QWidget:
        box = QGroupBox(self.tr("Council details"))
        self.detail_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, text in (
            ("name", self.tr("Name")),
            ("kind", self.tr("Kind")),
            ("posts", self.tr("Posts covered")),
            ("purpose", self.tr("Purpose")),
            ("established", self.tr("Established on")),
            ("abolished", self.tr("Abolished on")),
            ("manager", self.tr("Responsible manager")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[key] = value
            form.addRow(text, value)
        self.staff_model = OfficerTableModel()
        self.staff_proxy = RowFilterProxy(self)
        self.staff_proxy.setSourceModel(self.staff_model)
        self.staff_table = QTableView()
        configure_table(self.staff_table, self.staff_proxy)
        self.staff_table.activated.connect(lambda _index: self.edit_officer())

        self.manager_button = QPushButton(self.tr("Designate manager…"))
        self.manager_button.clicked.connect(lambda: self.designate_manager(None))
        add_officer = QPushButton(self.tr("Add officer…"))
        add_officer.clicked.connect(self.add_officer)
        members = QPushButton(self.tr("Show members"))
        members.clicked.connect(lambda: self._request(self.show_members_requested))
        meetings = QPushButton(self.tr("Show meetings"))
        meetings.clicked.connect(lambda: self._request(self.show_meetings_requested))
        row1 = QHBoxLayout()
        row1.addWidget(self.manager_button)
        row1.addWidget(add_officer)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(members)
        row2.addWidget(meetings)
        row2.addStretch(1)

        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row1)
        layout.addWidget(QLabel(self.tr("Operating staff (officers of the posts covered, §3(6))")))
        layout.addWidget(self.staff_table, 1)
        layout.addLayout(row2)
        self.detail_box = box
        return box

    # TabPage ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.current()
        self.model.date_style = self.context.settings.date_style
        self.model.set_rows(
            self.context.read(councils.list_councils, self.context.today(), include_abolished=True)
        )
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        fit_columns(self.table)
        kept = selected is not None and self.select_council(selected.id, reveal=False)
        if not kept and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_detail()
        active = sum(1 for r in self.model.rows() if not r.abolished)
        self.status_message.emit(self.tr("%1 active councils").replace("%1", str(active)))

    def filter_box(self) -> QLineEdit:
        return self.filter

    def new_item(self) -> None:
        run_dialog(CouncilDialog(self.context, None, self), self._select_result)

    def edit_current(self) -> None:
        council = self.current()
        if council is not None:
            run_dialog(CouncilDialog(self.context, council, self), self._select_result)

    def delete_current(self) -> None:
        council = self.current()
        if council is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete council"),
            self.tr(
                "Delete %1? Only a council entered by mistake, with no records, can be"
                " deleted; otherwise abolish it."
            ).replace("%1", council.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.write(self, "council", councils.delete_council, council.id)

    # Actions ---------------------------------------------------------------------------------
    def abolish_current(self) -> None:
        council = self.current()
        if council is not None and not council.abolished:
            run_dialog(AbolishDialog(self.context, council, self))

    def merge_current(self) -> None:
        active = [r for r in self.model.rows() if not r.abolished]
        current = self.current()
        run_dialog(
            MergeDialog(self.context, active, current.id if current else None, self),
            self._select_result,
        )

    def add_post(self) -> None:
        run_dialog(PostDialog(self.context, self))

    def designate_manager(self, council_id: int | None) -> None:
        """Open the 運営責任者 designation for a council (the current one if None)."""
        if council_id is not None:
            self.select_council(council_id)
        council = self.current()
        if council is not None and not council.abolished:
            run_dialog(ManagerDialog(self.context, council, self))

    def add_officer(self) -> None:
        council = self.current()
        if council is not None:
            posts = list(zip(council.post_ids, council.post_names, strict=True))
            run_dialog(OfficerDialog(self.context, posts, None, self))

    def edit_officer(self) -> None:
        council = self.current()
        index = self.staff_table.currentIndex()
        if council is None or not index.isValid():
            return
        officer = self.staff_proxy.row_at(index.row())
        posts = list(zip(council.post_ids, council.post_names, strict=True))
        run_dialog(OfficerDialog(self.context, posts, officer, self))

    # Helpers ---------------------------------------------------------------------------------
    def current(self) -> CouncilRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.row_at(index.row())
        assert isinstance(row, CouncilRow)
        return row

    def select_council(self, council_id: int, *, reveal: bool = True) -> bool:
        """Select a council's row; with ``reveal``, show abolished ones if it is hidden."""
        for proxy_row in range(self.proxy.rowCount()):
            if self.proxy.row_at(proxy_row).id == council_id:
                self.table.selectRow(proxy_row)
                return True
        if reveal and not self.show_abolished.isChecked():
            self.show_abolished.setChecked(True)
            return self.select_council(council_id)
        return False

    def _select_result(self, result: object) -> None:
        if isinstance(result, CouncilRow):
            self.select_council(result.id)

    def _request(self, signal: Signal) -> None:
        council = self.current()
        if council is not None:
            signal.emit(council.id)  # type: ignore[attr-defined]

    def _apply_predicate(self) -> None:
        if self.show_abolished.isChecked():
            self.proxy.set_predicate(None)
        else:
            self.proxy.set_predicate(lambda row: not row.abolished)

    def _show_detail(self) -> None:
        council = self.current()
        self.detail_box.setEnabled(council is not None)
        if council is None:
            for value in self.detail_labels.values():
                value.clear()
            self.staff_model.set_rows([])
            return
        detail: CouncilDetail = self.context.read(
            councils.council_detail, council.id, self.context.today()
        )
        style = self.context.settings.date_style
        row = detail.council
        manager = row.manager_name or self.tr("(not designated)")
        if row.manager_since is not None:
            manager += self.tr(" (since %1)").replace("%1", date_text(row.manager_since, style))
        values = {
            "name": row.name,
            "kind": label(row.kind),
            "posts": "、".join(row.post_names),
            "purpose": row.purpose or "—",
            "established": date_text(row.established_on, style),
            "abolished": date_text(row.abolished_on, style) or "—",
            "manager": manager,
        }
        for key, text in values.items():
            self.detail_labels[key].setText(text)
        self.manager_button.setEnabled(not row.abolished)
        self.staff_model.set_rows(detail.staff)
        fit_columns(self.staff_table)
