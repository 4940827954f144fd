"""Application start: Qt set-up, one instance per data folder, opening the store,
the main window, and the start-up flags used by tests and benchmarks."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QT_TR_NOOP, QTimer
from PySide6.QtWidgets import QApplication

from iris_desktop import APP_DISPLAY_NAME, APP_ID, APP_NAME, ORG_NAME, __version__, paths
from iris_desktop.store import StoreError
from iris_desktop.store.database import ensure_folder
from iris_desktop.ui.main_window import TABS, MainWindow
from iris_desktop.ui.runtime import i18n
from iris_desktop.ui.runtime.errors import ErrorReporter, log, setup_logging
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.main_thread_gc import MainThreadGC
from iris_desktop.ui.runtime.settings import settings
from iris_desktop.ui.runtime.single_instance import SingleInstance
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.shell_widgets import LoadingPage

QUIT_GRACE_MS = 700  # how long quitting waits for a cancelled job to stop


# How long a worker thread may keep the GIL while the GUI thread waits for it (Python's
# default is 5 ms). Each paint and timer of the window takes the GIL many times; with two
# workers running Python (a model loaded while decision regions are drawn) the window
# waited up to 50 ms at a time. 1 ms keeps a turn within a frame for a percent or two of
# the workers' speed.
SWITCH_INTERVAL_S = 0.001


def application() -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland finds the icon through the desktop entry of this name
    return app


def set_window_icon() -> None:
    """The app icon (an SVG: loading it wakes the SVG plugin, so it comes after the first paint)."""
    try:
        QApplication.setWindowIcon(QtGui.QIcon(str(paths.resource("iris-desktop.svg"))))
    except FileNotFoundError:
        pass


class SelfTestReport:
    """The self-test's one-line verdict: on stdout, and in the --self-test-output file
    (a windowed build has no stdout). The file says "failed" from the start, so a crash
    leaves a failure there too. A watchdog ends a run that hangs with exit code 1:
    faulthandler's timer is a C thread, so it fires even while the GUI thread is stuck,
    and it writes where every thread was under that line."""

    def __init__(self, output: str | None, timeout_s: float):
        import faulthandler

        self.path = Path(output) if output else None
        self.notes: list[str] = []
        self.passed: str | None = None
        # Open for the whole run (closed in finish()): the watchdog writes into it.
        self._stream = open(self.path, "w", encoding="utf-8") if self.path else None  # noqa: SIM115
        if self._stream:
            self._stream.write(f"self-test failed: no verdict after {timeout_s:g} s; the threads were:\n")
            self._stream.flush()
        self._watch = self._stream or sys.stderr or open(os.devnull, "w")  # noqa: SIM115
        faulthandler.dump_traceback_later(timeout_s, exit=True, file=self._watch)

    def finish(self, code: int) -> None:
        import faulthandler

        faulthandler.cancel_dump_traceback_later()
        if code == 0 and self.passed:
            verdict = self.passed
        else:
            verdict = "self-test failed: " + ("; ".join(self.notes) or f"exit code {code}")
            print(verdict, file=sys.stderr)
        if self._stream:
            self._stream.close()
            self._stream = None
            if self.path is not None:  # it is: the stream was open on it
                self.path.write_text(verdict + "\n", encoding="utf-8")


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no window can be shown here (a Linux/BSD session with no display server and no
    Qt platform chosen), in one line; None if one can. Qt itself would abort with a
    message about xcb libraries that are in fact installed."""
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin")):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: Qt draws without a display server
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "the app needs a desktop session, and neither DISPLAY nor WAYLAND_DISPLAY is set; "
        "every command works without one (`iris-desktop --help`), `iris-desktop --self-test` checks "
        "the app headless, and QT_QPA_PLATFORM=offscreen runs it without a window"
    )


