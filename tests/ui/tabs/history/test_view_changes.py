"""The History tab's two views as a user switches between them, and the table's order
and filters as new days come: what is shown after a switch is what a fresh tab shows,
whatever was read before (ahead of the switch, or before the store changed)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pyqtgraph")

from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.monitoring import backtest
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.ui.tabs.history.tab import HistoryTab
from tests.conftest import TODAY
from tests.ui.conftest import sync

DAY = dt.timedelta(days=1)


def choose(qtbot, tab: HistoryTab, version: int | None) -> None:
    """Click the view a user wants (by model vN, or as predicted) and wait until shown."""
    if version is None:
        tab.as_predicted.click()
    else:
        tab.by_model.click()
        tab.version_box.setCurrentIndex(tab.version_box.findData(version))
    qtbot.waitUntil(lambda: tab.data.version == version, timeout=10_000)


def shown(tab: HistoryTab) -> tuple[list[dt.date], list[int], str, int]:
    """What the user sees of the view: the table's days and predictions, the summary, the markers."""
    rows = tab.shown_history()
    return [d.item() for d in rows.day], rows.predicted.tolist(), tab.summary.text(), tab.plot.marker_count()


def test_switching_views_back_and_forth_shows_each_view_as_a_fresh_tab_would(make_tab, trained_store, qtbot):
    train(trained_store, TrainingConfig("tree"), activate=False)  # v2: never predicted anything
    tab = make_tab(trained_store)
    as_predicted = shown(tab)
    for version in (1, 2, None, 2, 1, None):
        choose(qtbot, tab, version)
        if version is None:
            assert shown(tab) == as_predicted
            continue
        expected = backtest(trained_store, version)
        days, _predicted, summary, markers = shown(tab)
        assert sorted(days) == expected.days and markers == 31
        assert np.array_equal(tab.data.view.predicted, expected.predicted)
        assert summary.startswith(f"Model v{version}: 31 days")
    fresh = make_tab(trained_store)
    assert shown(fresh) == as_predicted


def test_a_view_chosen_after_the_store_changed_shows_the_new_days(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    choose(qtbot, tab, 1)
    choose(qtbot, tab, None)  # v1's view was read, and the days as predicted are shown
    qtbot.wait(300)  # (time for anything read ahead)

    catch_up(trained_store, TODAY + 5 * DAY)  # another process catches up five days
    tab.state.today = lambda: TODAY + 5 * DAY
    sync(tab.state)
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 36, timeout=10_000)
    choose(qtbot, tab, 1)
    assert tab.table.model.rowCount() == 36 and tab.plot.marker_count() == 36
    assert [d.item() for d in tab.data.view.day] == backtest(trained_store, 1).days

    train(trained_store, TrainingConfig(params={"n_neighbors": 1}))  # v2, active: it predicts every day
    catch_up(trained_store, TODAY + 5 * DAY)
    sync(tab.state)
    qtbot.waitUntil(lambda: tab.version_box.findData(2) >= 0, timeout=10_000)
    choose(qtbot, tab, 2)
    assert np.array_equal(tab.data.view.predicted, backtest(trained_store, 2).predicted)
    assert tab.data.view.stored.all() and tab.summary.text().startswith("Model v2: 36 days")


def test_a_new_day_keeps_the_tables_order_and_filter(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.table.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # by the predicted variety
    tab.table.outcome.setCurrentIndex(2)  # correct only
    catch_up(trained_store, TODAY + DAY)
    tab.state.today = lambda: TODAY + DAY
    sync(tab.state)
    qtbot.waitUntil(lambda: len(tab.data.view) == 32, timeout=10_000)
    rows = tab.shown_history()
    assert len(rows) == int(tab.data.view.correct.sum()) == tab.table.model.rowCount() and rows.correct.all()
    assert rows.predicted.tolist() == sorted(rows.predicted.tolist())
    assert tab.table.count.text() == (f"{len(rows)} of 32 days" if len(rows) < 32 else "32 days")  # (a lucky month)
    tab.table.outcome.setCurrentIndex(0)
    assert tab.table.model.rowCount() == 32 and tab.table.count.text() == "32 days"
