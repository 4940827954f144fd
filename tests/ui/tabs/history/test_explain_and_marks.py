"""History's part of "Explain in Predict" and of telling a drop apart: every way to ask
for a day's explanation (the day panel's button, a row's menu, a right-click on a
marker) sends that day and the view shown through AppState; a change of generator is
marked on the accuracy plot, the same marks the lab report draws."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

pytest.importorskip("pyqtgraph")

from iris_desktop.pipelines import daily, monitoring
from iris_desktop.pipelines.generator_changes import generator_changes
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.report_data import gather
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.ui.tabs.history.day_axis import day_x
from iris_desktop.ui.tabs.history.tab import HistoryTab
from tests.conftest import TODAY
from tests.ui.conftest import sync

DAY = dt.timedelta(days=1)


def requests(tab: HistoryTab) -> list[tuple[dt.date, int | None]]:
    asked: list[tuple[dt.date, int | None]] = []
    tab.state.explainRequested.connect(lambda day, version: asked.append((day, version)))
    return asked


def action(menu, text: str):
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_the_day_panel_and_a_rows_menu_ask_for_the_day_in_the_view_shown(make_tab, trained_store, qtbot):
    train(trained_store, TrainingConfig("tree"), activate=False)  # v2
    tab = make_tab(trained_store)
    asked = requests(tab)
    assert tab.state.history_view is None

    qtbot.mouseClick(tab.day_panel.explain_button, Qt.MouseButton.LeftButton)  # the latest day
    assert asked == [(TODAY, None)]

    table = tab.table.view
    rect = table.visualRect(tab.table.model.index(4, 0))  # newest first: four days back
    menu = tab.table.row_menu(rect.center())
    assert menu is not None and menu.isVisible()
    assert tab.table.selected_day() == TODAY - 4 * DAY and tab.day_panel.day == TODAY - 4 * DAY
    action(menu, "Explain in Predict").trigger()
    menu.close()
    assert asked[-1] == (TODAY - 4 * DAY, None)

    # by model v2: the view travels with the request, and AppState tells Predict
    tab.by_model.setChecked(True)
    tab.view_switch.version_box.setCurrentIndex(tab.view_switch.version_box.findData(2))
    assert tab.state.history_view == 2
    qtbot.waitUntil(lambda: tab.data.version == 2, timeout=10_000)
    tab.select_day(TODAY - 7 * DAY)
    qtbot.keyClick(tab.day_panel.explain_button, Qt.Key.Key_Space)
    assert asked[-1] == (TODAY - 7 * DAY, 2)
    tab.as_predicted.setChecked(True)
    assert tab.state.history_view is None


def test_a_right_click_on_a_marker_selects_it_and_offers_to_explain_it(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    asked = requests(tab)
    plot = tab.plot
    plot.show_last(None)
    QApplication.processEvents()
    day = TODAY - 12 * DAY
    index = tab.data.view.index_of(day)
    y = 1.07 if tab.data.view.correct[index] else -0.07
    vb = plot.plot.getViewBox()
    vb.updateMatrix()
    at = plot.mapFromScene(vb.mapViewToScene(QPointF(day_x([day])[0], y)))  # the marker, in the viewport
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, plot.viewport().mapToGlobal(at))
    QApplication.sendEvent(plot.viewport(), event)
    assert tab.day_panel.day == day and tab.table.selected_day() == day
    assert plot.menu is not None and plot.menu.isVisible()
    action(plot.menu, "Explain the selected day in Predict").trigger()
    plot.menu.close()
    assert asked == [(day, None)]


def test_generator_changes_are_marked_as_the_report_marks_them(make_tab, store, qtbot):
    store.set_meta("installation_seed", "20260615")
    from iris_desktop.pipelines.operations import first_run

    first_run(store, TODAY)  # 31 days from the default generator
    tab = make_tab(store)
    assert tab.plot.generator_lines() == []
    daily.set_generator(store, "original")
    later = TODAY + 20 * DAY
    catch_up(store, later)
    tab.state.today = lambda: later
    sync(tab.state)
    qtbot.waitUntil(lambda: len(tab.data.view) == 51, timeout=10_000)
    lines = tab.plot.generator_lines()
    assert [d for d, _tip in lines] == [TODAY + DAY]
    assert "original lab's per-variety bounds" in lines[0][1]
    assert f"last generator change on {TODAY + DAY}" in tab.plot.accessibleDescription()
    # the same changes as the lab report's, read by the same pipelines
    history = monitoring.history_columns(store, end=later)
    assert generator_changes(store, history) == gather(store, later).generator_changes
    assert [d for d, _ in generator_changes(store, history)] == [TODAY - 30 * DAY, TODAY + DAY]
    # hidden from the legend, hidden from the plot
    tab.plot._generator_sample.setVisible(False)
    assert tab.plot.generator_lines() == []