def run_app(args) -> int:
    """The app. --self-test runs on a throw-away folder, unless --data-dir names one."""
    problem = display_problem()
    if problem and getattr(args, "self_test", False):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a check, not a window: it runs anywhere
    elif problem:
        print(f"iris-desktop: {problem}", file=sys.stderr)
        return 2
    if not getattr(args, "self_test", False):
        return _run(args)
    report = SelfTestReport(getattr(args, "self_test_output", None), getattr(args, "self_test_timeout", 240))
    temp_dir = None
    if not getattr(args, "data_dir", None):
        temp_dir = tempfile.mkdtemp(prefix="iris-desktop-self-test-")
        paths.set_data_dir(temp_dir)
    code = 1
    try:
        code = _run(args, report)
    except BaseException as exc:
        report.notes.append(f"{type(exc).__name__}: {exc}")
        raise
    finally:
        report.finish(code)
        if temp_dir:
            shutil.rmtree(temp_dir, ignore_errors=True)
    return code


def _run(args, report: SelfTestReport | None = None) -> int:
    app = application()
    language = i18n.install(str(settings().value(i18n.LANGUAGE_KEY, i18n.SYSTEM)))
    if i18n.missing(language):  # a source tree whose .ts files were never compiled
        print(f"iris-desktop: no compiled translations ({i18n.catalogue(language)}): run make run", file=sys.stderr)
    headless = args.self_test or args.quit_when_ready or args.quit_after_startup

    def explain(title: str, text: str, shown: tuple[str, str] | None = None) -> None:
        """Say why the app ends: as given in the log and on the command line (English),
        in a dialog as `shown` (title, text in the user's language; default the same)."""
        setup_logging()
        log.warning("%s: %s", title, text)
        if report:
            report.notes.append(f"{title}: {text}")
        if headless:
            print(f"iris-desktop: {title}: {text}", file=sys.stderr)
        else:
            title, text = shown or (title, text)
            QtWidgets.QMessageBox.warning(None, title, text)

    try:
        ensure_folder(paths.data_dir())
    except StoreError as exc:
        explain(
            *_in_both(
                QT_TR_NOOP("The data folder cannot be used"),
                QT_TR_NOOP("{problem}.\n\nIris Desktop will close."),
                problem=exc,
            )
        )
        return 1
    instance = SingleInstance(paths.data_dir())
    if not instance.acquire():
        if instance.hand_over():
            print(f"{APP_DISPLAY_NAME} is already running for {paths.data_dir()}; brought it to the front.")
            return 0
        explain(
            *_in_both(
                QT_TR_NOOP("Iris Desktop is already running"),
                QT_TR_NOOP("Another Iris Desktop uses {folder} and did not answer."),
                folder=paths.data_dir(),
            )
        )
        return 1

    # The store is opened, checked and migrated by the start-up job, in a worker, after
    # the window has painted (MainWindow.start_loading); a store that cannot be used is
    # explained there (dialogs/store_recovery.py).
    state = AppState(paths.database_path(), paths.models_dir())
    window: MainWindow | None = None
    reporter = ErrorReporter(lambda: window)
    reporter.interactive = not headless  # nobody is there to answer a question
    errors: list[str] = []
    reporter.reported.connect(lambda message, details: errors.append(message))
    reporter.install()
    MainThreadGC(app)  # Qt objects in garbage must die on the GUI thread
    window = MainWindow(state, settings(), reporter)
    gave_up: list[tuple[str, str]] = []
    window.gaveUp.connect(lambda title, text: gave_up.append((title, text)))
    if headless:
        window.gaveUp.connect(lambda title, text: app.exit(1))
    instance.activationRequested.connect(lambda: bring_to_front(window))

    # Work that can wait until the window is on screen, queued behind the first paint
    # (with --quit-after-startup the app has quit by then).
    for job in (setup_logging, set_window_icon, instance.listen, window.start_loading):
        window.firstPainted.connect(lambda job=job: QTimer.singleShot(0, job))
    if args.quit_after_startup:
        window.firstPainted.connect(app.quit)
    if args.quit_when_ready:
        window.ready.connect(app.quit)
    if args.self_test and report is not None:  # run_app passes a report with --self-test
        window.tabsBuilt.connect(lambda: QTimer.singleShot(0, lambda: _self_test(window, errors, report)))
    if headless:  # nobody is there to read a dialog: any error ends the run
        reporter.reported.connect(lambda *_: app.exit(1))
    window.show()
    code = app.exec()
    if window.isVisible():  # app.exit() left it open; a closed window saved them as it closed
        window.save_settings()
    # Running jobs were asked to stop when the window closed; one that cannot stop at
    # once (a long fit) is left behind: its transaction never commits.
    stopped = state.runner.shutdown(QUIT_GRACE_MS)
    window.watcher.stop()
    instance.release()
    for title, text in gave_up:  # the window said it; a headless run says it here
        if headless:
            explain(title, text)
        code = code or 1
    if errors and headless:
        print("iris-desktop: " + "\n".join(errors), file=sys.stderr)
        code = code or 1
        if report:
            report.notes.extend(e for e in errors if e not in report.notes)
    if not stopped:
        if report:
            report.finish(code)
        _exit_now(code)
    return code


