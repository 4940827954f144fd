"""Application start: Qt set-up, one instance per data folder, opening the store,
the main window, and the start-up flags used by tests and benchmarks."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from iris_desktop import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__, paths
from iris_desktop.store import CorruptDatabaseError, Store, StoreError
from iris_desktop.store.database import ensure_folder
from iris_desktop.ui.errors import ErrorReporter, log, setup_logging
from iris_desktop.ui.main_window import MainWindow
from iris_desktop.ui.settings import settings
from iris_desktop.ui.single_instance import SingleInstance
from iris_desktop.ui.state import AppState


GUI_BUSY_TIMEOUT_S = 0.2  # the GUI thread's reads never wait long for a lock
QUIT_GRACE_MS = 700  # how long quitting waits for a cancelled job to stop


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setDesktopFileName(APP_NAME)
    return app


def set_window_icon() -> None:
    """The app icon (an SVG: loading it wakes the SVG plugin, so it comes after the first paint)."""
    try:
        QApplication.instance().setWindowIcon(QtGui.QIcon(str(paths.resource("iris-desktop.svg"))))
    except FileNotFoundError:
        pass


def open_store_or_explain(explain: Callable[[str, str], None]) -> Store | None:
    """Open the database. A corrupt file is moved aside and a new one started; a newer
    schema or an unusable folder is explained and None returned (the file is untouched)."""
    db = paths.database_path()
    try:
        return Store.open(db, paths.models_dir())
    except CorruptDatabaseError as exc:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = db.with_name(f"{db.name}.corrupt-{stamp}")
        try:
            os.replace(db, aside)
            for suffix in ("-wal", "-shm"):  # kept with it: they belong to that file
                if Path(str(db) + suffix).exists():
                    os.replace(str(db) + suffix, str(aside) + suffix)
            store = Store.open(db, paths.models_dir())
        except (OSError, StoreError) as again:
            explain("The database cannot be opened", f"{exc}\n\nIt could not be moved aside either: {again}")
            return None
        explain("The database was damaged",
                f"{exc}.\n\nThe damaged file was kept as {aside} and a new database was started; "
                "the bundled data set and a default model will be set up again.")
        return store
    except StoreError as exc:
        explain("The database cannot be opened", f"{exc}.\n\nNothing was changed. Iris Desktop will close.")
        return None


def run_app(args) -> int:
    temp_dir = None
    if getattr(args, "self_test", False):
        temp_dir = tempfile.mkdtemp(prefix="iris-desktop-self-test-")
        paths.set_data_dir(temp_dir)
    try:
        return _run(args)
    finally:
        if temp_dir:
            shutil.rmtree(temp_dir, ignore_errors=True)


def _run(args) -> int:
    app = application()
    headless = args.self_test or args.quit_when_ready or args.quit_after_startup

    def explain(title: str, text: str) -> None:
        setup_logging()
        log.warning("%s: %s", title, text)
        if headless:
            print(f"iris-desktop: {title}: {text}", file=sys.stderr)
        else:
            QtWidgets.QMessageBox.warning(None, title, text)

    try:
        ensure_folder(paths.data_dir())
    except StoreError as exc:
        explain("The data folder cannot be used", f"{exc}.\n\nIris Desktop will close.")
        return 1
    instance = SingleInstance(paths.data_dir())
    if not instance.acquire():
        if instance.hand_over():
            print(f"{APP_DISPLAY_NAME} is already running for {paths.data_dir()}; brought it to the front.")
            return 0
        explain("Iris Desktop is already running",
                f"Another Iris Desktop uses {paths.data_dir()} and did not answer.")
        return 1

    store = open_store_or_explain(explain)
    if store is None:
        instance.release()
        return 1
    store.set_busy_timeout(GUI_BUSY_TIMEOUT_S)
    state = AppState(store)
    window: MainWindow | None = None
    reporter = ErrorReporter(lambda: window)
    reporter.interactive = not args.self_test
    errors: list[str] = []
    reporter.reported.connect(lambda message, details: errors.append(message))
    reporter.install()
    window = MainWindow(state, settings(), reporter)
    instance.activationRequested.connect(lambda: bring_to_front(window))

    # Work that can wait until the window is on screen, queued behind the first paint
    # (with --quit-after-startup the app has quit by then).
    for job in (setup_logging, set_window_icon, instance.listen, window.start_loading):
        window.firstPainted.connect(lambda job=job: QTimer.singleShot(0, job))
    if args.quit_after_startup:
        window.firstPainted.connect(app.quit)
    if args.quit_when_ready:
        window.ready.connect(app.quit)
    if args.self_test:
        window.ready.connect(lambda: QTimer.singleShot(0, lambda: _self_test(window, errors)))
    if headless:  # nobody is there to read a dialog: any error ends the run
        reporter.reported.connect(lambda *_: app.exit(1))
    window.show()
    code = app.exec()
    window.save_settings()
    # Running jobs were asked to stop when the window closed; one that cannot stop at
    # once (a long fit) is left behind: its transaction never commits.
    stopped = state.runner.shutdown(QUIT_GRACE_MS)
    store.close()
    instance.release()
    if errors and headless:
        print("iris-desktop: " + "\n".join(errors), file=sys.stderr)
        code = code or 1
    if not stopped:
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End the process while a worker thread still runs: the interpreter would
    otherwise wait for it (or crash tearing Qt down under it)."""
    import logging

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def bring_to_front(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def _self_test(window: MainWindow, errors: list[str]) -> None:
    """Open every tab, then exit 0 if nothing failed."""
    from iris_desktop.store import flowers, predictions

    app = QApplication.instance()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    store = window.state.store
    problems = list(errors)
    counts = flowers.count_by_source(store)
    if counts["backfill"] != 150:
        problems.append(f"expected 150 backfilled flowers, found {counts['backfill']}")
    if counts["daily"] == 0 or predictions.prediction_count(store) < counts["daily"]:
        problems.append(f"catch-up incomplete: {counts['daily']} daily flowers, "
                        f"{predictions.prediction_count(store)} predictions")
    if window.state.model is None:
        problems.append("no active model after first run")
    if problems:
        print("self-test failed: " + "; ".join(problems), file=sys.stderr)
        app.exit(1)
    else:
        print(f"self-test passed: {window.tabs.count()} tab(s), {counts['daily']} daily flowers predicted")
        app.exit(0)
