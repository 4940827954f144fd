"""Each tab's empty state (issue 31): on a store nothing has filled, each tab says in one
line what fills it and offers the button that does it; the buttons run the window's own
actions (through AppState.actionRequested) and each line goes once its tab is filled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from iris_desktop.pipelines import operations
from iris_desktop.pipelines.inference import CatchUpSummary
from iris_desktop.store import flowers, predictions
from iris_desktop.store import runs as run_table
from iris_desktop.ui.widgets import strings
from tests.conftest import TODAY
from tests.ui.accessibility_probe import unnamed
from tests.ui.conftest import read

FILLED_BY = {  # tab: (its line begins, its button)
    "Explore": ("No flowers yet. The feature pipeline fills this tab", strings.EMPTY_STORE_BUNDLED),
    "Train": ("Nothing to train on yet.", strings.EMPTY_STORE_BUNDLED),
    "Daily": ("No days yet. The daily feature pipeline", strings.EMPTY_CATCH_UP),
    "History": ("Nothing to monitor yet. This tab is the monitor", strings.EMPTY_STORE_BUNDLED),
    "Pipelines": ("No pipeline has run yet.", strings.EMPTY_STORE_BUNDLED),
}


@pytest.fixture
def empty_window(loaded_window, store, monkeypatch):
    """The window on a store nothing has filled: its start-up finds nothing to do (as
    when the first run is left to the user, like `catch-up --no-first-run` leaves it)."""
    monkeypatch.setattr(
        operations, "start", lambda *args, **kwargs: operations.Started(CatchUpSummary(0, 0, None, None, None), False)
    )
    return loaded_window(store, today=TODAY)


def show(window, name: str):
    window.show_tab(name)
    return window.tab(name)


def click_and_wait(qtbot, window, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.state.runner.busy, timeout=60_000)


def test_every_tab_of_an_empty_store_says_what_fills_it(empty_window):
    window = empty_window
    assert not window.welcome.isVisible()  # nothing ran: nothing to tell
    for name, (line, button) in FILLED_BY.items():
        empty = show(window, name).empty
        assert empty.isVisible(), name
        assert empty.text.text().startswith(line), name
        assert empty.button.text() == button and empty.button.isEnabled(), name
        assert empty.button.accessibleDescription() == empty.text.text()
    predict = show(window, "Predict")
    assert predict.no_model.isVisible()  # Predict's own banner, not a second one
    assert not hasattr(predict, "empty")
    assert unnamed(window) == []


def test_the_buttons_fill_the_tabs_one_pipeline_after_the_other(empty_window, qtbot):
    window = empty_window
    explore = show(window, "Explore")
    click_and_wait(qtbot, window, explore.empty.button)  # Store the bundled data set
    assert read(window, flowers.count_by_source)["backfill"] == 150
    qtbot.waitUntil(lambda: not explore.empty.isVisible())
    assert len(explore.data.variety) == 150  # the tab shows them

    train = show(window, "Train")
    qtbot.waitUntil(lambda: train.empty.button.text() == strings.EMPTY_TRAIN_DEFAULT)
    assert train.empty.isVisible() and train.empty.text.text().startswith("No model yet.")
    click_and_wait(qtbot, window, train.empty.button)  # Train the default model
    qtbot.waitUntil(lambda: window.state.model is not None)
    assert window.state.model.version == 1
    qtbot.waitUntil(lambda: not train.empty.isVisible())
    assert not show(window, "Predict").no_model.isVisible()

    history = show(window, "History")  # a model, no day yet: the catch-up is what predicts
    qtbot.waitUntil(lambda: history.empty.button.text() == strings.EMPTY_CATCH_UP)
    daily = show(window, "Daily")
    assert daily.empty.isVisible()
    click_and_wait(qtbot, window, daily.empty.button)  # Catch up now
    days = read(window, flowers.count_by_source)["daily"]
    assert days > 0 and read(window, predictions.prediction_count) == days
    qtbot.waitUntil(lambda: not daily.empty.isVisible())
    assert not show(window, "History").empty.isVisible()
    pipelines = show(window, "Pipelines")
    qtbot.waitUntil(lambda: not pipelines.empty.isVisible())
    assert read(window, lambda store: len(run_table.recent(store, 10))) >= 3  # backfill, training, daily


def test_history_asks_for_each_missing_step_when_days_wait_unpredicted(empty_window, qtbot):
    """Days made without a model (a catch-up on an empty store): History offers what is
    missing first, the labelled flowers, then the default model, which predicts the days."""
    window = empty_window
    click_and_wait(qtbot, window, show(window, "Daily").empty.button)
    days = read(window, flowers.count_by_source)["daily"]
    assert days > 0 and read(window, predictions.prediction_count) == 0
    assert not show(window, "Explore").empty.isVisible()  # the daily flowers are there to explore
    history = show(window, "History")
    qtbot.waitUntil(lambda: history.empty.isVisible())
    assert history.empty.button.text() == strings.EMPTY_STORE_BUNDLED
    click_and_wait(qtbot, window, history.empty.button)
    qtbot.waitUntil(lambda: history.empty.button.text() == strings.EMPTY_TRAIN_DEFAULT)
    assert history.empty.text.text().endswith("Predictions need a model first.")
    click_and_wait(qtbot, window, history.empty.button)
    qtbot.waitUntil(lambda: read(window, predictions.prediction_count) == days, timeout=30_000)
    qtbot.waitUntil(lambda: not history.empty.isVisible())


def test_a_filled_store_shows_no_empty_state(loaded_window, trained_store):
    window = loaded_window(trained_store, today=TODAY)
    for name in FILLED_BY:
        assert not show(window, name).empty.isVisible(), name
