"""Every plot says in words what it shows now: its accessible description follows its
data (a selection, new days, another model, another window of days), and the numbers
behind it are a keystroke away (Ctrl+T: a table, Ctrl+C: tab-separated text)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.conftest import TODAY
from tests.ui.conftest import wait_done


@pytest.fixture
def window(loaded_window, trained_store, qtbot):
    made = loaded_window(trained_store, today=TODAY)
    made.activateWindow()
    return made


def described(*plots) -> list[str]:
    return [plot.accessibleDescription() for plot in plots]


def catch_up_one_day(window, qtbot) -> None:
    window.state.today = lambda: TODAY + dt.timedelta(days=1)
    wait_done(qtbot, window.daily_actions.catch_up_now())
    qtbot.waitUntil(lambda: window.state.summary.count("daily") == 32, timeout=30_000)


def test_explore_plots_describe_the_flowers_and_the_selection(window, qtbot):
    window.show_tab("Explore")
    tab = window.tab("Explore")
    qtbot.waitUntil(lambda: not tab.preparing, timeout=30_000)  # every view drawn
    plots = (tab.matrix, tab.large.plot_widget, tab.distributions.plot_widget)
    before = described(*plots)
    assert before[1].startswith("petal width against petal length: 181 flowers shown")
    assert "Setosa mean 1.4" in before[2]

    setosa = int((tab.data.variety == 0).sum())
    tab.select_where("variety = setosa")
    after = described(*plots)
    assert all(a != b and a.endswith(f"; {setosa} selected.") for a, b in zip(after, before)), after

    catch_up_one_day(window, qtbot)
    qtbot.waitUntil(lambda: len(tab.data) == 182 and not tab.preparing, timeout=30_000)
    assert tab.matrix.accessibleDescription().startswith("182 flowers")

    tab.large.x_combo.setCurrentIndex(0)  # another pair of measurements: named and described anew
    assert tab.large.plot_widget.accessibleName() == "Scatter plot of petal width against sepal length"
    assert tab.large.plot_widget.accessibleDescription().startswith("petal width against sepal length")


def test_train_plots_describe_the_version_and_the_curve(window, qtbot):
    window.show_tab("Train")
    tab = window.tab("Train")
    matrix, curve = tab.results.matrix, tab.curve_plot
    assert matrix.accessibleDescription().startswith(f"{int(matrix.counts.sum())} flowers, ")
    assert curve.accessibleDescription() == "No curve computed yet: Compute the validation curve draws it."

    tab.results.show_record(None)  # nothing selected: nothing counted
    assert matrix.accessibleDescription() == "No flowers counted."

    tab.pages.setCurrentIndex(1)
    wait_done(qtbot, tab.compute_curve(), 60_000)
    text = curve.accessibleDescription()
    assert text.startswith("k from 1 to ") and "best k" in text and "the form's k is 5" in text

    tab.pages.setCurrentIndex(2)
    regions = tab.regions.map
    qtbot.waitUntil(lambda: regions.held is not None, timeout=30_000)
    assert regions.accessibleDescription().startswith("Model v1's predicted variety over petal length and petal width")
    tab.regions.set_axes(0, 1)
    qtbot.waitUntil(lambda: tab.regions.map.held is not None, timeout=30_000)
    assert "over sepal length and sepal width" in tab.regions.map.accessibleDescription()


def test_daily_plots_describe_the_generator_and_the_day_shown(window, qtbot):
    window.show_tab("Daily")
    tab = window.tab("Daily")
    qtbot.waitUntil(lambda: tab.data is not None, timeout=30_000)
    plots = tab.generator_view.plots
    before = described(*plots)
    assert "150 stored flowers and 31 daily flowers" in before[0] and "the day shown" in before[0]
    tab.step(-1)
    after = described(*plots)
    assert after != before
    x, y = tab.data.X[tab.row, 2], tab.data.X[tab.row, 3]
    assert after[0].endswith(f"the day shown: petal length {x:.1f} cm, petal width {y:.1f} cm.")


def test_predict_plots_describe_the_prediction(window, qtbot):
    window.show_tab("Predict")
    tab = window.tab("Predict")
    tab.set_values((5.0, 3.4, 1.5, 0.2))
    qtbot.waitUntil(lambda: not tab.prediction_pending)
    setosa = described(tab.chart, tab.map)
    assert setosa[0].startswith("Setosa 100%")
    tab.set_values((6.9, 3.1, 5.4, 2.1))
    qtbot.waitUntil(lambda: not tab.prediction_pending and not tab.map.regions_pending, timeout=30_000)
    virginica = described(tab.chart, tab.map)
    assert virginica[0].endswith("Virginica 100%.") and virginica[0] != setosa[0]
    assert virginica[1].endswith("the flower at 5.4, 2.1 cm lies in the Virginica region.")


def test_history_plots_describe_the_days_and_follow_a_new_one(window, qtbot):
    window.show_tab("History")
    tab = window.tab("History")
    qtbot.waitUntil(lambda: tab.data is not None, timeout=30_000)
    tab.details.setCurrentIndex(1)  # the drift page: its plots are built when shown
    qtbot.waitUntil(lambda: tab.drift.report is not None, timeout=30_000)
    plots = (tab.plot, tab.confusion.matrix, tab.drift.plots)
    before = described(*plots)
    assert before[0].startswith(f"31 days from {TODAY - dt.timedelta(days=30)} to {TODAY}")
    assert "last change" not in before[0]  # one model all along
    assert before[2].startswith(f"31 daily flowers against {len(window.state.model.X_train)} training flowers: ")

    wait_done(qtbot, window.model_actions.train(), 60_000)  # v2, active: it predicts the next day
    catch_up_one_day(window, qtbot)
    qtbot.waitUntil(lambda: len(tab.data.view) == 32 and tab.drift.report.n_current == 32, timeout=30_000)
    after = described(*plots)
    assert all(a != b for a, b in zip(after, before)), after
    assert after[0].startswith("32 days from")
    assert after[0].endswith(f"last change: model v2 on {TODAY + dt.timedelta(days=1)}.")


def test_ctrl_t_and_ctrl_c_on_a_focused_plot_give_its_numbers(window, qtbot):
    window.show_tab("Predict")
    tab = window.tab("Predict")
    tab.set_values((6.9, 3.1, 5.4, 2.1))
    qtbot.waitUntil(lambda: not tab.prediction_pending)
    tab.chart.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.chart)
    qtbot.keyClick(tab.chart, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "Variety\tProbability" and lines[3] == "Virginica\t100.0%"
    qtbot.keyClick(tab.chart, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.chart.access.dialog
    assert dialog is not None and dialog.cell_texts()[1:] == [
        ["Setosa", "0.0%"],
        ["Versicolor", "0.0%"],
        ["Virginica", "100.0%"],
    ]
    assert dialog.table.accessibleName() == "Class probabilities: data table"
    menu = [a.text() for a in tab.chart.actions() if a.text()]
    assert menu == ["Show as &table", "&Copy data"]
    assert [a.text() for a in tab.map.actions() if a.text()] == ["Show as &table", "&Copy data"]
    history_plot = window.tab("History").plot
    assert [a.text() for a in history_plot.actions() if a.text()] == ["Show as &table", "&Copy data", "&Export image…"]


def test_copying_many_rows_formats_them_in_a_worker(make_state, trained_store, reporter, qtbot, monkeypatch):
    """Past COPY_IN_WORKER rows the text is made by the runner, not on the GUI thread."""
    from iris_desktop.ui.tabs.explore.tab import ExploreTab
    from iris_desktop.ui.widgets import plot_access

    monkeypatch.setattr(plot_access, "COPY_IN_WORKER", 10)
    tab = ExploreTab(make_state(trained_store), reporter)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.preparing and len(tab.data) == 181, timeout=30_000)
    task = tab.matrix.access.copy()
    wait_done(qtbot, task)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 182 and lines[0].startswith("Id\tSepal length (cm)")
    assert sorted(int(line.split("\t")[0]) for line in lines[1:]) == sorted(tab.data.columns.id.tolist())
