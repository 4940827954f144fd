"""What the window benchmarks share: a real MainWindow on a data folder, built as the
app builds it, and an event loop run until a condition holds."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


_gc = []


def app():
    """The QApplication as the app makes it: garbage collected on the GUI thread, and the
    English catalogue installed (its plural forms: "181 flowers", not "181 flower(s)";
    English on any machine, as the README's pictures are)."""
    from iris_desktop.ui import app as ui_app
    from iris_desktop.ui.runtime import i18n
    from iris_desktop.ui.runtime.main_thread_gc import MainThreadGC

    application_ = ui_app.application()
    if not _gc:
        _gc.append(MainThreadGC(application_))
        i18n.install("en")
    return application_


def wait_until(condition, timeout: float = 120.0, step_ms: int = 5) -> None:
    """Run the event loop until `condition()` is true (or fail after `timeout` s)."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the benchmark waited too long")
        QTimer.singleShot(step_ms, loop.quit)
        loop.exec()


def settle(seconds: float) -> None:
    """Let the event loop run for a while (refreshes, repaints)."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= end, timeout=seconds + 5)


def open_window(data_dir: Path, today=None, size=(1280, 820)):
    """The app's window on `data_dir`, shown, loaded (start-up job done, tabs built)."""
    from iris_desktop import paths
    from iris_desktop.ui.main_window import MainWindow
    from iris_desktop.ui.runtime.errors import ErrorReporter
    from iris_desktop.ui.runtime.settings import settings
    from iris_desktop.ui.runtime.state import AppState

    app()
    paths.set_data_dir(data_dir)
    state = AppState(paths.database_path(), paths.models_dir())
    if today is not None:
        state.today = lambda: today
    holder = []
    reporter = ErrorReporter(lambda: holder[0] if holder else None)
    reporter.interactive = False
    errors = []
    reporter.reported.connect(lambda message, details: errors.append(message))
    window = MainWindow(state, settings(), reporter)
    holder.append(window)
    window.errors = errors
    window.resize(*size)
    ready = []
    window.ready.connect(lambda: ready.append(True))
    window.show()
    window.start_loading()
    wait_until(lambda: ready)
    wait_until(lambda: not state.runner.busy)
    return window


def reporter():
    """The reporter a tab is given; nothing is shown (a benchmark has nobody to read)."""
    from iris_desktop.ui.runtime.errors import ErrorReporter

    made = ErrorReporter(lambda: None)
    made.interactive = False
    return made


def actions(kind, state, parent=None):
    """A real action group (ModelActions, DailyActions) for a tab built alone."""
    from PySide6.QtWidgets import QWidget

    return kind(parent or QWidget(), state, reporter())