def _in_both(title: object, text: object, **values: object) -> tuple[str, str, tuple[str, str]]:
    """explain()'s arguments for a message marked with QT_TR_NOOP (which returns its text,
    typed object): (title, text) in English, then as shown, in the user's language."""
    title, text = str(title), str(text)
    shown = (tr(title).format(**values), tr(text).format(**values))
    return title.format(**values), text.format(**values), shown


def _exit_now(code: int) -> None:
    """End the process while a worker thread still runs: the interpreter would
    otherwise wait for it (or crash tearing Qt down under it)."""
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # a windowed build has none: raising here would hang on the worker
                stream.flush()
        except (OSError, ValueError):  # a reader that left
            pass
    os._exit(code)


def bring_to_front(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def _self_test(window: MainWindow, errors: list[str], report: SelfTestReport) -> None:
    """Show every tab in turn, each until the work it started (plots, tables, decision
    regions) is done and it has painted itself, so a module or plugin missing from a
    bundle fails here; then exit 0 if nothing failed (the counts read by the start-up's
    snapshot, in a worker like every read)."""
    runner = window.state.runner
    waiting = list(range(window.tabs.count()))
    shown: list[str] = []

    def show_next() -> None:
        if not waiting:
            _verdict(window, errors, report, shown)
            return
        index = waiting.pop(0)
        window.tabs.setCurrentIndex(index)
        QTimer.singleShot(0, lambda: settle(index))

    def settle(index: int) -> None:
        if runner.busy:  # its jobs still run: look again soon (the watchdog ends a hang)
            QTimer.singleShot(20, lambda: settle(index))
            return
        name = TABS[index][0]  # English: the verdict is command-line output
        tab = window.tab_widget(index)
        if isinstance(tab, LoadingPage) or tab.grab().isNull():
            errors.append(f"the {name} tab was not built")
        else:
            shown.append(name)
        show_next()

    show_next()


def _verdict(window: MainWindow, errors: list[str], report: SelfTestReport, shown: list[str]) -> None:
    problems = list(errors)
    summary = window.state.summary
    backfill, daily = (summary.count("backfill"), summary.count("daily")) if summary else (0, 0)
    predicted = summary.predictions if summary else 0
    if backfill != 150:
        problems.append(f"expected 150 backfilled flowers, found {backfill}")
    if daily == 0 or predicted < daily:
        problems.append(f"catch-up incomplete: {daily} daily flowers, {predicted} predictions")
    if window.state.model is None:
        problems.append("no active model after first run")
    problems += [
        f"no compiled catalogue {path}" for path in map(i18n.catalogue, i18n.LANGUAGES) if not Path(path).is_file()
    ]
    if problems:
        report.notes.extend(problems)
        QApplication.exit(1)
    else:
        report.passed = (
            f"self-test passed: {len(shown)} tab(s) shown and painted ({', '.join(shown)}), "
            f"{daily} daily flowers predicted"
        )
        print(report.passed)
        QApplication.exit(0)
