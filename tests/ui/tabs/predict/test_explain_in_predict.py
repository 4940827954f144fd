"""Explain in Predict: a day asked for (from History or Daily, through AppState) pins the
tab to that day's flower and the model that predicted it; the banner, the probabilities,
the neighbours and what would change it are the facts `explain` gives; back to my
sliders puts the user's own values and model back; the view follows History's switch."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pyqtgraph")

from iris_desktop.domain import VARIETIES
from iris_desktop.pipelines import explain, registry
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import predictions as prediction_table
from iris_desktop.ui.runtime.worker import wait_for_all
from iris_desktop.ui.tabs.predict.explanation_panel import NO_FLIP, flip_text
from iris_desktop.ui.tabs.predict.tab import PredictTab
from tests.conftest import TODAY

LATER = TODAY + dt.timedelta(days=365)


@pytest.fixture
def longer(trained_store):
    """The first-run store with a year of days: some predicted wrong."""
    catch_up(trained_store, LATER)
    return trained_store


@pytest.fixture
def make_tab(qtbot, make_state, reporter):
    def make(store, today: dt.date = LATER) -> PredictTab:
        tab = PredictTab(make_state(store, today), reporter=reporter)
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitUntil(lambda: not tab.map.regions_pending, timeout=5000)
        return tab

    yield make
    assert wait_for_all(30_000)


def wrong_day(store) -> prediction_table.PredictionRow:
    return next(r for r in prediction_table.daily_predictions(store) if not r.correct)


def explained(qtbot, tab: PredictTab, day: dt.date, version: int | None = None) -> explain.Explanation:
    qtbot.waitUntil(
        lambda: (
            tab.pinned.facts is not None
            and tab.pinned.facts.day == day
            and (version is None or tab.pinned.facts.model_version == version)
        ),
        timeout=20_000,
    )
    qtbot.waitUntil(lambda: not tab.map.regions_pending, timeout=5000)
    assert tab.pinned.facts is not None
    return tab.pinned.facts


def test_a_wrong_day_shows_its_banner_and_the_models_own_probabilities(make_tab, longer, qtbot):
    row = wrong_day(longer)
    tab = make_tab(longer)
    tab.state.explainRequested.emit(row.day, None)
    # at once, before the worker answers: the banner and the day's flower on the sliders
    assert tab.banner.isVisible() and f"Day {row.day}" in tab.banner.text.text()
    assert tab.values() == pytest.approx(row.flower.measurements)

    facts = explained(qtbot, tab, row.day)
    text = tab.banner.text.text()
    assert f"Day {row.day}: predicted {row.predicted.value}, actually {row.actual.value}" in text
    assert f"model v{row.model_version} (at the time)" in text
    model = registry.load_model(longer, row.model_version)
    expected = model.predict_proba(np.array(row.flower.measurements))[0]
    assert np.allclose(tab.chart.heights(), expected, atol=1e-12)
    assert np.allclose(tab.chart.heights(), row.probabilities, atol=1e-12)
    assert tab.prediction_label.text() == row.predicted.label
    assert tab.map.point_position() == pytest.approx(row.flower.measurements[2:])
    assert tab.model_label.text().startswith(f"Model v{row.model_version}")

    # the stored flowers nearest to it, marked as in the model's training data or not
    table = tab.neighbours_model
    assert not tab.neighbours_view.isColumnHidden(table.IN_TRAINING)
    assert table.rowCount() == len(facts.neighbours) == explain.NEIGHBOURS
    trained = {tuple(r) for r in np.round(model.X_train, 6)}
    for r, n in enumerate(facts.neighbours):
        cells = [table.index(r, c).data() for c in range(table.columnCount())]
        assert cells[:4] == [f"{v:.1f}" for v in n.measurements]
        assert cells[4] == n.variety.label and cells[5] == f"{n.distance:.2f}"
        assert cells[6] == ("yes" if tuple(np.round(n.measurements, 6)) in trained else "no")

    # what would change it, one measurement at a time, and the importances
    flips = tab.explanation.model
    assert tab.explanation.isVisible() and flips.rowCount() == 4
    for r, flip in enumerate(facts.flips):
        assert flips.index(r, 0).data().endswith(f" {facts.measurements[r]:.1f}")
        assert flips.index(r, 1).data() == flip_text(flip.change, flip.becomes)
        if flip.change is None:
            assert flips.index(r, 1).data() == NO_FLIP
    assert facts.importances is not None
    assert flips.index(2, 2).data() == f"{facts.importances['petal_length']:.3f}"


def test_back_to_my_sliders_restores_the_values_and_the_active_model(make_tab, longer, qtbot):
    train(longer, TrainingConfig("tree"), activate=False)  # v2: explains nothing by itself
    row = wrong_day(longer)
    tab = make_tab(longer)
    tab.fields[2].slider.setValue(47)
    tab.fields[0].spin.setValue(6.3)
    mine = tab.values()
    active = tab.model_label.text()

    tab.state.explainRequested.emit(row.day, 2)
    facts = explained(qtbot, tab, row.day, 2)
    assert not facts.at_the_time and "model v2 (asked for)" in tab.banner.text.text()
    v2 = registry.load_model(longer, 2)
    assert np.allclose(tab.chart.heights(), v2.predict_proba(np.array(row.flower.measurements))[0])

    qtbot.mouseClick(tab.banner.back_button, Qt.MouseButton.LeftButton)
    assert tab.values() == pytest.approx(mine)
    assert tab.banner.isHidden() and tab.explanation.isHidden()
    assert tab.model is tab.state.model and tab.model_label.text() == active
    assert tab.neighbours_view.isColumnHidden(tab.neighbours_model.IN_TRAINING)
    assert np.allclose(tab.chart.heights(), tab.model.predict_proba(np.array([mine]))[0])


def test_the_view_follows_historys_switch(make_tab, longer, qtbot):
    train(longer, TrainingConfig(params={"n_neighbors": 1}), activate=False)  # v2
    row = wrong_day(longer)
    tab = make_tab(longer)
    tab.state.explainRequested.emit(row.day, None)
    explained(qtbot, tab, row.day, row.model_version)
    tab.state.set_history_view(2)  # History switched to "by model v2"
    facts = explained(qtbot, tab, row.day, 2)
    assert tab.model.version == 2 and tab.pinned.version == 2
    v2 = registry.load_model(longer, 2)
    assert VARIETIES[int(v2.predict_proba(np.array(row.flower.measurements))[0].argmax())] is facts.predicted
    tab.state.set_history_view(None)
    explained(qtbot, tab, row.day, row.model_version)
    assert tab.pinned.facts is not None and tab.pinned.facts.at_the_time


def test_a_day_without_a_flower_says_so_in_the_banner(make_tab, longer, qtbot):
    tab = make_tab(longer)
    missing = LATER + dt.timedelta(days=30)
    tab.state.explainRequested.emit(missing, None)
    qtbot.waitUntil(lambda: "cannot be explained" in tab.banner.text.text(), timeout=10_000)
    assert f"no daily flower is stored for {missing}" in tab.banner.text.text()
    assert not tab.explanation.isVisible()
    qtbot.mouseClick(tab.banner.back_button, Qt.MouseButton.LeftButton)
    assert tab.banner.isHidden()


def test_in_the_window_history_and_daily_open_predict_on_the_day(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    history, daily, predict = window.tab("History"), window.tab("Daily"), window.tab("Predict")
    window.show_tab("History")
    qtbot.waitUntil(lambda: history.data is not None, timeout=10_000)
    day = TODAY - dt.timedelta(days=3)
    history.select_day(day)
    qtbot.mouseClick(history.day_panel.explain_button, Qt.MouseButton.LeftButton)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Predict"
    assert predict.banner.isVisible() and f"Day {day}" in predict.banner.text.text()
    facts = explained(qtbot, predict, day)
    # the banner made the tab taller: in a small window it scrolls, nothing drawn over anything
    window.resize(800, 600)
    qtbot.waitUntil(lambda: predict.height() >= predict.minimumSizeHint().height(), timeout=5000)
    assert predict.width() >= predict.minimumSizeHint().width()
    row = prediction_table.daily_predictions(trained_store, start=day, end=day)[0]
    assert np.allclose(predict.chart.heights(), row.probabilities, atol=1e-12)
    assert facts.headline() in predict.banner.text.text()

    # from Daily's day panel menu, another day: the same tab, still "back" to the same sliders
    window.show_tab("Daily")
    qtbot.waitUntil(lambda: daily.data is not None, timeout=10_000)
    other = TODAY - dt.timedelta(days=9)
    assert daily.show_date(other)
    menu = {a.text().replace("&", ""): a for a in daily.day_panel.actions()}
    menu["Explain in Predict"].trigger()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Predict"
    explained(qtbot, predict, other)
    # and the list's row menu (the Menu key's: the current row)
    window.show_tab("Daily")
    third = TODAY - dt.timedelta(days=20)
    assert daily.show_date(third)
    row_menu = daily.day_list.row_menu(None)
    assert row_menu is not None
    next(a for a in row_menu.actions() if a.text() == "&Explain in Predict").trigger()
    row_menu.close()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Predict"
    explained(qtbot, predict, third)
    qtbot.mouseClick(predict.banner.back_button, Qt.MouseButton.LeftButton)
    assert predict.banner.isHidden() and predict.model is window.state.model

    # and File ▸ Export lab report… is there
    file_menu = window.menuBar().actions()[0].menu()
    assert "Export lab &report…" in [a.text() for a in file_menu.actions()]


def test_pinned_its_new_controls_are_named_and_in_reading_order(make_tab, longer, qtbot):
    from PySide6.QtWidgets import QApplication, QWidget

    from tests.ui.accessibility_probe import focusable, reading_order_breaks, tab_chain, unnamed

    row = wrong_day(longer)
    tab = make_tab(longer)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=5000)
    tab.state.explainRequested.emit(row.day, None)
    explained(qtbot, tab, row.day)
    assert unnamed(tab) == []
    chain = tab_chain(qtbot, tab)
    reachable = [w for w in tab.findChildren(QWidget) if focusable(w, tab)]
    assert tab.banner.back_button in chain and tab.explanation.view in chain
    assert set(chain) == set(reachable) and reading_order_breaks(chain) == []
