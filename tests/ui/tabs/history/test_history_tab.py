"""The History tab as a user meets it: the plot, the table, the two views of the past,
the confusion matrix, drift, exports, and the tab following changes of the store.

Changes "by another process" are made straight on the store, then `sync(state)` does
what the app's change watcher does; every wait is on what the tab shows.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QDate, Qt

pytest.importorskip("pyqtgraph")

import functools
import operator

from iris_desktop.pipelines import daily
from iris_desktop.pipelines.history_csv import read_history_csv
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.monitoring import backtest
from iris_desktop.pipelines.operations import first_run
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.ui.tabs.history.tab import HistoryTab
from tests.conftest import TODAY
from tests.ui.conftest import sync, wait_done

DAY = dt.timedelta(days=1)


def rows(tab: HistoryTab) -> int:
    return tab.table.model.rowCount()


def loaded_days(tab: HistoryTab) -> int:
    return len(tab.data.view) if tab.data is not None else -1


def test_table_and_plot_show_every_day_and_follow_a_catch_up(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    assert rows(tab) == 31 and tab.plot.marker_count() == 31
    assert tab.summary.text().startswith("31 days, ")
    assert tab.day_panel.day == TODAY and tab.day_panel.title() == "Latest day"
    assert tab.day_panel.mark.text() in ("✓ Correct", "✗ Wrong")

    # five more days, caught up by another process: the tab follows without a restart
    catch_up(trained_store, TODAY + 5 * DAY)
    tab.state.today = lambda: TODAY + 5 * DAY
    sync(tab.state)
    qtbot.waitUntil(lambda: rows(tab) == 36, timeout=10_000)
    assert tab.data.appended == 5  # only the new days were read
    assert tab.plot.marker_count() == 36
    assert tab.day_panel.day == TODAY + 5 * DAY
    view = tab.data.view
    assert tab.plot.marker_count() == len(tab.plot.correct.data) + len(tab.plot.wrong.data)
    assert len(tab.plot.wrong.data) == int((~view.correct).sum())


def test_a_model_switch_in_the_middle_is_one_labelled_line(make_tab, trained_store, qtbot):
    train(trained_store, TrainingConfig(params={"n_neighbors": 1}))  # v2, active
    catch_up(trained_store, TODAY)  # v2 predicts the 31 days, v1's stay the first ones
    catch_up(trained_store, TODAY + 10 * DAY)  # ten new days, first predicted by v2
    tab = make_tab(trained_store, TODAY + 10 * DAY)
    assert rows(tab) == 41
    assert tab.plot.version_lines() == [(TODAY + DAY, "v2")]
    assert set(tab.data.view.version[:31].tolist()) == {1} and set(tab.data.view.version[31:].tolist()) == {2}


def test_by_model_view_equals_a_backtest(make_tab, trained_store, qtbot):
    train(trained_store, TrainingConfig("tree"), activate=False)  # v2: never predicted anything
    tab = make_tab(trained_store)
    assert not tab.version_box.isEnabled()
    tab.by_model.click()
    assert tab.version_box.isEnabled()
    tab.version_box.setCurrentIndex(tab.version_box.findData(2))
    qtbot.waitUntil(lambda: tab.data.version == 2, timeout=10_000)
    expected = backtest(trained_store, 2)
    view = tab.data.view
    assert [d.item() for d in view.day] == expected.days
    assert np.array_equal(view.predicted, expected.predicted)
    assert view.correct.tolist() == expected.correct
    assert not view.stored.any()  # v2 never saw these days: predicted now, not stored
    assert "never saw" in tab.summary.text() and tab.summary.text().startswith("Model v2: 31 days")
    assert rows(tab) == 31 and tab.plot.version_lines() == []

    # back to the days as they were predicted
    tab.as_predicted.click()
    qtbot.waitUntil(lambda: tab.data.version is None, timeout=10_000)
    assert set(tab.data.view.version.tolist()) == {1}


def test_confusion_matrix_is_3x3_even_for_one_day(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    panel = tab.confusion
    assert panel.matrix.counts.shape == (3, 3) and panel.matrix.counts.sum() == 31
    panel.window_box.setCurrentIndex(3)  # a date range: one day
    assert panel.start.isVisible() and panel.end.isVisible()
    panel.start.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    panel.end.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    counts = panel.matrix.counts
    assert counts.shape == (3, 3) and counts.sum() == 1
    assert len(panel.matrix.cell_texts()) == 3 and all(len(r) == 3 for r in panel.matrix.cell_texts())
    assert "Never predicted here:" in panel.caption.text()
    panel.normalised.click()
    assert "%" in "".join(functools.reduce(operator.iadd, panel.matrix.cell_texts(), []))
    panel.window_box.setCurrentIndex(2)  # last 7 days
    assert panel.matrix.counts.sum() == 7
    panel.window_box.setCurrentIndex(4)  # the days model v1 was in charge: all of them
    assert panel.version.isVisible() and panel.matrix.counts.sum() == 31


def test_table_and_plot_are_linked_both_ways_and_with_the_daily_tab(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    day = TODAY - 10 * DAY
    # the table is sorted newest first: row 10 is ten days back
    table = tab.table.view
    rect = table.visualRect(tab.table.model.index(10, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.table.selected_day() == day
    assert tab.day_panel.day == day and tab.day_panel.title() == "Selected day"
    assert (
        tab.plot.selected_line.isVisible()
        and tab.plot.selected.data["x"][0] == tab.plot._x[tab.data.view.index_of(day)]
    )

    requested = []
    tab.state.dayRequested.connect(lambda d, name: requested.append((d, name)))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert requested[-1] == (day, "Daily")
    qtbot.mouseClick(tab.day_panel.daily_button, Qt.MouseButton.LeftButton)
    assert requested[-1] == (day, "Daily")

    # another tab asks for a day here; the plot's click does the same
    tab.state.dayRequested.emit(TODAY - 3 * DAY, "History")
    assert tab.day_panel.day == TODAY - 3 * DAY and tab.table.selected_day() == TODAY - 3 * DAY
    tab.plot.dayClicked.emit(TODAY - 20 * DAY)
    assert tab.table.selected_day() == TODAY - 20 * DAY
    qtbot.mouseClick(tab.day_panel.latest_button, Qt.MouseButton.LeftButton)
    assert tab.day_panel.day == TODAY and tab.day_panel.title() == "Latest day"
    assert "Predicted:" in tab.plot.describe(tab.data.view.index_of(TODAY))


def test_table_filters(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    wrong = int((~tab.data.view.correct).sum())
    tab.table.outcome.setCurrentIndex(1)  # wrong only
    assert rows(tab) == wrong
    tab.table.outcome.setCurrentIndex(0)
    qtbot.keyClicks(tab.table.date_filter, TODAY.strftime("%Y-%m"))
    assert rows(tab) == TODAY.day and tab.table.count.text() == f"{TODAY.day} of 31 days"


def test_exported_csv_round_trips(make_tab, trained_store, qtbot, tmp_path):
    tab = make_tab(trained_store)
    tab.table.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # by the predicted variety
    path = tmp_path / "shown.csv"
    wait_done(qtbot, tab.export_table(str(path)))
    back = read_history_csv(path)
    shown = tab.shown_history()
    assert len(back) == 31
    assert np.array_equal(back.day, shown.day) and np.array_equal(back.predicted, shown.predicted)
    assert np.array_equal(back.actual, shown.actual) and np.array_equal(back.version, shown.version)
    assert np.allclose(back.X, shown.X) and np.allclose(back.proba, shown.proba, atol=5e-5)
    assert list(back.predicted) == sorted(back.predicted)  # in the order shown

    tab.table.outcome.setCurrentIndex(2)  # correct only: only those are written
    wait_done(qtbot, tab.export_table(str(path)))
    assert read_history_csv(path).correct.all() and len(read_history_csv(path)) == rows(tab)


def test_the_export_table_button_asks_where_to_save(make_tab, trained_store, qtbot, tmp_path, monkeypatch):
    from PySide6 import QtWidgets

    tab = make_tab(trained_store)
    target = tmp_path / "asked.csv"
    asked = []

    def ask(*args, **kwargs):
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(ask))
    warned = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", staticmethod(lambda *a: warned.append(a)))
    started = []
    run = tab.state.runner.run
    monkeypatch.setattr(tab.state.runner, "run", lambda *a, **k: started.append(a) or run(*a, **k))
    qtbot.mouseClick(tab.export_table_button, Qt.MouseButton.LeftButton)  # clicked(bool) must not be the path
    exports = [args for args in started if args[0] != "history-ahead"]  # (a view may be read ahead meanwhile)
    assert len(asked) == 1 and exports[-1][3] == str(target)  # (lane, job, rows, path)
    qtbot.waitUntil(lambda: target.is_file() and len(read_history_csv(target)) == 31, timeout=10_000)
    assert not warned


def test_plots_export_as_png_and_svg(make_tab, trained_store, tmp_path):
    from iris_desktop.ui.widgets.plot_export import export_plot

    tab = make_tab(trained_store)
    tab.drift.build_plots()
    for item, name in (
        (tab.plot.ci, "accuracy"),
        (tab.confusion.matrix.getPlotItem(), "confusion"),
        (tab.drift.plots.ci, "drift"),
    ):
        for suffix in (".png", ".svg"):
            path = export_plot(item, tmp_path / (name + suffix))
            assert path.is_file() and path.stat().st_size > 500


def test_drift_is_flagged_after_switching_to_the_original_generator(make_tab, store, qtbot):
    store.set_meta("installation_seed", "20260615")  # the same days on every run
    first_run(store, TODAY)  # 31 days from the default generator
    tab = make_tab(store)
    tab.details.setCurrentWidget(tab.drift)  # the page is filled when first shown
    qtbot.waitUntil(lambda: tab.drift.report is not None, timeout=10_000)
    assert not tab.drift.report.flagged
    assert "look like model v1's training flowers" in tab.drift.summary.text()

    daily.set_generator(store, "original")
    later = TODAY + 90 * DAY
    catch_up(store, later)
    tab.state.today = lambda: later
    sync(tab.state)
    qtbot.waitUntil(lambda: tab.drift.report is not None and tab.drift.report.n_current == 90, timeout=10_000)
    assert tab.drift.report.flagged
    assert "drifted" in tab.drift.summary.text()
    assert "Drifted" in tab.drift.verdicts.text()


def test_drift_without_a_model_says_so(make_tab, store):
    tab = make_tab(store)
    tab.details.setCurrentWidget(tab.drift)
    assert "no active model" in tab.drift.summary.text()
    assert tab.summary.text().startswith("No predictions yet")
    assert tab.day_panel.day is None and rows(tab) == 0 and tab.plot.marker_count() == 0
    assert tab.confusion.matrix.counts.shape == (3, 3)


def test_an_activation_elsewhere_updates_the_tab(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    record = train(trained_store, TrainingConfig(params={"n_neighbors": 1}))
    catch_up(trained_store, TODAY + DAY)  # another process: activated v2, caught up a day
    tab.state.today = lambda: TODAY + DAY
    sync(tab.state)
    qtbot.waitUntil(lambda: rows(tab) == 32, timeout=10_000)
    assert tab.plot.version_lines() == [(TODAY + DAY, f"v{record.version}")]
    assert tab.version_box.itemText(0).endswith("(active)") and tab.version_box.itemData(0) == record.version


def test_choices_persist(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.confusion.window_box.setCurrentIndex(2)
    tab.drift.window_box.setCurrentIndex(2)
    tab.table.outcome.setCurrentIndex(1)
    tab.by_model.click()
    qtbot.waitUntil(lambda: tab.data.version == 1, timeout=10_000)
    again = make_tab(trained_store)
    assert again.confusion.window_box.currentIndex() == 2 and again.drift.window_box.currentIndex() == 2
    assert again.table.outcome.currentIndex() == 1
    assert again.by_model.isChecked() and again.data.version == 1


def test_a_version_whose_file_is_altered_falls_back_with_a_message(make_tab, trained_store, qtbot):
    from iris_desktop.pipelines.registry import artifact_path

    record = train(trained_store, TrainingConfig("tree"), activate=False)
    artifact_path(trained_store, record).write_bytes(b"not a model")
    tab = make_tab(trained_store)
    tab.by_model.click()
    tab.version_box.setCurrentIndex(tab.version_box.findData(record.version))
    qtbot.waitUntil(lambda: tab.summary.text().startswith(f"Model v{record.version} cannot be shown"), timeout=10_000)
    assert tab.as_predicted.isChecked() and tab.data.version is None and rows(tab) == 31


def test_enter_on_a_row_opens_the_day_in_the_daily_tab(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    requested = []
    tab.state.dayRequested.connect(lambda d, name: requested.append((d, name)))
    tab.table.view.setFocus()
    tab.select_day(TODAY - 2 * DAY)
    qtbot.keyClick(tab.table.view, Qt.Key.Key_Return)
    assert requested == [(TODAY - 2 * DAY, "Daily")]


def test_in_the_window_a_catch_up_from_the_menu_reaches_the_tab(loaded_window, trained_store, qtbot, tmp_path):
    window = loaded_window(trained_store, today=TODAY + 2 * DAY)  # start-up catches up two days
    tab = HistoryTab(window.state, window.reporter)
    qtbot.addWidget(tab)
    tab.show()  # a hidden tab reads the history again when it is shown, not before
    qtbot.waitUntil(lambda: tab.data is not None and rows(tab) == 33, timeout=10_000)
    window.state.today = lambda: TODAY + 3 * DAY
    wait_done(qtbot, window.daily_actions.catch_up_now())
    qtbot.waitUntil(lambda: rows(tab) == 34, timeout=10_000)  # through the change watcher
    assert tab.day_panel.day == TODAY + 3 * DAY
    wait_done(qtbot, tab.export_table(str(tmp_path / "t.csv")))
    assert window.status_label.text() == f"Exported 34 predictions to {tmp_path / 't.csv'}"
    wait_done(qtbot, window.history_actions.export_history(str(tmp_path / "all.csv")))
    assert len(read_history_csv(tmp_path / "all.csv")) == 34  # File > Export history: every day, like the CLI
