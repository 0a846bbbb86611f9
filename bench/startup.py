"""One start-up, in a fresh process, for :mod:`bench.run`: prints ``READY <peak RSS KiB>``.

    python -m bench.startup bare          # a bare PySide6 window with four empty table tabs
    python -m bench.startup app DB        # the application, exactly as `kobankyo --db DB` starts

Both create the ``QApplication`` first and queue a zero-time timer, which fires once the event
loop runs, i.e. after the window has been shown; it then processes the pending events (expose,
layout, paint), prints the marker and quits. The application is started by
:func:`kobankyo_desktop.app.run` itself, with the members tab (委員) as the saved current tab,
so what is timed is what an officer waits for, up to the populated roster on screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget, QWidget

MEMBERS_TAB = 1


def peak_rss_kib() -> int:
    """This process's peak resident set so far (KiB); 0 where the OS does not say.

    On Linux the high-water mark of this program's own memory (VmHWM): ``ru_maxrss`` would
    carry over the parent's peak through fork and exec.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS reports bytes


def ready(app: QApplication, window: QWidget) -> None:
    app.processEvents()
    handle = window.windowHandle()
    if handle is None or not handle.isExposed():
        raise SystemExit("the window was not shown")
    print(f"READY {peak_rss_kib()}", flush=True)
    app.quit()


def bare() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for name in ("Councils", "Members", "Meetings", "Reminders"):
        tabs.addTab(QTableView(), name)
    window.setCentralWidget(tabs)
    window.resize(1200, 760)
    window.show()
    QTimer.singleShot(0, lambda: ready(app, window))
    return app.exec()


def application(db_path: Path) -> int:
    from PySide6.QtCore import QSettings

    from kobankyo_desktop.app import APPLICATION, ORGANISATION, run
    from kobankyo_desktop.ui.main_window import TAB_KEY, MainWindow

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    QSettings().setValue(TAB_KEY, MEMBERS_TAB)

    def check() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if len(windows) != 1 or windows[0].members_tab.model.rowCount() == 0:
            raise SystemExit("the main window is not there with the members tab populated")
        if windows[0].tabs.currentIndex() != MEMBERS_TAB:
            raise SystemExit("the members tab is not the current one")
        ready(app, windows[0])

    QTimer.singleShot(0, check)
    return run(db_path)


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "bare":
        return bare()
    if mode == "app" and len(sys.argv) == 3:
        return application(Path(sys.argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
