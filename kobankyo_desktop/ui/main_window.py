"""The main window: four tabs (協議会, 委員, 会議, リマインダー), menus, toolbar, status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from kobankyo_desktop import __version__
from kobankyo_desktop.ui.context import AppContext
from kobankyo_desktop.ui.dialogs.backup_dialogs import BackupActions
from kobankyo_desktop.ui.dialogs.settings_dialog import SettingsDialog
from kobankyo_desktop.ui.tabs.base import TabPage
from kobankyo_desktop.ui.tabs.councils_tab import CouncilsTab
from kobankyo_desktop.ui.tabs.meetings_tab import MeetingsTab
from kobankyo_desktop.ui.tabs.members_tab import MembersTab
from kobankyo_desktop.ui.tabs.reminders_tab import RemindersTab

if TYPE_CHECKING:
    from kobankyo_desktop.ui.dialogs.history_dialog import HistoryDialog

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
TAB_KEY = "main_window/tab"


class MainWindow(QMainWindow):
    """The officer's workplace. Tabs are built here with the context injected and talk to
    each other through this window's routing, never by reaching into each other."""

    open_database_requested = Signal()

    def __init__(
        self, context: AppContext, settings_store: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings_store = settings_store
        self.setWindowTitle(self.tr("Koban Liaison Councils"))
        self.setMinimumSize(760, 520)

        self.councils_tab = CouncilsTab(context)
        self.members_tab = MembersTab(context)
        self.meetings_tab = MeetingsTab(context)
        self.reminders_tab = RemindersTab(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.councils_tab, self.tr("Councils"))
        self.tabs.addTab(self.members_tab, self.tr("Members"))
        self.tabs.addTab(self.meetings_tab, self.tr("Meetings"))
        self.tabs.addTab(self.reminders_tab, self.tr("Reminders"))
        self.setCentralWidget(self.tabs)
        for page in self.pages():
            page.status_message.connect(self.show_status)

        self._route_between_tabs()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self._show_db_path()
        self.reminders_tab.count_changed.connect(self._update_reminder_badge)
        context.changed.connect(self._on_data_changed)
        self._stale: set[TabPage] = set()
        self._history: HistoryDialog | None = None
        self.tabs.currentChanged.connect(lambda _index: self._refresh_shown())
        self._restore_state()
        self.refresh_all()
        # The day's reminders in the status bar on start-up, before any tab is opened.
        self.show_status(self.reminders_tab.summary.text())

    # Tabs ------------------------------------------------------------------------------------
    def pages(self) -> list[TabPage]:
        return [self.councils_tab, self.members_tab, self.meetings_tab, self.reminders_tab]

    def current_page(self) -> TabPage:
        page = self.tabs.currentWidget()
        assert isinstance(page, TabPage)
        return page

    def _route_between_tabs(self) -> None:
        self.councils_tab.show_members_requested.connect(self._show_members_of)
        self.councils_tab.show_meetings_requested.connect(self._show_meetings_of)
        self.reminders_tab.plan_meeting_requested.connect(self._plan_meeting)
        self.reminders_tab.meeting_requested.connect(self._open_meeting)
        self.reminders_tab.appointment_requested.connect(self._open_appointment)
        self.reminders_tab.designate_manager_requested.connect(self._designate_manager)
        self.reminders_tab.opinion_requested.connect(self._open_opinion)
        self.reminders_tab.council_requested.connect(self._show_members_of)

    def _show_members_of(self, council_id: int) -> None:
        self.tabs.setCurrentWidget(self.members_tab)
        self.members_tab.show_council(council_id)

    def _show_meetings_of(self, council_id: int) -> None:
        self.tabs.setCurrentWidget(self.meetings_tab)
        self.meetings_tab.show_council(council_id)

    def _plan_meeting(self, council_id: int) -> None:
        self.tabs.setCurrentWidget(self.meetings_tab)
        self.meetings_tab.plan_meeting(council_id)

    def _open_meeting(self, meeting_id: int) -> None:
        self.tabs.setCurrentWidget(self.meetings_tab)
        self.meetings_tab.open_meeting(meeting_id)

    def _open_appointment(self, appointment_id: int) -> None:
        self.tabs.setCurrentWidget(self.members_tab)
        self.members_tab.open_appointment(appointment_id)

    def _designate_manager(self, council_id: int) -> None:
        self.tabs.setCurrentWidget(self.councils_tab)
        self.councils_tab.designate_manager(council_id)

    def _open_opinion(self, opinion_id: int) -> None:
        self.tabs.setCurrentWidget(self.meetings_tab)
        self.meetings_tab.open_opinion(opinion_id)

    # Actions ---------------------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New…"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self.current_page().new_item())
        self.edit_action = self._action(self.tr("&Edit…"), "Return")
        self.edit_action.triggered.connect(lambda: self.current_page().edit_current())
        self.delete_action = self._action(self.tr("&Delete…"), QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(lambda: self.current_page().delete_current())
        self.find_action = self._action(self.tr("&Find"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_filter)
        self.refresh_action = self._action(self.tr("&Reload"), QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh_all)
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,")
        self.settings_action.triggered.connect(self.open_settings)
        self.open_db_action = self._action(self.tr("&Open another database…"))
        self.open_db_action.triggered.connect(self.open_database_requested)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = self._action(self.tr("&About"))
        self.about_action.triggered.connect(self._about)
        self.export_action = self._action(self.tr("&Export for headquarters…"))
        self.export_action.triggered.connect(self.open_export)
        self.import_action = self._action(self.tr("&Import submission bundles…"))
        self.import_action.triggered.connect(self.open_import)
        self.sheet_import_action = self._action(self.tr("Import from E&xcel / CSV…"))
        self.sheet_import_action.triggered.connect(self.open_sheet_import)
        self.backup_actions = BackupActions(self._db_path, self)
        self.backup_actions.restored.connect(lambda *_: self._after_restore())
        self.backup_action = self._action(self.tr("&Back up…"))
        self.backup_action.triggered.connect(lambda: self.backup_actions.backup_to_folder())
        self.restore_action = self._action(self.tr("&Restore from backup…"))
        self.restore_action.triggered.connect(self.backup_actions.open_restore_dialog)
        self.history_action = self._action(self.tr("Operation &history"), "Ctrl+H")
        self.history_action.triggered.connect(self.open_history)
        self.tab_actions = []
        for number in range(4):
            action = self._action("", f"Ctrl+{number + 1}")
            action.triggered.connect(lambda _=False, n=number: self.tabs.setCurrentIndex(n))
            self.tab_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.open_db_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.sheet_import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.new_action, self.edit_action, self.delete_action, self.find_action):
            self.edit_menu.addAction(action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        for number, action in enumerate(self.tab_actions):
            action.setText(self.tabs.tabText(number))
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.history_action)
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Toolbar buttons show short texts: a menu's accelerator, 新規(&N), reads as 新規(N).
        for action, text in (
            (self.new_action, self.tr("New")),
            (self.edit_action, self.tr("Edit")),
            (self.delete_action, self.tr("Delete")),
            (self.refresh_action, self.tr("Reload")),
            (self.settings_action, self.tr("Settings")),
        ):
            action.setIconText(text)
        for action in (self.new_action, self.edit_action, self.delete_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        toolbar.addAction(self.settings_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # Behaviour -------------------------------------------------------------------------------
    def _focus_filter(self) -> None:
        box = self.current_page().filter_box()
        if box is not None:
            box.setFocus()
            box.selectAll()

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _show_db_path(self) -> None:
        path = self.context.db.path
        self.db_label.setText(self.tr("Database: %1").replace("%1", str(path)))
        self.db_label.setToolTip(str(path))

    def refresh_all(self) -> None:
        """Reload what is shown now; the other tabs reload when they are next shown.

        Every tab shows derived columns (serving counts, last meeting, reminders), so any
        write can change any of them. The reminders tab is always current: its count is the
        badge on its tab.
        """
        self._stale = set(self.pages())
        self._refresh_shown()

    def _refresh_shown(self) -> None:
        for page in (self.current_page(), self.reminders_tab):
            if page in self._stale:
                self._stale.discard(page)
                page.refresh()

    def _on_data_changed(self, _entity: str) -> None:
        self.refresh_all()

    def _update_reminder_badge(self, count: int) -> None:
        index = self.tabs.indexOf(self.reminders_tab)
        base = self.tr("Reminders")
        self.tabs.setTabText(index, f"{base} ({count})" if count else base)

    def _db_path(self) -> Path:
        assert self.context.db.path is not None
        return self.context.db.path

    # The exchange dialogs are imported when first opened: they bring openpyxl and jsonschema,
    # which start-up does not need.
    def open_export(self) -> None:
        from kobankyo_desktop.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(
            self._db_path(), self, settings=self.context.settings, today=self.context.today
        )
        dialog.exported.connect(
            lambda paths: self.show_status(
                self.tr("Exported %1").replace("%1", ", ".join(str(p) for p in paths))
            )
        )
        dialog.open()

    def open_import(self) -> None:
        from kobankyo_desktop.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self._db_path(), self)
        dialog.imported.connect(lambda _summary: self.context.changed.emit("import"))
        dialog.open()

    def open_sheet_import(self) -> None:
        from kobankyo_desktop.ui.dialogs.sheet_import_wizard import SheetImportWizard

        SheetImportWizard(self.context, self).open()

    def open_history(self) -> None:
        """One 操作履歴 window, kept current while it is open."""
        from kobankyo_desktop.ui.dialogs.history_dialog import HistoryDialog

        if self._history is None:
            self._history = HistoryDialog(self.context, self)
            self.context.changed.connect(lambda _entity: self._refresh_history())
        self._history.show()
        self._history.activateWindow()

    def _refresh_history(self) -> None:
        if self._history is not None and self._history.isVisible():
            self._history.refresh()

    def _after_restore(self) -> None:
        self.context.forget_settings()
        self.refresh_all()
        self.show_status(self.tr("Restored from the backup."))

    def open_settings(self) -> None:
        SettingsDialog(self.context, self, open_other=self.open_database_requested.emit).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "Koban Liaison Councils %1\n\nSupports running koban and chuzaisho liaison"
                " councils under the implementation guidelines in force from 1 April 2025."
            ).replace("%1", __version__),
        )

    # State -----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings_store.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = self.settings_store.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)
        tab = self.settings_store.value(TAB_KEY, 0, type=int)
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings_store.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings_store.setValue(STATE_KEY, self.saveState())
        self.settings_store.setValue(TAB_KEY, self.tabs.currentIndex())
        self.settings_store.sync()
        super().closeEvent(event)
