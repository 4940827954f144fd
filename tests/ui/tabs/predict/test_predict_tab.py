"""The Predict tab as a user meets it: sliders, spin boxes, presets, models coming and going.

Widgets are driven like a user would (key presses, typing + Enter, button clicks) and
the assertions read what is on screen: label text, bar heights, table cells.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt

pg = pytest.importorskip("pyqtgraph")  # the window imports it before building tabs

from iris_desktop.domain import FEATURES, VARIETIES, Variety  # noqa: E402
from iris_desktop.pipelines.training import TrainingConfig, train  # noqa: E402
from iris_desktop.store import flowers as flower_table  # noqa: E402
from iris_desktop.store.registry import set_active  # noqa: E402
from iris_desktop.ui.tabs.predict.tab import PredictTab, describe_model  # noqa: E402
from tests.conftest import TODAY  # noqa: E402
from tests.ui.conftest import sync  # noqa: E402

SL, SW, PL, PW = range(4)


@pytest.fixture
def make_tab(qtbot, make_state):
    """make_tab(store, today=TODAY) -> PredictTab on an AppState with the active model loaded."""

    def make(store, today: dt.date = TODAY) -> PredictTab:
        tab = PredictTab(make_state(store, today))
        qtbot.addWidget(tab)
        tab.show()  # a hidden Predict tab follows the model when it is shown
        qtbot.waitUntil(lambda: not tab.map.regions_pending, timeout=5000)
        return tab

    return make


def shown(tab: PredictTab) -> dict:
    """What the tab shows for the current flower."""
    return {
        "variety": tab.prediction_label.text(),
        "bars": tab.chart.bars.opts["height"].copy(),
        "flower": tab.flower.measurements,
        "flower_variety": tab.flower.variety,
        "point": tab.map.point_position(),
    }


def expected_proba(tab: PredictTab) -> np.ndarray:
    return tab.model.predict_proba(np.array([tab.values()]))[0]


def type_into(qtbot, spin, text: str) -> None:
    """Select the spin box's text, type, press Enter: as a user edits a field."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_shows_the_active_model_and_a_prediction_at_once(make_tab, trained_store):
    tab = make_tab(trained_store)
    assert tab.model_label.text().startswith("Model v1 · k-nearest neighbours (k=5)")
    assert tab.no_model.isHidden()
    proba = expected_proba(tab)
    assert tab.prediction_label.text() == VARIETIES[int(proba.argmax())].label
    assert np.allclose(tab.chart.bars.opts["height"], proba)
    assert tab.chart.texts() == [f"{p:.0%}" for p in proba]
    assert tab.flower.measurements == pytest.approx(tab.values())


