"""The one way GUI tests build the main window: on a temp data folder, cleaned up after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from iris_desktop import paths
from iris_desktop.store import Store
from iris_desktop.ui import app as app_module
from iris_desktop.ui.main_window import MainWindow
from iris_desktop.ui.runtime import i18n
from iris_desktop.ui.runtime.errors import ErrorReporter, setup_logging
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import wait_for_all


@pytest.fixture(autouse=True)
def _in_english(qapp):
    """Every GUI test reads the app in English (its plural forms from the compiled English
    catalogue) with English numbers, whatever this machine's locale; a test of another
    language installs it and is put back here."""
    i18n.install("en")
    yield
    if QLocale().language() != QLocale.Language.English:
        i18n.install("en")


@pytest.fixture(autouse=True)
def _light_colours_after():
    """A test that switches to dark or high contrast leaves the next one in light colours
    with the platform's palette (the scheme and the palette are the app's, not a window's)."""
    yield
    from PySide6.QtGui import QGuiApplication, QPalette

    from iris_desktop.ui.widgets import colors

    app = QGuiApplication.instance()
    if app is not None:
        app.setPalette(QPalette())
        app.styleHints().unsetColorScheme()
    colors.set_scheme(colors.LIGHT)


@pytest.fixture
def make_window(qtbot):
    """make_window(store=None, today=None) -> MainWindow on `store`'s file (default: the
    data folder's, opened by the window's start-up as the app does), not yet loading;
    all closed after."""
    made = []

    def make(store: Store | None = None, today=None) -> MainWindow:
        app_module.application()
        setup_logging()
        where = (store.path, store.models_dir) if store else (paths.database_path(), paths.models_dir())
        state = AppState(*where)
        if today is not None:
            state.today = lambda: today
        holder: list[MainWindow] = []
        reporter = ErrorReporter(lambda: holder[0] if holder else None)
        window = MainWindow(state, app_module.settings(), reporter)
        holder.append(window)
        qtbot.addWidget(window)
        made.append((window, store))
        return window

    yield make
    for window, _store in made:
        window.close()
        window.watcher.stop()
        for box in list(window.reporter.dialogs):
            box.close()
    assert wait_for_all(60_000)
    for _window, store in made:
        if store is not None:
            store.close()


@pytest.fixture
def loaded_window(make_window, qtbot):
    """make_window + start-up finished (heavy modules loaded, catch-up done, tabs built)."""

    def load(store: Store | None = None, today=None) -> MainWindow:
        window = make_window(store, today)
        window.show()
        with qtbot.waitSignal(window.ready, timeout=120_000):
            window.start_loading()
        qtbot.waitUntil(lambda: window.all_tabs_built, timeout=60_000)
        return window

    return load


def read(window, fn, *args):
    """fn(store, *args) on a connection of the test's own: the window's GUI thread holds
    none (its workers open theirs)."""
    with Store.open(*window.state.paths()) as store:
        return fn(store, *args)


def wait_done(qtbot, task, timeout: int = 30_000):
    """Wait until `task` has ended, by its state: never on a signal it may have sent
    already. Returns the task."""
    qtbot.waitUntil(lambda: task.is_done, timeout=timeout)
    return task


def sync(state: AppState) -> None:
    """What the app does after a commit, synchronously: read a snapshot and apply it."""
    from iris_desktop.ui.runtime import jobs

    state.apply(jobs.snapshot(*state.paths(), state.summary, state.model))


@pytest.fixture
def reporter(qtbot):
    """The real ErrorReporter a tab is given (dialogs parented to nothing), closed after."""
    reporter = ErrorReporter(lambda: None)
    yield reporter
    for box in list(reporter.dialogs):
        box.close()


@pytest.fixture
def actions(qtbot, reporter):
    """actions(kind, state) -> the real action group a tab is given (ModelActions,
    DailyActions), on a parent widget of its own."""
    from PySide6.QtWidgets import QWidget

    def make(kind, state: AppState):
        parent = QWidget()
        qtbot.addWidget(parent)
        return kind(parent, state, reporter)

    return make


@pytest.fixture
def make_state():
    """make_state(store, today=TODAY) -> an AppState with the store's snapshot applied
    (flowers, model), as a tab finds it once the window has loaded."""
    from tests.conftest import TODAY

    def make(store: Store, today=TODAY) -> AppState:
        state = AppState(store.path, store.models_dir)
        state.today = lambda: today
        sync(state)
        return state

    return make
