"""The one way GUI tests build the main window: on a temp data folder, cleaned up after."""

from __future__ import annotations

import pytest

from iris_desktop import paths
from iris_desktop.store import Store
from iris_desktop.ui import app as app_module
from iris_desktop.ui.main_window import MainWindow
from iris_desktop.ui.runtime.errors import ErrorReporter, setup_logging
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import wait_for_all


@pytest.fixture
def make_window(qtbot):
    """make_window(store=None, today=None) -> MainWindow, not yet loading; all closed after."""
    made = []

    def make(store: Store | None = None, today=None) -> MainWindow:
        app_module.application()
        setup_logging()
        store = store or Store.open(paths.database_path(), paths.models_dir())
        state = AppState(store)
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
        for box in list(window.reporter.dialogs):
            box.close()
    assert wait_for_all(60_000)
    for _window, store in made:
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
def make_state():
    """make_state(store, today=TODAY) -> an AppState with the store's snapshot applied
    (flowers, model), as a tab finds it once the window has loaded."""
    from tests.conftest import TODAY

    def make(store: Store, today=TODAY) -> AppState:
        state = AppState(store)
        state.today = lambda: today
        sync(state)
        return state

    return make