def test_moving_a_slider_updates_spin_box_prediction_bars_and_picture(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.apply_mean(Variety.VERSICOLOR)
    field = tab.fields[PL]
    start = field.spin.value()
    before = shown(tab)
    picture = tab.flower.grab().toImage()

    qtbot.keyClick(field.slider, Qt.Key.Key_Right)  # one arrow step: 0.1 cm
    assert field.spin.value() == pytest.approx(start + 0.1)
    qtbot.keyClick(field.slider, Qt.Key.Key_PageUp)  # one page: 0.5 cm
    assert field.spin.value() == pytest.approx(start + 0.6)
    assert tab.flower.measurements[PL] == pytest.approx(start + 0.6)
    assert tab.flower.grab().toImage() != picture

    # Drag on to a virginica-sized petal: the prediction, bars and colours follow.
    tab.fields[PW].slider.setValue(22)
    field.slider.setValue(60)
    after = shown(tab)
    assert field.spin.value() == pytest.approx(6.0)
    assert tab.fields[PW].spin.value() == pytest.approx(2.2)
    assert before["variety"] == "Versicolor" and after["variety"] == "Virginica"
    assert np.allclose(after["bars"], expected_proba(tab))
    assert int(np.argmax(after["bars"])) == Variety.VIRGINICA.index
    assert after["flower_variety"] is Variety.VIRGINICA
    assert after["point"] == pytest.approx((6.0, 2.2))
    assert tab.chart.grab().toImage() is not None


def test_typing_in_the_spin_box_moves_the_slider(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    field = tab.fields[SL]
    type_into(qtbot, field.spin, "6.4")
    assert field.spin.value() == pytest.approx(6.4)
    assert field.slider.value() == 64
    assert tab.values()[SL] == pytest.approx(6.4)
    assert tab.flower.measurements[SL] == pytest.approx(6.4)
    assert np.allclose(tab.chart.bars.opts["height"], expected_proba(tab))


def test_each_mean_preset_predicts_its_variety(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    for variety, button in tab.preset_buttons.items():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        mean = tab.model.X_train[tab.model.y_train == variety.index].mean(axis=0)
        assert tab.values() == pytest.approx(tuple(mean), abs=0.051)
        assert tab.prediction_label.text() == variety.label
        assert int(np.argmax(tab.chart.bars.opts["height"])) == variety.index
        assert variety.label in tab.preset_note.text()
    qtbot.keyClick(tab.fields[SW].slider, Qt.Key.Key_Left)
    assert tab.preset_note.text() == ""  # the note no longer describes what is shown


def test_todays_flower_preset_and_reset(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    today = flower_table.daily_flower(trained_store, TODAY)
    assert tab.today_button.isEnabled()
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    assert tab.values() == pytest.approx(today.flower.measurements)
    assert today.flower.variety.label in tab.preset_note.text()
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.values() == pytest.approx(tuple(tab._start))
    assert tab.preset_note.text() == ""

    no_flower_yet = make_tab(trained_store, today=TODAY + dt.timedelta(days=1))
    assert not no_flower_yet.today_button.isEnabled()


def test_out_of_range_values_are_flagged_and_zero_is_impossible(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    field = tab.fields[SL]
    low, high = tab.model.X_train[:, SL].min(), tab.model.X_train[:, SL].max()
    assert "outside" not in field.flag.text()
    assert f"{low:.1f}–{high:.1f}" in field.flag.text()

    type_into(qtbot, field.spin, "12")
    assert field.spin.value() == pytest.approx(12.0)
    assert field.slider.value() == field.slider.maximum()  # the slider rests at its end
    assert "outside the training data" in field.flag.text()
    assert "Outside the training data" in tab.prediction_detail.text()
    assert tab.flower.measurements[SL] == pytest.approx(12.0)

    field.slider.setValue(round(high * 10))  # back in range by slider
    assert "outside" not in field.flag.text()
    assert "Outside" not in tab.prediction_detail.text()

    type_into(qtbot, tab.fields[PW].spin, "0")  # a zero length cannot be entered
    assert tab.fields[PW].spin.value() >= 0.1
    assert tab.fields[PW].spin.minimum() == pytest.approx(0.1)


def test_knn_neighbours_table_lists_the_k_nearest(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.fields[PL].slider.setValue(45)
    model, table = tab.model, tab.neighbours_model
    distances, index = model.neighbours(np.array([tab.values()]))
    assert tab.neighbours.currentWidget() is tab.neighbours.view
    assert table.rowCount() == model.record.params["n_neighbors"] == 5
    for r, (i, d) in enumerate(zip(index, distances)):
        cells = [table.index(r, c).data() for c in range(table.columnCount())]
        assert cells[:4] == [f"{v:.1f}" for v in model.X_train[i]]
        assert cells[4] == VARIETIES[model.y_train[i]].label
        assert cells[5] == f"{d:.2f}"
    shown_distances = [float(table.index(r, 5).data()) for r in range(table.rowCount())]
    assert shown_distances == sorted(shown_distances)
    rings = np.array(sorted(tab.map.neighbour_positions()))
    assert np.allclose(rings, sorted(map(tuple, model.X_train[index][:, 2:4])))


def test_follows_another_activated_model(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    state = tab.state
    record = train(trained_store, TrainingConfig(algorithm="logreg"), activate=False)
    assert tab.model_label.text().startswith("Model v1 ")
    set_active(trained_store, record.version)
    sync(state)
    qtbot.waitUntil(lambda: not tab.map.regions_pending and not tab.prediction_pending, timeout=5000)
    assert tab.model_label.text().startswith(f"Model v{record.version} · Logistic regression")
    assert tab.model.version == record.version
    assert np.allclose(tab.chart.bars.opts["height"], expected_proba(tab))
    # Logistic regression has no neighbours: the table makes way for a note, rings go.
    assert tab.neighbours.currentWidget() is tab.neighbours.note
    assert tab.neighbours_model.rowCount() == 0
    assert tab.map.neighbour_positions() == []
    assert tab.map.held is not None and tab.map.region_at(*tab.values()[2:]) is not None

    set_active(trained_store, 1)
    sync(state)
    assert tab.model_label.text().startswith("Model v1 · k-nearest neighbours")
    assert tab.neighbours_model.rowCount() == 5


def test_without_a_model_it_offers_to_train_the_default(make_tab, store, qtbot):
    tab = make_tab(store)  # an empty store: no data, no model
    assert not tab.no_model.isHidden()
    assert tab.model_label.text() == "No model yet"
    assert tab.prediction_label.text() == "—"
    assert not any(b.isEnabled() for b in tab.preset_buttons.values())
    assert all(f.flag.text() == "" for f in tab.fields)  # no model: no training range to flag
    assert list(tab.chart.bars.opts["height"]) == [0, 0, 0]
    qtbot.keyClick(tab.fields[SL].slider, Qt.Key.Key_Right)  # the flower still follows
    assert tab.flower.measurements[SL] == pytest.approx(tab.values()[SL])
    assert tab.flower.variety is None
    with qtbot.waitSignal(tab.state.trainDefaultRequested, timeout=1000):
        qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)

    # What the window does next, synchronously: backfill, train, announce the model.
    from iris_desktop.pipelines.backfill import backfill

    backfill(store)
    train(store, TrainingConfig())
    sync(tab.state)
    assert tab.no_model.isHidden()
    assert tab.model_label.text().startswith("Model v1")
    assert tab.prediction_label.text() in {v.label for v in VARIETIES}


def test_decision_regions_follow_sepal_changes_after_a_short_delay(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.apply_mean(Variety.SETOSA)
    qtbot.waitUntil(lambda: not tab.map.regions_pending, timeout=5000)
    assert tab.map.region_at(*tab.values()[2:]) is Variety.SETOSA
    assert tab.map.held[:2] == pytest.approx(tab.values()[:2])
    count = tab.map.recompute_count
    for _ in range(5):  # a quick burst of sepal steps: coalesced into one recompute
        qtbot.keyClick(tab.fields[SL].slider, Qt.Key.Key_Right)
    assert tab.map.regions_pending and tab.map.recompute_count == count
    qtbot.waitUntil(lambda: not tab.map.regions_pending, timeout=2000)
    assert tab.map.recompute_count == count + 1
    assert tab.map.held[:2] == pytest.approx(tab.values()[:2])
    assert "sepal length" in tab.map_caption.text()

    qtbot.keyClick(tab.fields[PL].slider, Qt.Key.Key_Right)  # petal steps move only the point
    assert not tab.map.regions_pending
    assert tab.map.point_position() == pytest.approx(tab.values()[2:])


def test_the_region_under_the_flower_is_its_prediction_even_at_a_boundary(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    # Sweep petal length across the versicolor/virginica boundary, sepals held.
    tab.set_values((5.8, 3.1, 4.0, 1.6))
    qtbot.waitUntil(lambda: not tab.map.regions_pending, timeout=5000)
    seen = set()
    for _ in range(20):
        qtbot.keyClick(tab.fields[PL].slider, Qt.Key.Key_Right)
        predicted = tab.prediction_label.text()
        seen.add(predicted)
        assert tab.map.region_at(*tab.values()[2:]).label == predicted
    assert seen == {"Versicolor", "Virginica"}


def test_clicking_the_map_moves_the_flower_there(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.resize(1300, 760)
    tab.show()
    qtbot.waitExposed(tab)
    view = tab.map.getPlotItem().vb
    target = tab.map.mapFromScene(view.mapViewToScene(pg.Point(5.5, 2.0)))
    qtbot.mouseClick(tab.map.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert tab.values()[2:] == pytest.approx((5.5, 2.0), abs=0.11)
    assert tab.map.point_position() == pytest.approx(tab.values()[2:])


def test_keyboard_access(make_tab, trained_store):
    tab = make_tab(trained_store)
    for field, feature in zip(tab.fields, FEATURES):
        assert field.label.buddy() is field.spin  # Alt+mnemonic jumps to the number
        assert "&" in field.label.text()
        assert feature.display in field.spin.toolTip() and "trained on" in field.spin.toolTip()
        assert field.slider.singleStep() == 1 and field.slider.pageStep() == 5
    chain, widget = [], tab.fields[0].slider
    for _ in range(8):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
            widget = widget.nextInFocusChain()
    assert chain == [w for f in tab.fields for w in (f.slider, f.spin)]
    assert not tab.neighbours_view.tabKeyNavigation()


def test_describe_model_names_version_algorithm_and_key_parameter(make_tab, trained_store):
    tab = make_tab(trained_store)
    assert describe_model(tab.model).startswith("Model v1 · k-nearest neighbours (k=5) · test accuracy ")


def test_mean_presets_work_from_stored_data_before_any_model(make_tab, store, qtbot):
    from iris_desktop.pipelines.backfill import backfill

    backfill(store)
    tab = make_tab(store)
    assert tab.model is None and all(b.isEnabled() for b in tab.preset_buttons.values())
    qtbot.mouseClick(tab.preset_buttons[Variety.VIRGINICA], Qt.MouseButton.LeftButton)
    assert tab.values() == pytest.approx((6.6, 3.0, 5.6, 2.0))  # the classic set's virginica means
    assert tab.preset_note.text() == "The average Virginica of the 50 stored flowers."
    assert tab.prediction_label.text() == "—"  # still nothing to predict with
